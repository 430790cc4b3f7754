package render

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/testtool"
	"gazette/layout"
)

// readGuifan reads the 8,105 characters of the 通用规范汉字表 from testdata,
// checking each against its code point.
func readGuifan(t *testing.T) []rune {
	t.Helper()
	f, err := os.Open("testdata/tongyong-guifan-hanzi.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []rune
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cp, ch, ok := strings.Cut(line, "\t")
		n, err := strconv.ParseUint(strings.TrimPrefix(cp, "U+"), 16, 32)
		if !ok || err != nil || []rune(ch)[0] != rune(n) || len([]rune(ch)) != 1 {
			t.Fatalf("bad line %q", line)
		}
		out = append(out, rune(n))
	}
	if len(out) != 8105 {
		t.Fatalf("%d characters, want 8,105", len(out))
	}
	return out
}

// bookOf sets text in role, perLine characters a run, 40 runs a page.
func bookOf(role fonts.Role, text []rune, perLine int) *layout.Book {
	b := &layout.Book{Title: "通用规范汉字表", Width: a4W, Height: a4H}
	var p *layout.Page
	for i := 0; i < len(text); i += perLine {
		if (i/perLine)%40 == 0 {
			p = &layout.Page{}
			b.Pages = append(b.Pages, p)
		}
		row := (i / perLine) % 40
		p.Runs = append(p.Runs, layout.Run{X: 40, Y: 40 + 19*float64(row), Role: role, Size: 12,
			Text: string(text[i:min(i+perLine, len(text))])})
	}
	return b
}

var showHex = regexp.MustCompile(`<([0-9A-F]*)> Tj`)

// TestEveryGeneralStandardCharacterPrints sets every character of the
// 通用规范汉字表 (GB 18030-2022 requires its implementation level 1 to
// cover them) and the names 喆 堃 䶮 𠮷 in the body role, with the installed
// fonts to fall back on (CI installs fonts-noto-cjk), and reads them all back.
func TestEveryGeneralStandardCharacterPrints(t *testing.T) {
	if _, err := os.Stat(notoSerifCJK); err != nil {
		testtool.Need(t, "fonts-noto-cjk:"+notoSerifCJK)
	}
	text := append(readGuifan(t), []rune("喆堃䶮𠮷")...)
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := Render(bookOf(fonts.Fang, text, 40), set, options(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := pdftotext(t, data); got != string(text) {
		g := []rune(got)
		for i := range min(len(g), len(text)) {
			if g[i] != text[i] {
				t.Fatalf("pdftotext differs at character %d: %q, want %q (%d against %d characters)",
					i, g[i], text[i], len(g), len(text))
			}
		}
		t.Fatalf("pdftotext gives %d characters, want %d", len(g), len(text))
	}
	ctx := readBack(t, data)
	for i := 1; i <= ctx.PageCount; i++ { // no glyph 0 (.notdef) is ever shown
		d, _, _, err := ctx.PageDict(i, false)
		if err != nil {
			t.Fatal(err)
		}
		content, err := ctx.PageContent(d, i)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range showHex.FindAllStringSubmatch(string(content), -1) {
			for j := 0; j+4 <= len(m[1]); j += 4 {
				if m[1][j:j+4] == "0000" {
					t.Fatalf("page %d shows .notdef: %s", i, m[0])
				}
			}
		}
	}
	used := map[string]int{}
	for _, u := range set.FallbackUses() {
		used[u.Face.Name()] += len(u.Runes)
	}
	t.Logf("FandolFang and fallback faces: %v", used)
	for _, f := range embeddedFonts(t, ctx) {
		checkProgram(t, f.baseFont, f.program)
		checkToUnicode(t, f.baseFont, f.toUnicode)
	}
}
