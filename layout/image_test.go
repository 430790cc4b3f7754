package layout

import (
	"image"
	"image/png"
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
