package fonts

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

const (
	notoSerifPath = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc" // fonts-noto-cjk
	notoPkg       = "fonts-noto-cjk"
)

// names is a face's names as classify reads them.
func names(ss ...string) []nameRec {
	var out []nameRec
	for _, s := range ss {
		out = append(out, nameRec{id: nameFamily, english: true, windows: true, text: s})
	}
	return out
}

func TestClassify(t *testing.T) {
	tests := []struct {
		names []string
		lang  scriptClass
		style faceStyle
	}{
		{[]string{"Noto Serif CJK SC"}, scriptSC, styleSong},
		{[]string{"Noto Serif CJK JP"}, scriptJK, styleSong},
		{[]string{"Noto Sans CJK KR"}, scriptJK, styleHei},
		{[]string{"Noto Serif CJK TC"}, scriptTC, styleSong},
		{[]string{"SimSun", "宋体"}, scriptSC, styleSong},
		{[]string{"FangSong", "仿宋"}, scriptSC, styleFang},
		{[]string{"KaiTi", "楷体"}, scriptSC, styleKai},
		{[]string{"Microsoft YaHei"}, scriptSC, styleHei},
		{[]string{"AR PL UMing CN"}, scriptSC, styleSong},
		{[]string{"AR PL UMing HK"}, scriptTC, styleSong},
		{[]string{"MS Mincho"}, scriptJK, styleSong},
		{[]string{"WenQuanYi Micro Hei"}, scriptOther, styleHei},
		{[]string{"Songti SC"}, scriptSC, styleSong},
	}
	for _, tt := range tests {
		lang, style := classify(names(tt.names...))
		if lang != tt.lang || style != tt.style {
			t.Errorf("classify(%q) = %d, %d; want %d, %d", tt.names, lang, style, tt.lang, tt.style)
		}
	}
}

// TestRankCandidates: Simplified Chinese before faces of no stated language
// before Traditional, Japanese and Korean never; then the role's style and
// weight; ties by file and index.
func TestRankCandidates(t *testing.T) {
	cs := []*candidate{
		{path: "a/jp.otf", lang: scriptJK, style: styleFang, weight: 400},
		{path: "b/tc-song.otf", lang: scriptTC, style: styleSong, weight: 400},
		{path: "c/other-hei.ttf", lang: scriptOther, style: styleHei, weight: 400},
		{path: "d/sc-hei.otf", lang: scriptSC, style: styleHei, weight: 400},
		{path: "e/sc-song-bold.otf", lang: scriptSC, style: styleSong, weight: 700},
		{path: "f/sc-song.otf", lang: scriptSC, style: styleSong, weight: 400},
		{path: "g/sc-kai.otf", lang: scriptSC, style: styleKai, weight: 400},
	}
	paths := func(role Role) []string {
		var out []string
		for _, c := range rankCandidates(cs, role) {
			out = append(out, c.path)
		}
		return out
	}
	tests := []struct {
		role Role
		want []string
	}{
		{Fang, []string{"f/sc-song.otf", "e/sc-song-bold.otf", "g/sc-kai.otf", "d/sc-hei.otf", "c/other-hei.ttf", "b/tc-song.otf"}},
		{Title, []string{"e/sc-song-bold.otf", "f/sc-song.otf", "g/sc-kai.otf", "d/sc-hei.otf", "c/other-hei.ttf", "b/tc-song.otf"}},
		{Hei, []string{"d/sc-hei.otf", "f/sc-song.otf", "e/sc-song-bold.otf", "g/sc-kai.otf", "c/other-hei.ttf", "b/tc-song.otf"}},
		{Kai, []string{"g/sc-kai.otf", "f/sc-song.otf", "e/sc-song-bold.otf", "d/sc-hei.otf", "c/other-hei.ttf", "b/tc-song.otf"}},
	}
	for _, tt := range tests {
		if got := paths(tt.role); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q\nwant %q", tt.role, got, tt.want)
		}
	}
}

// TestFallbackOrder: the role's own face first, then [fonts] fallback, then
// the installed fonts — which are not looked through at all while the
// configured faces have every character.
func TestFallbackOrder(t *testing.T) {
	noto := needFile(t, notoSerifPath, notoPkg)
	dir := t.TempDir()
	if err := os.Symlink(noto, filepath.Join(dir, "NotoSerifCJK-Regular.ttc")); err != nil {
		t.Fatal(err)
	}
	withFontDirs(t, dir)

	s, err := Load(Config{}, Source{Path: needFile(t, umingPath, umingPkg)})
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := s.FaceFor(Fang, '国'); !ok || f.Name() != "FandolFang-Regular" {
		t.Errorf("国 from %v, want the role's own FandolFang", f)
	}
	if s.fallback.resolved != nil || s.fallback.scanned {
		t.Error("a covered character went past the role's face")
	}
	// AR PL UMing (its CN face, chosen without index) has far more than
	// GB 2312: ask for a character FandolFang lacks and it has.
	var inUMing rune
	gb := s.fallback.config[0]
	gb.once.Do(func() { gb.face, gb.err = loadFace(Fallback, s.fallback.srcs[0]) })
	own := face(t, Fang)
	for r := rune(0x4E00); r < 0x9FA6; r++ {
		if !own.Covers(r) && gb.face.Covers(r) {
			inUMing = r
			break
		}
	}
	if inUMing == 0 {
		t.Fatal("no character in UMing that FandolFang lacks")
	}
	if f, ok := s.FaceFor(Fang, inUMing); !ok || f != gb.face {
		t.Errorf("%c from %v, want the configured fallback", inUMing, f)
	}
	if s.fallback.scanned {
		t.Error("installed fonts scanned though [fonts] fallback had the character")
	}
	// 𠮷 (U+20BB7): neither Fandol nor UMing; Noto Serif CJK SC, found installed.
	f, ok := s.FaceFor(Fang, 0x20BB7)
	if !ok || f.Name() != "NotoSerifCJKsc-Regular" || f.Index() != 2 {
		t.Fatalf("𠮷 from %v, want the installed Noto Serif CJK SC (face 2)", f)
	}
	uses := s.FallbackUses()
	if len(uses) != 2 || uses[0].Installed || !uses[1].Installed || !slices.Equal(uses[1].Runes, []rune{0x20BB7}) ||
		!slices.Equal(uses[1].Roles, []Role{Fang}) {
		t.Errorf("FallbackUses = %+v", uses)
	}
	if _, ok := s.FaceFor(Fang, 0xE000); ok && s.fallback.resolved[roleRune{Fang, 0xE000}].path == noto {
		t.Error("a private-use character came from an installed font")
	}
}

// TestNoInstalledFonts: with no font folder, a character no face has is
// missing, and Lookup does not note it.
func TestNoInstalledFonts(t *testing.T) {
	withFontDirs(t)
	s, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Lookup(Fang, 0x20BB7); ok {
		t.Error("𠮷 found with no font installed")
	}
	if _, ok := s.FaceFor(Fang, 0x20BB7); ok {
		t.Error("𠮷 found with no font installed")
	}
	if len(s.FallbackUses()) != 0 {
		t.Errorf("FallbackUses = %v", s.FallbackUses())
	}
}

// TestCollectionWithoutIndexServesSC: a .ttc named without index serves
// with its Simplified Chinese face (Noto CJK's face 0 is Japanese).
func TestCollectionWithoutIndexServesSC(t *testing.T) {
	noto := needFile(t, notoSerifPath, notoPkg)
	tests := []struct {
		src  Source
		want int
		auto bool
	}{
		{Source{Path: noto}, 2, true},
		{Source{Path: noto, Index: 0, IndexSet: true}, 0, false},
		{Source{Path: noto, Index: 3}, 3, false},
	}
	for _, tt := range tests {
		f, err := userFace(t, tt.src)
		if err != nil {
			t.Fatal(err)
		}
		if f.Index() != tt.want || f.AutoPicked() != tt.auto {
			t.Errorf("%+v: face %d (auto %v), want %d (%v)", tt.src, f.Index(), f.AutoPicked(), tt.want, tt.auto)
		}
	}
}

// TestAstralCoverage: a face's format 12 cmap reaches beyond the BMP, and
// the subset keeps such a character.
func TestAstralCoverage(t *testing.T) {
	f, err := userFace(t, Source{Path: needFile(t, notoSerifPath, notoPkg)})
	if err != nil {
		t.Fatal(err)
	}
	if a, ok := f.Advance(0x20BB7); !ok || a != 1 {
		t.Fatalf("Advance(𠮷) = %v, %v; want 1 em", a, ok)
	}
	p, err := f.EmbedSubset([]rune{'王', 0x20BB7})
	if err != nil {
		t.Fatal(err)
	}
	g, ok := p.Glyph(0x20BB7)
	if !ok || p.Unicode[g] != 0x20BB7 || p.Widths[g] != 1000 {
		t.Errorf("𠮷: glyph %d (%v), Unicode %U, width %d", g, ok, p.Unicode[g], p.Widths[g])
	}
}
