package source

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The pre-checks and hand scanners that spare the regexps on every line
// must give what the regexps give: each test below compares them with the
// regexps on their own, as the code ran before.

// normalizeLineByRegexps is NormalizeLine as it was, running both regexps
// on every line.
func normalizeLineByRegexps(line string) string {
	line = bookmarkRE().ReplaceAllString(line, "")
	if strings.ContainsFunc(line, isInvisible) {
		line = strings.Map(func(r rune) rune {
			if isInvisible(r) {
				return -1
			}
			return r
		}, line)
	}
	line = strings.TrimFunc(line, isBlank)
	return dateSpaceRE().ReplaceAllString(line, "$1$2")
}

// signerLikeAsWas is signerLike before moreRunes and jointSigners' test
// for a space.
func signerLikeAsWas(s string) bool {
	if runes(s) > maxSigner {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\u3000' })
		if len(parts) < 2 {
			return false
		}
		for _, p := range parts {
			if runes(p) > maxSigner || !signerLikeAsWas(p) {
				return false
			}
		}
		return true
	}
	return signerLike(s)
}

func checkSignerLike(t *testing.T, s string) {
	t.Helper()
	if got, want := signerLike(s), signerLikeAsWas(s); got != want {
		t.Errorf("signerLike(%q) = %v, want %v", s, got, want)
	}
	for _, n := range []int{0, 1, 3, maxSigner} {
		if got, want := moreRunes(s, n), runes(s) > n; got != want {
			t.Errorf("moreRunes(%q, %d) = %v, want %v", s, n, got, want)
		}
	}
}

// bracketedYearRE is the regexp bracketedYears scans by hand.
var bracketedYearRE = regexp.MustCompile(`[\[（(【［„]\s*[0-9]{4}`)

// precheckSeeds are lines the tests and fuzz targets start from: ordinary
// body text, dates with stray spaces, bookmarks, broken 发文字号 and dates,
// heads, bracketed years, and invalid UTF-8.
var precheckSeeds = []string{
	"",
	"为进一步加强管理，现将有关事项通知如下：",
	"  2023年6月29 日 ",
	"2023\u3000年\u00a06 月29\t日",
	"[bookmark: _GoBack]各县（市、区）人民政府[bookmark: OLE_LINK1]",
	"[bookmark: unclosed",
	"\u200b\ufeff正文\u00ad内容\u2060",
	"牟政办发〔201746",
	"牟政办发（2017 46 ",
	"{ 2017 6 23}",
	"（2017 6 23）",
	"【2017 6 23】",
	"2020126",
	"一、总体要求",
	"（二）工作措施",
	"(3)具体内容",
	"4.加强领导",
	"5、附则",
	"6）其他",
	"十二、",
	"根据昌府办字[2023]25号和赣府发(2022)3号、国办发【2019】第12号",
	"（2023）（ 2024 „2009‟12号［\t2010］",
	"[[2023[202",
	"\xff（2023\xe3\x80",
	"（\xff2023",
	"目\u3000\u3000录",
	"《目 录》",
	"1 总则",
	"1.1编制目的",
	"2.3\u3000应急响应（一级）",
	"1.加强领导，明确责任。各单位要高度重视，把这项工作摆上重要议事日程。",
	"1.贯彻情况；2.落实情况; 3、整改情况。4．其他",
	"出席：张三、李四",
	"列席人员 ：王五",
	"问1：什么是政务公开？",
	"答：就是……",
	"第一行\x01控制\u0085字符\x7f",
	"\xc2\x85\xc2\xa0\xe2\x80\x8b\xe2\x81\xa0\xef\xbb\xbf\xc2\xad\xe2\x80",
	"江西省人民政府办公厅 江西省财政厅\u3000江西省发展和改革委员会 中国人民银行南昌中心支行",
}

func TestNormalizeLineAsRegexps(t *testing.T) {
	for _, s := range precheckSeeds {
		if got, want := NormalizeLine(s), normalizeLineByRegexps(s); got != want {
			t.Errorf("NormalizeLine(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestBrokenTailAsRegexps(t *testing.T) {
	matched := 0
	for _, s := range precheckSeeds {
		checkBrokenTail(t, s)
		if brokenDocNumberRE().MatchString(s) || brokenDateRE().MatchString(s) {
			matched++
		}
	}
	if matched < 5 {
		t.Errorf("only %d seeds match the regexps; the test would not see a wrong pre-check", matched)
	}
}

func checkBrokenTail(t *testing.T, s string) {
	t.Helper()
	if !brokenTail(s) && (brokenDocNumberRE().MatchString(s) || brokenDateRE().MatchString(s)) {
		t.Errorf("brokenTail(%q) is false but a regexp matches", s)
	}
}

func TestBracketedYearsAsRegexp(t *testing.T) {
	for _, s := range append(precheckSeeds, "[ [2023", "(（2023", "（ \t2023（2024）", "[20231(2024", "„2009‟12号[2010", "［ 202") {
		checkBracketedYears(t, s)
	}
	if got := bracketedYears("赣府发(2022)3号"); !reflect.DeepEqual(got, [][]int{{9, 14}}) {
		t.Errorf("bracketedYears = %v, want [[9 14]]", got)
	}
}

func checkBracketedYears(t *testing.T, s string) {
	t.Helper()
	if got, want := bracketedYears(s), bracketedYearRE.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Errorf("bracketedYears(%q) = %v, want %v", s, got, want)
	}
}

// headRegexps are the regexps parseHead tries, with how a line they match
// starts.
var headRegexps = []struct {
	re    func() *regexp.Regexp
	start headStart
}{
	{hanHeadRE, startHanNumeral},
	{hanParenRE, startParen},
	{digitParenRE, startParen},
	{digitDotRE, startDigits},
	{digitCommaRE, startDigits},
	{digitCloseRE, startDigits},
}

func TestHeadStartAsRegexps(t *testing.T) {
	for _, s := range append(precheckSeeds, "1 总则", "1.1编制目的", "3 个工作日内，", "12、", "123、", "2023年", "（十）", "(3)") {
		checkHeadStart(t, s)
		checkDecimalHead(t, s)
	}
}

// checkHeadStart: parseHead skips only regexps that cannot match s.
func checkHeadStart(t *testing.T, s string) {
	t.Helper()
	for _, h := range headRegexps {
		if h.re().MatchString(s) && headStartOf(s) != h.start {
			t.Errorf("headStartOf(%q) = %d but %v matches", s, headStartOf(s), h.re())
		}
	}
}

// checkDecimalHead: decimalHeadStart turns away only lines decimalHeadRE
// does not match.
func checkDecimalHead(t *testing.T, s string) {
	t.Helper()
	if !decimalHeadStart(s) && decimalHeadRE().MatchString(s) {
		t.Errorf("decimalHeadStart(%q) is false but decimalHeadRE matches", s)
	}
}

func FuzzPrechecks(f *testing.F) {
	for _, s := range precheckSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeLine(s), normalizeLineByRegexps(s); got != want {
			t.Errorf("NormalizeLine(%q) = %q, want %q", s, got, want)
		}
		checkBrokenTail(t, s)
		checkBracketedYears(t, s)
		checkHeadStart(t, s)
		checkDecimalHead(t, s)
		checkSignerLike(t, s)
		checkASCIIMarks(t, s)
		checkByteScans(t, s)
		checkLabels(t, s)
		checkLineTests(t, s)
		if got, want := organLine(s), organLineAsWas(s); got != want {
			t.Errorf("organLine(%q) = %v, want %v", s, got, want)
		}
		if got, want := isContentsLabel(s), forwardKey(s) == "目录"; got != want {
			t.Errorf("isContentsLabel(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestJointSignersSeen(t *testing.T) {
	if !signerLike(precheckSeeds[len(precheckSeeds)-1]) {
		t.Error("the joint signers seed is not signer-like; the tests would not see jointSigners go wrong")
	}
}

func TestSignerLikeAsWas(t *testing.T) {
	long := strings.Repeat("长", maxSigner)
	for _, s := range append(precheckSeeds, "江西省人民政府办公厅 江西省财政厅\u3000江西省发展和改革委员会",
		long+"厅 "+long, "某某市人民政府", long+"。", "\xff\xfe"+long, long[:len(long)-1]) {
		checkSignerLike(t, s)
	}
}

func TestIsContentsLabelAsKey(t *testing.T) {
	for _, s := range append(precheckSeeds, "目录", "目\u3000\u3000录", "《目 录》", "目录一", "目", "录目", "目\xff录", "") {
		if got, want := isContentsLabel(s), forwardKey(s) == "目录"; got != want {
			t.Errorf("isContentsLabel(%q) = %v, want %v", s, got, want)
		}
	}
}

// checkASCIIMarks: asciiMarks' first test turns away only text where the
// loop counts nothing.
func checkASCIIMarks(t *testing.T, s string) {
	t.Helper()
	if got, want := containsAnyByte(s, asciiMarkSet), strings.ContainsAny(s, asciiMarkSet); got != want {
		t.Errorf("containsAnyByte(%q) = %v, want %v", s, got, want)
	}
	if strings.ContainsAny(s, asciiMarkSet) {
		return
	}
	for _, r := range s {
		if strings.ContainsRune(asciiMarkSet, r) {
			t.Errorf("asciiMarks turns %q away but it has %q", s, r)
		}
	}
}

func TestASCIIMarks(t *testing.T) {
	for _, s := range append(precheckSeeds, "中文,逗号", "没有", "“引号\"") {
		checkASCIIMarks(t, s)
	}
	if counts, order := asciiMarks("中文,逗号(括号)"); len(order) != 3 || counts[','] != 1 {
		t.Errorf("asciiMarks = %v, %q; want , ( ) once each", counts, order)
	}
}

// firstControlByRunes is firstControl as it was, decoding every character.
func firstControlByRunes(s string) (int, bool) {
	line := 1
	for _, r := range s {
		switch {
		case r == '\n':
			line++
		case r == '\t' || r == '\f' || r == '\v':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
			return line, true
		}
	}
	return 0, false
}

// decimalHeadOfByRegexp is decimalHeadOf as it was, without
// decimalTitleFits.
func decimalHeadOfByRegexp(s string) (decimalHead, bool) {
	if !decimalHeadStart(s) {
		return decimalHead{}, false
	}
	m := decimalHeadRE().FindStringSubmatch(s)
	if m == nil || runes(m[4]) > maxDecimalTitle || strings.ContainsAny(m[4], sentenceEnds+clauseMarks+"“”") {
		return decimalHead{}, false
	}
	var parts []int
	for _, f := range strings.Split(m[1], ".") {
		n, _ := strconv.Atoi(f)
		if n == 0 {
			return decimalHead{}, false
		}
		parts = append(parts, n)
	}
	h := decimalHead{parts: parts, number: m[1] + m[2], title: m[4], bare: len(parts) == 1 && m[3] == ""}
	return h, len(parts) <= maxDecimalDepth
}

// checkByteScans: the scans by bytes and the pre-checks find what decoding
// the characters, or the regexps, find.
func checkByteScans(t *testing.T, s string) {
	t.Helper()
	gotLine, gotOK := firstControl(s)
	if wantLine, wantOK := firstControlByRunes(s); gotLine != wantLine || gotOK != wantOK {
		t.Errorf("firstControl(%q) = %d, %v, want %d, %v", s, gotLine, gotOK, wantLine, wantOK)
	}
	if got, want := hasInvisible(s), strings.ContainsFunc(s, isInvisible); got != want {
		t.Errorf("hasInvisible(%q) = %v, want %v", s, got, want)
	}
	checkInlineItems(t, s)
	got, gotOK := decimalHeadOf(s)
	want, wantOK := decimalHeadOfByRegexp(s)
	if gotOK != wantOK || (wantOK || gotOK) && !reflect.DeepEqual(got, want) {
		t.Errorf("decimalHeadOf(%q) = %v, %v, want %v, %v", s, got, gotOK, want, wantOK)
	}
}

// checkLabels: rosterLabel and qaLabel skip the regexps only on lines they
// do not match.
func checkLabels(t *testing.T, s string) {
	t.Helper()
	if got, want := rosterLabel(s), rosterRE().FindString(s); got != want {
		t.Errorf("rosterLabel(%q) = %q, want %q", s, got, want)
	}
	if label, _ := qaLabel(s); label != qaRE().FindString(s) {
		t.Errorf("qaLabel(%q) = %q, want %q", s, label, qaRE().FindString(s))
	}
}

func TestByteScansAndLabels(t *testing.T) {
	matched := map[string]bool{}
	for _, s := range precheckSeeds {
		checkByteScans(t, s)
		checkLabels(t, s)
		_, control := firstControlByRunes(s)
		_, decimal := decimalHeadOfByRegexp(s)
		for name, ok := range map[string]bool{"control": control, "invisible": strings.ContainsFunc(s, isInvisible),
			"inline item": inlineItemRE().MatchString(s), "decimal head": decimal,
			"roster": rosterRE().MatchString(s), "qa": qaRE().MatchString(s)} {
			matched[name] = matched[name] || ok
		}
	}
	for name, ok := range matched {
		if !ok {
			t.Errorf("no seed has a %s; the test would not see its pre-check go wrong", name)
		}
	}
}

// TestLabelFirsts: rosterFirsts and qaFirsts hold the first character of
// every label their regexps list.
func TestLabelFirsts(t *testing.T) {
	for _, c := range []struct {
		re     *regexp.Regexp
		firsts string
	}{{rosterRE(), rosterFirsts}, {qaRE(), qaFirsts}} {
		src := c.re.String()
		words := strings.Split(src[strings.Index(src, "^(")+2:strings.Index(src, ")")], "|")
		if len(words) < 2 {
			t.Fatalf("%v: no labels found", c.re)
		}
		for _, w := range words {
			if !startsWithAny(w, c.firsts) {
				t.Errorf("%v: the label %q starts with none of %q", c.re, w, c.firsts)
			}
		}
	}
}

// forwardedMatchAsWas is forwardedMatch as it was: each name built its own
// key of the lines.
func (p *parser) forwardedMatchAsWas(i int) (span, index int) {
	for idx, name := range p.forwarded {
		acc := ""
		for k := 0; k < maxForwardSpan && i+k < len(p.lines); k++ {
			l := p.lines[i+k]
			if (k > 0 && l.blank) || runes(l.text) > maxTitleLine {
				break
			}
			acc += forwardKey(l.text)
			if acc == name {
				return k + 1, idx
			}
			if !strings.HasPrefix(name, acc) {
				break
			}
		}
	}
	return 0, -1
}

func TestForwardedMatchAsWas(t *testing.T) {
	long := strings.Repeat("长", maxTitleLine)
	texts := []string{"昌江区农业产业化", "三年行动方案", "（2023—2025年）", "", "《调查研究", "工作方案》", long, "方案", "工作方案", "", "x"}
	var lines []line
	for i, s := range texts {
		if s == "" {
			continue
		}
		lines = append(lines, line{no: i + 1, text: s, blank: i > 0 && texts[i-1] == ""})
	}
	found := 0
	for _, names := range [][]string{
		nil,
		{"昌江区农业产业化三年行动方案（2023—2025年）"},
		{"调查研究工作方案", "昌江区农业产业化三年行动方案"},
		{"工作方案", "调查研究"},
		{"", "方案"},
		{long + "方案"},
		{"方案x", "x"},
	} {
		p := &parser{lines: lines, forwarded: names}
		for i := range lines {
			gs, gi := p.forwardedMatch(i)
			ws, wi := p.forwardedMatchAsWas(i)
			if gs != ws || gi != wi {
				t.Errorf("names %q, line %d: forwardedMatch = %d, %d, want %d, %d", names, i, gs, gi, ws, wi)
			}
			if ws > 1 {
				found++
			}
		}
	}
	if found < 3 {
		t.Errorf("only %d matches over several lines; the test would not see forwardedMatch go wrong", found)
	}
}

// parseHeadWhole is parseHead as it was, running the regexps on the whole
// line.
func parseHeadWhole(s string) (head, bool) {
	switch headStartOf(s) {
	case startHanNumeral:
		if m := hanHeadRE().FindStringSubmatch(s); m != nil {
			if n := hanNumber(m[1]); n > 0 {
				return head{level: 1, num: n, size: len(m[0]), han: true}, true
			}
		}
	case startParen:
		if m := hanParenRE().FindStringSubmatch(s); m != nil {
			if n := hanNumber(m[2]); n > 0 {
				return head{level: 2, num: n, size: len(m[0]), style: parenStyle(m), han: true}, true
			}
		}
		if m := digitParenRE().FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[2])
			return head{level: 4, num: n, size: len(m[0]), style: parenStyle(m)}, true
		}
	case startDigits:
		return digitHead(s)
	}
	return head{}, false
}

// checkLineTests: parseHead on a line's headPrefix, isDate's test of the
// line's end and the whole text's marks give what they gave without them.
func checkLineTests(t *testing.T, s string) {
	t.Helper()
	gh, gok := parseHead(s)
	if wh, wok := parseHeadWhole(s); gh != wh || gok != wok {
		t.Errorf("parseHead(%q) = %+v, %v, want %+v, %v", s, gh, gok, wh, wok)
	}
	if got, want := isDate(s), dateRE().MatchString(s) || hanDateRE().MatchString(s) || slipDate(s); got != want {
		t.Errorf("isDate(%q) = %v, want %v", s, got, want)
	}
	if got, want := containsEndingIn(s, "印发", "转发"), strings.Contains(s, "印发") || strings.Contains(s, "转发"); got != want {
		t.Errorf("containsEndingIn(%q) = %v, want %v", s, got, want)
	}
	text := strings.ToValidUTF8(s, "\uFFFD") + "\n" + s
	marks := marksOf(text)
	for _, l := range strings.Split(text, "\n") {
		if got, want := normalizeLine(l, marks), NormalizeLine(l); got != want {
			t.Errorf("normalizeLine(%q, %+v) = %q, want %q", l, marks, got, want)
		}
	}
}

func TestLineTests(t *testing.T) {
	heads, dates := 0, 0
	for _, s := range append(precheckSeeds, "（十二）工作要求", "(12)要求", "十二、"+strings.Repeat("长", 20), "2023年6月29日",
		"二〇二三年六月二十九日", "2020.1.26", "2020-01-26", "1."+strings.Repeat("长", 20)+"1") {
		checkLineTests(t, s)
		if _, ok := parseHeadWhole(s); ok {
			heads++
		}
		if isDate(s) {
			dates++
		}
	}
	if heads < 5 || dates < 3 {
		t.Errorf("%d heads and %d dates among the seeds; the test would not see the pre-checks go wrong", heads, dates)
	}
}

func TestHeadPrefix(t *testing.T) {
	for _, s := range []string{"", "一、", strings.Repeat("长", 20), strings.Repeat("x", 40), "\xff" + strings.Repeat("长", 20)} {
		p := headPrefix(s)
		if !strings.HasPrefix(s, p) || len(p) < min(len(s), maxHeadBytes) || len(p) < len(s) && !utf8.RuneStart(s[len(p)]) {
			t.Errorf("headPrefix(%q) = %q", s, p)
		}
	}
}

// TestRunInMarksNotHan: runIn passes over the CJK Unified Ideographs
// without looking them up among its marks, which must hold none.
func TestRunInMarksNotHan(t *testing.T) {
	for _, r := range openers + closers + leadEnds + "；;" {
		if isCommonHan(r) {
			t.Errorf("%q is a mark runIn looks for but lies among the ideographs it passes over", r)
		}
	}
}

// TestInvisibles: hasInvisible looks for every character isInvisible
// reports, and only for them.
func TestInvisibles(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := hasInvisible(string(r)), isInvisible(r); got != want {
			t.Errorf("hasInvisible(%U) = %v, want %v", r, got, want)
		}
	}
}

// checkInlineItems: inlineItems finds the numbers inlineItemRE finds.
func checkInlineItems(t *testing.T, s string) {
	t.Helper()
	var want []int
	for _, m := range inlineItemRE().FindAllStringSubmatch(s, -1) {
		k, _ := strconv.Atoi(m[1])
		want = append(want, k)
	}
	if got := inlineItems(s); !reflect.DeepEqual(got, want) {
		t.Errorf("inlineItems(%q) = %v, want %v", s, got, want)
	}
}

func TestInlineItemsAsRegexp(t *testing.T) {
	for _, s := range append(precheckSeeds, "1.甲；2.乙；3.丙。", "甲； 12、乙;\t3．丙。123.丁；4", "；1；2.", "。12", "；1.2.3", "；；1、", "\xff；9.", "；1.；2.", "；12.3.", "；1.2.", "； \n 7、；8．", "1；2；3.4；5、") {
		checkInlineItems(t, s)
	}
	if got := lastInline("1.甲；2.乙；4.丁；3.丙", 1); got != 3 {
		t.Errorf("lastInline = %d, want 3", got)
	}
}

func TestContainsEndingIn(t *testing.T) {
	for _, s := range append(precheckSeeds, "现将《方案》印发给你们", "转发", "印", "发印", "印\xff发", "反转发", "发展印发") {
		got := containsEndingIn(s, "印发", "转发")
		if want := strings.Contains(s, "印发") || strings.Contains(s, "转发"); got != want {
			t.Errorf("containsEndingIn(%q) = %v, want %v", s, got, want)
		}
	}
}

// organLineAsWas is organLine without endsAsOrgan first.
func organLineAsWas(s string) bool {
	if !signerLike(s) || endsWithKind(s) || strings.HasPrefix(s, "各") || strings.HasPrefix(s, "关于") ||
		strings.ContainsFunc(s, unicode.IsDigit) {
		return false
	}
	for _, name := range strings.FieldsFunc(s, isBlank) {
		if runes(name) < 2 || runes(name) > maxSigner {
			return false
		}
		ok := false
		for _, e := range organEnds {
			ok = ok || strings.HasSuffix(name, e)
		}
		if !ok {
			return false
		}
	}
	return true
}

func TestOrganLineAsWas(t *testing.T) {
	organs := 0
	for _, s := range append(precheckSeeds, "沧州市发展改革委", "市财政局\u3000市审计局", "市财政局 ", "市财政局\u3000\xe3\x80\x80\x80",
		"昌江区人民政府办公室", "关于印发方案的通知", "局", "各乡镇人民政府") {
		if got, want := organLine(s), organLineAsWas(s); got != want {
			t.Errorf("organLine(%q) = %v, want %v", s, got, want)
		}
		if organLineAsWas(s) {
			organs++
		}
	}
	if organs < 3 {
		t.Errorf("only %d organ lines among the seeds", organs)
	}
}
