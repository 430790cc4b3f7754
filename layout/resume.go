package layout

import "slices"

// resumePoint is a composition's state just before one of its blocks. The
// settings composeDocument tries set only the document's last sections
// tight: up to the first tight block each is the same list of items as the
// first setting, so it starts from that setting's state there instead of
// composing those blocks again (composeAfter).
type resumePoint struct {
	items int  // how many items there were
	last  item // the last of them as it was: a later block may keep it with its own
	warns int  // how many warnings
	sect  *Elem
	// titles is how many titles had been met (blockElem)
	titles int
	// spoilt is set when a later block took back items before this point
	// (unblank): the items kept no longer show the state here
	spoilt bool
}

// resumeAt makes a composer record its state before each of the blocks
// listed (at is indexed by block; nil entries are not recorded).
func resumeAt(nblocks int, blocks []int) []*resumePoint {
	at := make([]*resumePoint, nblocks)
	for _, b := range blocks {
		if b >= 0 && b < nblocks {
			at[b] = &resumePoint{}
		}
	}
	return at
}

// record notes the state before block i, if it is asked for.
func (c *composer) record(i int) {
	if i >= len(c.resume) || c.resume[i] == nil {
		return
	}
	p := c.resume[i]
	*p = resumePoint{items: len(c.items), warns: len(c.warns), sect: c.sect, titles: c.titles}
	if n := len(c.items); n > 0 {
		p.last = c.items[n-1]
	}
}

// truncated spoils the points recorded after more than n items: the items
// from n on have been taken back, and the one before n may change too.
func (c *composer) truncated(n int) {
	for _, p := range c.resume {
		if p != nil && p.items > n {
			p.spoilt = true
		}
	}
}

// composeAfter composes the blocks from block first on, after the items
// from's composition had before that block, and reports whether it could:
// from must have recorded its state there, unspoilt.
func (c *composer) composeAfter(from *composer, first int) bool {
	if first >= len(from.resume) || from.resume[first] == nil || from.resume[first].spoilt {
		return false
	}
	p := from.resume[first]
	c.items = make([]item, p.items, max(p.items, len(from.items)+len(from.items)/8))
	copy(c.items, from.items[:p.items])
	if p.items > 0 {
		c.items[p.items-1] = p.last
	}
	if k := from.pageFullKeep; k >= 0 && k < p.items-1 {
		c.items[k].keepNext = from.pageFullWas // set by keepLastPageFull, after the point
	}
	c.warns = slices.Clone(from.warns[:p.warns])
	c.sect, c.titles = p.sect, p.titles
	c.composeFrom(first)
	return true
}
