package source

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
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
	for _, s := range precheckSeeds {
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
