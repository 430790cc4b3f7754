package render

import (
	"fmt"
	"math"
	"strings"

	"gazette/layout"
)

// Print is what the print edition adds to the pages (docs/pdfx.md#bleed, docs/pdfx.md#pdfx-1a2001).
type Print struct {
	BleedMM   float64 // bleed on every side, mm (3 mm is the norm)
	CropMarks bool    // 裁切线 at the corners, outside the bleed
	// Condition is the registered printing condition named in the PDF/X
	// OutputIntent: "FOGRA39", "JC200103" or "CGATS TR 001".
	Condition string
}

// Crop marks (裁切线): hairlines of registration colour at each corner on the
// lines of the trim, from a little outside the bleed to the media's edge.
const (
	markRoomMM  = 10   // media beyond the bleed on every side, for the marks
	markGapMM   = 2    // from the bleed edge to the start of a mark
	markWidthPt = 0.25 // line width
)

// frame places the trimmed page (the layout's frame) on the PDF page. All
// lengths are bp, rounded to the 0.01 bp the boxes are written with, so that
// the boxes nest exactly: MediaBox ⊇ BleedBox ⊇ TrimBox.
type frame struct {
	trimW, trimH float64 // the finished page
	bleed        float64 // bleed on every side
	off          float64 // from the media's edge to the trim's on every side
	marks        bool
}

// newFrame is the page of the web edition when p is nil (media = trim), else
// of the print edition: media = trim + bleed (+ room for marks).
func newFrame(b *layout.Book, p *Print) frame {
	f := frame{trimW: round2(b.Width), trimH: round2(b.Height)}
	if p == nil {
		return f
	}
	f.bleed = round2(p.BleedMM * layout.MM)
	f.off = f.bleed
	if p.CropMarks {
		f.marks = true
		f.off = round2((p.BleedMM + markRoomMM) * layout.MM)
	}
	return f
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// mediaW and mediaH are the size of the PDF page.
func (f frame) mediaW() float64 { return round2(f.trimW + 2*f.off) }
func (f frame) mediaH() float64 { return round2(f.trimH + 2*f.off) }

// box is a page box [llx lly urx ury] in PDF space, inset d from the media.
type box [4]float64

func (f frame) inset(d float64) box {
	return box{round2(d), round2(d), round2(f.mediaW() - d), round2(f.mediaH() - d)}
}

// trimBox is the finished size, bleedBox the trim plus the bleed.
func (f frame) trimBox() box  { return f.inset(f.off) }
func (f frame) bleedBox() box { return f.inset(f.off - f.bleed) }

// x and y turn the layout's trim-relative, top-down coordinates into PDF
// space (bottom-up, media-relative); ty turns y into fpdf's top-down media
// space, where x is the same as in PDF space.
func (f frame) x(x float64) float64    { return x + f.off }
func (f frame) y(top float64) float64  { return f.mediaH() - (top + f.off) }
func (f frame) ty(top float64) float64 { return top + f.off }

// rect is a trim-relative, top-down rectangle in PDF space, as a
// rectangle is written (ISO 32000-1 7.9.5): lower left, upper right.
func (f frame) rect(x, top, w, h float64) box {
	return box{f.x(x), f.y(top + h), f.x(x) + w, f.y(top)}
}

// edge is how close to the trim edge a bleeding element must come to be
// extended (layout positions are floating point).
const edge = 0.01

// bleedRect extends the sides of a trim-relative rectangle that lie on the
// trim edge out to the bleed edge (layout.FillBox.Bleed).
func (f frame) bleedRect(x, y, w, h float64) (float64, float64, float64, float64) {
	if x <= edge {
		x, w = x-f.bleed, w+f.bleed
	}
	if x+w >= f.trimW-edge {
		w += f.bleed
	}
	if y <= edge {
		y, h = y-f.bleed, h+f.bleed
	}
	if y+h >= f.trimH-edge {
		h += f.bleed
	}
	return x, y, w, h
}

// bleedPoint moves a rule's end that lies on the trim edge to the bleed edge
// (layout.Rule.Bleed).
func (f frame) bleedPoint(x, y float64) (float64, float64) {
	switch {
	case x <= edge:
		x -= f.bleed
	case x >= f.trimW-edge:
		x += f.bleed
	}
	switch {
	case y <= edge:
		y -= f.bleed
	case y >= f.trimH-edge:
		y += f.bleed
	}
	return x, y
}

// cropMarks draws the 裁切线: at each corner of the trim, one horizontal and
// one vertical hairline on the lines of the trim edges, starting markGapMM
// outside the bleed and running to the media's edge, stroked in registration
// colour — all four inks (1 1 1 1 K), so the marks show on every plate: the
// one place where four-colour is right.
func (f frame) cropMarks() string {
	if !f.marks {
		return ""
	}
	start := f.bleed + markGapMM*layout.MM
	var b strings.Builder
	fmt.Fprintf(&b, "q %.2f w 0 J 1 1 1 1 K\n", markWidthPt)
	for _, c := range [4][2]float64{{-1, -1}, {-1, 1}, {1, -1}, {1, 1}} { // away from the trim: left/right, down/up
		x := f.off // the trim's corner in PDF space
		if c[0] > 0 {
			x = f.mediaW() - f.off
		}
		y := f.off
		if c[1] > 0 {
			y = f.mediaH() - f.off
		}
		fmt.Fprintf(&b, "%.2f %.2f m %.2f %.2f l S\n", x+c[0]*start, y, x+c[0]*f.off, y)
		fmt.Fprintf(&b, "%.2f %.2f m %.2f %.2f l S\n", x, y+c[1]*start, x, y+c[1]*f.off)
	}
	b.WriteString("Q\n")
	return b.String()
}
