package layout

import (
	"encoding/binary"
	"math"
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

// breakShared is breakLines for a caller that only reads the lines: they
// are the memo's own, not a copy, and neither they nor their glyphs may be
// changed (a body paragraph's lines go to the page as they are).
func (m breakMemo) breakShared(lb *LineBreaker, p *Paragraph) ([]Line, []rune) {
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

// memoKey is everything about p that the lines depend on, written so that
// two paragraphs have the same key only when they are the same: each
// span's text after its length, and the numbers as their bits, in fixed
// width (writing them out in decimal took most of the time of making keys).
func (p *Paragraph) memoKey() string {
	n := memoKeyRest
	for _, s := range p.Spans {
		n += len(s.Text) + memoKeySpan
	}
	var b strings.Builder
	b.Grow(n) // the key's one allocation: String does not copy
	var num [binary.MaxVarintLen64]byte
	word := func(u uint64) { b.Write(binary.LittleEndian.AppendUint64(num[:0], u)) }
	flag := func(f bool) {
		if f {
			b.WriteByte(1)
		} else {
			b.WriteByte(0)
		}
	}
	b.Write(binary.AppendUvarint(num[:0], uint64(len(p.Spans))))
	for _, s := range p.Spans {
		b.Write(binary.AppendUvarint(num[:0], uint64(len(s.Text))))
		b.WriteString(s.Text)
		word(uint64(s.Role))
		word(math.Float64bits(s.Size))
		flag(s.FakeBold)
	}
	for _, f := range []float64{p.Width, p.Indent, p.Hang, p.Track} {
		word(math.Float64bits(f))
	}
	word(uint64(p.Align))
	word(uint64(p.Balance))
	for _, f := range []bool{p.KeepNames, p.KeepWords, p.Tight, p.KeepItems} {
		flag(f)
	}
	return b.String()
}

// memoKeySpan and memoKeyRest are the bytes of a memo key besides the
// spans' texts: a span's length, role, size and bold flag; the number of
// spans, the paragraph's numbers and flags.
const (
	memoKeySpan = binary.MaxVarintLen64 + 8 + 8 + 1
	memoKeyRest = binary.MaxVarintLen64 + 6*8 + 4
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
