package layout

import (
	"strconv"
	"testing"
)

// testBook makes a book of front pages (folio 0), body pages numbered from 1 and
// back-cover pages, each body page linking to the first body page and each
// body page bookmarked.
func testBook(front, body, back int) *Book {
	b := &Book{}
	for i := 0; i < front; i++ {
		b.Pages = append(b.Pages, &Page{Label: "f"})
	}
	for i := 1; i <= body; i++ {
		p := &Page{Folio: i, Label: strconv.Itoa(i), Runs: []Run{{Text: "正文"}},
			Links: []Link{{Target: front}}}
		b.Pages = append(b.Pages, p)
		b.Outline = append(b.Outline, Bookmark{Title: strconv.Itoa(i), Page: front + i - 1})
	}
	for i := 0; i < back; i++ {
		p := &Page{BackCover: true, Label: "back", Runs: []Run{{Text: "封底"}}}
		b.Pages = append(b.Pages, p)
		b.Outline = append(b.Outline, Bookmark{Title: "封底", Page: len(b.Pages) - 1})
	}
	return b
}

func TestPadForSaddleStitch(t *testing.T) {
	tests := []struct {
		name              string
		front, body, back int
		added, at         int
		beforeBack        bool
	}{
		{"sample: 4 + 31 pages", 4, 31, 0, 1, 35, false},
		{"already a multiple of four", 4, 32, 0, 0, 36, false},
		{"three short", 2, 3, 0, 3, 5, false},
		{"before a one-page back cover", 4, 29, 1, 2, 33, true},
		{"before 封三 and 封四", 4, 27, 2, 3, 31, true},
		{"nothing but a back cover", 0, 0, 2, 2, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := testBook(tt.front, tt.body, tt.back)
			before := len(b.Pages)
			backs := append([]*Page(nil), b.Pages[before-tt.back:]...)
			p := b.PadForSaddleStitch()
			if p.Added != tt.added || p.At != tt.at || p.BackCover != tt.beforeBack {
				t.Fatalf("padding %+v, want %d at %d (back cover %v)", p, tt.added, tt.at, tt.beforeBack)
			}
			if n := len(b.Pages); n%SaddleSheet != 0 || n != before+tt.added {
				t.Fatalf("%d pages, want %d, a multiple of 4", n, before+tt.added)
			}
			for i := tt.at; i < tt.at+tt.added; i++ {
				pg := b.Pages[i]
				if !pg.Blank || len(pg.Runs)+len(pg.Rules)+len(pg.Boxes)+len(pg.Images)+len(pg.Links) > 0 {
					t.Errorf("page %d is not a bare blank: %+v", i+1, pg)
				}
				if tt.body > 0 && pg.Folio != tt.body+i-tt.at+1 {
					t.Errorf("blank page %d has folio %d, want %d (blind folio after the body)", i+1, pg.Folio, tt.body+i-tt.at+1)
				}
			}
			for i, pg := range backs { // the back cover stays last, on its new sides
				j := len(b.Pages) - len(backs) + i
				if b.Pages[j] != pg || pg.Recto != (j%2 == 0) {
					t.Errorf("back cover page %d moved to %d (recto %v)", i, j, pg.Recto)
				}
			}
			if len(backs) > 0 && b.Outline[len(b.Outline)-1].Page != len(b.Pages)-1 {
				t.Errorf("the back cover's bookmark points at page %d", b.Outline[len(b.Outline)-1].Page)
			}
			if tt.body > 0 && b.Pages[tt.front].Links[0].Target != tt.front {
				t.Errorf("a link before the blanks moved to %d", b.Pages[tt.front].Links[0].Target)
			}
		})
	}
}
