package layout

import "strings"

// itemSeparators end an item of a list set with Paragraph.KeepItems: the
// 顿号, comma, semicolon and colon between names (GB/T 15834 4.5: 、
// between coordinate words; 4.4 and 4.6: ，and ；between longer items;
// 4.7: the colon after a 出席 label), and the spaces some offices put
// between names.
const itemSeparators = "、，；：,;: \u3000"

// itemPen is a break inside an item of such a list: as dear as an
// emergency break, so that an item ("孙某某", "县司法局", "（兼职）") is
// broken only when it is longer than what is left of a line and the line
// cannot be left short instead.
const itemPen = emergencyPen

// A list so set is set flush left (AlignLeft): a justified paragraph takes
// any line that fills the measure before one left short (knuth.go), so
// only a ragged right lets the lines end between items.

// markItemBreaks makes every break opportunity inside an item of a list
// cost itemPen, where the item fits the narrowest line of p; the breaks
// right after a separator stay as they are, and so do those of an item
// longer than a line, which must break somewhere. A separator inside
// brackets ("（兼职，回族）") ends no item.
func markItemBreaks(atoms []atom, p *Paragraph) {
	narrowest := min(p.avail(true), p.avail(false))
	depth, start := 0, 0
	for i := 0; i <= len(atoms); i++ {
		if i < len(atoms) {
			r := atoms[i].r
			switch {
			case strings.ContainsRune(openers, r):
				depth++
			case strings.ContainsRune(closers, r) && depth > 0:
				depth--
			}
			if depth > 0 || !strings.ContainsRune(itemSeparators, r) {
				continue
			}
		}
		end := min(i+1, len(atoms)) // the item with its separator
		if lineWidth(atoms[start:end]) <= narrowest {
			for k := start + 1; k < end; k++ {
				if atoms[k].breakB && !atoms[k].space {
					atoms[k].pen += itemPen
				}
			}
		}
		start = end
	}
}

// The brackets an item's note stands in.
const (
	openers = "（(〔［【《“‘"
	closers = "）)〕］】》”’"
)
