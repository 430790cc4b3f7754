package layout

import (
	"slices"
	"unicode"
)

// Kinsoku is the strictness of the line-start and line-end prohibitions
// (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end).
type Kinsoku int

// The levels, each a superset of the one before.
const (
	KinsokuBasic  Kinsoku = iota // 点号, closing marks, connectors never start a line; opening marks never end one
	KinsokuGB                    // basic + the solidus never ends a line
	KinsokuStrict                // GB + —— and …… never start a line
)

// noLineStart holds the marks that may not begin a line at the basic level:
// 点号 (GB/T 15834 5.1.1, 5.1.2), closing quotes, brackets and 书名号
// (5.1.3), connectors and interpuncts (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end), plus
// their half-width look-alikes that staff paste from Word.
var noLineStart = runeSet("。，、：；！？．‼⁇”’）〕】〗］｝》〉」』～・‧·–" +
	",.;:!?)]}%％")

// noLineEnd holds the opening marks that may not end a line (GB/T 15834 5.1.3).
var noLineEnd = runeSet("“‘（〔【〖［｛《〈「『([{")

// rightBlank holds the full-width marks whose glyph sits in the left half of
// the em box, leaving the right half blank: the space compression may take
// (https://www.w3.org/TR/clreq/#punctuation_width_adjustment, GB horizontal forms).
var rightBlank = runeSet("，。、：；！？”’）〕】〗］｝》〉」』")

// leftBlank holds the full-width opening marks whose right half carries the
// glyph, leaving the left half blank.
var leftBlank = runeSet("“‘（〔【〖［｛《〈「『")

// longMark holds the marks that are set doubled and never split: 破折号 ——
// and 省略号 …… (GB/T 15834 5.1.4, 5.1.5).
var longMark = runeSet("—…⋯⸺")

// cjkForced holds marks of ambiguous width that must come from the CJK face
// even between Latin letters (docs/clreq.md#handling-western-text-in-chinese-text-using-proportional-western-fonts: Word sets them in the Latin
// font, which offices report as a bug).
var cjkForced = runeSet("“”‘’—…·")

// joiner holds the signs that join the terms around them into one ("公司+
// 基地+农户+市场", "1+N"): a line neither ends nor starts with one.
var joiner = runeSet("+＋")

// runeClass is a set of characters the breaker asks about for every
// character it sets, several times over: a lookup is two indexings, where a
// map[rune]bool took a seventh of the time of laying out an issue.
// Characters of the Basic Multilingual Plane are kept as bits in 256-character
// blocks; the rare others in a list.
type runeClass struct {
	blocks [256]*[4]uint64 // by r>>8; nil where no character of the block is in the class
	astral []rune          // members beyond U+FFFF
}

// The classes above, and those of squeeze.go, tokens.go and units.go, as
// the breaker asks about them in its inner loops. The maps stay for code
// that is not hot.
var (
	noLineStartClass       = classOf(noLineStart)
	noLineEndClass         = classOf(noLineEnd)
	rightBlankClass        = classOf(rightBlank)
	leftBlankClass         = classOf(leftBlank)
	longMarkClass          = classOf(longMark)
	cjkForcedClass         = classOf(cjkForced)
	joinerClass            = classOf(joiner)
	stopMarkClass          = classOf(stopMark)
	commaMarkClass         = classOf(commaMark)
	glueNeighboursClass    = classOf(glueNeighbours)
	addressBreakAfterClass = classOf(addressBreakAfter)
	magnitudesClass        = classOf(magnitudes)
)

// punctMarks are the classes above that a character belongs to, as bits:
// the line breaker looks them up once for each character it sets
// (atom.marks) instead of asking each class again and again.
type punctMarks uint8

const (
	markNoLineStart punctMarks = 1 << iota
	markNoLineEnd
	markLeftBlank
	markRightBlank
	markLong
	markJoiner
	markStop
	markComma
)

// markClasses are the classes behind the bits, and their sets.
var markClasses = [...]struct {
	mark  punctMarks
	class *runeClass
	set   map[rune]bool
}{
	{markNoLineStart, noLineStartClass, noLineStart}, {markNoLineEnd, noLineEndClass, noLineEnd},
	{markLeftBlank, leftBlankClass, leftBlank}, {markRightBlank, rightBlankClass, rightBlank},
	{markLong, longMarkClass, longMark}, {markJoiner, joinerClass, joiner},
	{markStop, stopMarkClass, stopMark}, {markComma, commaMarkClass, commaMark},
}

// markBlocks holds the marks of the Basic Multilingual Plane by blocks of
// 256 characters (nil: no character of the block has any).
var markBlocks = func() (blocks [256]*[256]punctMarks) {
	for _, c := range markClasses {
		for r, in := range c.set {
			if !in || r < 0 || r > 0xFFFF {
				continue // beyond the plane: marksOf asks the class
			}
			if blocks[r>>8] == nil {
				blocks[r>>8] = new([256]punctMarks)
			}
			blocks[r>>8][r&0xFF] |= c.mark
		}
	}
	return blocks
}()

// marksOf is the set of classes r belongs to.
func marksOf(r rune) punctMarks {
	if r >= 0 && r <= 0xFFFF {
		if b := markBlocks[r>>8]; b != nil {
			return b[r&0xFF]
		}
		return 0
	}
	var m punctMarks
	for _, c := range markClasses {
		if c.class.has(r) {
			m |= c.mark
		}
	}
	return m
}

// classOf is the class of the characters of a rune set.
func classOf(set map[rune]bool) *runeClass {
	c := &runeClass{}
	for r, in := range set {
		if in {
			c.add(r)
		}
	}
	return c
}

// newRuneClass is the class of the characters of s.
func newRuneClass(s string) *runeClass {
	c := &runeClass{}
	for _, r := range s {
		c.add(r)
	}
	return c
}

// add puts r in the class.
func (c *runeClass) add(r rune) {
	if r < 0 || r > 0xFFFF {
		if !slices.Contains(c.astral, r) {
			c.astral = append(c.astral, r)
		}
		return
	}
	b := c.blocks[r>>8]
	if b == nil {
		b = new([4]uint64)
		c.blocks[r>>8] = b
	}
	b[(r>>6)&3] |= 1 << (r & 63)
}

// has reports whether r is in the class.
func (c *runeClass) has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return slices.Contains(c.astral, r)
	}
	b := c.blocks[r>>8]
	return b != nil && b[(r>>6)&3]&(1<<(r&63)) != 0
}

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// isCJK reports whether r is set from a CJK face on the character grid:
// ideographs, CJK symbols and punctuation, full-width forms.
func isCJK(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // the CJK Unified Ideographs block, most of any text; all Han
		return true
	case r < 0x2E80: // below the first Han character: only these marks are CJK
		return cjkForcedClass.has(r) || r == '⋯' || r == '⸺' || r == '●' || r == '★'
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x2E80 && r <= 0x2FFF,
		r >= 0x3200 && r <= 0x33FF, r >= 0xFE30 && r <= 0xFE4F:
		return true
	case cjkForcedClass.has(r), r == '⋯', r == '⸺', r == '●', r == '★':
		return true
	}
	return false
}

// inHanScript is unicode.Is(unicode.Han, r) answering the CJK Unified
// Ideographs block (all Han) and everything below U+2E80 (no Han) without
// searching the table: the glue and word rules ask it for every character.
func inHanScript(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// isNumeric reports runes that belong to a number: digits and the marks
// inside one (2023, 1.55, 12.5%).
func isNumeric(r rune) bool { return r >= '0' && r <= '9' }
