package layout

import (
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"

	"gazette/fonts"
)

// Metrics gives advance widths in em (1.0 = the type size). The renderer
// embeds fonts whose widths are exactly these, so measuring with Metrics is
// measuring what prints. fonts.Set satisfies it through FontMetrics.
type Metrics interface {
	Advance(role fonts.Role, r rune) (float64, bool)
}

// Span is a run of text in one face and size; a Paragraph is made of Spans.
type Span struct {
	Text string
	Role fonts.Role
	Size float64
	// FakeBold draws the glyphs filled and stroked, a bold for a face that
	// has no bold of its own (仿宋 run-in heads).
	FakeBold bool
}

// Align says how the lines of a paragraph sit in the measure.
type Align int

// The alignments. Justify sets every line but the last flush with both edges
// (Chinese body text is justified, never ragged: https://www.w3.org/TR/clreq/#necessity_for_line_adjustment).
const (
	Justify Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Paragraph is text to be broken into lines of one measure.
type Paragraph struct {
	Spans  []Span
	Width  float64 // the measure
	Indent float64 // extra left indent of the first line (2 characters for body text)
	Hang   float64 // left indent of the lines after the first (附件说明)
	Align  Align
	Track  float64 // added to the advance of every CJK glyph (grid pitch − type size)
	// KeepNames makes a break inside a 《…》 name cost, and inside a word,
	// as KeepWords (titles: GB/T 9704-2012 7.3.1 "回行时，要做到词意完整").
	KeepNames bool
	// KeepWords makes a break inside a dictionary word cost (words.go), so
	// that lines break between words where they can (目录 entries).
	KeepWords bool
	// KeepItems sets p as a list of items separated by 、，；： or spaces
	// (the names of a 出席 or 任命 list): a break inside an item costs as
	// an emergency break does, so that each item stays whole on a line
	// where it fits (items.go).
	KeepItems bool
	// Balance, when above 0, sets p as a title: in at least Balance lines
	// chosen by their shape and words (titlebreak.go), each centred.
	Balance int
	// Tight sets 全角式 text in 开明式 (Kaiming: every mark but 。？！ half
	// an em), one even style over every line it sets. Lay sets it for the
	// last paragraphs of a document whose last page would hold only a few
	// lines, to save the page (as an editor asks the compositor to "挤一挤").
	// It belongs to the paragraph, not to the LineBreaker shared by every
	// document of the issue.
	Tight bool
}

// Glyph is one placed character: X from the line's left edge to the glyph
// origin; the baseline is the line's. (The fields are ordered so that a
// Glyph takes 48 bytes, not 56: a book holds one for every character, and
// the line breaker copies them.)
type Glyph struct {
	X    float64
	Size float64
	// CutL and CutR are the blank a full-width mark loses to compression
	// inside the line, before and after its glyph (相邻标点挤压, 开明式,
	// the squeeze of a tight line): what the neighbour's box overlaps of its
	// full box. The blank an opening mark loses at the line's start and a
	// closing mark at its end is not counted: no glyph overlaps it.
	CutL, CutR float64
	Role       fonts.Role
	R          rune
	FakeBold   bool
}

// Line is one composed line.
type Line struct {
	Glyphs []Glyph
	Left   float64 // where the line's measured text starts (an opening mark's cut blank not counted)
	Right  float64 // where the line's measured text ends (a line-end mark counts half)
	Last   bool    // the paragraph's last line (not justified)
}

// Text returns the characters of the line.
func (l *Line) Text() string {
	rs := make([]rune, len(l.Glyphs))
	for i, g := range l.Glyphs {
		rs[i] = g.R
	}
	return string(rs)
}

// LineBreaker composes paragraphs into lines: break opportunities from UAX #14
// tailored by the Chinese prohibitions and given costs, tokens (addresses,
// numbers with their units) breaking by rules of their own, the paragraph
// broken as a whole by total fit (knuth.go; titles by shape and words,
// titlebreak.go), justification within the spreading limit, and no 孤字
// ("孤字不成行": https://www.w3.org/TR/clreq/#adjustments_of_orphans_and_widows).
// The rules and their costs: docs/line-composition.md.
type LineBreaker struct {
	Metrics Metrics
	Kinsoku Kinsoku
	Punct   PunctStyle
	// A LineBreaker holds no state between paragraphs: one is shared by
	// every document of an issue, and what one paragraph asks for (Tight,
	// KeepNames) lives in its Paragraph.
}

// atom is one character with its measured box.
type atom struct {
	r      rune
	role   fonts.Role
	size   float64
	bold   bool    // fake bold (Span.FakeBold)
	w      float64 // natural advance, tracking included
	cjk    bool
	space  bool
	breakB bool    // a line may break before this atom
	pen    float64 // what a break before this atom costs (knuth.go)
	emerg  bool    // a break here only as a last resort, inside a run longer than a line
	// solid: no space is added before this atom in justifying, inside a
	// number ("１２．５％" keeps its full-width digits as typed and as close
	// as they are: docs/line-composition.md#numbers-and-units)
	solid bool
	// the character's classes, looked up once (the breaker asks often)
	openMark, closeMark, long bool    // leftBlank, rightBlank, longMark
	cutL                      float64 // left blank removed by compression with its neighbour
	cutR                      float64 // right blank removed by compression with its neighbour
	glue                      float64 // CJK–Latin space after this atom (https://www.w3.org/TR/clreq/#mixed_text_composition_in_horizontal_writing_mode)
	give                      float64 // how much the blank around this atom may still shrink
	class                     squeeze // the reduction priority of give
	before                    bool    // give is the blank before the glyph (opening marks)

	marks punctMarks // every class of punct.go the character is in (marksOf)
}

// half is the compressible blank of a full-width mark: half its advance.
func (a *atom) half() float64 { return a.w / 2 }

// Break composes p into lines. Characters no face covers are returned in
// missing (and measured as one em so that layout can go on and report them
// all at once).
func (lb *LineBreaker) Break(p *Paragraph) (lines []Line, missing []rune) {
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	atoms, missing := lb.prepare(p, sc)
	if len(atoms) == 0 {
		return []Line{{Last: true}}, missing
	}
	setGive(atoms)
	markEmergency(atoms, p)
	var ends []int
	if p.Balance > 0 {
		ends = titleBreaks(atoms, p, p.Balance)
	}
	if ends == nil {
		ends = totalFit(atoms, p, sc)
	}
	if ends == nil {
		ends = lb.breakPoints(atoms, p) // greedy, breaking where a line overflows
	}
	lines = make([]Line, len(ends))
	glyphs := make([]Glyph, 0, len(atoms)) // every line's glyphs, in one allocation
	start := 0
	for i, end := range ends {
		lines[i], glyphs = lb.place(atoms[start:end], p, i == 0, i == len(ends)-1, glyphs)
		start = end
	}
	return lines, missing
}

// atoms measures the paragraph's characters, each in the face faceFor picks;
// the marks in cjkForced always stay in the CJK face (docs/clreq.md#handling-western-text-in-chinese-text-using-proportional-western-fonts).
func (lb *LineBreaker) atoms(p *Paragraph, sc *scratch) ([]atom, []rune) {
	n := 0 // room for the atoms: the bytes, at least as many as the characters
	for _, s := range p.Spans {
		n += len(s.Text)
	}
	if n > cap(sc.atoms) { // the pooled buffer may be too small: count the characters
		n = 0
		for _, s := range p.Spans {
			n += utf8.RuneCountInString(s.Text)
		}
	}
	atoms := slices.Grow(sc.atoms[:0], n)
	defer func() { sc.atoms = atoms[:0] }()
	var missing []rune
	for _, s := range p.Spans {
		for _, r := range s.Text {
			if r == '\n' || r == '\r' || r == '\t' {
				r = ' '
			}
			m := marksOf(r)
			a := atom{r: r, role: lb.faceFor(s.Role, r), size: s.Size, bold: s.FakeBold, cjk: isCJK(r), space: r == ' ' || r == '\u3000',
				openMark: m&markLeftBlank != 0, closeMark: m&markRightBlank != 0, long: m&markLong != 0, marks: m}
			adv, ok := lb.Metrics.Advance(a.role, r)
			if !ok {
				missing = append(missing, r)
				adv = 1
			}
			a.w = adv * s.Size
			if a.cjk {
				a.w += p.Track
			}
			atoms = append(atoms, a)
		}
	}
	return atoms, missing
}

// prepare measures p's characters and marks what the line breaker needs:
// break opportunities, the style's and the pairs' compression, CJK–Latin
// glue.
func (lb *LineBreaker) prepare(p *Paragraph, sc *scratch) ([]atom, []rune) {
	atoms, missing := lb.atoms(p, sc)
	if len(atoms) == 0 {
		return atoms, missing
	}
	lb.markBreaks(atoms, sc)
	if p.KeepNames {
		markNameBreaks(atoms)
		markPhraseBreaks(atoms)
	}
	if p.KeepNames || p.KeepWords {
		inWord := float64(wordPen)
		if p.Balance > 0 {
			inWord = titleWordPen
		}
		markWordBreaks(atoms, inWord)
	}
	if p.KeepItems {
		markItemBreaks(atoms, p)
	}
	lb.style(p).apply(atoms)
	compressPairs(atoms)
	addLatinGlue(atoms)
	return atoms, missing
}

// LongestPiece is the width of the longest run of p's text that no allowed
// break divides ("2023年", "〔2023〕25号", a web address): the least measure
// that sets p without cutting a word.
func (lb *LineBreaker) LongestPiece(p *Paragraph) float64 {
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	atoms, _ := lb.prepare(p, sc)
	best, start := 0.0, 0
	for i := 1; i <= len(atoms); i++ {
		if i == len(atoms) || atoms[i].breakB {
			best = max(best, lineWidth(atoms[start:i]))
			start = i
		}
	}
	return best
}

// style is the punctuation style lines are set in: the office's, or 开明式
// for a tight setting of 全角式 text.
func (lb *LineBreaker) style(p *Paragraph) PunctStyle {
	if p.Tight && lb.Punct == Quanjiao {
		return Kaiming
	}
	return lb.Punct
}

// faceFor is the role whose face sets r in a span of role. Latin letters and
// digits come from the Latin face (office practice: Times New Roman digits in
// 仿宋 text, docs/gbt9704.md#where-the-standard-leaves-a-choice-office-practice-we-follow), except in the bold faces of titles and 一级
// headings, whose own digits match their weight ("第31次", "附件2"), as long as
// those faces have them. A 造字 in the private use area is always the CJK
// face's own: the Latin face's private glyphs are ligatures and ornaments.
func (lb *LineBreaker) faceFor(role fonts.Role, r rune) fonts.Role {
	if role == fonts.Latin || isCJK(r) || unicode.In(r, unicode.Co) {
		return role
	}
	if role == fonts.Title || role == fonts.Hei {
		if ownCovers(lb.Metrics, role, r) {
			return role
		}
	}
	if ownCovers(lb.Metrics, fonts.Latin, r) {
		return fonts.Latin
	}
	return role
}

// markBreaks sets breakB from UAX #14 (uax14.go, or go-text's segmenter for
// a paragraph with characters it does not handle), then removes the breaks
// the Chinese rules forbid.
func (lb *LineBreaker) markBreaks(atoms []atom, sc *scratch) {
	var fast bool
	if sc.codes, fast = uax14Breaks(atoms, sc.codes); !fast {
		segmentBreaks(atoms, sc)
	}
	for i := 1; i < len(atoms); i++ {
		if !atoms[i].breakB {
			continue
		}
		pen, ok := lb.breakCost(&atoms[i-1], &atoms[i])
		atoms[i].breakB, atoms[i].pen = ok && !itemNumberBefore(atoms, i), pen
	}
	markTokens(atoms)
}

// segmentBreaks sets breakB from UAX #14 via go-text's segmenter.
func segmentBreaks(atoms []atom, sc *scratch) {
	runes := slices.Grow(sc.runes[:0], len(atoms))[:len(atoms)]
	sc.runes = runes
	for i := range atoms {
		runes[i] = atoms[i].r
	}
	seg := segmenters.Get().(*segmenter.Segmenter)
	defer segmenters.Put(seg)
	seg.Init(runes)
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		if end := l.Offset + len(l.Text); end < len(atoms) {
			atoms[end].breakB = true
		}
	}
}

// scratch is the working memory of breaking one paragraph, reused through
// a pool (safe for concurrent use; never state of the LineBreaker, and
// nothing in it outlives the call that took it).
type scratch struct {
	atoms []atom
	runes []rune
	codes []lbCode
	cost  []float64
	from  []int
	fits  []fitAtom
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// segmenters keeps UAX #14 segmenters for reuse: one holds buffers as long
// as the longest paragraph it has seen, and Init resets it. A pool, safe
// for concurrent use, not state of the LineBreaker.
var segmenters = sync.Pool{New: func() any { return new(segmenter.Segmenter) }}

// itemNumberBefore reports an item number such as "3." ending just before
// atom i, whose text starts at i: the number stays with its item and
// never ends a line alone (GB/T 9704-2012 7.3.3 numbers a level-3 item "1.").
func itemNumberBefore(atoms []atom, i int) bool {
	if !atoms[i].cjk || i < 2 {
		return false
	}
	prev := atoms[i-1].r
	return (prev == '.' || prev == '．') && isNumeric(atoms[i-2].r)
}

// breakCost applies the Chinese tailoring of UAX #14 between atoms a and b:
// whether a line may break there, and at what cost
// (docs/line-composition.md#break-opportunities-and-their-costs). The basic level of the prohibitions is a
// ban; the stricter levels are penalties, which the total-fit breaker pays
// only where no other break sets the paragraph within the spreading limit.
func (lb *LineBreaker) breakCost(a, b *atom) (float64, bool) {
	prev, next := a.r, b.r
	switch {
	case b.marks&markNoLineStart != 0, a.marks&markNoLineEnd != 0: // https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end, basic level
		return 0, false
	case a.marks&markLong != 0 && prev == next: // GB/T 15834 5.1.4, 5.1.5: —— and …… never split
		return 0, false
	case (prev == '〕' || prev == ']') && isDigit(next): // 〔2023〕25号 is one unit
		return 0, false
	case (a.marks|b.marks)&markJoiner != 0: // “公司+基地+农户” is one term
		return 0, false
	case prev == '-' && next < 0x80: // a line ending in "-" reads as a hyphenated word: pdftotext drops the hyphen
		return 0, false
	case lb.Kinsoku >= KinsokuGB && (prev == '/' || prev == '／'): // clreq prohibition rules, GB level
		return kinsokuPen, true
	case lb.Kinsoku >= KinsokuStrict && b.marks&markLong != 0: // clreq prohibition rules, strict level
		return kinsokuPen, true
	}
	return 0, true
}

// lineWidth measures atoms as one line: pair compression and CJK–Latin glue
// inside, a line-start opening mark and a line-end mark set half-width
// (https://www.w3.org/TR/clreq/#punctuation_width_adjustment, GB/T 15834 5.1.10), no glue at either end
// (https://www.w3.org/TR/clreq/#mixed_text_composition_in_horizontal_writing_mode),
// and trailing spaces not counted.
func lineWidth(atoms []atom) float64 {
	atoms = trimSpaces(atoms)
	n := len(atoms)
	if n == 0 {
		return 0
	}
	w := 0.0
	for i := 0; i < n; i++ {
		w += atoms[i].w - atoms[i].cutL
		if i < n-1 {
			w += atoms[i].glue - atoms[i].cutR
		}
	}
	w -= startCut(atoms) + endCut(atoms[n-1])
	return w
}

// trimSpaces drops the spaces at the end of a line: they are not printed.
func trimSpaces(atoms []atom) []atom {
	n := len(atoms)
	for n > 0 && atoms[n-1].space {
		n--
	}
	return atoms[:n]
}

// startCut is the blank an opening mark loses at the start of a line
// (https://www.w3.org/TR/clreq/#punctuation_width_adjustment), a paragraph's first line included: so the ink of "（一）" or
// "《关于…" starts at the 2-character indent like a paragraph that opens with
// a hanzi, a wrapped line's bracket stands flush with the margin, and a
// centred line like “（昌府办字〔2023〕25号）” is centred on its ink, its
// closing mark's blank being dropped at the end (GB/T 15834 5.1.10).
func startCut(atoms []atom) float64 {
	if len(atoms) == 0 || !atoms[0].openMark || atoms[0].cutL > 0 {
		return 0
	}
	return atoms[0].half()
}

// endCut is the blank a full-width mark loses at line end (GB/T 15834 5.1.10).
func endCut(a atom) float64 {
	if a.closeMark {
		return a.half()
	}
	return 0
}

// giveOf reports how much atom i of a line may still shrink: the blank of a
// mark not already taken at the line's ends, a space down to a quarter em.
// CJK–Latin glue gives nothing: the house style fixes it at a quarter em.
func giveOf(atoms []atom, i int) float64 {
	a := &atoms[i]
	switch {
	case a.before && i == 0: // cut at the line start already
		return 0
	case !a.before && i == len(atoms)-1:
		return 0
	}
	return a.give
}

// squeezeRatios spreads an overflow over the line's shrinkable blanks in
// clreq's reduction order (https://www.w3.org/TR/clreq/#procedures_for_inter-character_spacing_reduction): spaces,
// interpuncts, brackets, ，、；：, then 。？！. It returns the
// fraction of each class's give that is taken, and whether the line fits.
func squeezeRatios(atoms []atom, over float64) (ratios [numSqueezes]float64, ok bool) {
	var capacity [numSqueezes]float64
	for i := range atoms {
		capacity[atoms[i].class] += giveOf(atoms, i)
	}
	for c := squeeze(1); c < numSqueezes && over > 1e-9; c++ {
		if capacity[c] <= 0 {
			continue
		}
		take := math.Min(capacity[c], over)
		ratios[c] = take / capacity[c]
		over -= take
	}
	return ratios, over <= 1e-6
}

func (p *Paragraph) avail(first bool) float64 {
	if first {
		return p.Width - p.Indent
	}
	return p.Width - p.Hang
}

// breakPoints returns the end index of every line by greedy filling: the
// fallback when total fit finds no breaking. Punctuation is compressed
// before a character is pushed out ("先挤进，后推出",
// https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end) as
// fitLine says.
func (lb *LineBreaker) breakPoints(atoms []atom, p *Paragraph) []int {
	var ends []int
	for start := 0; start < len(atoms); {
		end := fitLine(atoms, start, p, len(ends) == 0, len(atoms))
		ends = append(ends, end)
		start = end
	}
	return avoidOrphan(atoms, p, ends)
}

// fits reports whether atoms[start:end] fit the line, squeezing punctuation
// and spaces if the paragraph is justified.
func fits(atoms []atom, start, end int, p *Paragraph, first, squeeze bool) bool {
	l := trimSpaces(atoms[start:end])
	over := lineWidth(l) - p.avail(first) - 0.01
	if over <= 0 {
		return true
	}
	if !squeeze || p.Align != Justify {
		return false
	}
	_, ok := squeezeRatios(l, over)
	return ok
}

// fitLine returns where the line starting at start ends. Marks keep their
// set widths while the line fills. Where the natural end would put a mark
// that may not start a line (or leave one that may not end it) at the break,
// the line ends at the allowed break before, the rest being pushed to the
// next line and the line justified — unless that leaves more than
// maxPushSlack ems to spread, when the line squeezes its punctuation in
// clreq's reduction order to take the mark in instead (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end; a spread
// of one or two characters over a line is invisible, half-width marks in mid
// line are not).
func fitLine(atoms []atom, start int, p *Paragraph, first bool, limit int) int {
	fit := lastFit(atoms, start, p, first, limit, false)
	if fit == len(atoms) || atoms[fit].breakB {
		return fit
	}
	push := pushBack(atoms, start, fit, p)
	if p.Align == Justify && (push < 0 || slackOf(atoms, start, push, p, first) > maxPushSlack*atoms[start].size) {
		squeezed := lastFit(atoms, start, p, first, limit, true)
		for b := squeezed; b > fit; b-- {
			if b == len(atoms) || atoms[b].breakB {
				return b
			}
		}
	}
	if push >= 0 {
		return push
	}
	return fit // no allowed break on the whole line: break where it overflows
}

// maxPushSlack is the most white, in ems, that pushing a character to the
// next line may leave to be spread over a line (knuth.go's loosePen).
const maxPushSlack = 2

// pushBack is the last allowed break in (start, fit], or -1 when there is
// none, or when the run after it is longer than a whole line anyway.
func pushBack(atoms []atom, start, fit int, p *Paragraph) int {
	for b := fit; b > start; b-- {
		if atoms[b].breakB {
			if tooLongForALine(atoms, b, p) {
				return -1 // it breaks where it overflows anyway: fill this line first
			}
			return b
		}
	}
	return -1
}

// slackOf is the white a line atoms[start:end] leaves in the measure.
func slackOf(atoms []atom, start, end int, p *Paragraph, first bool) float64 {
	return p.avail(first) - lineWidth(trimSpaces(atoms[start:end]))
}

// tooLongForALine reports whether the unbreakable run starting at atom b (a
// long web address, a number table pasted as one word) is longer than a
// whole line. Pushing it to the next line would leave the line before it
// spread over the measure, and it must be cut where it overflows all the
// same.
func tooLongForALine(atoms []atom, b int, p *Paragraph) bool {
	e := b + 1
	for e < len(atoms) && !atoms[e].breakB {
		e++
	}
	return lineWidth(atoms[b:e]) > p.avail(false)
}

// lastFit is the end of the longest run atoms[start:e] that fits the line,
// with its punctuation squeezed if squeeze is set (at least one atom).
func lastFit(atoms []atom, start int, p *Paragraph, first bool, limit int, squeeze bool) int {
	fit := start + 1
	for e := start + 1; e <= limit; e++ {
		if !fits(atoms, start, e, p, first, squeeze) {
			break
		}
		fit = e
	}
	return fit
}

// avoidOrphan moves a character down when the last line would hold a single
// character, or one character and its punctuation (孤字, https://www.w3.org/TR/clreq/#adjustments_of_orphans_and_widows).
func avoidOrphan(atoms []atom, p *Paragraph, ends []int) []int {
	n := len(ends)
	if n < 2 || !isOrphan(atoms[ends[n-2]:]) {
		return ends
	}
	prevStart := 0
	if n > 2 {
		prevStart = ends[n-3]
	}
	for b := ends[n-2] - 1; b > prevStart+1; b-- {
		if atoms[b].breakB && !isOrphan(atoms[b:]) {
			ends[n-2] = b
			return ends
		}
	}
	return ends
}

// isOrphan reports a line of one character, possibly followed by marks.
func isOrphan(line []atom) bool {
	chars := 0
	for i := range line {
		if countsForOrphan(&line[i]) {
			chars++
		}
	}
	return chars <= 1
}

// countsForOrphan: a is a character of its own, not a mark or a space.
func countsForOrphan(a *atom) bool { return a.marks&markNoLineStart == 0 && !a.space }

// place positions the atoms of one line and justifies it. The line's
// glyphs are taken from the end of glyphs (whose capacity must hold them),
// capped so that appending to them never writes into the next line's;
// glyphs is returned with them.
func (lb *LineBreaker) place(atoms []atom, p *Paragraph, first, last bool, glyphs []Glyph) (Line, []Glyph) {
	atoms = trimSpaces(atoms)
	n := len(atoms)
	left := p.Hang
	if first {
		left = p.Indent
	}
	slack := p.avail(first) - lineWidth(atoms)
	var ratios [numSqueezes]float64
	extra := 0.0
	switch {
	case slack < 0:
		ratios, _ = squeezeRatios(atoms, -slack)
	case p.Align == Justify && !last:
		if gaps := stretchGaps(atoms); gaps > 0 {
			// never letter-spaced: a line that would need more is left short
			extra = min(slack/float64(gaps), MaxSpread*atoms[0].size)
		}
	case p.Align == AlignCenter:
		left += slack / 2
	case p.Align == AlignRight:
		left += slack
	}
	at := len(glyphs)
	glyphs = glyphs[:at+n]
	line := Line{Glyphs: glyphs[at : at+n : at+n], Left: left, Last: last}
	x := left - startCut(atoms)
	for i := range atoms {
		a := &atoms[i]
		squeezed := giveOf(atoms, i) * ratios[a.class]
		x -= a.cutL
		if a.before {
			x -= squeezed
		}
		line.Glyphs[i] = Glyph{X: x, R: a.r, Role: a.role, Size: a.size, FakeBold: a.bold}
		if i > 0 {
			line.Glyphs[i].CutL = a.cutL
			if a.before {
				line.Glyphs[i].CutL += squeezed
			}
		}
		x += a.w
		if i < n-1 {
			x += a.glue - a.cutR
			line.Glyphs[i].CutR = a.cutR
			if !a.before {
				x -= squeezed
				line.Glyphs[i].CutR += squeezed
			}
			if stretchable(a, &atoms[i+1]) {
				x += extra
			}
		}
	}
	if n > 0 {
		x -= endCut(atoms[n-1])
	}
	line.Right = x
	return line, glyphs
}

// stretchable reports whether justification may widen the gap after a: gaps
// next to CJK characters and spaces stretch; Latin words and numbers are never
// letter-spaced, nor are —— and …… split (https://www.w3.org/TR/clreq/#procedures_for_inter-character_space_expansion), and the quarter em
// between a hanzi and a Latin word or number stays a quarter em, so that it
// looks the same on every line (docs/clreq.md#mixed-text-composition-in-horizontal-writing-mode: a house rule).
func stretchable(a, b *atom) bool {
	if a.long && a.r == b.r || a.glue > 0 || b.solid {
		return false
	}
	return a.cjk || b.cjk || a.space || b.space
}

func stretchGaps(atoms []atom) int {
	n := 0
	for i := 0; i+1 < len(atoms); i++ {
		if stretchable(&atoms[i], &atoms[i+1]) {
			n++
		}
	}
	return n
}
