package source

import "testing"

func TestKindName(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"昌江区人民政府办公室关于印发《昌江区提升农业产业化发展水平三年行动方案》的通知", "通知"},
		{"国务院关于烟花爆竹安全监管部际联席会议制度的批复", "批复"},
		{"广州市农业技术推广奖励试行办法", "办法"},
		{"上海市文明工地管理规定（试行）", "规定"},
		{"某市人民政府关于\n加强安全生产的决定", "决定"},
		{"某某省人民政府令", "令"},
		{"区政府第31次常务会议召开", ""},
		{"", ""},
	} {
		if got := KindName(tc.title); got != tc.want {
			t.Errorf("KindName(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}
