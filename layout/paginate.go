package layout

// item is one entry of a document's vertical list: a text line on the grid,
// a blank grid line, or a box with a height of its own (a table row).
type item struct {
	line     *Line   // text, or nil for a blank line / box
	x        float64 // left of the line within the type area
	baseline float64 // from the item's top to the baseline
	height   float64
	grid     bool // sits on the body line grid (snaps to the next grid line)
	blank    bool // white space that is dropped at the top of a page
	keepNext bool // no page break between this item and the next
	newPage  bool // starts a new page
	draw     func(p *Page, x, y float64)
	header   []item // table header items repeated when the item opens a page
	anchor   *anchor
	file     string // the document and source line the item comes from,
	srcLine  int    // for the warnings of gazette check
	elem     *Elem  // the structure element of the item's line (tags.go)
	repeated bool   // a table header row repeated on a new page: an artifact
}

// anchor records the page an item lands on (for 目录 entries and bookmarks).
type anchor struct {
	page int // index into the list of body pages, set by paginate
}

// placed is an item at its position on a page.
type placed struct {
	item *item
	y    float64 // top, from the type area's top
}

// forcedBreak records a page that had to break inside kept material.
type forcedBreak struct {
	page int   // body page index
	at   *item // the first item moved to the next page
}

// paginate breaks the vertical list into pages of the type area's height.
// A page breaks at the last point that no keep forbids (headings with their
// text, titles whole, no orphan or widow line, the signature with the body,
// GB/T 9704 7.3.5.5); a page full of kept items breaks where it overflows,
// and the break is reported.
func paginate(items []item, st *Style) ([][]placed, []forcedBreak) {
	capacity := st.TextHeight() + 0.01
	var pages [][]placed
	var forced []forcedBreak
	var cur []placed
	y := 0.0
	flush := func() {
		if len(cur) > 0 {
			pages = append(pages, cur)
		}
		cur, y = nil, 0
	}
	for i := 0; i < len(items); {
		it := &items[i]
		if it.newPage && len(cur) > 0 {
			flush()
		}
		if len(cur) == 0 && it.blank {
			i++
			continue
		}
		if len(cur) == 0 && len(it.header) > 0 {
			for h := range it.header {
				cur = append(cur, placed{item: &it.header[h], y: y})
				y += it.header[h].height
			}
		}
		top := y
		if it.grid {
			top = snap(y, st.LinePitch)
		}
		if top+it.height > capacity && len(cur) > 0 {
			next, ok := breakBack(&cur, i, items)
			if !ok {
				forced = append(forced, forcedBreak{page: len(pages), at: it})
			}
			i = next
			flush()
			continue
		}
		cur = append(cur, placed{item: it, y: top})
		y = top + it.height
		i++
	}
	flush()
	return pages, forced
}

// breakBack finds the last allowed break on the current page, drops the
// items after it from the page and returns the index to continue from; ok is
// false when no keep could be honoured.
func breakBack(cur *[]placed, next int, items []item) (int, bool) {
	c := *cur
	for k := len(c) - 1; k >= 0; k-- {
		if !c[k].item.keepNext {
			if k == len(c)-1 {
				return next, true
			}
			first := indexOf(items, c[k+1].item)
			if first < 0 { // a repeated header: nothing to move back
				return next, true
			}
			*cur = c[:k+1]
			return first, true
		}
	}
	return next, false // all kept together: break where it overflows
}

func indexOf(items []item, it *item) int {
	for i := range items {
		if &items[i] == it {
			return i
		}
	}
	return -1
}

// snap rounds y up to the next multiple of pitch (within a hair).
func snap(y, pitch float64) float64 {
	n := int(y/pitch + 0.999)
	return float64(n) * pitch
}
