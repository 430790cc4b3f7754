package layout

import (
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/model"
)

// writePNG writes a w × h grey PNG into dir.
func writePNG(t *testing.T, dir string, w, h int) string {
	t.Helper()
	path := filepath.Join(dir, "图1.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImageWarnings: build warns, with the document and line, about a
// picture that would print below 300 ppi and about a width wider than the
// type area; a sharp picture passes quietly.
func TestImageWarnings(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		px      int
		widthMM float64
		want    []string
	}{
		{"web picture at full width", 600, 0, []string{"只有 97 ppi", "1843 像素宽", "gazette preflight"}},
		{"too wide", 3000, 300, []string{"比版心（156 毫米）还宽"}},
		{"sharp", 1900, 0, nil},
		{"small and sharp", 600, 50, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writePNG(t, dir, tt.px, tt.px/2)
			doc := &model.Document{Source: "03-会议.txt", Blocks: []model.Block{{Kind: model.Title, Text: "会议召开"},
				{Kind: model.ImageBlock, Line: 7, Image: &model.Image{Path: path, WidthMM: tt.widthMM}}}}
			b, _ := layDocs(t, doc)
			got := strings.Join(b.Warnings, "\n")
			for _, w := range tt.want {
				if !strings.Contains(got, w) || !strings.Contains(got, "03-会议.txt 第7行") {
					t.Errorf("warnings %q lack %q at 03-会议.txt 第7行", got, w)
				}
			}
			if tt.want == nil && got != "" {
				t.Errorf("unexpected warnings: %s", got)
			}
		})
	}
}

// bombPNG writes a PNG whose header says w × h pixels and whose data stops
// there: all a pixel bomb needs to be refused (its size is read first).
func bombPNG(t *testing.T, dir string, w, h int) string {
	t.Helper()
	path := filepath.Join(dir, "炸弹.png")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8 // 8-bit grey
	chunk := append([]byte("IHDR"), ihdr[:]...)
	var b []byte
	b = append(b, "\x89PNG\r\n\x1a\n"...)
	b = binary.BigEndian.AppendUint32(b, 13)
	b = append(b, chunk...)
	b = binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(chunk))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTallPictureScaled: a picture taller than the type area at the width
// asked is scaled down in proportion (never squashed), fits the type area,
// and is reported.
func TestTallPictureScaled(t *testing.T) {
	path := writePNG(t, t.TempDir(), 2000, 10000)
	doc := &model.Document{Source: "a.txt", Blocks: []model.Block{{Kind: model.Title, Text: "会议召开"},
		{Kind: model.ImageBlock, Line: 4, Image: &model.Image{Path: path}}, para("正文。")}}
	b, st := layDocs(t, doc)
	checkBook(t, st, b)
	var pics []Picture
	for _, p := range b.Pages {
		pics = append(pics, p.Images...)
	}
	if len(pics) != 1 {
		t.Fatalf("%d pictures placed, want 1", len(pics))
	}
	pic := pics[0]
	if ratio := pic.H / pic.W; math.Abs(ratio-5) > 0.001 {
		t.Errorf("the picture prints %.1f × %.1f pt, %.3f:1, its pixels are 5:1", pic.W, pic.H, ratio)
	}
	if pic.H > st.TextHeight()+0.01 || pic.Y < st.Top-0.01 || pic.Y+pic.H > st.Top+st.TextHeight()+0.01 {
		t.Errorf("the picture spans y %.1f–%.1f, the type area %.1f–%.1f", pic.Y, pic.Y+pic.H, st.Top, st.Top+st.TextHeight())
	}
	if w := strings.Join(b.Warnings, "\n"); !strings.Contains(w, "已按比例缩小") || !strings.Contains(w, "a.txt 第4行") {
		t.Errorf("no warning of the scaling at a.txt 第4行: %q", w)
	}
}

// TestPictureRefused: a pixel bomb (50,000 × 50,000 pixels in a few bytes)
// is refused from its header before anything is decoded, and a picture
// copied only in part is refused, both at the document's line.
func TestPictureRefused(t *testing.T) {
	dir := t.TempDir()
	good := writePNG(t, dir, 300, 200)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	half := filepath.Join(dir, "半张.png")
	if err := os.WriteFile(half, data[:len(data)*2/3], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, want string
	}{
		{"bomb", bombPNG(t, dir, 50000, 50000), "50000 × 50000 像素"},
		{"half copied", half, "无法读取"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := &model.Document{Source: "a.txt", Blocks: []model.Block{{Kind: model.Title, Text: "会议召开"},
				{Kind: model.ImageBlock, Line: 4, Image: &model.Image{Path: tt.path}}}}
			_, _, err := layDocsErr(doc)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "a.txt 第4行") {
				t.Errorf("want a refusal with %q at a.txt 第4行, got %v", tt.want, err)
			}
		})
	}
}
