package layout

import (
	"math/rand/v2"
	"strings"
	"testing"

	"gazette/fonts"
)

// breaksInside reports the places where lines split one of the words of
// keep, as "…left|right…".
func breaksInside(lines []Line, keep []string) []string {
	var out []string
	for i := 0; i+1 < len(lines); i++ {
		a, b := lines[i].Text(), lines[i+1].Text()
		for _, w := range keep {
			for k := 1; k < len([]rune(w)); k++ {
				rw := []rune(w)
				if strings.HasSuffix(a, string(rw[:k])) && strings.HasPrefix(b, string(rw[k:])) {
					out = append(out, a+"|"+b)
				}
			}
		}
	}
	return out
}

// TestNumbersAndUnitsNeverSplit: a number in half- or full-width digits,
// with its decimal point, thousands separator, percent sign or range, and
// the unit or measure word after it, is never divided by a line break, at
// any measure.
func TestNumbersAndUnitsNeverSplit(t *testing.T) {
	tests := []struct {
		text string
		keep []string
	}{
		{"到２０２３年６月底，全县新建５Ｇ基站１２．５％以上，覆盖率达到９８．６％，新增用户１，２３４户。",
			[]string{"２０２３年", "１２．５％", "９８．６％", "１，２３４户", "６月"}},
		{"全年完成投资12.5亿元，同比增长12.5%，新建厂房3栋、4.2万平方米，新增无人机50架。",
			[]string{"12.5亿元", "12.5%", "3栋", "4.2万平方米", "50架"}},
		{"新建道路18.6公里，装机容量300兆瓦，年发电量4.5亿千瓦时，输电线路电压为500 kV。",
			[]string{"18.6公里", "300兆瓦", "4.5亿千瓦时", "500 kV"}},
		{"实施期限为2023-2025年，分3～5批推进，第4期工程于2024年完成，总投资1,234,567元。",
			[]string{"2023-2025年", "3～5批", "第4期", "2024年", "1,234,567元"}},
	}
	for _, tt := range tests {
		for chars := 12; chars <= 30; chars++ { // narrower, a token may be longer than a line
			lines := breakText(t, tt.text, chars)
			if got := strings.Join(lineTexts(lines), ""); got != tt.text {
				t.Fatalf("width %d: text %q, want %q", chars, got, tt.text)
			}
			if bad := breaksInside(lines, tt.keep); len(bad) > 0 {
				t.Errorf("width %d: split %q", chars, bad)
			}
		}
	}
}

// TestNumberSolidWithUnit: no quarter em between a number and the unit or
// measure word after it, whatever the unit (docs/line-composition.md#numbers-and-units).
func TestNumberSolidWithUnit(t *testing.T) {
	for _, unit := range []string{"架", "栋", "公里", "平方米", "兆瓦", "千瓦时", "公顷", "吨", "艘", "万元"} {
		text := "新增25" + unit + "以上"
		ls := setLines(t, &LineBreaker{}, text, 40, AlignLeft)
		if got := advanceAfter(t, ls[0], '5', 1); got != 8 {
			t.Errorf("%s: 5 advances %.2f, want 8 (no glue before %s)", text, got, unit)
		}
	}
}

// TestAddressBreaksAtItsOwnPoints: a web or e-mail address breaks only
// after / . _ ? & = @, never after its hyphen, and copies out whole.
func TestAddressBreaksAtItsOwnPoints(t *testing.T) {
	texts := []string{
		"详情请登录“数字政府”平台，网址为https://www.example.gov.cn/5g-suanli/zcwj/art_2023_0615.html?id=18&page=2，或致电咨询。",
		"意见建议请发送至电子邮箱zhengfu-ban_gongshi@example-county.gov.cn，邮件标题注明“意见反馈”。",
	}
	for _, text := range texts {
		for chars := 12; chars <= 30; chars++ {
			lines := breakText(t, text, chars)
			if got := strings.Join(lineTexts(lines), ""); got != text {
				t.Fatalf("width %d: text %q", chars, got)
			}
			for _, l := range lines[:len(lines)-1] {
				s := l.Text()
				last := []rune(s)[len([]rune(s))-1]
				if last == '-' {
					t.Errorf("width %d: line ends with a hyphen: %q", chars, s)
				}
				if last < 0x80 && !strings.ContainsRune("/._?&=@", last) && inAddress(text, s) {
					t.Errorf("width %d: address broken after %q: %q", chars, last, s)
				}
			}
		}
	}
}

// inAddress reports whether the line s ends inside the address of text.
func inAddress(text, s string) bool {
	i := strings.Index(text, s)
	if i < 0 {
		return false
	}
	end := i + len(s)
	return end < len(text) && text[end] < 0x80 && text[end-1] < 0x80
}

// TestStandardNumbersStayWhole: "YD/T 5185—2021", "GB/T 9704-2012" are
// never broken at their slash, space or dash.
func TestStandardNumbersStayWhole(t *testing.T) {
	text := "按照《通信建设工程安全生产操作规范》YD/T 5201—2014和GB/T 9704-2012的规定执行，并参照DB36/T 1234-2020。"
	for chars := 12; chars <= 30; chars++ {
		lines := breakText(t, text, chars)
		if bad := breaksInside(lines, []string{"YD/T 5201—2014", "GB/T 9704-2012", "DB36/T 1234-2020"}); len(bad) > 0 {
			t.Errorf("width %d: split %q", chars, bad)
		}
	}
}

// TestTableCellKeepsNumberWithUnit: a table column is never narrower than a
// number with its unit (the least measure LongestPiece reports), so a cell
// never splits "公／里"; an address in a cell may wrap at its break points.
func TestTableCellKeepsNumberWithUnit(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	for _, tt := range []struct {
		text  string
		least float64 // ems
	}{
		{"新敷设光缆186.5公里", 2.5 + 2},
		{"4.2万平方米", 1.5 + 4},
		{"１２．５％", 5},
		{"https://www.example.gov.cn/zwgk/feiyi/index.html", 0},
	} {
		got := lb.LongestPiece(&Paragraph{Spans: []Span{{Text: tt.text, Role: fonts.Fang, Size: 16}}}) / 16
		if got < tt.least-0.01 {
			t.Errorf("%s: longest piece %.2f em, less than %.2f: the number would be split from its unit", tt.text, got, tt.least)
		}
		if tt.least == 0 && got > 10 {
			t.Errorf("%s: longest piece %.2f em: the address does not break at its own points", tt.text, got)
		}
	}
}

// addressAtByText is addressAt as it was first written, on the run's text:
// the reference for the scan that replaced it.
func addressAtByText(atoms []atom, i int) int {
	if i > 0 && urlChar(atoms[i-1].r) || !isASCIILetterOrDigit(atoms[i].r) {
		return 0
	}
	j := i
	for j < len(atoms) && urlChar(atoms[j].r) {
		j++
	}
	for j > i && strings.ContainsRune(".,;:!?)]'", atoms[j-1].r) {
		j--
	}
	s := atomText(atoms[i:j])
	letters := strings.ContainsFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' })
	lower := strings.ToLower(s)
	switch {
	case !letters || j-i < 4:
		return 0
	case strings.Contains(s, "://"), strings.HasPrefix(lower, "www."),
		strings.Contains(s, "@") && strings.Contains(s[strings.Index(s, "@"):], "."),
		strings.ContainsAny(s, "/_") && !strings.Contains(s, " "):
		return j - i
	}
	return 0
}

// TestAddressAtKeepsTheRule compares addressAt with addressAtByText at every
// position of random mixtures of address characters, hanzi and spaces.
func TestAddressAtKeepsTheRule(t *testing.T) {
	chars := []rune("wW.,:/@_-aZ09?&=#%中 ，")
	rng := rand.New(rand.NewPCG(14, 30))
	for range 30000 {
		atoms := make([]atom, 1+rng.IntN(16))
		for i := range atoms {
			atoms[i].r = chars[rng.IntN(len(chars))]
		}
		if len(atoms) > 4 && rng.IntN(3) == 0 { // a www. address, or nearly
			for i, r := range []rune("wWw.") {
				if rng.IntN(4) > 0 {
					atoms[i].r = r
				}
			}
		}
		for i := range atoms {
			if got, want := addressAt(atoms, i), addressAtByText(atoms, i); got != want {
				t.Fatalf("%q at %d: %d, want %d", atomText(atoms), i, got, want)
			}
		}
	}
}
