package layout

import (
	"fmt"
	"unicode"
)

// PunctStyle is how wide full-width punctuation is set (
// https://www.w3.org/TR/clreq/#punctuation_width_adjustment; xeCJK's PunctStyle names them).
type PunctStyle int

// The styles. In every style two adjacent marks are compressed (》《 to
// 1.5 em) and a mark at line end is set half-width (GB/T 15834 5.1.10).
const (
	// Quanjiao (全角式) sets every mark one em: the Mainland default.
	Quanjiao PunctStyle = iota
	// Kaiming (开明式) keeps 。？！ one em and sets the other marks half an em.
	Kaiming
	// Banjiao (半角式) sets every mark half an em.
	Banjiao
)

// ParsePunctStyle reads the issue.toml name of a style.
func ParsePunctStyle(name string) (PunctStyle, error) {
	switch name {
	case "", "quanjiao":
		return Quanjiao, nil
	case "kaiming":
		return Kaiming, nil
	case "banjiao":
		return Banjiao, nil
	}
	return 0, fmt.Errorf("标点样式 %q 不存在（可选 quanjiao、kaiming、banjiao）", name)
}

// ParseKinsoku reads the issue.toml name of a prohibition level.
func ParseKinsoku(name string) (Kinsoku, error) {
	switch name {
	case "", "gb":
		return KinsokuGB, nil
	case "basic":
		return KinsokuBasic, nil
	case "strict":
		return KinsokuStrict, nil
	}
	return 0, fmt.Errorf("避头尾规则 %q 不存在（可选 gb、basic、strict）", name)
}

// stopMark holds the sentence-final marks that 开明式 keeps one em wide.
var stopMark = runeSet("。？！．")

// apply sets the fixed half-width marks of the style before any other
// compression.
func (s PunctStyle) apply(atoms []atom) {
	if s == Quanjiao {
		return
	}
	for i := range atoms {
		a := &atoms[i]
		switch {
		case s == Kaiming && a.marks&markStop != 0:
		case a.closeMark:
			a.cutR = a.half()
		case a.openMark:
			a.cutL = a.half()
		}
	}
}

// compressPairs halves the blank between two adjacent full-width marks so
// that the pair takes 1.5 em ("。」", "》《", "，“": https://www.w3.org/TR/clreq/#punctuation_width_adjustment).
func compressPairs(atoms []atom) {
	for i := 0; i+1 < len(atoms); i++ {
		a, b := &atoms[i], &atoms[i+1]
		switch {
		case a.closeMark && (b.closeMark || b.openMark):
			a.cutR = a.half()
		case b.openMark && a.openMark:
			b.cutL = b.half()
		}
	}
}

// squeeze is a class of shrinkable blank, in clreq's reduction priority
// (https://www.w3.org/TR/clreq/#procedures_for_inter-character_spacing_reduction); line-end marks (priority 1) are always half-width already.
type squeeze int8

const (
	squeezeNone       squeeze = iota
	squeezeSpace              // Western word spaces, down to 1/4 em
	squeezeInterpunct         // ·, both sides, down to the glyph
	squeezeBracket            // before opening and after closing brackets and quotes, to 1/2 em
	squeezeComma              // ，、；：, to 1/2 em
	squeezeStop               // 。？！, to 1/2 em (priority 6, CJK–Latin glue, is fixed here at 1/4 em)
	numSqueezes
)

// commaMark holds the pause marks of reduction priority 5.
var commaMark = runeSet("，、；：")

// setGive records, for each atom, the blank that may still be taken from it
// when a line is too long, and its class.
func setGive(atoms []atom) {
	for i := range atoms {
		a := &atoms[i]
		em := a.size
		switch {
		case a.space:
			a.give, a.class = max(0, a.w-em/4), squeezeSpace
		case a.r == '·' || a.r == '・':
			a.give, a.class = a.half(), squeezeInterpunct
		case a.openMark && i > 0 && (atoms[i-1].closeMark || atoms[i-1].openMark):
			// a pair already at 1.5 em gives no more: at 1 em the two glyphs
			// would share one origin and text extraction could swap them.
			a.class, a.before = squeezeBracket, true
		case a.openMark:
			a.give, a.class, a.before = max(0, a.half()-a.cutL), squeezeBracket, true
		case a.marks&markComma != 0:
			a.give, a.class = max(0, a.half()-a.cutR), squeezeComma
		case a.marks&markStop != 0:
			a.give, a.class = max(0, a.half()-a.cutR), squeezeStop
		case a.closeMark:
			a.give, a.class = max(0, a.half()-a.cutR), squeezeBracket
		}
	}
}

// glueNeighbours holds the hanzi that take no space next to a digit: the
// house rule of docs/clreq.md#mixed-text-composition-in-horizontal-writing-mode keeps dates, 发文字号 and counted items
// solid (2023年6月29日, 〔2023〕25号, 第4期, 第31次, 十一届, 附件2), as 公文 made
// in Word print them.
var glueNeighbours = runeSet("年月日时分秒号期第次届条款项章节件")

// addLatinGlue puts a quarter em between a hanzi and an adjacent Latin letter
// or digit (https://www.w3.org/TR/clreq/#mixed_text_composition_in_horizontal_writing_mode): none
// next to punctuation, since only hanzi and Western characters qualify, and
// none at a line's ends (lineWidth leaves out the last atom's glue). The house
// rule (docs/clreq.md#mixed-text-composition-in-horizontal-writing-mode) keeps a number solid on both sides when a unit or
// counter stands next to it, as 公文 made in Word print them: 2023年6月29日,
// 〔2023〕25号, 第4期, 组织1次, 12月底, 836号, 超10亿元. A word with letters
// in it keeps its quarter em on both sides: 国家 4A 级.
func addLatinGlue(atoms []atom) {
	westA := len(atoms) > 0 && isWestern(atoms[0].r) // isWestern(a.r), carried from the pair before
	for i := 0; i+1 < len(atoms); i++ {
		a, b := &atoms[i], &atoms[i+1]
		westB := isWestern(b.r)
		if westB && inHanScript(a.r) || westA && inHanScript(b.r) { // needsGlue(a.r, b.r) || needsGlue(b.r, a.r)
			a.glue = max(a.size, b.size) / 4
		}
		westA = westB
	}
	for i := 0; i < len(atoms); {
		if !isWestern(atoms[i].r) {
			i++
			continue
		}
		j, numeric := i, true // a Western word: "25", "1.5", "4A", "PDF"
		for j < len(atoms) && (isWestern(atoms[j].r) || atoms[j].r == '.') {
			numeric = numeric && (isNumeric(atoms[j].r) || atoms[j].r == '.')
			j++
		}
		if numeric && (i > 0 && isUnit(atoms[i-1].r) || unitAt(atoms, j) > 0) {
			if i > 0 {
				atoms[i-1].glue = 0
			}
			atoms[j-1].glue = 0
		}
		i = j
	}
}

// isUnit reports a hanzi before a number that counts or measures it
// ("6月29日", "第4期"): one of glueNeighbours or a unit of one character
// (units.go).
func isUnit(r rune) bool {
	return inHanScript(r) && (glueNeighboursClass.has(r) || unitSet[string(r)])
}

// needsGlue reports whether hanzi h next to Western w takes a quarter em.
func needsGlue(h, w rune) bool {
	return isWestern(w) && inHanScript(h)
}

// isWestern reports a Latin letter, digit or percent sign: the characters of
// a Western word or number.
func isWestern(r rune) bool {
	switch {
	case r >= 0x2E80:
		return false
	case r < 0x80: // ASCII: what unicode.IsLetter and IsDigit say of it
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9' || r == '%'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
