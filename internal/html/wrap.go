package html

import (
	"strings"
	"unicode"

	"gazette/internal/zhwords"
)

// Where the browser may break a line (docs/web-editions.md#line-breaks).
//
// Titles, heads, table cells, the 目录 and the other short display lines are
// set with word-break: keep-all, so that the browser breaks Chinese only at
// the opportunities the page gives it: a <wbr> between two words of the
// dictionary segmentation the print edition uses for its titles and 目录
// (zhwords.Segment; GB/T 9704-2012 7.3.1 词意完整;
// docs/line-composition.md#titles-and-table-of-contents-entries), besides
// the breaks at punctuation and spaces the browser finds itself. A <wbr> is
// no character, so copied text stays exactly the document's.
//
// Body text breaks between any two hanzi, as the printed body does: a
// Chinese line may end after any character but the marks that may not end
// or start one (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end),
// which the browser keeps.
//
// In both, a number is one unbreakable token with its decimal point,
// thousands separators, range and percent sign, the 第 before it and the
// unit or measure word after it (docs/line-composition.md#numbers-and-units):
// a span that does not wrap. A long run of Latin letters, digits and signs —
// a web address, an account number — may break anywhere, so that it never
// makes the page wider than a phone.

const (
	// maxGlued is the most characters a run glued across weak boundaries
	// (next to a lone hanzi, or inside a longer dictionary word) may hold;
	// a longer run is broken at them again, as the print edition breaks
	// next to a lone hanzi (singlePen) rather than inside a word.
	maxGlued = zhwords.MaxLen
	// longRun is the length from which a run of Latin letters, digits and
	// signs without a space is set to break anywhere: 16 is a number or
	// address wider than a third of a phone's line.
	longRun = 16
	// maxUnitLook bounds the characters after a number searched for its
	// unit or measure word.
	maxUnitLook = zhwords.MaxLen
)

// numeralChar holds the hanzi numerals and the ordinal prefix: a segment of
// these only is a number, kept with the measure word after it (三／年, 第六／批,
// 七／大).
var numeralChar = runeSet("〇零一二三四五六七八九十百千万亿两第")

// magnitude holds the numeral suffixes that may come between a number and
// its unit (3.5万平方米, 10亿元).
var magnitude = runeSet("十百千万亿兆")

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// words is text for a keep-all element: escaped, a <wbr> at each word
// boundary where a line may break, numbers and long runs in their spans,
// and the source line breaks as <br> where they fall between words.
func words(text string) string {
	return render([]rune(text), true)
}

// prose is body text: escaped, numbers and long runs in their spans, the
// source line breaks as <br>.
func prose(text string) string {
	return render([]rune(text), false)
}

// render writes text as HTML; byWord places the <wbr> of a keep-all
// element. The text's line breaks ("\n", the office's own) become <br>; in
// a keep-all element the words are found in the text joined, a <br> is
// dropped where it would cut a word (the title runs on, as the print
// edition sets it again), and a <wbr> stands beside the <br> where the two
// lines may also break when the stylesheet hides it on a narrow screen.
func render(text []rune, byWord bool) string {
	var brAt []int // where the line breaks were, in the joined text
	if byWord {
		joined := make([]rune, 0, len(text))
		for _, r := range text {
			if r == '\n' {
				brAt = append(brAt, len(joined))
				continue
			}
			joined = append(joined, r)
		}
		text = joined
	}
	spans := tokens(text)
	var wbr []bool
	if byWord {
		wbr = wordBreaks(text, spans)
	}
	var b strings.Builder
	b.Grow(len(text) * 4)
	for i := 0; i < len(text); i++ {
		if wbr != nil && wbr[i] {
			b.WriteString("<wbr>")
		}
		for len(brAt) > 0 && brAt[0] <= i { // one inside a number is dropped
			if brAt[0] == i && i > 0 && !splitsWord(text, i) {
				b.WriteString("<br>")
			}
			brAt = brAt[1:]
		}
		if len(spans) > 0 && spans[0].start == i {
			sp := spans[0]
			spans = spans[1:]
			b.WriteString(sp.open)
			for _, r := range text[i:sp.end] {
				escRune(&b, r)
			}
			b.WriteString("</span>")
			i = sp.end - 1
			continue
		}
		if text[i] == '\n' {
			b.WriteString("<br>")
			continue
		}
		escRune(&b, text[i])
	}
	return b.String()
}

// escRune writes r escaped for an element's content.
func escRune(b *strings.Builder, r rune) {
	switch r {
	case '<':
		b.WriteString("&lt;")
	case '>':
		b.WriteString("&gt;")
	case '&':
		b.WriteString("&amp;")
	case '"':
		b.WriteString("&#34;")
	case '\'':
		b.WriteString("&#39;")
	default:
		b.WriteRune(r)
	}
}

// span is a token: its opening tag, its start and its end.
type span struct {
	open       string
	start, end int
}

// tokens finds the numbers (with their 第 and unit) and the long runs of
// text, in order.
func tokens(text []rune) []span {
	var out []span
	for i := 0; i < len(text); {
		if n := latinRun(text, i); n >= longRun {
			out = append(out, span{`<span class="long">`, i, i + n})
			i += n
			continue
		}
		if n := numberAt(text, i); n > 0 {
			start, end := i, i+n
			end += unitAfter(text, end)
			// an ordinal (第4期) takes its 第, unless a token before has it
			free := len(out) == 0 || out[len(out)-1].end < start
			if start > 0 && text[start-1] == '第' && free {
				start--
			}
			out = append(out, span{`<span class="nb">`, start, end})
			i = end
			continue
		}
		i++
	}
	return out
}

// latinRun is the length of the run of Latin letters, digits and ASCII
// signs without a space starting at i (0 inside a run).
func latinRun(text []rune, i int) int {
	if i > 0 && runChar(text[i-1]) {
		return 0
	}
	j := i
	for j < len(text) && runChar(text[j]) {
		j++
	}
	return j - i
}

// runChar reports a printable ASCII character that is no space.
func runChar(r rune) bool { return r > ' ' && r < 0x7F }

// isDigit reports a half- or full-width decimal digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// numberAt is the length of the number starting at i, or 0: digits with
// their decimal point, thousands separators (a comma before exactly three
// digits), a range to a second number and a percent or per-mille sign
// (docs/line-composition.md#numbers-and-units).
func numberAt(text []rune, i int) int {
	if !isDigit(text[i]) || i > 0 && (isDigit(text[i-1]) || runChar(text[i-1])) {
		return 0
	}
	j := digitsFrom(text, i)
	for j < len(text) {
		r := text[j]
		switch {
		case (r == '.' || r == '．') && j+1 < len(text) && isDigit(text[j+1]):
			j = digitsFrom(text, j+1)
		case (r == ',' || r == '，') && digitsFrom(text, j+1)-(j+1) == 3:
			j = digitsFrom(text, j+1)
		case strings.ContainsRune("-–—~～", r) && j+1 < len(text) && isDigit(text[j+1]):
			j = digitsFrom(text, j+1)
		default:
			if strings.ContainsRune("%％‰", r) {
				j++
			}
			return j - i
		}
	}
	return j - i
}

// digitsFrom is the end of the run of digits starting at i.
func digitsFrom(text []rune, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

// unitAfter is the length of the unit or measure word after a number
// ending at i: up to two magnitudes (万, 亿), then the first word of the
// text after them when it is hanzi — a number is followed by its measure
// word in Chinese, and the dictionary keeps a unit of several characters
// (平方公里, 千瓦时) whole.
func unitAfter(text []rune, i int) int {
	if i > 0 && strings.ContainsRune("%％‰", text[i-1]) {
		return 0 // a percentage takes no unit
	}
	j := i
	for j < len(text) && j-i < 2 && magnitude[text[j]] {
		j++
	}
	if j >= len(text) || !unicode.Is(unicode.Han, text[j]) {
		return j - i
	}
	k := j
	for k < len(text) && k-j < maxUnitLook && unicode.Is(unicode.Han, text[k]) {
		k++
	}
	if n := zhwords.Segment(text[j:k])[0]; n > 1 || !zhwords.IsFunctionWord(text[j]) {
		return j - i + n
	}
	return j - i
}

// The kinds of boundary between two words.
const (
	noBreak   = iota // none: not between two hanzi, or a number and its measure word
	weakBreak        // next to a lone hanzi, or inside a longer word: only in a long run
	wordBreak        // between two words
)

// wordBreaks marks where a keep-all line may break inside text: between two
// hanzi that the dictionary segmentation puts in different words, unless
// the first word is a number (三／年); next to a lone hanzi (非／物质, 昌江／区)
// or inside a longer dictionary word the segmentation cut (区政／府第 inside
// 区政府) only where the run without breaks would be longer than maxGlued.
// Around punctuation, digits, Latin letters and spaces the browser's own
// rules break (after 、，。, before （《, never between a digit and a hanzi
// in keep-all). A number token (tokens) is a word of its own: a line may
// break after its measure word (第33次／常务会议) where that is a boundary of
// the segmentation, never inside it.
func wordBreaks(text []rune, spans []span) []bool {
	kind := make([]int, len(text)+1)
	at := 0
	segs := zhwords.Segment(text)
	tokenEnd := make(map[int]bool, len(spans))
	for _, sp := range spans {
		tokenEnd[sp.end] = true
	}
	crossed := crossings(text)
	for k, n := range segs {
		at += n
		if k+1 == len(segs) {
			break
		}
		if !unicode.Is(unicode.Han, text[at-1]) || !unicode.Is(unicode.Han, text[at]) || allNumeral(text[at-n:at]) {
			continue
		}
		kind[at] = wordBreak
		if !tokenEnd[at] && (n == 1 && lone(text[at-1]) || segs[k+1] == 1 && lone(text[at]) || crossed[at]) {
			kind[at] = weakBreak
		}
	}
	for _, sp := range spans {
		for i := sp.start + 1; i < sp.end; i++ {
			kind[i] = noBreak
		}
	}
	wbr := make([]bool, len(text)+1)
	start := 0 // the start of the run since the last break
	weak := []int{}
	flush := func(end int) {
		if end-start > maxGlued {
			for _, p := range weak {
				wbr[p] = true
			}
		}
		weak = weak[:0]
	}
	for i := 0; i <= len(text); i++ {
		switch {
		case i == len(text) || kind[i] == wordBreak || browserBreaks(text, i):
			flush(i)
			start = i
			if i < len(text) && kind[i] == wordBreak {
				wbr[i] = true
			}
		case kind[i] == weakBreak:
			weak = append(weak, i)
		}
	}
	return wbr
}

// browserBreaks reports whether the browser may break a keep-all line
// before text[i] by itself: after a space or a mark that is no letter or
// digit, before an opening bracket or quotation mark.
func browserBreaks(text []rune, i int) bool {
	if i > 0 {
		if r := text[i-1]; unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return true
		}
	}
	return unicode.In(text[i], unicode.Ps, unicode.Pi)
}

// allNumeral reports a word of hanzi numerals only (三, 第六, 二〇).
func allNumeral(w []rune) bool {
	for _, r := range w {
		if !numeralChar[r] {
			return false
		}
	}
	return true
}

// lone reports a hanzi that, standing as a word of its own, likely binds
// to a neighbour as a prefix or suffix the dictionary lacks: any hanzi but
// the function words (zhwords.IsFunctionWord, as the print edition's titles
// break around them freely) and the numerals (a quantity begins a phrase:
// 发展水平／三年行动方案).
func lone(r rune) bool {
	return unicode.Is(unicode.Han, r) && !zhwords.IsFunctionWord(r) && !numeralChar[r]
}

// crossings marks each boundary inside text that a dictionary word of
// three characters or more spans: the segmentation, which counts words,
// may have cut a longer word into two shorter ones (区政府第 as 区政/府第).
func crossings(text []rune) []bool {
	crossed := make([]bool, len(text)+1)
	for s := range text {
		if !unicode.Is(unicode.Han, text[s]) {
			continue
		}
		for e := s + 3; e <= min(len(text), s+zhwords.MaxLen); e++ {
			if !unicode.Is(unicode.Han, text[e-1]) {
				break
			}
			if zhwords.Contains(text[s:e]) {
				for k := s + 1; k < e; k++ {
					crossed[k] = true
				}
			}
		}
	}
	return crossed
}

// splitsWord reports whether a line break before text[i] falls inside a
// word of the text around it.
func splitsWord(text []rune, i int) bool {
	a := text[max(0, i-zhwords.MaxLen):i]
	at := 0
	for _, n := range zhwords.Segment(text[max(0, i-zhwords.MaxLen):min(len(text), i+zhwords.MaxLen)]) {
		if at < len(a) && at+n > len(a) {
			return true
		}
		at += n
	}
	return false
}
