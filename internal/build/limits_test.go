package build

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/manifest"
	"gazette/internal/testtool"
	"gazette/layout"
)

// pngHeader is a PNG of w × h pixels as far as its header: enough for a
// size to be read, nothing to decode.
func pngHeader(w, h uint32) []byte {
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8] = 8
	chunk := append([]byte("IHDR"), ihdr[:]...)
	b := append([]byte("\x89PNG\r\n\x1a\n"), 0, 0, 0, 13)
	b = append(b, chunk...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(chunk))
}

// addDocument copies the sample with one more document in its last
// section, written with its files into the issue's folder.
func addDocument(t *testing.T, files map[string][]byte) string {
	t.Helper()
	m := testtool.CopySample(t, sampleDir, func(b []byte) []byte {
		return bytes.Replace(b, []byte(`  "05-第33次常务会议.txt",`), []byte(`  "05-第33次常务会议.txt", "stress.txt",`), 1)
	})
	dir := filepath.Dir(m)
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// TestLimits: an input past a limit is refused before the work, by check
// as by build, naming the file and the limit: a table of more than 20,000
// rows, a text file over 4 MB, pictures together over 150 million pixels.
func TestLimits(t *testing.T) {
	var rows strings.Builder
	rows.WriteString("序号,数值\n")
	for i := 0; i <= MaxTableRows; i++ {
		fmt.Fprintf(&rows, "%d,%d\n", i, i)
	}
	var pics strings.Builder
	pictures := map[string][]byte{}
	for i := 1; i <= 6; i++ {
		name := fmt.Sprintf("图%d.png", i)
		pictures[name] = pngHeader(8000, 5000)
		fmt.Fprintf(&pics, "【图片：%s】\n", name)
	}
	big := bytes.Repeat([]byte("全区政府系统要严格按照中央规定的步骤开展调查研究。\n"), MaxSourceBytes/70+1)
	tests := []struct {
		name  string
		files map[string][]byte
		want  []string
	}{
		{"20,001 rows", map[string][]byte{"stress.txt": []byte("关于印发指标表的通知\n\n各单位：\n【表格：长表.csv 表头=1】\n"), "长表.csv": []byte(rows.String())},
			[]string{"stress.txt 第4行", "长表.csv", "20002 行", "上限 20000 行"}},
		{"a 4 MB text", map[string][]byte{"stress.txt": append([]byte("关于大文件的通知\n\n"), big...)},
			[]string{"issue.toml", "stress.txt", "上限 4 MB"}},
		{"160 million pixels", func() map[string][]byte {
			pictures["stress.txt"] = []byte("关于图片的通知\n\n各单位：\n" + pics.String())
			return pictures
		}(), []string{"stress.txt 第7行", "图4.png", "上限 15000 万像素"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := addDocument(t, tt.files)
			_, checkErr := Check(m)
			_, _, buildErr := Build(m, filepath.Join(t.TempDir(), "x.pdf"))
			for _, err := range []error{checkErr, buildErr} {
				if err == nil {
					t.Fatal("not refused")
				}
				for _, w := range tt.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("the refusal lacks %q: %v", w, err)
					}
				}
			}
		})
	}
}

// TestPageLimit: an issue laid out to more than MaxPages pages is refused
// before anything is written.
func TestPageLimit(t *testing.T) {
	is := &Issue{Manifest: &manifest.Manifest{Path: "issue.toml"}, Book: &layout.Book{Pages: make([]*layout.Page, MaxPages+1)}}
	if err := is.checkPages(); err == nil || !strings.Contains(err.Error(), "上限 2000 页") {
		t.Errorf("a %d-page issue: %v", MaxPages+1, err)
	}
	is.Book.Pages = is.Book.Pages[:MaxPages]
	if err := is.checkPages(); err != nil {
		t.Errorf("a %d-page issue refused: %v", MaxPages, err)
	}
}
