package source

import "testing"

// Decimal section heads (GB/T 1.1 numbering, as 预案 carry it) are
// headings at their depth once their numbering holds; the unlabelled
// outline before them is a 目录; a line that merely starts with a number
// stays text.
func TestParseDecimalSections(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []string
		texts map[int]string
	}{
		{
			// 牟定县突发环境事件应急预案(试行) (corpus tongzhi/)
			name: "an unlabelled outline, then the sections",
			text: lines("某县突发环境事件应急预案", "", "总则", "1.1 编制目的", "1.2 编制依据", "组织体系", "2.1 指挥机构", "8  附则",
				"", "1 总则", "1.1 编制目的", "建立健全突发环境事件应急机制。", "1.2 编制依据",
				"依据有关法律法规。", "2 组织体系", "2.1 指挥机构", "县政府设立指挥部。", "2.1.1 组成", "由县长任总指挥。"),
			want: []string{"1 标题", "3 目录", "10 标题层次 L1", "11 标题层次 L2", "12 正文", "13 标题层次 L2", "14 正文",
				"15 标题层次 L1", "16 标题层次 L2", "17 正文", "18 标题层次 L3", "19 正文"},
			texts: map[int]string{3: "总则\n1.1 编制目的\n1.2 编制依据\n组织体系\n2.1 指挥机构\n8  附则", 10: "1\u3000总则", 11: "1.1\u3000编制目的"},
		},
		{
			name: "a number that starts a sentence is no head",
			text: lines("关于某事的通知", "", "3 个工作日内完成审核，逾期视为同意。", "1 总则"),
			want: []string{"1 标题", "3 正文", "4 正文"},
		},
		{
			name: "a first head not continued is no head",
			text: lines("关于某事的通知", "", "1 总则", "要做好工作。", "3 附则"),
			want: []string{"1 标题", "3 正文", "4 正文", "5 正文"},
		},
		{
			name: "short lines under a title that never repeat are no outline",
			text: lines("工作方案", "", "总则", "1.1 编制目的", "组织体系", "要做好工作。"),
			want: []string{"1 标题", "3 正文", "4 正文", "5 正文", "6 正文"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("文件.txt", tt.text)
			if err != nil {
				t.Fatal(err)
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

func TestFollows(t *testing.T) {
	tests := []struct {
		prev, cur []int
		want      bool
	}{
		{[]int{1}, []int{1, 1}, true},
		{[]int{1, 1}, []int{1, 2}, true},
		{[]int{1, 2}, []int{2}, true},
		{[]int{2, 1, 3}, []int{2, 2}, true},
		{[]int{1}, []int{1, 2}, false},
		{[]int{1, 2}, []int{1, 4}, false},
		{[]int{1, 2}, []int{3}, false},
		{[]int{1}, []int{1, 1, 1}, false},
	}
	for _, tt := range tests {
		if got := follows(tt.prev, tt.cur); got != tt.want {
			t.Errorf("follows(%v, %v) = %v, want %v", tt.prev, tt.cur, got, tt.want)
		}
	}
}
