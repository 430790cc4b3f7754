package layout

import (
	"math"
	"slices"
)

// Total-fit line breaking: a paragraph is broken as a whole, choosing among
// all its break opportunities the set whose lines cost least together, in
// the manner of Knuth and Plass's algorithm adapted to Chinese text
// (docs/line-composition.md#total-fit). A line's cost is its break's penalty, the
// shrink its punctuation takes, and the space added between its characters
// to justify it — the last resort, and never more than MaxSpread ems a gap.
//
// Chinese text on a character grid fills most lines exactly; the costs
// decide the lines around punctuation, numbers, Latin words and addresses,
// and a paragraph's last line.

// The costs, in the units of Knuth's badness (100 = a line stretched to its
// limit). docs/line-composition.md#total-fit says why each is what it is.
const (
	// linePen is paid for every line: fewer lines are better.
	linePen = 10
	// kinsokuPen is a break the GB or strict level of the prohibitions
	// forbids: paid only when no other break sets the paragraph.
	kinsokuPen = 500
	// stretchWeight scales the square of the white, in ems, that
	// justification spreads over a line.
	stretchWeight = 1
	// offGridPen is paid by every line that is spread at all: its hanzi
	// leave the character grid the lines above and below keep. So the white
	// of a paragraph goes to as few lines as may take it, rather than spread
	// evenly as in Western text (one line off the grid reads better than
	// two).
	offGridPen = 3
	// loosePen is paid by a line that spreads more than maxPushSlack ems:
	// with it such a line costs more than a squeeze, with less it costs less
	// (the house rule "push before squeeze": a character goes down to the
	// next line with the mark that may not start it while that leaves at
	// most two ems to spread over the line; else the line's punctuation is
	// squeezed to take the mark in).
	loosePen = 60
	// raggedPen is paid by a justified line that cannot be spread to the
	// measure within MaxSpread: it is left short.
	raggedPen = 200
	// squeezePen is paid by a line whose punctuation is compressed. It is
	// more than a line (linePen), so that a paragraph is not squeezed only
	// to be a line shorter: full-width marks stay full width on every line
	// that does not need the squeeze (README "排版规则"; the page-saving
	// 开明式 of whole paragraphs is Lay's decision, not the breaker's).
	squeezePen = 50
	// squeezeWeight scales the shrink taken, as a fraction of the line's
	// whole compressible blank, squared.
	squeezeWeight = 20
	// raggedPerEm is paid for each em a justified line is left short where
	// spreading it would pass the limit: far worse than any ordinary break,
	// better than an emergency break of ten ems.
	raggedPerEm = 200
	// emergencyPen is a break inside a run longer than a line (a long web
	// address, a word pasted without spaces), between any two characters
	// but after a hyphen.
	emergencyPen = 2000
	// orphanPen is a last line of one character (孤字不成行:
	// https://www.w3.org/TR/clreq/#adjustments_of_orphans_and_widows).
	orphanPen = 1000
	// forcedCost is a line too long for the measure even squeezed: allowed
	// only for a single character wider than the measure.
	forcedCost = 1e7
)

// MaxSpread is the most space, in ems, justification adds between two
// characters (docs/line-composition.md#the-spreading-limit): a wider gap reads as letter-
// spacing. A line that would need more is left short instead, and the
// breaker looks for breaks that avoid it.
const MaxSpread = 0.25

// The breaker measures its candidate lines in fixed point: every quantity
// of an atom it adds up is rounded once to an integer number of 2^-shift
// points (fitAtoms), so that the width of any line is a difference of two
// prefix sums, exact and the same whatever the order of the additions
// (docs/line-composition.md#speed). A float sum would round differently
// from each start and could break ties between lines of equal cost one way
// or the other by chance.
const (
	// fixedShift is the finest unit: 2^-32 pt, so a line's width is off
	// by at most 2^-33 pt an atom from the exact sum of its atoms' widths
	// (the breaker's finest threshold is 10^-6 pt).
	fixedShift = 32
	// fixedLimit bounds a paragraph's sums, so that no int64 overflows; a
	// paragraph wider than 2^28 pt in all (some 16 million ems) is measured
	// in a coarser unit.
	fixedLimit = 1 << 60
)

// costUnits: a line's cost is rounded to a multiple of 1/costUnits, so
// that the costs of the breakings of a paragraph add up exactly in any
// order (up to 2^33, some 800 lines set by force), and two breakings of
// equal cost tie, to be told apart by relax's rule.
const costUnits = 1 << 20

// fitAtom is what the breaker reads of atom i of a paragraph (and, at i =
// n, of the paragraph's end), worked out once: the prefix sums of what a
// line adds up, so that the shape of any line is found without walking it.
type fitAtom struct {
	pos   int64   // natural width of atoms[:i] set as one line, inner glue and cuts included
	reach int64   // the largest pos of atoms[:k], k ≤ i
	give  int64   // compressible blank of atoms[:i]
	join  int64   // glue - cutR: what atom i adds before a next atom on its line
	end   int64   // endCut: what atom i loses ending a line
	start int64   // startCut(atoms[i:]): what a line starting at i loses
	pen   float64 // breakPen(atoms, i)
	em    float64 // atoms[i].size
	least int64   // a lower bound of what atoms[:i] take of the lines (linesLeft)
	gaps  int32   // stretchable gaps between atoms of atoms[:i]
	last  int32   // the last atom of atoms[:i] that is not a space, or -1
	// cand: a line may end before it (breakB or emerg); before: its give
	// is the blank before the glyph (an opening mark)
	cand, before bool
}

// fitTable is a paragraph's fitAtoms and the unit they are counted in.
type fitTable struct {
	fits []fitAtom // n+1 records
	unit float64   // points per integer unit, a power of two
	// tail is the most that ending a line can add to its width beyond
	// pos: max(0, -join-end) over the atoms.
	tail int64
	// negPen: some break costs less than nothing (none does today), which
	// the skipping of short lines (relaxFilled) assumes never happens.
	negPen bool
	// widest is the largest share of least that one atom holds.
	widest int64
	// orphanFrom: a last line starting at or after this atom is an orphan
	// (isOrphan).
	orphanFrom int
}

// fitAtoms fills the fit table of atoms, reusing fits.
func fitAtoms(atoms []atom, fits []fitAtom) fitTable {
	t, total := fillFits(atoms, fits, fixedShift)
	if math.Ldexp(total, fixedShift) < fixedLimit {
		return t
	}
	shift := fixedShift // a paragraph too wide for the finest unit
	for shift > 0 && !(math.Ldexp(total, shift) < fixedLimit) {
		shift--
	}
	t, _ = fillFits(atoms, t.fits, shift)
	return t
}

// fillFits fills the fit table of atoms in units of 2^-shift pt, and
// returns a bound of the sums it made (of every quantity's magnitude), which
// may have overflowed if it is 2^(63-shift) or more.
func fillFits(atoms []atom, fits []fitAtom, shift int) (t fitTable, total float64) {
	n := len(atoms)
	fits = slices.Grow(fits[:0], n+1)[:n+1]
	scale := math.Ldexp(1, shift)
	fixed := func(x float64) int64 { return int64(math.RoundToEven(x * scale)) }
	t = fitTable{fits: fits, unit: math.Ldexp(1, -shift)}
	var pos, reach, give, least, tail, widest int64
	var gaps, last int32 = 0, -1
	negPen := false
	for i := range atoms {
		a := &atoms[i]
		f := &fits[i]
		total += math.Abs(a.w) + math.Abs(a.cutL) + math.Abs(a.glue) + math.Abs(a.cutR) + math.Abs(a.give)
		*f = fitAtom{pos: pos, reach: reach, give: give, join: fixed(a.glue - a.cutR), end: fixed(endCut(*a)),
			start: fixed(startCut(atoms[i:])), pen: breakPen(atoms, i), em: a.size, least: least, gaps: gaps, last: last,
			cand: a.breakB || a.emerg, before: a.before}
		tail = max(tail, -f.join-f.end)
		negPen = negPen || f.cand && f.pen < 0
		adv, g := fixed(a.w-a.cutL), fixed(a.give)
		// The least an atom adds to its line's width less its give,
		// wherever on the line it stands: a space may end a line, where it
		// adds nothing; another atom may start or end one.
		l := min(0, adv+f.join-g)
		if !a.space {
			l = min(adv+f.join, adv-f.end) - g - max(0, f.start)
		}
		least += l
		widest = max(widest, l)
		pos += adv + f.join
		reach = max(reach, pos)
		give += g
		if i+1 < n && stretchable(a, &atoms[i+1]) {
			gaps++
		}
		if !a.space {
			last = int32(i)
		}
	}
	fits[n] = fitAtom{pos: pos, reach: reach, give: give, least: least, gaps: gaps, last: last, cand: true}
	t.tail, t.widest, t.negPen = tail, widest, negPen
	// isOrphan(atoms[a:]) holds from the second-to-last character on.
	t.orphanFrom = n
	for chars := 0; t.orphanFrom > 1; t.orphanFrom-- {
		if countsForOrphan(&atoms[t.orphanFrom-1]) {
			if chars++; chars == 2 {
				break
			}
		}
	}
	return t, total
}

// lineShape is what the breaker needs to know of a candidate line.
type lineShape struct {
	width  float64 // natural width, the ends' cuts taken
	shrink float64 // how much its blanks may still give
	gaps   int     // its stretchable gaps
	em     float64
}

// shape measures the line atoms[a:e] as lineWidth, giveOf and stretchGaps
// do (trailing spaces dropped), in the table's unit; ok is false for a line
// of spaces only.
func (t *fitTable) shape(a, e int) (s lineShape, ok bool) {
	fits := t.fits
	l := int(fits[e].last)
	if l < a {
		return s, false
	}
	first, last := &fits[a], &fits[l]
	width := fits[l+1].pos - last.join - first.pos - first.start - last.end
	shrink := fits[l+1].give - first.give
	if first.before {
		shrink -= fits[a+1].give - first.give
	}
	if !last.before && (l != a || !first.before) {
		shrink -= fits[l+1].give - last.give
	}
	return lineShape{width: float64(width) * t.unit, shrink: float64(shrink) * t.unit, gaps: int(last.gaps - first.gaps), em: first.em}, true
}

// surelyShort reports whether every line from a to an end at or before e
// (e < n) is a short line (relaxFilled): too short to be spread to avail
// within MaxSpread a gap. It bounds such a line's width by reach, which
// never decreases, and its gaps by the gaps before e; float64 rounding is
// monotonic, so the bound holds after the conversion.
func (t *fitTable) surelyShort(a, e int, avail float64) bool {
	first, f := &t.fits[a], &t.fits[e]
	width := float64(f.reach-first.pos-first.start+t.tail) * t.unit
	return avail-width > float64(f.gaps-first.gaps)*MaxSpread*first.em
}

// lineCost is the cost of a line of shape s in a measure of avail, and
// whether it may be set at all.
func lineCost(s lineShape, avail float64, p *Paragraph, last bool) (float64, bool) {
	slack := avail - s.width
	switch {
	case slack < -0.01:
		over := -slack - 0.01
		if over > s.shrink+1e-6 || p.Align != Justify {
			return 0, false
		}
		// over may pass shrink by the 1e-6 pt of rounding allowed above:
		// the line takes all its give, no more (with no give at all,
		// over/shrink would be +Inf, a line allowed at an infinite cost)
		r := 1.0
		if over < s.shrink {
			r = over / s.shrink
		}
		return squeezePen + squeezeWeight*r*r, true
	case last || p.Align != Justify:
		return 0, true
	}
	stretch := float64(s.gaps) * MaxSpread * s.em
	if slack <= stretch {
		r := slack / s.em
		switch {
		case r < 0.01:
			return 0, true
		case r > maxPushSlack:
			return loosePen + offGridPen + stretchWeight*r*r, true
		}
		return offGridPen + stretchWeight*r*r, true
	}
	return raggedPen + raggedPerEm*(slack-stretch)/s.em, true
}

// totalFit returns the end index of every line of the cheapest breaking of
// atoms, or nil when none sets every line in the measure.
func totalFit(atoms []atom, p *Paragraph, sc *scratch) []int {
	n := len(atoms)
	cost := slices.Grow(sc.cost[:0], n+1)[:n+1]
	from := slices.Grow(sc.from[:0], n+1)[:n+1]
	sc.cost, sc.from = cost, from
	for i := range cost {
		cost[i] = math.Inf(1)
	}
	cost[0] = 0
	if lineWidth(atoms) <= p.avail(true)+0.01 {
		return []int{n} // one line: nothing to choose
	}
	t := fitAtoms(atoms, sc.fits)
	sc.fits = t.fits
	b := t.bound(p)
	hint := 0
	for a := 0; a < n; a++ {
		if math.IsInf(cost[a], 1) || b.beyond(&t, a, cost[a]) {
			continue
		}
		hint = relaxFrom(&t, p, a, hint, cost, from)
	}
	if math.IsInf(cost[n], 1) {
		return nil
	}
	var ends []int
	for e := n; e > 0; e = from[e] {
		ends = append(ends, e)
	}
	for i, j := 0, len(ends)-1; i < j; i, j = i+1, j-1 {
		ends[i], ends[j] = ends[j], ends[i]
	}
	return ends
}

// fitBound prunes the breaks that lie on no cheapest breaking: a break a
// whose cost, with the least the rest of the paragraph can cost after it,
// exceeds the cost of a breaking already known (upper) is on no cheapest
// path, so its lines are not tried (docs/line-composition.md#speed). The
// cost of the lines before a break that is on a cheapest path is the same
// with the pruning as without (its cheapest predecessors are on that path
// too), and so is the choice among the breaks that tie for it: the breaks
// chosen are the same. Costs add up exactly (costUnits), so the comparison
// is exact.
type fitBound struct {
	upper    float64 // the cost of a breaking
	capacity int64   // the most of least one line may hold; 0: no pruning
}

// bound finds an upper bound, the cost of a breaking made by taking from
// each break the cheapest line relaxFrom would relax.
func (t *fitTable) bound(p *Paragraph) fitBound {
	if t.negPen {
		return fitBound{} // a line may cost less than linePen
	}
	// A line that may be set is at most 0.01 pt (lineCost's tolerance,
	// and a margin for the rounding of its float64s) wider than the
	// measure, less its give. A line of one atom wider than that
	// (forcedCost) breaks the bound: then nothing is pruned.
	capacity := math.Ceil((max(p.avail(true), p.avail(false))+0.01+1e-5)/t.unit) + 1
	if !(capacity >= 1 && capacity < 1<<62) || int64(capacity) < t.widest {
		return fitBound{} // a measure of nothing, or wider than any sum
	}
	n := len(t.fits) - 1
	total := 0.0
	for a := 0; a < n; {
		e, c := t.cheapestLine(p, a)
		if e < 0 {
			return fitBound{}
		}
		total, a = total+c, e
	}
	if total >= 1<<32 {
		return fitBound{} // past the range where costs add up exactly
	}
	return fitBound{upper: total, capacity: int64(capacity)}
}

// beyond reports that break a, reached at cost c, lies on no cheapest
// breaking: every line after it costs at least linePen, and linesLeft lines
// at least follow it.
func (b *fitBound) beyond(t *fitTable, a int, c float64) bool {
	return b.capacity > 0 && c+linePen*float64(t.linesLeft(a, b.capacity)) > b.upper
}

// linesLeft is a lower bound of the number of lines atoms[a:] take: each
// line holds at most capacity of least.
func (t *fitTable) linesLeft(a int, capacity int64) int64 {
	n := len(t.fits) - 1
	rest := t.fits[n].least - t.fits[a].least
	if rest <= capacity {
		return 1
	}
	return (rest + capacity - 1) / capacity
}

// cheapestLine is the cheapest line from a that relaxFrom relaxes (the
// fullest of equal cost), and its cost; -1 for none. It passes over the
// short lines as relaxFilled does, and looks at them only when no line
// fills the measure.
func (t *fitTable) cheapestLine(p *Paragraph, a int) (end int, cost float64) {
	fits := t.fits
	n := len(fits) - 1
	avail := p.avail(a == 0)
	em := fits[a].em
	prune := p.Align == Justify && em > 0 && !t.negPen
	end, cost = -1, math.Inf(1)
	e := a + 1
	if prune {
		e = t.firstUnsure(a, e, avail)
	}
	for ; e <= n; e++ {
		if !fits[e].cand {
			continue
		}
		s, ok := t.shape(a, e)
		if !ok || prune && e < n && avail-s.width > float64(s.gaps)*MaxSpread*em && fits[e].pen >= 0 {
			continue
		}
		c, short, ok, stop := t.priceLine(s, p, avail, a, e)
		if stop {
			break
		}
		if ok && !short && c <= cost {
			end, cost = e, c
		}
	}
	if end >= 0 {
		return end, cost
	}
	for e := a + 1; e <= n; e++ { // the cheapest short line, as relaxAll
		if !fits[e].cand {
			continue
		}
		s, ok := t.shape(a, e)
		if !ok {
			continue
		}
		c, short, ok, stop := t.priceLine(s, p, avail, a, e)
		if stop {
			break
		}
		if ok && short && c < cost {
			end, cost = e, c
		}
	}
	return end, cost
}

// relaxFrom tries the lines that start at break a. A justified line too
// short to be spread within MaxSpread is tried only when no line from a can
// be spread to the measure, and then only the cheapest of them: it is left
// short, and any line that fills the measure is better.
//
// Most lines from a are such short lines, so they are first passed over
// unpriced (relaxFilled); only when no line from a fills the measure are
// all of them priced again to find the cheapest short one. hint is where
// the lines from the previous break began to be priced; relaxFrom returns
// where those from a did.
func relaxFrom(t *fitTable, p *Paragraph, a, hint int, cost []float64, from []int) int {
	filled, hint := relaxFilled(t, p, a, hint, cost, from)
	if !filled {
		relaxAll(t, p, a, cost, from)
	}
	return hint
}

// firstUnsure is the first end e > a, e ≤ n, for which surelyShort(a, e)
// does not hold, searched from hint (the answer for the previous break,
// usually the same or a little less).
func (t *fitTable) firstUnsure(a, hint int, avail float64) int {
	n := len(t.fits) - 1
	lo := a + 1
	if hint > lo && hint <= n {
		if !t.surelyShort(a, hint-1, avail) {
			hi := hint - 1 // surelyShort is false from some e ≤ hi on
			for lo < hi {
				if mid := int(uint(lo+hi) >> 1); t.surelyShort(a, mid, avail) {
					lo = mid + 1
				} else {
					hi = mid
				}
			}
			return lo
		}
		lo = hint
	}
	for lo < n && t.surelyShort(a, lo, avail) {
		lo++
	}
	return lo
}

// relaxFilled relaxes the lines from a that relaxAll relaxes when some line
// from a fills the measure, and reports whether one does; when none does it
// relaxes nothing. It skips, without pricing them, the non-last justified
// lines whose white exceeds MaxSpread a gap: lineCost prices such a line at
// raggedPen or more, and since no break penalty is negative and its slack is
// positive, relaxAll keeps it only as a short line, never relaxes it while
// another line fills the measure, and never ends its loop at it. The
// comparison is lineCost's own, on the same numbers, so the set of lines
// relaxed is relaxAll's exactly. The lines before firstUnsure are not even
// measured: surelyShort bounds them all at once.
func relaxFilled(t *fitTable, p *Paragraph, a, hint int, cost []float64, from []int) (filled bool, next int) {
	fits := t.fits
	n := len(fits) - 1
	avail := p.avail(a == 0)
	em := fits[a].em
	prune := p.Align == Justify && em > 0 && !t.negPen
	e := a + 1
	if prune {
		e = t.firstUnsure(a, hint, avail)
		hint = e
	}
	for ; e <= n; e++ {
		if !fits[e].cand {
			continue
		}
		s, ok := t.shape(a, e)
		if !ok {
			continue
		}
		if prune && e < n && avail-s.width > float64(s.gaps)*MaxSpread*em && fits[e].pen >= 0 {
			continue // a short line: see above
		}
		c, short, ok, stop := t.priceLine(s, p, avail, a, e)
		if stop {
			break // longer lines only get wider
		}
		if !ok {
			continue
		}
		if short {
			continue // a short line, wanted only if none fills
		}
		filled = true
		relax(cost, from, a, e, c)
	}
	return filled, hint
}

// priceLine is what the line of shape s from a to e costs, with its
// break, line and orphan penalties; short marks a justified line that does
// not fill the measure and costs raggedPen or more (wanted only where no
// line fills), ok is false for a line that cannot be set, and stop says
// that lines longer than this one cannot be set either.
func (t *fitTable) priceLine(s lineShape, p *Paragraph, avail float64, a, e int) (c float64, short, ok, stop bool) {
	n := len(t.fits) - 1
	c, ok = lineCost(s, avail, p, e == n)
	if !ok && e == a+1 {
		c, ok = forcedCost, true // one character wider than the measure
	}
	if !ok {
		return 0, false, false, s.width-s.shrink > avail
	}
	c += linePen + t.fits[e].pen
	if e == n && a > 0 && a >= t.orphanFrom {
		c += orphanPen
	}
	short = c >= raggedPen && e < n && p.Align == Justify && avail-s.width > 0
	return math.Round(c*costUnits) / costUnits, short, true, false
}

// relaxAll prices every line from a, as relaxFrom describes.
func relaxAll(t *fitTable, p *Paragraph, a int, cost []float64, from []int) {
	fits := t.fits
	n := len(fits) - 1
	avail := p.avail(a == 0)
	filled := false
	shortEnd, shortCost := -1, math.Inf(1)
	for e := a + 1; e <= n; e++ {
		if !fits[e].cand {
			continue
		}
		s, ok := t.shape(a, e)
		if !ok {
			continue
		}
		c, short, ok, stop := t.priceLine(s, p, avail, a, e)
		if stop {
			break // longer lines only get wider
		}
		if !ok {
			continue
		}
		if short {
			if c < shortCost {
				shortEnd, shortCost = e, c
			}
			continue
		}
		filled = true
		relax(cost, from, a, e, c)
	}
	if !filled && shortEnd > 0 {
		relax(cost, from, a, shortEnd, shortCost)
	}
}

// relax records the line atoms[a:e] of cost c if it is the cheapest way yet
// to break at e. On a tie the later start wins: fuller lines first, as
// greedy filling sets them.
func relax(cost []float64, from []int, a, e int, c float64) {
	if t := cost[a] + c; t <= cost[e] {
		cost[e], from[e] = t, a
	}
}

// breakPen is the cost of breaking before atoms[e].
func breakPen(atoms []atom, e int) float64 {
	switch {
	case e == len(atoms):
		return 0
	case atoms[e].breakB:
		return atoms[e].pen
	}
	return emergencyPen
}

// markEmergency allows a last-resort break inside every run that no break
// divides and that is longer than the narrowest line of p: between any two
// characters the basic prohibitions allow, but never after a hyphen (a line
// ending in "-" reads as a hyphenated word, and its copy loses the hyphen).
func markEmergency(atoms []atom, p *Paragraph) {
	narrowest := min(p.avail(true), p.avail(false))
	start := 0
	for i := 1; i <= len(atoms); i++ {
		if i < len(atoms) && !atoms[i].breakB {
			continue
		}
		if lineWidth(atoms[start:i]) > narrowest {
			for k := start + 1; k < i; k++ {
				prev, next := atoms[k-1].r, atoms[k].r
				atoms[k].emerg = !noLineStartClass.has(next) && !noLineEndClass.has(prev) && prev != '-' && !(longMarkClass.has(prev) && prev == next)
			}
		}
		start = i
	}
}
