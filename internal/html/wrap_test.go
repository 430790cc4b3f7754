package html

import (
	stdhtml "html"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// between words, not inside them (区政府, 常务会议, 召开)
		{"区政府第33次常务会议召开", `区政府<wbr><span class="nb">第33次</span><wbr>常务会议<wbr>召开`},
		{"重点任务指标", "重点<wbr>任务<wbr>指标"},
		// a range stays with its measure word; breaks at the brackets are the browser's
		{"行动方案（2023-2025年）", `行动<wbr>方案（<span class="nb">2023-2025年</span>）`},
		// a numeral stays with its measure word (七大), a lone hanzi with its
		// neighbours (指标/分/解表 glued), a break before a quantity is free (水平／三年)
		{"农业七大产业指标分解表", "农业<wbr>七大产业<wbr>指标分解表"},
		{"发展水平三年行动", "发展<wbr>水平<wbr>三年<wbr>行动"},
		{"二〇二三年十二月", "二〇二三年<wbr>十二月"},
		// the office's line break kept between words, with a break beside it
		// for the narrow screen that hides it …
		{"人民政府办公室\n关于印发", "人民政府<wbr>办公室<wbr><br>关于<wbr>印发"},
		// … and dropped inside a word
		{"常务会议召\n开", "常务会议<wbr>召开"},
		// a run glued across lone hanzi longer than a word breaks at them again
		{"甲乙丙丁戊己庚辛壬癸", "甲乙丙丁<wbr>戊<wbr>己<wbr>庚<wbr>辛<wbr>壬<wbr>癸"},
		{"<a&b>", "&lt;a&amp;b&gt;"},
	} {
		if got := words(c.in); got != c.want {
			t.Errorf("words(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestProse(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"共1.5万亩，12.5%的3～5年", `共<span class="nb">1.5万亩</span>，<span class="nb">12.5%</span>的<span class="nb">3～5年</span>`},
		{"第4期\n正文", `<span class="nb">第4期</span><br>正文`},
		{"1,234元和1,23", `<span class="nb">1,234元</span>和<span class="nb">1</span>,23`},
		// a long address or number breaks anywhere
		{"网址 https://www.example.gov.cn/a?b=1。", `网址 <span class="long">https://www.example.gov.cn/a?b=1</span>。`},
		{"账号123456789012345678。", `账号<span class="long">123456789012345678</span>。`},
	} {
		if got := prose(c.in); got != c.want {
			t.Errorf("prose(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// textOf is what a reader copies of rendered text: the tags removed, the
// entities decoded, a <br> a line break.
func textOf(s string) string {
	s = strings.ReplaceAll(s, "<br>", "\n")
	return stdhtml.UnescapeString(tagRE.ReplaceAllString(s, ""))
}

// Whatever the text, words and prose keep every character in order, add
// none, and open as many spans as they close.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"区政府第33次常务会议召开", "方案（2023-2025年）\n的通知", "https://a.b/c?d=1&e=<2>",
		"第\n4期", "1,234,567.89%万亿元", "甲乙丙丁戊己庚辛壬癸子丑寅卯", "２０２３—２０２５年", "𠮷\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "<>") {
			return // tagRE would read them as tags; escaping is tested above
		}
		for _, byWord := range []bool{false, true} {
			out := render([]rune(s), byWord)
			var want []rune // the characters (a byte not UTF-8 one of its own)
			for _, r := range s {
				if r != '\n' || !byWord {
					want = append(want, r)
				}
			}
			got := []rune(textOf(out))
			if byWord { // a <br> kept or not
				got = []rune(strings.ReplaceAll(string(got), "\n", ""))
			}
			if string(got) != string(want) {
				t.Fatalf("render(%q, %v) = %q: reads %q", s, byWord, out, string(got))
			}
			if strings.Count(out, "<span") != strings.Count(out, "</span>") {
				t.Fatalf("render(%q, %v) = %q: spans unbalanced", s, byWord, out)
			}
		}
	})
}
