package layout

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTitleBreaksBetweenWords: titles of the kind an unseen county issue
// holds break between words — never inside 非物质, 代表性, 基础设施,
// 常务委员会, 深化预算 (examples here only; the words come from the
// dictionary, not from a list in the code).
func TestTitleBreaksBetweenWords(t *testing.T) {
	tests := []struct {
		title string
		keep  []string
	}{
		{"浮梁县人民政府关于公布第六批县级非物质文化遗产代表性项目名录的通知", []string{"非物质", "代表性", "文化遗产"}},
		{"关于加快推进5G网络和算力基础设施建设的实施意见", []string{"基础设施", "5G"}},
		{"湖南省人民代表大会常务委员会关于修改《湖南省实施〈中华人民共和国农业技术推广法〉办法》等地方性法规的决定", []string{"常务委员会", "地方性"}},
		{"乐平市人民政府关于进一步深化预算管理制度改革加强财政资源统筹的实施意见", []string{"深化预算", "管理制度"}},
	}
	for _, tt := range tests {
		lines := titleLines(t, tt.title)
		if strings.Join(lines, "") != tt.title {
			t.Fatalf("title set as %q", lines)
		}
		if len(lines) < 2 {
			t.Fatalf("title %q on one line: the test wants a title that breaks", tt.title)
		}
		for i := 0; i+1 < len(lines); i++ {
			for _, w := range tt.keep {
				if splitAcross(lines[i], lines[i+1], w) {
					t.Errorf("%q | %q splits %q", lines[i], lines[i+1], w)
				}
			}
		}
	}
}

// splitAcross reports whether w starts at the end of a and ends at the
// start of b.
func splitAcross(a, b, w string) bool {
	rw := []rune(w)
	for k := 1; k < len(rw); k++ {
		if strings.HasSuffix(a, string(rw[:k])) && strings.HasPrefix(b, string(rw[k:])) {
			return true
		}
	}
	return false
}

// TestTitleShape: a title is set 梯形 or 菱形 (GB/T 9704-2012 7.3.1): no line
// is shorter than both its neighbours, even when that takes breaking inside
// a 《…》 name, and the last line is more than a stub.
func TestTitleShape(t *testing.T) {
	for _, title := range []string{
		"浮梁县人民政府办公室关于转发《江西省全面推进乡村振兴重点工作任务清单实施方案》的通知",
		"乐平市人民政府办公室关于印发乐平市2023年度城乡居民基本医疗保险和大病保险实施细则的通知",
		"关于转发《国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见》的通知",
		"浮梁县人民政府关于公布第六批县级非物质文化遗产代表性项目名录的通知",
	} {
		lines := titleLines(t, title)
		n := make([]int, len(lines))
		for i, l := range lines {
			n[i] = utf8.RuneCountInString(l)
		}
		for i := 1; i+1 < len(n); i++ {
			if n[i] < n[i-1] && n[i] < n[i+1] {
				t.Errorf("%q: an hourglass %v", lines, n)
			}
		}
		if len(n) > 1 && n[len(n)-1] < 3 {
			t.Errorf("%q: last line a stub %v", lines, n)
		}
	}
}
