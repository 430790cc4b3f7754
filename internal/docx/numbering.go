package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numLevel is one level of a list definition (w:lvl, §17.9.6).
type numLevel struct {
	start   int
	format  string // w:numFmt: decimal, chineseCounting, …
	text    string // w:lvlText: "%1、", "（%1）"
	restart int    // w:lvlRestart: the level (1-based) whose use restarts this one; 0 never; -1 unset
	legal   bool   // w:isLgl: every level shown in decimal
	suffix  string // w:suff: tab (the default), space or nothing
	style   string // w:pStyle: the paragraph style this level goes with
}

// numbering holds numbering.xml: the abstract list definitions, the list
// instances that use them, and the counters as the body is read.
type numbering struct {
	abstract map[int]map[int]*numLevel // abstractNumId → ilvl → level
	nums     map[int]*numInstance      // numId → instance
	counters map[int]*counter          // abstractNumId → where its levels are
	started  map[int]bool              // numIds whose start overrides were applied
}

// numInstance is one w:num: an abstract definition, with levels overridden.
type numInstance struct {
	abstract  int
	overrides map[int]*numLevel // ilvl → level replacing the abstract one
	starts    map[int]int       // ilvl → w:startOverride
}

const maxLevels = 9

func (rd *reader) loadNumbering(data []byte) error {
	n := &numbering{abstract: map[int]map[int]*numLevel{}, nums: map[int]*numInstance{},
		counters: map[int]*counter{}, started: map[int]bool{}}
	rd.num = n
	if data == nil {
		return nil
	}
	w := newWalker(data)
	if _, err := w.root(); err != nil {
		return err
	}
	return w.children(func(se xml.StartElement) error {
		switch {
		case isW(se, "abstractNum"):
			id := intAttr(se, nsW, "abstractNumId", -1)
			levels := map[int]*numLevel{}
			n.abstract[id] = levels
			return w.children(func(c xml.StartElement) error {
				if !isW(c, "lvl") {
					return w.skip()
				}
				lv, err := readLevel(w)
				levels[intAttr(c, nsW, "ilvl", 0)] = lv
				return err
			}, nil)
		case isW(se, "num"):
			inst := &numInstance{overrides: map[int]*numLevel{}, starts: map[int]int{}}
			n.nums[intAttr(se, nsW, "numId", -1)] = inst
			return w.children(func(c xml.StartElement) error {
				switch {
				case isW(c, "abstractNumId"):
					inst.abstract = intVal(c, -1)
				case isW(c, "lvlOverride"):
					ilvl := intAttr(c, nsW, "ilvl", 0)
					return w.children(func(o xml.StartElement) error {
						switch {
						case isW(o, "startOverride"):
							inst.starts[ilvl] = intVal(o, 1)
						case isW(o, "lvl"):
							lv, err := readLevel(w)
							inst.overrides[ilvl] = lv
							return err
						}
						return w.skip()
					}, nil)
				}
				return w.skip()
			}, nil)
		}
		return w.skip()
	}, nil)
}

// readLevel reads the w:lvl just started.
func readLevel(w *walker) (*numLevel, error) {
	lv := &numLevel{start: 1, format: "decimal", restart: -1}
	err := w.children(func(c xml.StartElement) error {
		switch {
		case isW(c, "start"):
			lv.start = intVal(c, 1)
		case isW(c, "numFmt"):
			lv.format = val(c)
		case isW(c, "lvlText"):
			lv.text = val(c)
		case isW(c, "lvlRestart"):
			lv.restart = intVal(c, -1)
		case isW(c, "isLgl"):
			lv.legal = on(c)
		case isW(c, "suff"):
			lv.suffix = val(c)
		case isW(c, "pStyle"):
			lv.style = val(c)
		}
		return w.skip()
	}, nil)
	return lv, err
}

// level is the definition in force for level ilvl of list numID.
func (n *numbering) level(inst *numInstance, ilvl int) *numLevel {
	if lv := inst.overrides[ilvl]; lv != nil {
		return lv
	}
	return n.abstract[inst.abstract][ilvl]
}

// styleLevel is the level of list numID that goes with paragraph style
// styleID (a list linked to the heading styles: heading 2 is its second
// level, §17.9.23), or 0.
func (n *numbering) styleLevel(numID int, styleID string) int {
	inst := n.nums[numID]
	if inst == nil || styleID == "" {
		return 0
	}
	for l := 0; l < maxLevels; l++ {
		if lv := n.level(inst, l); lv != nil && lv.style == styleID {
			return l
		}
	}
	return 0
}

// counter is where one list definition's levels are.
type counter struct {
	cur     [maxLevels]int
	used    [maxLevels]bool
	startAt [maxLevels]int // a start override waiting for the level's next use; 0 none
}

// label counts one more paragraph at level ilvl of list numID and returns
// the label Word shows for it. Lists are counted per abstract definition,
// as Word continues a list across instances of one definition; an
// instance's w:startOverride restarts it where that instance is first used
// (§17.9.27), and a level restarts after a use of a higher level unless its
// w:lvlRestart says otherwise (§17.9.10).
func (n *numbering) label(numID, ilvl int) string {
	inst := n.nums[numID]
	if inst == nil || numID == 0 || ilvl < 0 || ilvl >= maxLevels {
		return "" // numId 0 removes numbering (§17.9.18)
	}
	lv := n.level(inst, ilvl)
	if lv == nil {
		return ""
	}
	c := n.counters[inst.abstract]
	if c == nil {
		c = &counter{}
		n.counters[inst.abstract] = c
	}
	if !n.started[numID] {
		n.started[numID] = true
		for l, s := range inst.starts {
			if l >= 0 && l < maxLevels {
				c.used[l], c.startAt[l] = false, max(s, 0)
			}
		}
	}
	switch {
	case c.used[ilvl]:
		c.cur[ilvl]++
	case c.startAt[ilvl] > 0:
		c.cur[ilvl], c.used[ilvl], c.startAt[ilvl] = c.startAt[ilvl], true, 0
	default:
		c.cur[ilvl], c.used[ilvl] = lv.start, true
	}
	for d := ilvl + 1; d < maxLevels; d++ {
		// restart is the 1-based level whose use (or a use of a level
		// above it) restarts level d; by default the level right above.
		restart := d
		if dl := n.level(inst, d); dl != nil && dl.restart >= 0 {
			restart = dl.restart
		}
		if ilvl < restart {
			c.used[d] = false
		}
	}
	return separate(n.format(inst, c, ilvl, lv), lv.suffix)
}

// separate puts after a label what a typist puts there in place of Word's
// tab or space (w:suff, §17.9.28): nothing after punctuation ("一、",
// "（一）", "1."), an ideographic space after a label ending in a hanzi
// ("第一条　", as 规章 are written), a space after a digit or letter.
func separate(label, suffix string) string {
	r, _ := utf8.DecodeLastRuneInString(label)
	switch {
	case label == "" || suffix == "nothing" || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r):
		return label
	case unicode.Is(unicode.Han, r):
		return label + "\u3000"
	case r >= '①' && r <= '⒛' || r >= '㉑' && r <= '㊿':
		return label
	}
	return label + " "
}

// format writes a level's w:lvlText with each %N replaced by level N's
// current number in its format.
func (n *numbering) format(inst *numInstance, c *counter, ilvl int, lv *numLevel) string {
	switch lv.format {
	case "none":
		return stripPlaceholders(lv.text)
	case "bullet":
		return bullet(lv.text)
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			l := int(t[i+1] - '1')
			i++
			ll := n.level(inst, l)
			if ll == nil {
				continue
			}
			v := c.cur[l]
			if !c.used[l] {
				v = ll.start
			}
			format := ll.format
			if lv.legal && l != ilvl {
				format = "decimal"
			}
			b.WriteString(FormatNumber(v, format))
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// bullet is a bullet level's mark; Symbol-font private-use characters
// become a plain bullet.
func bullet(text string) string {
	var b strings.Builder
	for _, r := range text {
		if r >= 0xE000 && r <= 0xF8FF {
			r = '•'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func stripPlaceholders(t string) string {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// FormatNumber writes n in a list number format (w:numFmt, §17.18.59) as
// Word shows it in a Chinese document. Formats it does not know are written
// in decimal.
func FormatNumber(n int, format string) string {
	if n < 0 {
		n = 0
	}
	switch format {
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
		"japaneseCounting", "ideographLegalTraditional":
		if format == "chineseCounting" || format == "taiwaneseCounting" || format == "japaneseCounting" {
			return hanCounting(n, false)
		}
		return hanCounting(n, true)
	case "chineseLegalSimplified":
		return hanLegal(n)
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		return hanDigits(n)
	case "ideographTraditional":
		return cyclic(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cyclic(n, "子丑寅卯辰巳午未申酉戌亥")
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
		if n >= 21 && n <= 35 {
			return string(rune('㉑' + n - 21))
		}
		if n >= 36 && n <= 50 {
			return string(rune('㊱' + n - 36))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune('⑴' + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune('⒈' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, r := range strconv.Itoa(n) {
			b.WriteRune(r - '0' + '０')
		}
		return b.String()
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		return letters(n, format == "upperLetter")
	case "lowerRoman", "upperRoman":
		return roman(n, format == "upperRoman")
	}
	return strconv.Itoa(n)
}

var hanDigit = []rune("〇一二三四五六七八九")

// hanCounting writes n with 十百千万: 11 → 十一 (chineseCounting writes only
// up to 99 that way and reads digits beyond), 101 → 一百零一.
func hanCounting(n int, thousand bool) string {
	if n == 0 {
		return "〇"
	}
	if !thousand && n >= 100 {
		return hanDigits(n)
	}
	if n >= 100000000 {
		return hanDigits(n)
	}
	if n >= 10000 {
		hi, lo := n/10000, n%10000
		s := hanCounting(hi, true) + "万"
		if lo == 0 {
			return s
		}
		if lo < 1000 {
			s += "零"
		}
		return s + hanBelow10000(lo, false)
	}
	return hanBelow10000(n, true)
}

// hanBelow10000 writes 1–9999; lead drops the 一 of 一十 at the start.
func hanBelow10000(n int, lead bool) string {
	units := []string{"千", "百", "十", ""}
	div := []int{1000, 100, 10, 1}
	var b strings.Builder
	zero, started := false, false
	for i, d := range div {
		k := n / d % 10
		if k == 0 {
			zero = started
			continue
		}
		if zero {
			b.WriteRune('零')
			zero = false
		}
		if !(lead && !started && k == 1 && d == 10) {
			b.WriteRune(hanDigit[k])
		}
		b.WriteString(units[i])
		started = true
	}
	return b.String()
}

func hanDigits(n int) string {
	var b strings.Builder
	for _, r := range strconv.Itoa(n) {
		b.WriteRune(hanDigit[r-'0'])
	}
	return b.String()
}

// hanLegal is 大写: 壹贰叁…拾.
func hanLegal(n int) string {
	r := strings.NewReplacer("一", "壹", "二", "贰", "三", "叁", "四", "肆", "五", "伍", "六", "陆",
		"七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰", "千", "仟", "〇", "零")
	s := hanCounting(n, true)
	if n >= 10 && n < 20 {
		s = "一" + s
	}
	return r.Replace(s)
}

func cyclic(n int, set string) string {
	rs := []rune(set)
	if n < 1 {
		return strconv.Itoa(n)
	}
	return string(rs[(n-1)%len(rs)])
}

func letters(n int, upper bool) string {
	if n < 1 {
		return strconv.Itoa(n)
	}
	base := 'a'
	if upper {
		base = 'A'
	}
	// Word repeats the letter: 27 → aa.
	return strings.Repeat(string(rune(base+rune((n-1)%26))), (n-1)/26+1)
}

func roman(n int, upper bool) string {
	if n < 1 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	if upper {
		return strings.ToUpper(b.String())
	}
	return b.String()
}
