package source

import (
	"fmt"
	"strings"
	"testing"

	"gazette/internal/model"
)

// warnings runs Check and writes each warning as "line: message".
func warnings(doc *model.Document) []string {
	var out []string
	for _, p := range Check(doc) {
		out = append(out, fmt.Sprintf("%d: %s", p.Line, p.Msg))
	}
	return out
}

func sameWarnings(t *testing.T, got, want []string) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if !strings.HasPrefix(g, w) || (w == "") != (g == "") {
			t.Errorf("warning %d = %q, want %q…", i, g, w)
		}
	}
}

// TestCheckSample: the seed's own slips are reported where they are.
func TestCheckSample(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		// The forwarded 方案 has an 附件 but neither the notice nor the
		// 方案 has an 附件说明.
		{"01-调查研究工作方案通知.txt", []string{
			"33: “附件”前面没有附件说明（GB/T 9704-2012 7.3.4、7.3.7）",
			"52: 中文里用了半角（英文）标点：“;”1处",
		}},
		// The seed's second notice goes from its text (line 5) straight to
		// the 方案 it forwards: no 署名, no 成文日期. The 方案 has an
		// 附件2, no 附件1 and no 附件说明.
		{"02-农业产业化三年行动方案通知.txt", []string{
			"5: 这份通知的正文到本行结束，后面没有成文日期；公文应有成文日期（GB/T 9704-2012 7.3.5）",
			"13: 序号“2、”写法不规范，一级标题应写作“二、”",
			"15: 中文里用了半角（英文）标点：“,”5处",
			"17: 中文里用了半角（英文）标点：“,”6处",
			"30: 序号“2.”与上一项重复，按顺序应为“3.”",
			"31: 中文里用了半角（英文）标点：“\"”2处",
			"32: 中文里用了半角（英文）标点：“\"”2处",
			"36: 中文里用了半角（英文）标点：“,”4处",
			"37: 中文里用了半角（英文）标点：“,”1处",
			"38: 中文里用了半角（英文）标点：“(”1处，“)”1处",
			"40: “附件2”前面没有附件说明，文件里也没有“附件1”（GB/T 9704-2012 7.3.4、7.3.7）",
		}},
		{"03-第31次常务会议.txt", nil},
		{"04-第32次常务会议.txt", nil},
		{"05-第33次常务会议.txt", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := parseSample(t, tt.file)
			sameWarnings(t, warnings(doc), tt.want)
			for _, p := range Check(doc) {
				if p.File != doc.Source || p.Hint == "" {
					t.Errorf("warning %v lacks the file or the advice", p)
				}
			}
		})
	}
}

// checkCase is a text and the warnings Check must give for it, each as
// "line: start of the message".
type checkCase struct {
	name string
	text string
	want []string
}

// runCheckCases parses each case's text and compares its warnings.
func runCheckCases(t *testing.T, tests []checkCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("a.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			sameWarnings(t, warnings(doc), tt.want)
		})
	}
}

func TestCheck(t *testing.T) {
	tests := []checkCase{
		{"发文字号 with square brackets and a leading zero", lines("通知", "（昌府发[2023]025号）", "正文。"), []string{
			"2: 发文字号中的年份应使用六角括号“〔2023〕”，这里写成了“[2023]”",
			"2: 发文字号的序号不编虚位：“025号”应写作“25号”",
			"3: 这份通知的正文到本行结束，后面没有成文日期",
		}},
		{"发文字号 with （） and 第", lines("通知", "昌府发（2023）第5号", "正文。"), []string{
			"2: 发文字号中的年份应使用六角括号“〔2023〕”，这里写成了“（2023）”",
			"2: 发文字号的序号前不加“第”",
			"3: 这份通知的正文到本行结束，后面没有成文日期",
		}},
		{"发文字号 with 【】 quoted in the text", lines("通知", "", "根据《办法》（赣府发【2023】5号）执行。"), []string{
			"3: 文中的发文字号“赣府发【2023】5号”",
			"3: 这份通知的正文到本行结束，后面没有成文日期",
		}},
		{"numbering out of sequence and repeated", lines("方案", "一、总则", "三、分则", "（一）甲", "（一）乙", "1.丙", "3.丁", "四、附则", "（二）戊"), []string{
			"3: 序号“三、”不连续，按顺序应为“二、”",
			"5: 序号“（一）”与上一项重复，按顺序应为“（二）”",
			"7: 序号“3.”不连续，按顺序应为“2.”",
			"9: 序号“（二）”不连续，按顺序应为“（一）”",
		}},
		{"numbering restarts after a title and an attachment", lines("通知", "一、甲", "二、乙", "昌江区人民政府", "2023年6月29日", "方案", "一、丙", "附件", "名单", "一、丁"), []string{
			"8: “附件”前面没有附件说明",
		}},
		{"2、 under 一、 should be 2.; ASCII parentheses", lines("方案", "一、总则", "1、甲", "2、乙", "(二)丙", "(3)丁"), []string{
			"3: 序号“1、”写法不规范，三级标题应写作“1.”",
			"4: 序号“2、”写法不规范，三级标题应写作“2.”",
			"5: 序号“(二)”用了半角括号，应写作“（二）”",
			"5: 序号“(二)”不连续，按顺序应为“（一）”",
			"6: 序号“(3)”用了半角括号，应写作“（3）”",
			"6: 序号“(3)”不连续，按顺序应为“（1）”",
		}},
		{"inline items carry the sequence on", lines("方案", "（一）甲", "1.子；2.丑；3.寅。", "4.卯；5.辰。", "（二）乙", "1.巳。"), nil},
		{"date with leading zeros", lines("通知", "正文。", "昌江区人民政府", "2023年06月09日"), []string{
			"4: 成文日期的月、日不编虚位",
		}},
		{"ASCII marks not next to Chinese are fine", lines("方案", "", "网址http://www.jdzcjq.gov.cn，时间8:30，金额1,000元。"), nil},
		{"ASCII colon and question mark next to Chinese", lines("方案", "", "联系电话:8332255。是否同意?"), []string{
			"3: 中文里用了半角（英文）标点：“:”1处，“?”1处",
		}},
	}
	runCheckCases(t, tests)
}

// TestCheckAttachments: each 附件 label against the 附件说明 before it
// (GB/T 9704-2012 7.3.4, 7.3.7).
func TestCheckAttachments(t *testing.T) {
	tests := []checkCase{
		{"labels match the items", lines("方案", "正文。", "附件：1.名单", "2.表格", "", "附件1", "名单", "甲。", "附件2", "表格", "乙。"), nil},
		{"one attachment, unnumbered", lines("方案", "正文。", "附件：名单", "", "附件", "名单", "甲。"), nil},
		{"no 附件说明", lines("方案", "正文。", "", "附件", "名单", "甲。"), []string{
			"4: “附件”前面没有附件说明（GB/T 9704-2012 7.3.4、7.3.7）",
		}},
		{"no 附件说明 and numbers missing, warned once", lines("方案", "正文。", "", "附件2", "名单", "甲。", "附件4", "表格", "乙。"), []string{
			"4: “附件2”前面没有附件说明，文件里也没有“附件1”“附件3”（GB/T 9704-2012 7.3.4、7.3.7）",
		}},
		{"附件2 but the note lists one item", lines("方案", "正文。", "附件：名单", "", "附件2", "名单", "甲。"), []string{
			"5: “附件2”与第3行的附件说明不符：附件说明只列了1项（GB/T 9704-2012 7.3.7）",
		}},
		{"the note lists three, items under 附件：, labels 附件1 and 附件２", lines("方案", "正文。", "附件：", "1.名单", "2.表格", "3.清单", "",
			"附件1", "名单", "甲。", "", "附件２", "表格", "乙。"), []string{
			"3: 附件说明列了3项，文件里却没有“附件3”（GB/T 9704-2012 7.3.7）",
		}},
		{"an unnumbered label under a note of two", lines("方案", "正文。", "附件：1.名单", "2.表格", "", "附件", "名单", "甲。"), []string{
			"6: 第3行的附件说明列了2项，这里的“附件”没有顺序号，应写明是附件几",
		}},
		{"a note with no label after it is left alone", lines("方案", "正文。", "附件：1.名单", "2.表格"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("a.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			sameWarnings(t, warnings(doc), tt.want)
			for _, p := range Check(doc) {
				if !strings.HasSuffix(p.Hint, asIs) {
					t.Errorf("hint %q does not end with %q", p.Hint, asIs)
				}
			}
		})
	}
}

// TestCheckNoticeDate: a notice has a 成文日期 (GB/T 9704-2012 7.3.5).
func TestCheckNoticeDate(t *testing.T) {
	tests := []checkCase{
		{"signed and dated", lines("关于开展调研的通知", "各单位：", "请抓好落实。", "昌江区人民政府", "2023年6月29日"), nil},
		{"a notice with no date", lines("关于开展调研的通知", "各单位：", "请抓好落实。"), []string{
			"3: 这份通知的正文到本行结束，后面没有成文日期；公文应有成文日期（GB/T 9704-2012 7.3.5）",
		}},
		{"a signer marked but no date", lines("关于开展调研的通知", "各单位：", "请抓好落实。", "【署名】昌江区人民政府"), []string{
			"4: 署名之下没有成文日期",
		}},
		{"a 主送机关 makes it a 公文", lines("关于商请支持的函", "市财政局：", "请予支持。"), []string{
			"3: 这份公文的正文到本行结束，后面没有成文日期",
		}},
		{"the date of the forwarded 方案 is not the notice's", lines("关于印发《调研方案》的通知", "各单位：", "现将《调研方案》印发给你们。", "",
			"调研方案", "", "一、总则", "正文。", "昌江区人民政府", "2023年6月29日"), []string{
			"3: 这份通知的正文到本行结束，后面没有成文日期",
		}},
		{"a dated notice forwarding an undated 方案", lines("关于印发《调研方案》的通知", "各单位：", "现将《调研方案》印发给你们。",
			"昌江区人民政府", "2023年6月29日", "", "调研方案", "", "一、总则", "正文。"), nil},
		{"a 政务动态 report needs none", lines("区政府第31次常务会议召开", "伊文斌主持", "会议研究了有关通知事项。"), nil},
	}
	runCheckCases(t, tests)
}

// TestCheckChangesNothing: Check leaves the document as it was.
func TestCheckChangesNothing(t *testing.T) {
	doc := parseSample(t, "02-农业产业化三年行动方案通知.txt")
	before := fmt.Sprintf("%+v", doc.Blocks)
	Check(doc)
	if after := fmt.Sprintf("%+v", doc.Blocks); after != before {
		t.Error("Check changed the document")
	}
}
