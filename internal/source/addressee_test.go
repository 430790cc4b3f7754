package source

import "testing"

// TestAddresseeLike separates the 主送机关 (GB/T 9704-2012 7.3.2), a list
// of bodies, from the opening sentence of a text that also ends in a colon.
// The lines are from the real documents in testdata.
func TestAddresseeLike(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		// 主送机关 of the corpus: bodies, ending in a noun
		{"县经济开发区管委会,各乡镇人民政府、街道办事处,县直有关部门:", true},
		{"呼伦贝尔市人民政府：", true},
		{"安全监管总局:", true},
		{"市政府各部门,市直各单位:", true},
		{"各市州、县市区人民政府，省政府各厅委、各直属机构：", true},
		{"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", true},
		// opening sentences: a body acting
		{"湖南省第十四届人民代表大会常务委员会第三次会议决定：", false},
		{"现将有关事项通知如下：", false},
		{"经研究，决定如下：", false},
		{"为表彰先进，特作如下决定：", false},
		{"你市《关于〈根河市城市总体规划（2014-2030）〉部分地块修改成果批准实施的请示》收悉。经研究，现批复如下：", false},
		{"经研究，现批复：", false},
		{"会议议定：", false},
		// neither
		{"附件：冠县安全生产事故应急救援预案", false},
		{"一、总体要求：", false},
	}
	for _, tt := range tests {
		if got := addresseeLike(tt.line); got != tt.want {
			t.Errorf("addresseeLike(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
