package layout

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/model"
)

// FuzzTable: whatever the shape and text of a table (columns, header rows,
// merged cells, cells of any length), it is either refused with a message
// or laid out with no coordinate that is no number, nothing off the page,
// nothing below the type area and no text over other text.
func FuzzTable(f *testing.F) {
	f.Add(uint8(3), uint8(1), uint8(5), "指标名称|2023年|农业七大产业综合产值目标任务（单位：亿元）|17.2|^|<")
	f.Add(uint8(16), uint8(1), uint8(6), "列1|12|3")
	f.Add(uint8(2), uint8(1), uint8(3), strings.Repeat("这是一个很长的格子内容用来测试超过一页的行，", 60))
	f.Add(uint8(30), uint8(0), uint8(2), "1")
	f.Fuzz(func(t *testing.T, cols, header, rows uint8, text string) {
		c, r := int(cols%40)+1, int(rows%60)+1
		parts := strings.Split(strings.ToValidUTF8(text, ""), "|")
		if len(text) > 4000 {
			return
		}
		tb := &model.Table{Source: "t.csv", Columns: c, Rows: r, HeaderRows: min(int(header%3), r)}
		k := 0
		covered := map[[2]int]bool{}
		for row := 0; row < r; row++ {
			for col := 0; col < c; col++ {
				if covered[[2]int{row, col}] {
					continue
				}
				p := clean(parts[k%len(parts)])
				k++
				cell := model.Cell{Row: row, Col: col, RowSpan: 1, ColSpan: 1, Text: p}
				// a cell whose text starts with "^" spans the row below, "<" the next column
				if strings.HasPrefix(p, "^") && row+1 < r && !covered[[2]int{row + 1, col}] {
					cell.RowSpan = 2
					covered[[2]int{row + 1, col}] = true
				} else if strings.HasPrefix(p, "<") && col+1 < c && !covered[[2]int{row, col + 1}] {
					cell.ColSpan = 2
					covered[[2]int{row, col + 1}] = true
				}
				tb.Cells = append(tb.Cells, cell)
			}
		}
		b, st, err := layDocsErr(tableDoc(tb))
		if err != nil {
			return // refused, with a message
		}
		checkBook(t, st, b)
	})
}

// clean keeps what a CSV cell can hold and the faces have (gridMetrics
// lacks U+1F600; astral characters are refused elsewhere).
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0xFFFD || r > 0xFFFF {
			return -1
		}
		return r
	}, s)
}

// FuzzPaginate: whatever the heights and keeps of a vertical list,
// pagination ends, places every item once and in order, and fills no page
// past its height except with an item taller than a page.
func FuzzPaginate(f *testing.F) {
	f.Add([]byte{10, 20, 200, 3, 250, 7, 1, 1, 255, 255})
	f.Add(bytes.Repeat([]byte{255}, 40))
	f.Fuzz(func(t *testing.T, spec []byte) {
		if len(spec) > 400 {
			return
		}
		st, _ := Preset("gbt9704")
		var header []item
		items := make([]item, len(spec))
		for i, b := range spec {
			items[i] = item{height: float64(b) * 3, keepNext: b%3 == 0, grid: b%5 == 0, blank: b%11 == 0, newPage: b%13 == 0}
			if b%7 == 0 {
				if header == nil {
					header = []item{{height: 30, keepNext: true}}
				}
				items[i].header = header
			}
		}
		pages, _ := paginate(items, st)
		next := 0
		for _, page := range pages {
			fill := 0.0
			for _, pl := range page {
				if pl.index < 0 {
					continue // a repeated header
				}
				for next < pl.index && items[next].blank {
					next++ // white space dropped at a page top
				}
				if pl.index != next {
					t.Fatalf("item %d placed where item %d was due", pl.index, next)
				}
				next++
				if pl.y+pl.item.height > st.TextHeight()+0.02 && pl.item.height+30 <= st.TextHeight() && pl.y > 30.01 {
					fill = pl.y + pl.item.height
				}
			}
			if fill > 0 {
				t.Errorf("a page is filled to %.1f of %.1f", fill, st.TextHeight())
			}
		}
		for next < len(items) && items[next].blank {
			next++
		}
		if next != len(items) {
			t.Fatalf("%d of %d items placed", next, len(items))
		}
	})
}

// FuzzPicture: whatever the bytes of a picture file, reading its size
// neither panics nor passes a picture over the pixel limit, and layout
// either places it inside the type area, in proportion, or refuses it.
func FuzzPicture(f *testing.F) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 40, 200)))
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:buf.Len()/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		path := filepath.Join(t.TempDir(), "p.png")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		w, h, err := PictureSize(path)
		if err != nil {
			return
		}
		if int64(w)*int64(h) > MaxPicturePixels {
			t.Fatalf("%d × %d passed the pixel limit", w, h)
		}
		doc := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "图"}, {Kind: model.ImageBlock, Image: &model.Image{Path: path}}}}
		b, st, err := layDocsErr(doc)
		if err != nil {
			return
		}
		checkBook(t, st, b)
		for _, p := range b.Pages {
			for _, im := range p.Images {
				if d := im.H/im.W - float64(h)/float64(w); d > 1e-6 || d < -1e-6 {
					t.Errorf("the picture prints %.1f × %.1f, its pixels are %d × %d", im.W, im.H, w, h)
				}
			}
		}
	})
}
