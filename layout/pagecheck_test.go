package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// inkBox is where a run prints under gridMetrics: its advance widths across,
// and from 0.88 em above its baseline to 0.12 em below it.
type inkBox struct {
	x0, y0, x1, y1 float64
	text           string
}

func runBox(r Run) inkBox {
	x0, x1 := runExtent(r)
	if r.Turned { // up the page from (X, Y), the glyphs' tops to the left
		return inkBox{r.X - 0.88*r.Size, r.Y - (x1 - x0), r.X + 0.12*r.Size, r.Y, r.Text}
	}
	return inkBox{x0, r.Y - 0.88*r.Size, x1, r.Y + 0.12*r.Size, r.Text}
}

// pageFaults lists what a page must never show, read from its display list:
// a coordinate that is not a finite number, a run, rule or picture outside
// the trimmed page (or, for a body page, a run below the type area's foot
// other than the folio), and two runs whose boxes overlap (more than the
// blank half of a squeezed punctuation mark).
func pageFaults(st *Style, i int, p *Page) []string {
	var out []string
	bad := func(f ...float64) bool {
		for _, v := range f {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return true
			}
		}
		return false
	}
	inPage := func(x0, y0, x1, y1 float64) bool {
		return x0 >= -0.01 && y0 >= -0.01 && x1 <= st.PageWidth+0.01 && y1 <= st.PageHeight+0.01
	}
	var boxes []inkBox
	for _, r := range p.Runs {
		b := runBox(r)
		switch {
		case bad(r.X, r.Y, r.Size, r.Spacing):
			out = append(out, fmt.Sprintf("page %d: run %q at a coordinate that is no number (%v, %v)", i, r.Text, r.X, r.Y))
		case !inPage(b.x0, b.y0, b.x1, b.y1):
			out = append(out, fmt.Sprintf("page %d: run %q at %.1f,%.1f–%.1f,%.1f outside the page", i, r.Text, b.x0, b.y0, b.x1, b.y1))
		case p.Folio > 0 && strings.Trim(r.Text, "— 0123456789") != "" && b.y1 > st.Top+st.TextHeight()+1:
			out = append(out, fmt.Sprintf("page %d: run %q ends at y %.1f, below the type area (%.1f)", i, r.Text, b.y1, st.Top+st.TextHeight()))
		}
		if strings.Trim(r.Text, "·") != "" { // a 目录 leader may run up to its page number
			boxes = append(boxes, b)
		}
	}
	for _, r := range p.Rules {
		if bad(r.X1, r.Y1, r.X2, r.Y2, r.Width) || !inPage(min(r.X1, r.X2), min(r.Y1, r.Y2), max(r.X1, r.X2), max(r.Y1, r.Y2)) {
			out = append(out, fmt.Sprintf("page %d: rule %.1f,%.1f–%.1f,%.1f outside the page or not a number", i, r.X1, r.Y1, r.X2, r.Y2))
		}
	}
	for _, im := range p.Images {
		if bad(im.X, im.Y, im.W, im.H) || !inPage(im.X, im.Y, im.X+im.W, im.Y+im.H) {
			out = append(out, fmt.Sprintf("page %d: picture %.1f,%.1f %.1f×%.1f outside the page", i, im.X, im.Y, im.W, im.H))
		}
	}
	for a := range boxes {
		for b := a + 1; b < len(boxes); b++ {
			p, q := boxes[a], boxes[b]
			ox := min(p.x1, q.x1) - max(p.x0, q.x0)
			oy := min(p.y1, q.y1) - max(p.y0, q.y0)
			em := min(p.y1-p.y0, q.y1-q.y0)
			if ox > em/2+0.01 && oy > 0.01 {
				out = append(out, fmt.Sprintf("page %d: %q overlaps %q", i, short(p.text), short(q.text)))
			}
		}
	}
	return out
}

func short(s string) string {
	if r := []rune(s); len(r) > 12 {
		return string(r[:12]) + "…"
	}
	return s
}

// checkBook fails the test for every page fault of the book.
func checkBook(t *testing.T, st *Style, b *Book) {
	t.Helper()
	n := 0
	for i, p := range b.Pages {
		for _, f := range pageFaults(st, i, p) {
			if n++; n <= 10 {
				t.Error(f)
			}
		}
	}
	if n > 10 {
		t.Errorf("… %d page faults in all", n)
	}
}
