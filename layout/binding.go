package layout

import "strconv"

// SaddleSheet is the number of pages one folded sheet of a saddle-stitched
// (骑马钉) booklet carries: a saddle-stitched page count is a multiple of it
// (docs/pdfx.md#saddle-stitch).
const SaddleSheet = 4

// Padding reports what PadForSaddleStitch added.
type Padding struct {
	Added     int  // blank pages added
	At        int  // index in Book.Pages of the first one
	BackCover bool // they were put before the back cover, not at the end
}

// PadForSaddleStitch pads the book with blank pages to a multiple of four, so
// that the printer can fold it into sheets without asking (docs/pdfx.md#saddle-stitch).
// The blanks go where a printer expects them: before the back cover
// (the trailing pages marked BackCover) when there is one, else at the end.
//
// A blank page prints nothing — no running head, no folio — but counts in
// the numbering as a blind folio, so Folio and Label continue the body's. The
// pages after the blanks move back, and the links and bookmarks that point at
// them move with them; their recto/verso side is set by their new place.
func (b *Book) PadForSaddleStitch() Padding {
	n := (SaddleSheet - len(b.Pages)%SaddleSheet) % SaddleSheet
	at := len(b.Pages)
	for at > 0 && b.Pages[at-1].BackCover {
		at--
	}
	pad := Padding{Added: n, At: at, BackCover: at < len(b.Pages)}
	if n == 0 {
		return pad
	}
	folio := lastFolio(b.Pages[:at])
	blanks := make([]*Page, n)
	for i := range blanks {
		blanks[i] = &Page{Blank: true}
		if folio > 0 {
			blanks[i].Folio = folio + 1 + i
			blanks[i].Label = strconv.Itoa(blanks[i].Folio)
		}
	}
	b.Pages = append(b.Pages[:at], append(blanks, b.Pages[at:]...)...)
	for i := at; i < len(b.Pages); i++ {
		b.Pages[i].Recto = i%2 == 0
	}
	b.shiftTargets(at, n)
	return pad
}

// lastFolio is the folio of the last numbered page, 0 if none is.
func lastFolio(pages []*Page) int {
	for i := len(pages) - 1; i >= 0; i-- {
		if pages[i].Folio > 0 {
			return pages[i].Folio
		}
	}
	return 0
}

// shiftTargets moves the links and bookmarks that point at page at or later
// n pages on.
func (b *Book) shiftTargets(at, n int) {
	for _, p := range b.Pages {
		for i := range p.Links {
			if p.Links[i].Target >= at {
				p.Links[i].Target += n
			}
		}
	}
	for i := range b.Outline {
		if b.Outline[i].Page >= at {
			b.Outline[i].Page += n
		}
	}
}
