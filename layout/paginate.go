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
	item  *item
	y     float64 // top, from the type area's top
	index int     // the item's index in the list paginated, -1 for a repeated table header
}

// forcedBreak records a page that had to break inside kept material.
type forcedBreak struct {
	page int   // body page index
	at   *item // the first item moved to the next page
	tall bool  // at is taller than the room a page has for it: it runs past the type area
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
	// fresh is set while the page holds nothing but a repeated table
	// header: an item that does not fit under it would not fit under it on
	// any page, so it is placed there (and reported) rather than carried on
	// from page to page for ever.
	fresh := false
	flush := func() {
		if len(cur) > 0 {
			pages = append(pages, cur)
		}
		cur, y, fresh = nil, 0, false
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
				cur = append(cur, placed{item: &it.header[h], y: y, index: -1})
				y += it.header[h].height
			}
			fresh = true
		}
		top := y
		if it.grid {
			top = snap(y, st.LinePitch)
		}
		if top+it.height > capacity && len(cur) > 0 && !fresh {
			next, ok := breakBack(&cur, i)
			if !ok {
				forced = append(forced, forcedBreak{page: len(pages), at: it})
			}
			i = next
			flush()
			continue
		}
		if top+it.height > capacity {
			forced = append(forced, forcedBreak{page: len(pages), at: it, tall: true})
		}
		cur = append(cur, placed{item: it, y: top, index: i})
		y = top + it.height
		fresh = false
		i++
	}
	flush()
	return pages, forced
}

// breakBack finds the last allowed break on the current page, drops the
// items after it from the page and returns the index to continue from; ok is
// false when no keep could be honoured.
func breakBack(cur *[]placed, next int) (int, bool) {
	c := *cur
	for k := len(c) - 1; k >= 0; k-- {
		if !c[k].item.keepNext {
			if k == len(c)-1 {
				return next, true
			}
			first := c[k+1].index
			if first < 0 { // a repeated header: nothing to move back
				return next, true
			}
			*cur = c[:k+1]
			return first, true
		}
	}
	return next, false // all kept together: break where it overflows
}

// snap rounds y up to the next multiple of pitch (within a hair).
func snap(y, pitch float64) float64 {
	n := int(y/pitch + 0.999)
	return float64(n) * pitch
}
