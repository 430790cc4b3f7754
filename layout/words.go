package layout

import "gazette/internal/zhwords"

// Word boundaries in titles and 目录 entries (GB/T 9704-2012 7.3.1: 标题回行
// 时要做到词意完整; docs/line-composition.md#titles-and-table-of-contents-entries). Chinese has no spaces: the
// words come from a real dictionary (package zhwords), and a break inside
// one costs, rather than being forbidden, so that a title whose only good
// shape needs it can still take it.
const (
	// wordPen is a break inside a dictionary word ("基础设／施"): more than
	// a line spread by four ems, so a 目录 entry is spread rather than cut
	// in a word, less than a letter-spaced line.
	wordPen = 100
	// titleWordPen is a break inside a dictionary word in a title (and the
	// cover's name): more than any shape a title may take — an hourglass and
	// a stub together (titlebreak.go), or lines twenty ems apart — and more
	// than a line more (extraLinePen), because 7.3.1 asks first that words
	// stay whole (词意完整) and only then for the shape. A title breaks inside
	// a word only where no breaking into as many lines, or one more, keeps
	// them whole.
	titleWordPen = 1000
	// singlePen is a break next to a hanzi that is a word of its own and
	// no function word ("非／物质", "代表／性"): such a character usually
	// belongs to its neighbour as a prefix or suffix the dictionary lacks.
	singlePen = 40
	// phrasePen is a break between two content words of a title that is
	// no phrase boundary ("产业化发展／水平"): a title reads best broken where
	// a phrase ends — next to a function word, before a numeral (a
	// quantity starts a phrase: "／三年行动方案"), at a bracket or mark.
	phrasePen = 10
	// namePen is a break inside a 《…》 name in a title: a name is kept whole
	// only while the title's shape stays good (a 10/4/21 hourglass is worse).
	namePen = 60
)

// markWordBreaks adds to each break its cost by the words around it: inside
// a dictionary word (inWord), or next to a hanzi standing alone.
func markWordBreaks(atoms []atom, inWord float64) {
	runes := make([]rune, len(atoms))
	for i := range atoms {
		runes[i] = atoms[i].r
	}
	at := 0
	for _, n := range zhwords.Segment(runes) {
		if n > 1 {
			for k := at + 1; k < at+n; k++ {
				atoms[k].pen += inWord
			}
		} else if lone(runes[at]) {
			if at > 0 && inHanScript(runes[at-1]) {
				atoms[at].pen += singlePen
			}
			if at+1 < len(atoms) && inHanScript(runes[at+1]) {
				atoms[at+1].pen += singlePen
			}
		}
		at += n
	}
}

// lone reports a hanzi that, as a word of its own, likely binds to a
// neighbour: any hanzi but the function words.
func lone(r rune) bool { return inHanScript(r) && !zhwords.IsFunctionWord(r) }

// numeral holds the hanzi numerals and ordinal prefix that begin a
// quantity phrase.
var numeral = runeSet("一二三四五六七八九十百千万两第〇零")

// markPhraseBreaks adds phrasePen to each break between two hanzi that is
// no phrase boundary (zhwords.IsFunctionWord, numeral).
func markPhraseBreaks(atoms []atom) {
	for i := 1; i < len(atoms); i++ {
		prev, next := atoms[i-1].r, atoms[i].r
		if inHanScript(prev) && inHanScript(next) &&
			!zhwords.IsFunctionWord(prev) && !zhwords.IsFunctionWord(next) && !(numeral[next] && !numeral[prev]) {
			atoms[i].pen += phrasePen
		}
	}
}

// markNameBreaks adds namePen to the breaks inside each 《…》.
func markNameBreaks(atoms []atom) {
	depth := 0
	for i := range atoms {
		if depth > 0 {
			atoms[i].pen += namePen
		}
		switch atoms[i].r {
		case '《':
			depth++
		case '》':
			depth = max(0, depth-1)
		}
	}
}

// splitsWord reports whether a line break between a and b falls inside a
// dictionary word: the break is not a word boundary of the text around it.
func splitsWord(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	ra = ra[max(0, len(ra)-zhwords.MaxLen):]
	rb = rb[:min(len(rb), zhwords.MaxLen)]
	at := 0
	for _, n := range zhwords.Segment(append(append([]rune(nil), ra...), rb...)) {
		if at < len(ra) && at+n > len(ra) {
			return true
		}
		at += n
	}
	return false
}
