package model

import "testing"

func TestListTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		// 石门县……指挥部通告 (testdata/corpus/gonggao/shimen-tonggao-1.txt)
		{"石门县新型冠状病毒感染的\n肺炎疫情防控指挥部\n通 告", "石门县新型冠状病毒感染的肺炎疫情防控指挥部通告"},
		{"通\u3000\u3000告", "通告"},
		{"关于印发\nGB/T 9704 实施指南的通知", "关于印发GB/T 9704 实施指南的通知"},
		{"2024 年度 Web 服务清单", "2024 年度 Web 服务清单"},
		{"某某规定", "某某规定"},
		{"𠮷 祥通知", "𠮷祥通知"},
	}
	for _, tt := range tests {
		if got := ListTitle(tt.in); got != tt.want {
			t.Errorf("ListTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
