package build

import (
	"fmt"
	"strings"
	"unicode"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/manifest"
)

// manifestTextProblems checks the characters of issue.toml's printed text
// (names, committee members, address, section titles) as layout checks the
// documents': each must be printable by some role's face, [fonts] fallback
// or an installed font. Each character is reported once, at the first line
// and key that holds it. The installed fonts are looked through only for a
// character no role's face has.
func manifestTextProblems(m *manifest.Manifest, set *fonts.Set) (diag.List, []rune) {
	var own []*fonts.Face
	for r := fonts.Role(0); r < fonts.NumRoles; r++ {
		if f, err := set.Face(r); err == nil {
			own = append(own, f)
		}
	}
	covered := func(c rune) bool {
		for _, f := range own {
			if f.Covers(c) {
				return true
			}
		}
		_, ok := set.Lookup(fonts.Fang, c)
		return ok
	}
	var probs diag.List
	var missing []rune
	seen := map[rune]bool{}
	for _, t := range m.Texts {
		for _, c := range t.Text {
			if seen[c] || unicode.IsSpace(c) || c == '\n' {
				continue
			}
			seen[c] = true
			if !covered(c) {
				missing = append(missing, c)
				probs = append(probs, &diag.Problem{File: m.Path, Line: t.Line,
					Msg: fmt.Sprintf("%s（%s）中的“%c”（U+%04X）在所配置的字体、[fonts] fallback 和本机安装的字体中都没有",
						t.Label, t.Key, c, c),
					Hint: missingHint(c)})
			}
		}
	}
	return probs, missing
}

// missingHint tells what to do about a character no face has.
func missingHint(c rune) string {
	switch {
	case unicode.In(c, unicode.Co):
		return "这是私用区的造字：请在 issue.toml 的 [fonts] 中用 fallback = [\"含有此造字的字体文件\"] 指定本单位的造字字体。"
	case unicode.Is(unicode.Han, c) || (c >= 0x20000 && c <= 0x3FFFF): // planes 2 and 3 hold only ideographs
		return "请安装含有这个字的字体（如 Noto Serif CJK SC / 思源宋体，Windows 的 SimSun-ExtB），" +
			"或在 issue.toml 的 [fonts] 中写 fallback = [\"含有这个字的字体文件\"]；运行 gazette fonts issue.toml 可以看到各字体缺哪些字。"
	}
	return "请改用常用字符，或在 issue.toml 的 [fonts] 中写 fallback = [\"含有这个字符的字体文件\"]。"
}

// notReported drops layout's problems about a character of issue.toml that
// manifestTextProblems already reported at its key.
func notReported(ps []*diag.Problem, reported []rune, manifestPath string) []*diag.Problem {
	var out []*diag.Problem
	for _, p := range ps {
		dup := false
		for _, r := range reported {
			if p.File == manifestPath && strings.Contains(p.Msg, "“"+string(r)+"”") {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}
