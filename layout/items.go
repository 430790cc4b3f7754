package layout

import "strings"

// itemSeparators end an item of a list set with Paragraph.KeepItems: the
// 顿号, comma, semicolon and colon between names (GB/T 15834 4.5–4.7: 、
// between coordinate words, ，and ；between longer items), the colon after
// a 出席 label, and the spaces some offices put between names.
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
// cost itemPen; the breaks right after a separator stay as they are.
func markItemBreaks(atoms []atom) {
	for i := 1; i < len(atoms); i++ {
		if atoms[i].breakB && !strings.ContainsRune(itemSeparators, atoms[i-1].r) && !atoms[i].space {
			atoms[i].pen += itemPen
		}
	}
}
