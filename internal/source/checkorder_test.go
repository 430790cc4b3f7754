package source

import "testing"

// A 发文字号 typed twice, text running on after the date with no 附件
// label, and ○ typed for 〇 are named at their lines; what is right is
// not.
func TestCheckSequenceAndWhiteCircle(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			// 北京市人民政府办公厅 京政办发〔2016〕26号 (corpus tongzhi/)
			name: "the 发文字号 twice, an attachment with no label or title after the date",
			text: lines("北京市人民政府办公厅关于印发工作要点的通知", "京政办发〔2016〕26号", "京政办发〔2016〕26号",
				"各区人民政府：", "现将《要点》印发给你们，请认真贯彻落实。", "北京市人民政府办公厅", "2016年5月28日",
				"2016年是全面建成小康社会决胜阶段的开局之年。", "一、围绕深化改革推进公开"),
			want: []string{"3: 发文字号“京政办发〔2016〕26号”与上一行重复，只印一次",
				"8: 成文日期之后接着是正文，没有“附件”标识和标题"},
		},
		{
			name: "a 发文字号 once, an 附件 label after the date: nothing to say",
			text: lines("关于印发工作要点的通知", "京政办发〔2016〕26号", "各区人民政府：", "现将《要点》印发给你们。",
				"附件：工作要点", "北京市人民政府办公厅", "2016年5月28日", "附件", "工作要点", "一、总体要求"),
		},
		{
			// 河北省人民政府令〔2010〕第15号 (corpus ling/)
			name: "○ among Chinese numerals in a date",
			text: lines("某某规定", "", "现予公布。", "", "省长", "二○一○年十二月二十五日"),
			want: []string{"6: “二○一○年十二月二十五日”中的“○”是几何图形符号（U+25CB），不是汉字数字“〇”（U+3007），应写作“二〇一〇年十二月二十五日”"},
		},
		{
			name: "○ in a 题注, once for each word",
			text: lines("某某条例", "（二○○一年十月十七日通过　二○○一年十二月三日批准）", "第一条　为了规范。"),
			want: []string{"2: “二○○一年十月十七日”中的“○”", "2: “二○○一年十二月三日”中的“○”"},
		},
		{
			name: "a circle standing as a mark of its own, and 〇 rightly typed",
			text: lines("关于某事的通知", "", "○ 重点项目：二〇二三年完成。", "", "某县人民政府", "二〇二三年六月九日"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("文件.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			sameWarnings(t, warnings(doc), tt.want)
		})
	}
}
