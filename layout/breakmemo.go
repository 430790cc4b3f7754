package layout

import (
	"strconv"
	"strings"
)

// breakMemo remembers the lines of the paragraphs of one document while it
// is composed again and again to find how much of it to set tight
// (composeDocument): only the paragraphs whose setting changes are broken
// again. It belongs to one document's composition, never to the
// LineBreaker.
type breakMemo map[memoKey]memoLines

type memoLines struct {
	lines   []Line
	missing []rune
}

// breakLines breaks p with lb, or returns a copy of the lines it had: a
// copy, since callers shift lines in place (centred titles).
func (m breakMemo) breakLines(lb *LineBreaker, p *Paragraph) ([]Line, []rune) {
	if m == nil {
		return lb.Break(p)
	}
	lines, missing := m.shared(lb, p)
	return copyLines(lines), missing
}

// shared is breakLines without the copy, for a caller that keeps the lines
// as they are (addLines): they are the memo's own, and every setting that
// asks for p gets the same glyphs.
func (m breakMemo) shared(lb *LineBreaker, p *Paragraph) ([]Line, []rune) {
	if m == nil {
		return lb.Break(p)
	}
	key := p.memoKey()
	got, ok := m[key]
	if !ok {
		got.lines, got.missing = lb.Break(p)
		m[key] = got
	}
	return got.lines, got.missing
}

// memoKey is everything about a paragraph that its lines depend on. The
// first two spans are held as they are (a body paragraph has one, one with
// a run-in head two); the others, rare, are spelled out in rest.
type memoKey struct {
	nspans               int
	spans                [2]Span
	rest                 string
	width, indent, hang  float64
	track                float64
	align                Align
	balance              int
	keepNames, keepWords bool
	keepItems, tight     bool
}

// memoKey is p's key in a breakMemo.
func (p *Paragraph) memoKey() memoKey {
	k := memoKey{nspans: len(p.Spans), width: p.Width, indent: p.Indent, hang: p.Hang, track: p.Track, align: p.Align, balance: p.Balance,
		keepNames: p.KeepNames, keepWords: p.KeepWords, keepItems: p.KeepItems, tight: p.Tight}
	copy(k.spans[:], p.Spans)
	if len(p.Spans) > len(k.spans) {
		var b strings.Builder
		for _, s := range p.Spans[len(k.spans):] {
			b.WriteString(s.Text)
			b.WriteByte(0)
			b.WriteString(strconv.Itoa(int(s.Role)))
			b.WriteByte(0)
			b.WriteString(strconv.FormatFloat(s.Size, 'g', -1, 64))
			b.WriteByte(0)
			b.WriteString(strconv.FormatBool(s.FakeBold))
			b.WriteByte(1)
		}
		k.rest = b.String()
	}
	return k
}

// copyLines copies lines and their glyphs, all the glyphs in one
// allocation (each line's slice capped at its end, so that appending to one
// line never writes into the next).
func copyLines(lines []Line) []Line {
	n := 0
	for _, l := range lines {
		n += len(l.Glyphs)
	}
	glyphs := make([]Glyph, 0, n)
	out := make([]Line, len(lines))
	for i, l := range lines {
		out[i] = l
		if len(l.Glyphs) == 0 {
			out[i].Glyphs = nil // as append to nil gives
			continue
		}
		start := len(glyphs)
		glyphs = append(glyphs, l.Glyphs...)
		out[i].Glyphs = glyphs[start:len(glyphs):len(glyphs)]
	}
	return out
}
