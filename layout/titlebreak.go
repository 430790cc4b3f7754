package layout

import "math"

// Title line breaking (GB/T 9704-2012 7.3.1: a title of several lines is set
// 梯形 or 菱形, its lines breaking so that words stay whole — 词意完整;
// docs/line-composition.md#titles-and-table-of-contents-entries). The lines of a title are few and short, so
// every way of breaking one into k lines is weighed: the costs of its
// breaks (inside a word, next to a lone hanzi, inside a 《…》 name; words.go)
// and of its shape.

const (
	// balanceWeight scales the square of each line's shortfall, in ems,
	// from the longest line: lines of nearly equal length.
	balanceWeight = 0.5
	// hourglassPen is a line shorter than both its neighbours (沙漏形, the
	// shape 7.3.1 rules out): worse than a break inside a name.
	hourglassPen = 300
	// stubPen is a last line of less than three characters.
	stubPen = 300
	// extraLinePen is one line more than the title needs: less than a
	// break inside a word (wordPen), more than one next to a lone hanzi.
	extraLinePen = 80
	// titleBudget bounds the ways tried, and maxTitleLines the lines; a
	// title that needs more is broken as a paragraph (knuth.go).
	titleBudget   = 20000
	maxTitleLines = 6
)

// titleSearch is the state of the search for a title's lines.
type titleSearch struct {
	atoms  []atom
	pw     prefixWidths
	avail  float64
	em     float64
	ends   []int
	best   []int
	cost   float64
	widths []float64
	tried  int
}

// titleBreaks returns the end of every line of the best breaking of a
// title into at least minLines lines, or nil when none fits.
func titleBreaks(atoms []atom, p *Paragraph, minLines int) []int {
	s := &titleSearch{atoms: atoms, pw: newPrefixWidths(atoms), avail: p.Width, em: atoms[0].size, cost: math.Inf(1)}
	need := max(minLines, int(math.Ceil(s.pw.width(0, len(atoms))/p.Width-1e-9)))
	if need > maxTitleLines {
		return nil
	}
	for k := need; k <= need+1; k++ {
		s.search(0, k, float64(k-need)*extraLinePen)
		if s.tried > titleBudget {
			return nil
		}
	}
	return s.best
}

// search tries every line from a when lines are left to set, with the cost
// so far.
func (s *titleSearch) search(a, lines int, cost float64) {
	s.tried++
	n := len(s.atoms)
	if cost >= s.cost || s.tried > titleBudget {
		return
	}
	if lines == 1 {
		w := s.pw.width(a, n)
		if w > s.avail+0.01 {
			return
		}
		s.widths = append(s.widths, w)
		s.ends = append(s.ends, n)
		if c := cost + s.shapeCost(); c < s.cost {
			s.cost, s.best = c, append([]int(nil), s.ends...)
		}
		s.widths, s.ends = s.widths[:len(s.widths)-1], s.ends[:len(s.ends)-1]
		return
	}
	for e := a + 1; e < n; e++ {
		if !s.atoms[e].breakB {
			continue
		}
		w := s.pw.width(a, e)
		if w > s.avail+0.01 {
			break
		}
		if s.pw.width(e, n) > float64(lines-1)*s.avail {
			continue // the rest cannot fit the lines left
		}
		s.widths = append(s.widths, w)
		s.ends = append(s.ends, e)
		s.search(e, lines-1, cost+s.atoms[e].pen)
		s.widths, s.ends = s.widths[:len(s.widths)-1], s.ends[:len(s.ends)-1]
	}
}

// shapeCost weighs the line widths of a complete breaking.
func (s *titleSearch) shapeCost() float64 {
	ws := s.widths
	longest := 0.0
	for _, w := range ws {
		longest = max(longest, w)
	}
	c := 0.0
	for i, w := range ws {
		short := (longest - w) / s.em
		c += balanceWeight * short * short
		if i > 0 && i+1 < len(ws) && w < ws[i-1]-s.em/2 && w < ws[i+1]-s.em/2 {
			c += hourglassPen
		}
	}
	if len(ws) > 1 && ws[len(ws)-1] < 3*s.em-0.01 {
		c += stubPen
	}
	return c
}

// prefixWidths measures any run of atoms as lineWidth does, in constant
// time: running sums of the advances and of the gaps after each atom.
type prefixWidths struct {
	atoms []atom
	adv   []float64 // adv[i]: sum of w − cutL of atoms[:i]
	gap   []float64 // gap[i]: sum of glue − cutR of atoms[:i]
	last  []int     // last[e]: the last atom before e that is no space, or −1
}

func newPrefixWidths(atoms []atom) prefixWidths {
	n := len(atoms)
	pw := prefixWidths{atoms: atoms, adv: make([]float64, n+1), gap: make([]float64, n+1), last: make([]int, n+1)}
	pw.last[0] = -1
	for i, a := range atoms {
		pw.adv[i+1] = pw.adv[i] + a.w - a.cutL
		pw.gap[i+1] = pw.gap[i] + a.glue - a.cutR
		pw.last[i+1] = pw.last[i]
		if !a.space {
			pw.last[i+1] = i
		}
	}
	return pw
}

// width is lineWidth(atoms[a:e]).
func (pw *prefixWidths) width(a, e int) float64 {
	l := pw.last[e]
	if l < a {
		return 0
	}
	w := pw.adv[l+1] - pw.adv[a] + pw.gap[l] - pw.gap[a]
	return w - startCut(pw.atoms[a:]) - endCut(pw.atoms[l])
}
