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
type breakMemo map[string]memoLines

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
	key := p.memoKey()
	got, ok := m[key]
	if !ok {
		got.lines, got.missing = lb.Break(p)
		m[key] = got
	}
	return copyLines(got.lines), got.missing
}

// memoKey is everything about p that the lines depend on.
func (p *Paragraph) memoKey() string {
	n := memoKeyRest
	for _, s := range p.Spans {
		n += len(s.Text) + memoKeySpan
	}
	var b strings.Builder
	b.Grow(n) // the key's one allocation: String does not copy
	var num [32]byte
	for _, s := range p.Spans {
		b.WriteString(s.Text)
		b.WriteByte(0)
		b.Write(strconv.AppendInt(num[:0], int64(s.Role), 10))
		b.WriteByte(0)
		b.Write(strconv.AppendFloat(num[:0], s.Size, 'g', -1, 64))
		b.WriteByte(0)
		b.WriteString(strconv.FormatBool(s.FakeBold))
		b.WriteByte(1)
	}
	for _, f := range []float64{p.Width, p.Indent, p.Hang, p.Track, float64(p.Align), float64(p.Balance)} {
		b.Write(strconv.AppendFloat(num[:0], f, 'g', -1, 64))
		b.WriteByte(0)
	}
	for _, f := range []bool{p.KeepNames, p.KeepWords, p.Tight, p.KeepItems} {
		b.WriteString(strconv.FormatBool(f))
	}
	return b.String()
}

// memoKeySpan and memoKeyRest are room enough in a memo key for a span's
// role, size and bold flag and for the paragraph's numbers and flags (a
// float64 takes at most 24 bytes written out).
const (
	memoKeySpan = 40
	memoKeyRest = 6*25 + 4*5
)

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
