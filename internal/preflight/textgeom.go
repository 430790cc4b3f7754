package preflight

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Where text prints. A print shop's RIP draws whatever the content says;
// these checks find text a layout program put where it must not go:
//
//   - outside the trim box: it is cut off (or printed in the bleed);
//   - on top of other text: two text boxes that overlap by more than the
//     blank half of a squeezed punctuation mark, so characters print over
//     each other;
//   - invisible (rendering mode 3) or of no size: the reader sees nothing,
//     though the text is there for search and copy;
//   - a coordinate that is no number (NaN, Inf): RIPs and viewers stop on
//     the operator or draw nothing.
//
// A text box is the run's advance widths across (from the font's /W or
// /Widths; glyph codes of a Type0 font are two bytes, of a simple font
// one) and, up and down, from the baseline to 0.8 em above it: the body of
// CJK and Latin capitals, so that lines set close do not count as
// overlapping. Only the page's own content and the forms it draws are
// measured — not patterns, Type 3 glyphs or annotation appearances.

// textBox is where one text-showing operator prints, in default user space.
type textBox struct {
	x0, y0, x1, y1 float64
	size           float64 // the type size in user space
}

// glyphBody is the part of the em above the baseline a text box spans.
const glyphBody = 0.8

// overprint is how far, in em, two text boxes on one line may overlap
// before it counts as text printed over text. The check cannot see ink,
// only advance widths: the blank half of a punctuation mark squeezed
// against its neighbour (GB/T 15834 5.1.10), or a leader dot's blank
// sides under a bracket, overlap by half an em or a little more; a
// character printed over another overlaps by a whole em.
const overprint = 0.75

// fontWidths are a font's glyph advances in thousandths of an em.
type fontWidths struct {
	twoByte bool
	widths  map[int]float64
	dw      float64 // the advance of a code not listed
}

// nonNumbers are the words a program that prints a float without checking
// writes for one that is no number (Go's "NaN", "+Inf"; C's "nan", "inf").
func nonNumber(op string) bool {
	switch strings.ToLower(strings.TrimLeft(op, "+-")) {
	case "nan", "inf", "infinity":
		return true
	}
	return false
}

// textMove handles the text positioning operators (Td, TD, T*, TL) and the
// spacing ones (Tc, Tw, Tz, Ts); it reports whether name was one.
func (s *scanner) textMove(name string, v []float64) bool {
	g := &s.gs
	switch name {
	case "Td", "TD":
		if len(v) != 2 {
			return true
		}
		if name == "TD" {
			g.leading = -v[1]
		}
		g.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.times(g.tlm)
		g.tm = g.tlm
	case "T*":
		g.tlm = matrix{1, 0, 0, 1, 0, -g.leading}.times(g.tlm)
		g.tm = g.tlm
	case "TL":
		if len(v) == 1 {
			g.leading = v[0]
		}
	case "Tc":
		if len(v) == 1 {
			g.charSpace = v[0]
		}
	case "Tw":
		if len(v) == 1 {
			g.wordSpace = v[0]
		}
	case "Tz":
		if len(v) == 1 {
			g.hscale = v[0]
		}
	case "Ts":
		if len(v) == 1 {
			g.rise = v[0]
		}
	default:
		return false
	}
	return true
}

// showText measures a text-showing operator (Tj, TJ, ', ") and checks what
// it shows: invisible, of no size, outside the trim; its box is kept for
// the overlap check at the end of the page.
func (s *scanner) showText(name string, args []token) {
	if name == "'" || name == "\"" {
		if v := numbers(args); name == "\"" && len(v) >= 2 {
			s.gs.wordSpace, s.gs.charSpace = v[0], v[1]
		}
		s.textMove("T*", nil)
	}
	if s.where != "" {
		return
	}
	fw := s.widths(s.gs.font)
	g := &s.gs
	size := g.size
	hs := g.hscale / 100
	adv := 0.0
	trail := 0.0 // the spacing after the last glyph: it moves the pen, it prints nothing
	shown := false
	for _, a := range args {
		switch a.kind {
		case tokString:
			for _, code := range codes(a, fw.twoByte) {
				shown = true
				w := fw.dw
				if v, ok := fw.widths[code]; ok {
					w = v
				}
				adv += (w/1000*size + g.charSpace) * hs
				trail = g.charSpace * hs
				if code == ' ' && !fw.twoByte {
					adv += g.wordSpace * hs
					trail += g.wordSpace * hs
				}
			}
		case tokNumber:
			if name == "TJ" {
				adv -= a.num / 1000 * size * hs
				trail -= a.num / 1000 * size * hs
			}
		}
	}
	if !shown {
		return
	}
	m := g.tm.times(g.ctm)
	scale := math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2]))
	switch {
	case g.render == 3 || g.render == 7:
		s.note(Error, "text-invisible", "有设为不可见（文字渲染模式 %d）的文字：印出来看不到，检索和复制时却有；排版程序出了错，或这是扫描件的识别文字层", g.render)
	case size*scale < 0.01:
		s.note(Error, "text-zero-size", "有字号为 0 的文字：印出来看不到；排版程序出了错")
	}
	ink := adv - trail
	x0, x1 := math.Min(0, ink), math.Max(0, ink)
	y0, y1 := g.rise, g.rise+glyphBody*size
	b := textBox{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1), size: size * scale}
	for _, p := range [][2]float64{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}} {
		x := p[0]*m[0] + p[1]*m[2] + m[4]
		y := p[0]*m[1] + p[1]*m[3] + m[5]
		b.x0, b.x1 = math.Min(b.x0, x), math.Max(b.x1, x)
		b.y0, b.y1 = math.Min(b.y0, y), math.Max(b.y1, y)
	}
	// the text matrix moves on by the advance (in text space, along x)
	g.tm = matrix{1, 0, 0, 1, adv, 0}.times(g.tm)
	if bad(b.x0, b.y0, b.x1, b.y1) {
		return // reported as no number where it was written
	}
	if b.size >= 0.01 && g.render != 3 && g.render != 7 {
		s.boxes = append(s.boxes, b)
	}
}

func bad(fs ...float64) bool {
	for _, f := range fs {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return true
		}
	}
	return false
}

// checkTextBoxes checks the page's text boxes when its content has run:
// inside the trim, and none over another.
func (s *scanner) checkTextBoxes() {
	trim := s.c.trims[s.page]
	const slack = 0.5 // pt: rounding in the file
	out := 0
	for _, b := range s.boxes {
		if trim != nil && (b.x0 < trim.LL.X-slack || b.x1 > trim.UR.X+slack || b.y0 < trim.LL.Y-slack || b.y1 > trim.UR.Y+slack) {
			out++
		}
	}
	if out > 0 {
		s.note(Error, "text-outside-trim", "有 %d 处文字超出成品尺寸（TrimBox），裁切后会被切掉", out)
	}
	if n := textOverlaps(s.boxes); n > 0 {
		s.note(Error, "text-overlap", "有 %d 处文字与别的文字叠印在一起（文字框重叠超过四分之三个字）", n)
	}
}

// textOverlaps counts pairs of text boxes that overlap across by more than
// overprint of the smaller type size and up and down by more than a third
// of it. The boxes are swept in order of their bottoms, so that a page of
// many lines costs little.
func textOverlaps(bs []textBox) int {
	sort.Slice(bs, func(i, j int) bool { return bs[i].y0 < bs[j].y0 })
	n := 0
	for i := range bs {
		a := bs[i]
		for j := i + 1; j < len(bs) && bs[j].y0 < a.y1; j++ {
			b := bs[j]
			em := math.Min(a.size, b.size)
			ox := math.Min(a.x1, b.x1) - math.Max(a.x0, b.x0)
			oy := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
			if ox > overprint*em && oy > em/3 {
				n++
			}
		}
	}
	return n
}

// codes are the glyph codes of a string operand: its bytes, two to a code
// for a Type0 font.
func codes(t token, twoByte bool) []int {
	var bs []byte
	if t.hex {
		bs = hexBytes(t.text)
	} else {
		bs = unescape(t.text)
	}
	var out []int
	if twoByte {
		for i := 0; i+1 < len(bs); i += 2 {
			out = append(out, int(bs[i])<<8|int(bs[i+1]))
		}
		return out
	}
	for _, b := range bs {
		out = append(out, int(b))
	}
	return out
}

func hexBytes(s string) []byte {
	var digits []byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F') {
			digits = append(digits, c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		v, _ := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		out[i] = byte(v)
	}
	return out
}

// unescape reads a literal string's escapes (ISO 32000-1 7.3.4.2).
func unescape(s string) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\n':
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		default:
			if '0' <= e && e <= '7' {
				v, k := 0, 0
				for ; k < 3 && i+k < len(s) && '0' <= s[i+k] && s[i+k] <= '7'; k++ {
					v = v*8 + int(s[i+k]-'0')
				}
				i += k - 1
				out = append(out, byte(v))
				continue
			}
			out = append(out, e)
		}
	}
	return out
}

// widths reads (once per font object) the advances of the font the
// current resources name.
func (s *scanner) widths(name string) *fontWidths {
	o := s.resource("Font", name)
	key := -1
	if r, ok := o.(types.IndirectRef); ok {
		key = r.ObjectNumber.Value()
		if fw, ok := s.c.widths[key]; ok {
			return fw
		}
	}
	fw := s.readWidths(o)
	if key >= 0 {
		if s.c.widths == nil {
			s.c.widths = map[int]*fontWidths{}
		}
		s.c.widths[key] = fw
	}
	return fw
}

// readWidths reads a font dictionary's advances: a Type0 font's from its
// descendant's /W and /DW, a simple font's from /FirstChar and /Widths. A
// font without them (one of the standard 14) counts half an em a glyph.
func (s *scanner) readWidths(o types.Object) *fontWidths {
	fw := &fontWidths{widths: map[int]float64{}, dw: 500}
	ctx := s.c.ctx
	d, err := ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return fw
	}
	if st := d.Subtype(); st != nil && *st == "Type0" {
		fw.twoByte, fw.dw = true, 1000
		arr, err := ctx.DereferenceArray(d["DescendantFonts"])
		if err != nil || len(arr) == 0 {
			return fw
		}
		cid, err := ctx.DereferenceDict(arr[0])
		if err != nil || cid == nil {
			return fw
		}
		if v, ok := s.number(cid["DW"]); ok {
			fw.dw = v
		}
		w, _ := ctx.DereferenceArray(cid["W"])
		for i := 0; i < len(w); {
			first, ok := s.number(w[i])
			if !ok || i+1 >= len(w) || !(first >= 0 && first <= 65535) {
				break
			}
			if list, err := ctx.DereferenceArray(w[i+1]); err == nil && list != nil {
				for k, x := range list {
					if v, ok := s.number(x); ok {
						fw.widths[int(first)+k] = v
					}
				}
				i += 2
				continue
			}
			last, ok1 := s.number(w[i+1])
			// a range of codes: at most the 65,536 two-byte codes, in order
			if i+2 >= len(w) || !ok1 || !(first >= 0 && first <= last && last <= 65535) {
				break
			}
			v, _ := s.number(w[i+2])
			for c := int(first); c <= int(last); c++ {
				fw.widths[c] = v
			}
			i += 3
		}
		return fw
	}
	first, _ := s.number(d["FirstChar"])
	if !(first >= 0 && first <= 255) {
		return fw
	}
	ws, _ := ctx.DereferenceArray(d["Widths"])
	for k, x := range ws {
		if v, ok := s.number(x); ok {
			fw.widths[int(first)+k] = v
		}
	}
	return fw
}

// number reads an integer or real object.
func (s *scanner) number(o types.Object) (float64, bool) {
	o, err := s.c.ctx.Dereference(o)
	if err != nil {
		return 0, false
	}
	switch v := o.(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}
