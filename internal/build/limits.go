package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gazette/internal/diag"
	"gazette/internal/model"
	"gazette/layout"
)

// Limits (docs/pages-and-limits.md#limits). Any input either builds within 10 seconds and 1 GB of memory on
// an office's ordinary computer (measured on a shared two-core machine) or
// is refused before the work starts, with the file and the limit named.
// The limits are far above any real issue — a gazette issue runs to 30–200
// pages — and below what would make the build slow or exhaust memory:
//
//   - a text or CSV file of at most MaxSourceBytes (4 MB, some 1.3 million
//     characters, 700 pages of body text);
//   - all of an issue's text and tables together at most MaxIssueBytes;
//   - a table of at most MaxTableRows rows (20,000 rows take about 2 s and
//     350 MB);
//   - a picture of at most layout.MaxPicturePixels, and all of an issue's
//     pictures together at most MaxIssuePixels (each is decoded twice: to
//     check it and to convert it for print);
//   - at most MaxPages pages laid out (checked before the PDF is written).
const (
	// MemoryLimit is the soft memory limit the command sets for the Go
	// runtime (debug.SetMemoryLimit): a build stays under 1 GB by making
	// the collector run more often as it nears it, not by failing.
	MemoryLimit = 800 << 20

	MaxSourceBytes = 4 << 20
	MaxIssueBytes  = 6 << 20
	MaxTableRows   = 20000
	MaxIssuePixels = 150_000_000
	MaxPages       = 2000
)

// plainText reports whether path is a file read as it is (text, CSV): its
// size is its text's. A Word or Excel file's size is mostly pictures and
// zip, and is bounded by what is read from it (rows, pages).
func plainText(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx", ".xlsx":
		return false
	}
	return true
}

// sourceTooBig refuses a document file over MaxSourceBytes before it is
// read; total adds its size to the issue's.
func sourceTooBig(m string, path string, line int, total *int64) *diag.Problem {
	fi, err := os.Stat(path)
	if err != nil || !plainText(path) {
		return nil // reading it reports what is wrong
	}
	*total += fi.Size()
	if fi.Size() > MaxSourceBytes {
		return &diag.Problem{File: m, Line: line,
			Msg:  fmt.Sprintf("文件 “%s” 有 %.1f MB，超过 gazette 一篇文稿的上限 %d MB（约 130 万字、700 页）", filepath.Base(path), mb(fi.Size()), MaxSourceBytes>>20),
			Hint: "请检查是否选错了文件；确实这么长的材料请分成几篇，或分在几期刊登。"}
	}
	return nil
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

// checkLimits refuses, after the documents are read and before they are
// laid out, tables over MaxTableRows, an issue whose text and tables
// together pass MaxIssueBytes and pictures together over MaxIssuePixels.
func (is *Issue) checkLimits(textBytes int64) error {
	var probs diag.List
	total := textBytes
	pixels := int64(0)
	seen := map[string]bool{}
	for _, doc := range is.Documents() {
		for _, b := range doc.Blocks {
			switch {
			case b.Kind == model.TableBlock && b.Table != nil:
				t := b.Table
				if t.Rows > MaxTableRows {
					probs = append(probs, &diag.Problem{File: doc.Source, Line: b.Line,
						Msg:  fmt.Sprintf("表格 “%s” 有 %d 行，超过 gazette 一张表的上限 %d 行", filepath.Base(t.Source), t.Rows, MaxTableRows),
						Hint: "这么长的数据不宜排进公报；请只刊登汇总表，或分成几张表、几期刊登。"})
				}
				if t.Source != "" && !seen[t.Source] && plainText(t.Source) {
					seen[t.Source] = true
					if fi, err := os.Stat(t.Source); err == nil {
						total += fi.Size()
					}
				}
			case b.Kind == model.ImageBlock && b.Image != nil:
				w, h, err := layout.PictureSizeOf(b.Image.Open)
				if err != nil {
					continue // layout reports it at its line
				}
				if pixels += int64(w) * int64(h); pixels > MaxIssuePixels {
					probs = append(probs, &diag.Problem{File: doc.Source, Line: b.Line,
						Msg: fmt.Sprintf("到图片 “%s” 为止，本期的图片共有 %d 万像素，超过 gazette 一期的上限 %d 万像素",
							filepath.Base(b.Image.Path), pixels/10000, MaxIssuePixels/10000),
						Hint: "印刷只需 300 ppi：请把大图缩小（版心整页宽约 1900 像素）后再用。"})
					pixels = -1 << 62 // report it once
				}
			}
		}
	}
	if total > MaxIssueBytes {
		probs = append(probs, &diag.Problem{File: is.Manifest.Path,
			Msg:  fmt.Sprintf("本期的文稿和表格共 %.1f MB，超过 gazette 一期的上限 %d MB", mb(total), MaxIssueBytes>>20),
			Hint: "请检查是否选错了文件，或把部分文稿移到下一期。"})
	}
	return probs.Err()
}

// checkPages refuses a laid-out issue of more than MaxPages pages before
// anything is written.
func (is *Issue) checkPages() error {
	if n := len(is.Book.Pages); n > MaxPages {
		return &diag.Problem{File: is.Manifest.Path,
			Msg:  fmt.Sprintf("本期排出 %d 页，超过 gazette 一期的上限 %d 页", n, MaxPages),
			Hint: "请检查是否选错了文件，或把部分文稿移到下一期。"}
	}
	return nil
}
