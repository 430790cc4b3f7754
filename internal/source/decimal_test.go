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
			// 舟曲县生产安全事故应急预案 (县政府办, 2019-05-09): "1.总则",
			// "1.1编制目的", no space after any number
			name: "1.总则 confirmed by 1.1编制目的 under it",
			text: lines("舟曲县生产安全事故应急预案", "", "1.总则", "1.1编制目的",
				"建立统一领导、分工明确、预警预防、分级响应、反应快速、科学高效的应急救援体系。",
				"1.2编制依据", "《中华人民共和国安全生产法》《中华人民共和国突发事件应对法》等。",
				"1.4工作原则", "1.4.1以人为本，减少危害。把保障人民群众生命财产安全和身体健康作为应急救援工作的首要任务。",
				"2.组织体系", "2.1应急指挥机构", "县政府成立县生产安全事故应急救援指挥部。"),
			want: []string{"1 标题", "3 标题层次 L1", "4 标题层次 L2", "5 正文", "6 标题层次 L2", "7 正文", "8 正文", "9 正文",
				"10 标题层次 L1", "11 标题层次 L2", "12 正文"},
			texts: map[int]string{3: "1.总则", 4: "1.1\u3000编制目的", 10: "2.组织体系"},
		},
		{
			// 伊金霍洛旗生产安全事故应急预案 (yjhl.gov.cn, 2024-06-06):
			// "1总则", "1.1编制目的", neither space nor dot
			name: "1总则 confirmed by 1.1编制目的 under it",
			text: lines("伊金霍洛旗生产安全事故应急预案", "", "1总则", "1.1编制目的",
				"为规范伊金霍洛旗生产安全事故的应急管理和应急响应程序，制定本预案。",
				"1.6预案体系", "伊金霍洛旗生产安全事故应急预案体系包括本预案。", "1.2编制依据",
				"依据《中华人民共和国突发事件应对法》等法律、法规制定。", "2组织指挥体系", "2.1组织机构"),
			want: []string{"1 标题", "3 标题层次 L1", "4 标题层次 L2", "5 正文", "6 正文", "7 正文", "8 标题层次 L2", "9 正文",
				"10 标题层次 L1", "11 标题层次 L2"},
			texts: map[int]string{3: "1\u3000总则", 10: "2\u3000组织指挥体系"},
		},
		{
			// 涿鹿县煤矿事故灾难应急预案: the outline writes "1 总则", the
			// text "1.总则" and "1.1编制目的", then "1.2 编制依据"
			name: "an outline with spaces, sections without",
			text: lines("涿鹿县煤矿事故灾难应急预案", "", "1 总则", "1.1 编制目的", "1.2 编制依据", "2 应急指挥体系与职责",
				"2.1 应急领导机构与职责", "1.总则", "1.1编制目的", "建立健全全县煤矿安全生产事故灾难救援体系。", "1.2 编制依据",
				"《中华人民共和国安全生产法》等法律、法规和有关规定。"),
			want: []string{"1 标题", "3 目录", "8 标题层次 L1", "9 标题层次 L2", "10 正文", "11 标题层次 L2", "12 正文"},
		},
		{
			// 福建省2025年上半年固定资产投资 (corpus shuju/), its 附注: "1.指标解释",
			// "2.统计范围" with no 1.1 — GB/T 9704's level-3 heads
			name: "1. heads with no 1.1 under them are no decimal sections",
			text: lines("全省固定资产投资情况", "", "上半年，全省固定资产投资（不含农户）同比增长3.1%。", "1.指标解释",
				"固定资产投资(不含农户):是以货币形式表现的建造和购置固定资产活动的工作量。", "2.统计范围",
				"计划总投资500万元以上的固定资产项目投资。", "3.调查方法", "固定资产投资统计报表按月进行全面调查。"),
			want:  []string{"1 标题", "3 正文", "4 标题层次 L3", "5 正文", "6 标题层次 L3", "7 正文", "8 标题层次 L3", "9 正文"},
			texts: map[int]string{4: "1.指标解释"},
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
