package source

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/model"
)

var updateGolden = flag.Bool("update", false, "write the .blocks golden files of the real documents")

// goldenDirs hold real documents, each with its expected block structure in
// a .blocks file beside it: the issue of every kind, the composition issue
// (texts modelled on county documents) and the corpus.
var goldenDirs = []string{"../../testdata/issues/kinds", "../../testdata/issues/composition", "../../testdata/corpus"}

// goldenPrefix is how many characters of a block's text its golden line
// shows.
const goldenPrefix = 16

// blocksGolden writes a document's structure one block a line: the kind,
// its level, 条目 for a numbered item and 新页, then the first characters of its text — all of it for
// a title, which the 目录 and the bookmarks carry.
func blocksGolden(doc *model.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		fmt.Fprintf(&b, "%s", bl.Kind)
		if bl.Level > 0 {
			fmt.Fprintf(&b, " L%d", bl.Level)
		}
		if h, ok := parseHead(bl.Text); ok && bl.Kind == model.Paragraph && bl.Lead != "" && len(bl.Lead) == h.size {
			b.WriteString(" 条目") // a numbered item: only its number in the head face
		}
		if bl.NewPage {
			b.WriteString(" 新页")
		}
		text := strings.ReplaceAll(bl.Text, "\n", "⏎")
		if r := []rune(text); len(r) > goldenPrefix && bl.Kind != model.Title {
			text = string(r[:goldenPrefix]) + "…"
		}
		fmt.Fprintf(&b, "\t%s\n", text)
	}
	return b.String()
}

// TestGoldenBlocks runs recognition over every real document and compares
// its structure with the reviewed .blocks file beside it. The goldens are
// the spec, written and read by eye (go test -run TestGoldenBlocks -update
// writes them from the code; review every change before committing).
func TestGoldenBlocks(t *testing.T) {
	var files []string
	for _, dir := range goldenDirs {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
				files = append(files, path)
			}
			return nil
		})
	}
	if len(files) == 0 {
		t.Fatal("no real documents found")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			// a document recognition refuses (no title) has the refusal
			// as its golden: that is what the office sees
			var got string
			if doc, err := ParseDocument(path); err != nil {
				got = "错误\t" + strings.TrimPrefix(err.Error(), "文件 "+path+" ") + "\n"
			} else {
				got = blocksGolden(doc)
			}
			golden := strings.TrimSuffix(path, ".txt") + ".blocks"
			if *updateGolden {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Skipf("no golden %s yet", golden)
			}
			if got != string(want) {
				t.Errorf("structure of %s differs from %s:\n got:\n%s\nwant:\n%s", path, golden, got, want)
			}
		})
	}
}
