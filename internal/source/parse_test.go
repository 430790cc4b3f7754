package source

import (
	"strings"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// lines joins source lines with LF.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// parseCase is a text, the blocks Parse should find in it and, by the line
// a block starts on, the text some of them should carry.
type parseCase struct {
	name  string
	text  string
	want  []string       // block summaries
	texts map[int]string // line → text of the block starting there
}

func runParseCases(t *testing.T, tests []parseCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("文件.txt", tt.text)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkSummaries(t, doc, tt.want)
			for line, want := range tt.texts {
				if got := blockAt(t, doc, line).Text; got != want {
					t.Errorf("line %d text = %q, want %q", line, got, want)
				}
			}
		})
	}
}

func TestParseRules(t *testing.T) {
	tests := []parseCase{
		{
			name:  "title over several lines, 发文字号 without parentheses, addressee",
			text:  lines("关于做好2023年", "防汛工作的通知", "昌府发〔2023〕3号", "", "各乡镇：", "请做好防汛工作。"),
			want:  []string{"1 标题", "3 发文字号", "5 主送机关", "6 正文"},
			texts: map[int]string{1: "关于做好2023年\n防汛工作的通知", 3: "昌府发〔2023〕3号"},
		},
		{
			name:  "发文字号 with ASCII parentheses and wrong brackets is still one",
			text:  lines("关于防汛的通知", "(昌府发[2023]03号)", "各乡镇：", "请做好防汛工作。"),
			want:  []string{"1 标题", "2 发文字号", "3 主送机关", "4 正文"},
			texts: map[int]string{2: "昌府发[2023]03号"},
		},
		{
			// 盐池县人民政府工作规则 (corpus guizhang/): a gazette prints
			// the title first, the 发文字号 under it
			name:  "发文字号 before the title goes under it",
			text:  lines("昌府发〔2023〕3号", "关于防汛的通知", "请做好防汛工作。"),
			want:  []string{"2 标题", "1 发文字号", "3 正文"},
			texts: map[int]string{2: "关于防汛的通知"},
		},
		{
			name: "a blank line ends the title; 如下： is body, not an addressee",
			text: lines("关于防汛的通知", "", "现将有关事项通知如下：", "一、总体要求", "做好防汛。"),
			want: []string{"1 标题", "3 正文", "4 标题层次 L1", "5 正文"},
		},
		{
			name: "the four levels, heads alone and run in",
			text: lines("方案", "一、总体要求", "（一）工作目标", "1.第一项", "（1）第一小项",
				"（2）第二小项。这里是正文。", "2.强化组织。加快推进。", "（二）贯彻落实决策部署等方面。", "1.第一项", "二、保障措施"),
			want: []string{"1 标题", "2 标题层次 L1", "3 标题层次 L2", "4 标题层次 L3", "5 标题层次 L4",
				"6 正文 L4 （2）第二小项。", "7 正文 L3 2.强化组织。", "8 标题层次 L2", "9 标题层次 L3", "10 标题层次 L1"},
		},
		{
			name: "full-width dot, a colon closing a run-in head, a long first sentence is no head",
			text: lines("方案", "1．强化组织领导：各单位要加强领导。",
				"2.这是一个相当长的第一句话它超过了二十五个字所以不能当作段首小标题来处理。后面还有。",
				"3.贯彻落实党的二十大精神情况；4.其他情况。"),
			want: []string{"1 标题", "2 正文 L3 1．强化组织领导：", "3 正文", "4 正文"},
		},
		{
			name: "a decimal number opens no head",
			text: lines("方案", "1.5万亩蔬菜基地建成。"),
			want: []string{"1 标题", "2 正文"},
		},
		{
			name: "2、 between 一、 and 三、 is level 1",
			text: lines("方案", "一、指导思想", "坚持。", "2、 行动目标", "通过行动。", "三、重点任务", "落实。"),
			want: []string{"1 标题", "2 标题层次 L1", "3 正文", "4 标题层次 L1", "5 正文", "6 标题层次 L1", "7 正文"},
		},
		{
			name: "1、 2、 under 一、 are level 3",
			text: lines("方案", "一、指导思想", "1、坚持领导", "2、加强协调", "二、重点任务"),
			want: []string{"1 标题", "2 标题层次 L1", "3 标题层次 L3", "4 标题层次 L3", "5 标题层次 L1"},
		},
		{
			name: "1、 2、 as the only numbering are level 1",
			text: lines("方案", "1、总体要求", "做好。", "2、工作措施", "落实。"),
			want: []string{"1 标题", "2 标题层次 L1", "3 正文", "4 标题层次 L1", "5 正文"},
		},
		{
			name: "附件说明 with numbered items, signer, date, note",
			text: lines("关于防汛的通知", "各乡镇：", "请做好防汛工作。", "附件：1.防汛预案", "2.值班表", "",
				"昌江区人民政府办公室", "2023年6月29日", "（此件公开发布）"),
			want:  []string{"1 标题", "2 主送机关", "3 正文", "4 附件说明", "7 署名", "8 成文日期", "9 附注"},
			texts: map[int]string{4: "附件：1.防汛预案\n2.值班表", 9: "（此件公开发布）"},
		},
		{
			name:  "附件： alone with the items under it",
			text:  lines("通知", "请落实。", "附件：", "1.预案", "2.值班表", "3.名单"),
			want:  []string{"1 标题", "2 正文", "3 附件说明"},
			texts: map[int]string{3: "附件：\n1.预案\n2.值班表\n3.名单"},
		},
		{
			name: "特此通知 without a full stop is not joined to the signer",
			text: lines("关于防汛的通知", "各乡镇：", "请各单位结合实际认真抓好落实", "特此通知", "昌江区人民政府", "2023年6月29日"),
			want: []string{"1 标题", "2 主送机关", "3 正文", "4 正文", "5 署名", "6 成文日期"},
		},
		{
			name:  "joint signers on one line, longer than one organisation's name",
			text:  lines("关于防汛的通知", "各乡镇：", "请做好防汛工作。", "中共景德镇市昌江区委员会办公室　景德镇市昌江区人民政府办公室　景德镇市昌江区农业农村局", "2023年6月29日"),
			want:  []string{"1 标题", "2 主送机关", "3 正文", "4 署名", "5 成文日期"},
			texts: map[int]string{4: "中共景德镇市昌江区委员会办公室　景德镇市昌江区人民政府办公室　景德镇市昌江区农业农村局"},
		},
		{
			name: "a long line without spaces over a date is body text, not a signer",
			text: lines("通知", "各乡镇：", "请做好工作。", "请各单位于月底前将本年度工作总结和下一年度工作计划报区政府办公室", "2023年6月29日"),
			want: []string{"1 标题", "2 主送机关", "3 正文", "4 正文", "5 成文日期"},
		},
		{
			name: "a date without a signer; the older date form",
			text: lines("通知", "请落实。", "二〇二三年六月二十九日"),
			want: []string{"1 标题", "2 正文", "3 成文日期"},
		},
		{
			name: "forwarded plan after the signature, then 附件 label and title",
			text: lines("关于印发《防汛预案》的通知", "各乡镇：", "现将《防汛预案》印发给你们。", "昌江区人民政府", "2023年6月29日",
				"", "防汛预案", "", "一、总体要求", "做好防汛。", "", "附件1", "防汛值班", "人员名单", "", "值班安排如下。"),
			want: []string{"1 标题", "2 主送机关", "3 正文", "4 署名", "5 成文日期", "7 标题 新页",
				"9 标题层次 L1", "10 正文", "12 附件标识 新页", "13 标题", "16 正文"},
			texts: map[int]string{13: "防汛值班\n人员名单"},
		},
		{
			name: "forwarded plan without a signature, title in 《》 and over two lines",
			text: lines("关于印发《昌江区防汛工作预案（2023年）》的通知", "各乡镇：", "现印发给你们，请认真贯彻执行。",
				"  《昌江区防汛工作", "预案（2023年）》", "为做好防汛工作，制定本预案。"),
			want:  []string{"1 标题", "2 主送机关", "3 正文", "4 标题 新页", "6 正文"},
			texts: map[int]string{4: "《昌江区防汛工作\n预案（2023年）》"},
		},
		{
			name: "政务动态: 主持 under the title",
			text: lines("区政府第31次常务会议召开", "伊文斌主持", "7月11日，会议召开。"),
			want: []string{"1 标题", "2 主持", "3 正文"},
		},
		{
			name:  "a line broken in mid-sentence is joined",
			text:  lines("方案", "", "为深入贯彻落实习近平总书记关于“三农”工作重要论述和", "视察江西重要讲话精神，制定本方案。"),
			want:  []string{"1 标题", "3 正文"},
			texts: map[int]string{3: "为深入贯彻落实习近平总书记关于“三农”工作重要论述和视察江西重要讲话精神，制定本方案。"},
		},
		{
			name:  "a run-in paragraph broken twice is joined",
			text:  lines("方案", "（一）强化学习。全区各级领导班子和领导干部要", "采取集中学习与个人自学相结合的", "方式开展学习。"),
			want:  []string{"1 标题", "2 正文 L2 （一）强化学习。"},
			texts: map[int]string{2: "（一）强化学习。全区各级领导班子和领导干部要采取集中学习与个人自学相结合的方式开展学习。"},
		},
		{
			name: "never joined: a heading, a blank line between, a short label, a head next",
			text: lines("方案", "一、目的意义", "大兴调查研究是党中央的重大决策部署，意义重大", "", "党的二十大对全面建设作出部署。",
				"重点围绕以下方面", "开展工作。", "各单位要加强领导，切实做好以下工作", "1.加强领导。"),
			want: []string{"1 标题", "2 标题层次 L1", "3 正文", "5 正文", "6 正文", "7 正文", "8 正文", "9 正文"},
		},
		{
			name: "——items start paragraphs",
			text: lines("方案", "", "通过三年集中行动，实现全区农业产业工作提升", "——果蔬产业。实施工程。"),
			want: []string{"1 标题", "3 正文", "4 正文"},
		},
		{
			name:  "CRLF, BOM and indentation",
			text:  "\ufeff关于防汛的通知\r\n\r\n　　各乡镇：\r\n\t请做好防汛工作。\r\n",
			want:  []string{"1 标题", "3 主送机关", "4 正文"},
			texts: map[int]string{4: "请做好防汛工作。"},
		},
	}
	runParseCases(t, tests)
}

// TestParseRefusesWhatCannotBePrinted: an empty file and a document with no
// title (the 目录 and the bookmarks need one) stop the build with the file
// and line, where a warning would let a blank 目录 entry through.
func TestParseRefusesWhatCannotBePrinted(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		msg        string
	}{
		{"empty", "", 0, "文件是空的"},
		{"only blank lines and a BOM", "\ufeff\r\n　　\r\n\t\r\n", 0, "文件是空的"},
		{"body text first", lines("", "会议传达学习了习近平总书记的重要讲话精神。会议强调，要抓好落实。"), 2, "没有识别出文件标题"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("文件.txt", tt.text)
			ps := diag.Problems(err)
			if len(ps) != 1 {
				t.Fatalf("problems = %v, want one", err)
			}
			if !strings.Contains(ps[0].Msg, tt.msg) || ps[0].Line != tt.line || ps[0].File != "文件.txt" {
				t.Errorf("problem %q at %s:%d, want %q at line %d", ps[0].Msg, ps[0].File, ps[0].Line, tt.msg, tt.line)
			}
		})
	}
}

func TestParseLeadIsPrefix(t *testing.T) {
	for _, f := range []string{"01-调查研究工作方案通知.txt", "02-农业产业化三年行动方案通知.txt"} {
		doc := parseSample(t, f)
		for _, b := range doc.Blocks {
			if b.Lead != "" && (!strings.HasPrefix(b.Text, b.Lead) || b.Kind != model.Paragraph || b.Level == 0) {
				t.Errorf("%s line %d: lead %q is not a prefix of a numbered paragraph", f, b.Line, b.Lead)
			}
			if b.Kind == model.Heading && (b.Level < 1 || b.Level > 4) {
				t.Errorf("%s line %d: heading level %d", f, b.Line, b.Level)
			}
		}
	}
}
