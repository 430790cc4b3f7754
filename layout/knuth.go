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

// fitState is the running measure of a candidate line atoms[a:e].
type fitState struct {
	sum     float64 // natural width of atoms[a:e], inner glue and cuts included
	width   float64 // sum up to the last atom that is not a space
	give    float64 // compressible blank up to that atom
	gaps    int     // stretchable gaps up to that atom
	runGive float64
	runGaps int
	last    int // index of the last atom that is not a space, or -1
}

// fitAtom is what fitState.add reads of an atom, worked out once a
// paragraph: every break's lines read each atom again, and the packed
// record keeps that loop short. The differences are the very float64s add
// computed inline before, so every sum comes out the same.
type fitAtom struct {
	adv     float64 // w - cutL: its width on a line
	join    float64 // glue - cutR: what it adds before a next atom on its line
	give    float64
	end     float64 // endCut: what it loses ending a line
	space   bool
	gapNext bool // stretchable(it, the next atom)
	cand    bool // a line may end before it (breakB or emerg)
}

// fitAtoms fills fits[i] for every atom.
func fitAtoms(atoms []atom, fits []fitAtom) []fitAtom {
	fits = slices.Grow(fits[:0], len(atoms))[:len(atoms)]
	for i := range atoms {
		a := &atoms[i]
		fits[i] = fitAtom{adv: a.w - a.cutL, join: a.glue - a.cutR, give: a.give, end: endCut(*a), space: a.space, cand: a.breakB || a.emerg}
		if i+1 < len(atoms) {
			fits[i].gapNext = stretchable(a, &atoms[i+1])
		}
	}
	return fits
}

// add extends the line by atom i.
func (f *fitState) add(fits []fitAtom, a, i int) {
	if i > a {
		f.sum += fits[i-1].join
		if fits[i-1].gapNext {
			f.runGaps++
		}
	}
	f.sum += fits[i].adv
	f.runGive += fits[i].give
	if !fits[i].space {
		f.width, f.give, f.gaps, f.last = f.sum, f.runGive, f.runGaps, i
	}
}

// lineShape is what the breaker needs to know of a candidate line.
type lineShape struct {
	width  float64 // natural width, the ends' cuts taken
	shrink float64 // how much its blanks may still give
	gaps   int     // its stretchable gaps
	em     float64
}

// shape measures the line atoms[a:f.last+1] as lineWidth and giveOf do.
func (f *fitState) shape(atoms []atom, a int) lineShape {
	first, last := &atoms[a], &atoms[f.last]
	s := lineShape{width: f.width - startCut(atoms[a:]) - endCut(*last), shrink: f.give, gaps: f.gaps, em: first.size}
	if first.before {
		s.shrink -= first.give
	}
	if !last.before && (f.last != a || !first.before) {
		s.shrink -= last.give
	}
	return s
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
		r := over / s.shrink
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
	fits := fitAtoms(atoms, sc.fits)
	sc.fits = fits
	for a := 0; a < n; a++ {
		if math.IsInf(cost[a], 1) {
			continue
		}
		relaxFrom(atoms, fits, p, a, cost, from)
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

// relaxFrom tries the lines that start at break a. A justified line too
// short to be spread within MaxSpread is tried only when no line from a can
// be spread to the measure, and then only the cheapest of them: it is left
// short, and any line that fills the measure is better.
//
// Most lines from a are such short lines, so they are first passed over
// unpriced (relaxFilled); only when no line from a fills the measure are
// all of them priced again to find the cheapest short one.
func relaxFrom(atoms []atom, fits []fitAtom, p *Paragraph, a int, cost []float64, from []int) {
	if relaxFilled(atoms, fits, p, a, cost, from) {
		return
	}
	relaxAll(atoms, fits, p, a, cost, from)
}

// relaxFilled relaxes the lines from a that relaxAll relaxes when some line
// from a fills the measure, and reports whether one does; when none does it
// relaxes nothing. It skips, without pricing them, the non-last justified
// lines whose white exceeds MaxSpread a gap: lineCost prices such a line at
// raggedPen or more, and since no break penalty is negative and its slack is
// positive, relaxAll keeps it only as a short line, never relaxes it while
// another line fills the measure, and never ends its loop at it. The
// comparison is lineCost's own, on the same numbers computed in the same
// order, so the set of lines relaxed is relaxAll's exactly.
func relaxFilled(atoms []atom, fits []fitAtom, p *Paragraph, a int, cost []float64, from []int) bool {
	n := len(atoms)
	avail := p.avail(a == 0)
	em := atoms[a].size
	prune := p.Align == Justify && em > 0
	cut := startCut(atoms[a:])
	f := fitState{last: -1}
	filled := false
	for e := a + 1; e <= n; e++ {
		f.add(fits, a, e-1)
		if e < n && !fits[e].cand || f.last < 0 {
			continue
		}
		if prune && e < n {
			slack := avail - (f.width - cut - fits[f.last].end)
			if slack > float64(f.gaps)*MaxSpread*em && breakPen(atoms, e) >= 0 {
				continue // a short line: see above
			}
		}
		c, short, ok, stop := priceLine(atoms, f.shape(atoms, a), p, avail, a, e)
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
	return filled
}

// priceLine is what the line of shape s from a to e costs, with its
// break, line and orphan penalties; short marks a justified line that does
// not fill the measure and costs raggedPen or more (wanted only where no
// line fills), ok is false for a line that cannot be set, and stop says
// that lines longer than this one cannot be set either.
func priceLine(atoms []atom, s lineShape, p *Paragraph, avail float64, a, e int) (c float64, short, ok, stop bool) {
	n := len(atoms)
	c, ok = lineCost(s, avail, p, e == n)
	if !ok && e == a+1 {
		c, ok = forcedCost, true // one character wider than the measure
	}
	if !ok {
		return 0, false, false, s.width-s.shrink > avail
	}
	c += linePen + breakPen(atoms, e)
	if e == n && a > 0 && isOrphan(atoms[a:]) {
		c += orphanPen
	}
	short = c >= raggedPen && e < n && p.Align == Justify && avail-s.width > 0
	return c, short, true, false
}

// relaxAll prices every line from a, as relaxFrom describes.
func relaxAll(atoms []atom, fits []fitAtom, p *Paragraph, a int, cost []float64, from []int) {
	n := len(atoms)
	avail := p.avail(a == 0)
	f := fitState{last: -1}
	filled := false
	shortEnd, shortCost := -1, math.Inf(1)
	for e := a + 1; e <= n; e++ {
		f.add(fits, a, e-1)
		if e < n && !fits[e].cand || f.last < 0 {
			continue
		}
		c, short, ok, stop := priceLine(atoms, f.shape(atoms, a), p, avail, a, e)
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
