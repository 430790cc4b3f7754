package zhwords

import (
	"strings"
	"testing"
)

// words returns text segmented, the words separated by "/".
func words(text string) string {
	rs := []rune(text)
	var parts []string
	i := 0
	for _, n := range Segment(rs) {
		parts = append(parts, string(rs[i:i+n]))
		i += n
	}
	return strings.Join(parts, "/")
}

func TestContains(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"代表性", true}, {"基础设施", true}, {"委员会", true}, {"预算", true}, {"深化", true},
		{"人民代表大会常务委员会", false}, // longer than MaxLen
		{"设施建", false}, {"a", false}, {"预", false}, {"5G", false},
	} {
		if got := Contains([]rune(tt.word)); got != tt.want {
			t.Errorf("Contains(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestSegmentKeepsTitleWords: the words a title must not be broken inside
// come out whole (the examples of issue 9; they are in no list in the code).
func TestSegmentKeepsTitleWords(t *testing.T) {
	for _, tt := range []struct{ text, word string }{
		{"浮梁县人民政府关于公布第六批县级非物质文化遗产代表性项目名录的通知", "代表性"},
		{"浮梁县人民政府关于公布第六批县级非物质文化遗产代表性项目名录的通知", "物质"},
		{"关于加快推进5G网络和算力基础设施建设的实施意见", "基础设施"},
		{"湖南省人民代表大会常务委员会关于修改地方性法规的决定", "委员会"},
		{"关于深化预算管理制度改革的实施意见", "预算"},
	} {
		got := "/" + words(tt.text) + "/"
		if !strings.Contains(got, "/"+tt.word+"/") && !strings.Contains(got, tt.word) {
			t.Errorf("%s: %q is split", got, tt.word)
		}
		if !wordWhole(tt.text, tt.word) {
			t.Errorf("%s: %q is split", got, tt.word)
		}
	}
}

// wordWhole reports whether no word boundary of text falls inside word.
func wordWhole(text, word string) bool {
	rs, w := []rune(text), []rune(word)
	at := strings.Index(text, word)
	start := len([]rune(text[:at]))
	bound := map[int]bool{}
	i := 0
	for _, n := range Segment(rs) {
		i += n
		bound[i] = true
	}
	for k := start + 1; k < start+len(w); k++ {
		if bound[k] {
			return false
		}
	}
	return true
}

func TestSegmentCoversText(t *testing.T) {
	for _, s := range []string{"", "a", "关于", "５Ｇ网络与ABC", "《关于印发〈方案〉的通知》"} {
		total := 0
		for _, n := range Segment([]rune(s)) {
			if n < 1 {
				t.Fatalf("%q: empty word", s)
			}
			total += n
		}
		if total != len([]rune(s)) {
			t.Errorf("%q: words cover %d of %d characters", s, total, len([]rune(s)))
		}
	}
}

// BenchmarkSegmentTitles segments a dozen real titles (the first use of
// the package included: nothing is loaded or parsed).
func BenchmarkSegmentTitles(b *testing.B) {
	titles := []string{
		"昌江区人民政府办公室关于印发《昌江区提升农业产业化发展水平三年行动方案（2023-2025年）》的通知",
		"昌江区人民政府办公室印发《关于在全区政府系统大兴调查研究的工作方案》的通知",
		"浮梁县人民政府关于公布第六批县级非物质文化遗产代表性项目名录的通知",
		"关于加快推进5G网络和算力基础设施建设的实施意见",
		"湖南省人民代表大会常务委员会关于修改部分地方性法规的决定",
		"关于深化预算管理制度改革的实施意见",
		"区政府第31次常务会议纪要",
		"关于做好2023年度政府信息公开工作的通知",
	}
	for b.Loop() {
		for _, t := range titles {
			Segment([]rune(t))
		}
	}
}

func TestIsFunctionWord(t *testing.T) {
	for r, want := range map[rune]bool{'的': true, '和': true, '于': true, '将': true, '政': false, '府': false, 'a': false, '，': false} {
		if got := IsFunctionWord(r); got != want {
			t.Errorf("IsFunctionWord(%q) = %v, want %v", r, got, want)
		}
	}
}
