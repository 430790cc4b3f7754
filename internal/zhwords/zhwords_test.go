package zhwords

import (
	"fmt"
	"os"
	"path/filepath"
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

// TestSegmentTitles: real titles of the corpus, the test issues and the
// sample segment by the most probable path (their files are named). The
// cases where two dictionary words beat a word and a character alone, or
// where a compound the dictionary rates rare is still the best reading.
func TestSegmentTitles(t *testing.T) {
	for _, tt := range []struct{ from, text, want string }{
		{"samples/changjiang-2023-04/05-第33次常务会议.txt", "区政府第33次常务会议召开",
			"区政府/第/3/3/次/常务会议/召开"}, // not 区政/府第, not 常务/会议
		{"testdata/issues/composition/04-常委会决定.txt", "湖南省人民代表大会常务委员会关于修改",
			"湖南省/人民代表大会/常务委员会/关于/修改"},
		{"testdata/issues/composition/01-非遗名录通知.txt", "公布第六批县级非物质文化遗产代表性项目名录的通知",
			"公布/第六/批/县级/非/物质/文化遗产/代表性/项目/名录/的/通知"}, // 非物质 is in no dictionary entry
		{"testdata/issues/composition/02-算力设施实施意见.txt", "关于加快推进5G网络和算力基础设施建设的实施意见",
			"关于/加快/推进/5/G/网络/和/算/力/基础设施/建设/的/实施/意见"},
		{"testdata/issues/kinds/05-国务院关于烟花爆竹安全监管部际联席会议制度的批复.txt", "国务院关于同意建立烟花爆竹安全监管部际联席会议制度的批复",
			"国务院/关于/同意/建立/烟花爆竹/安全监管/部际/联席会议/制度/的/批复"},
		{"testdata/issues/kinds/02-禄丰市人民政府常务会议议事规则.txt", "禄丰市人民政府常务会议议事规则",
			"禄丰/市/人民政府/常务会议/议事规则"},
		{"testdata/corpus/jueding/yixing-jianyiyongwei.txt", "市政府关于授予肖颖等同志见义勇为称号",
			"市政府/关于/授予/肖/颖/等/同志/见义勇为/称号"}, // not 等同/志
		{"testdata/corpus/tongzhi/shanghai-wenming-gongdi.txt", "各区(县)建委(建设局),各有关局",
			"各区/(/县/)/建委/(/建设/局/)/,/各/有关/局"}, // 局 alone counts at least the floor: not 建/设局
		{"testdata/corpus/gonggao/jiande-tonggao.txt", "建德市新型冠状病毒感染的肺炎疫情防控工作领导小组办公室通告",
			"建德/市/新型/冠状病毒/感染/的/肺炎/疫情/防控/工作/领导小组/办公室/通告"},
	} {
		if got := words(tt.text); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.from, got, tt.want)
		}
		if b, err := os.ReadFile(filepath.Join("..", "..", tt.from)); err != nil || !strings.Contains(string(b), tt.text) {
			t.Errorf("%s: the case is not from that file (%v)", tt.from, err)
		}
	}
}

// TestCoverage: words common in government texts are in the set, including
// the compounds of four characters and more that the dictionary gives only
// its lowest frequencies (常务会议 and 文化遗产 have 3), so the frequency
// floor of long words is below theirs. 非物质文化遗产 is not in the
// dictionary at all: it comes out as 非/物质/文化遗产 (TestSegmentTitles).
func TestCoverage(t *testing.T) {
	for _, w := range []string{"常务会议", "人民代表大会", "基础设施", "文化遗产", "常务委员会", "实施办法", "区政府"} {
		if !Contains([]rune(w)) {
			t.Errorf("%s is not in the set", w)
		}
	}
}

// TestSegmentCorpus: over every line of the corpus, the test issues and the
// sample, Segment's pieces are not empty, concatenate to the line, and
// every piece longer than one character is a word of the set.
func TestSegmentCorpus(t *testing.T) {
	var files []string
	for _, g := range []string{"testdata/corpus/*/*.txt", "testdata/issues/*/*.txt", "samples/*/*.txt"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", g))
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d files of real text", len(files))
	}
	lines := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if msg := checkSegment(line); msg != "" {
				t.Errorf("%s: %q: %s", f, line, msg)
			}
			lines++
		}
	}
	t.Logf("%d lines of %d files", lines, len(files))
}

// checkSegment returns what is wrong with the segmentation of s, or "".
func checkSegment(s string) string {
	rs := []rune(s)
	var b strings.Builder
	at := 0
	for _, n := range Segment(rs) {
		if n < 1 || at+n > len(rs) {
			return fmt.Sprintf("a piece of length %d at %d", n, at)
		}
		if n > 1 && !Contains(rs[at:at+n]) {
			return string(rs[at:at+n]) + " is no word"
		}
		b.WriteString(string(rs[at : at+n]))
		at += n
	}
	if b.String() != string(rs) {
		return "the pieces make " + b.String()
	}
	return ""
}

// FuzzSegment: on any text, the pieces concatenate to it.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{"", "区政府第33次常务会议召开", "\xff非物质文化遗产𠮷", "ａ５Ｇ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if msg := checkSegment(s); msg != "" {
			t.Errorf("%q: %s", s, msg)
		}
	})
}

// TestDamagedBlob: a blob cut short, or of another format, gives an empty
// set, and Segment still covers the text, one character a word.
func TestDamagedBlob(t *testing.T) {
	saved := wordSet
	defer func() { wordSet = saved }()
	for _, b := range [][]byte{nil, blob[:headerSize], blob[:len(blob)/2], append([]byte("ZHW1"), blob[4:]...)} {
		wordSet = split(b)
		if Contains([]rune("常务会议")) {
			t.Errorf("a damaged blob of %d bytes holds words", len(b))
		}
		if got := words("常务会议"); got != "常/务/会/议" {
			t.Errorf("a damaged blob of %d bytes: %s", len(b), got)
		}
	}
}

// TestSplitParsesNothing: reading the blob's header slices it in place,
// without allocating: the set costs nothing at start-up.
func TestSplitParsesNothing(t *testing.T) {
	if n := testing.AllocsPerRun(10, func() { _ = split(blob) }); n != 0 {
		t.Errorf("split allocates %v times", n)
	}
	if s := split(blob); len(s.keys[4]) == 0 || len(s.single) != lastHan-firstHan+1 {
		t.Errorf("the embedded blob reads as an empty set")
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
		"区政府第32次常务会议召开",
		"区政府第33次常务会议召开",
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
