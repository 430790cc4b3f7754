package corpustest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"gazette/internal/build"
	"gazette/internal/testtool"
)

// zhouquPlan is the opening of 舟曲县生产安全事故应急预案 (舟曲县人民政府
// 办公室, 2019-05-09), its sections numbered "1.总则", "1.1编制目的" with
// no space after any number.
const zhouquPlan = `舟曲县生产安全事故应急预案

1.总则
1.1编制目的
建立统一领导、分工明确、预警预防、分级响应、反应快速、科学高效的应急救援体系，不断提高对生产安全事故应急处置能力，及时、有序、高效地开展生产安全事故救援工作。
1.2编制依据
《中华人民共和国安全生产法》《中华人民共和国突发事件应对法》《生产安全事故报告和调查处理条例》等。
2.组织体系
2.1应急指挥机构
县政府成立县生产安全事故应急救援指挥部，统一领导全县生产安全事故应急救援工作。
`

// TestDecimalSectionsWithoutSpaceReadBack builds a plan whose decimal
// section heads have no space after their numbers and reads the glyphs
// back with the fonts of their hanzi: "1.总则" and "2.组织体系" are level-1 heads in
// 黑体, "1.1编制目的" a level-2 head in 楷体, the text under them in 仿宋
// (docs/document-kinds.md#decimal-sections).
func TestDecimalSectionsWithoutSpaceReadBack(t *testing.T) {
	testtool.Need(t, "gs")
	dir := t.TempDir()
	doc := filepath.Join(dir, "预案.txt")
	if err := os.WriteFile(doc, []byte(zhouquPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := manifestFor(t, dir, []string{"应急预案"}, map[string][]string{"应急预案": {doc}})
	_, pdf, err := build.Build(manifest, filepath.Join(dir, "issue.pdf"))
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	var lines map[float64][]gsChar
	for n := 1; n <= 8 && lines == nil; n++ {
		chars := gsPageChars(t, pdf, n)
		var all strings.Builder
		for _, c := range chars {
			all.WriteString(c.text)
		}
		if !strings.Contains(all.String(), "编制目的") || !strings.Contains(all.String(), "县政府成立") {
			continue
		}
		lines = map[float64][]gsChar{}
		for _, c := range chars {
			lines[c.y] = append(lines[c.y], c)
		}
	}
	if lines == nil {
		t.Fatal("the plan's sections are not read back on one page")
	}
	tests := []struct{ line, font string }{
		{"1.总则", "hei"},
		{"1.1编制目的", "kai"},
		{"1.2编制依据", "kai"},
		{"2.组织体系", "hei"},
		{"2.1应急指挥机构", "kai"},
		{"县政府成立县生产安全事故应急救援指挥部", "fang"},
	}
	for _, tt := range tests {
		found := false
		for _, chars := range lines {
			sort.Slice(chars, func(i, j int) bool { return chars[i].x < chars[j].x })
			var text strings.Builder
			for _, c := range chars {
				text.WriteString(strings.TrimSpace(c.text))
			}
			if !strings.HasPrefix(text.String(), tt.line) {
				continue
			}
			found = true
			for _, c := range chars {
				// the digits of a number are set in the Latin face
				if r, _ := utf8.DecodeRuneInString(c.text); unicode.Is(unicode.Han, r) && !strings.Contains(c.font, tt.font) {
					t.Errorf("%q of the line %q is set in %s, want %s", c.text, text.String(), c.font, tt.font)
					break
				}
			}
		}
		if !found {
			t.Errorf("no line reads %q", tt.line)
		}
	}
}
