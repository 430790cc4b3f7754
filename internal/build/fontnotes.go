package build

import (
	"errors"
	"fmt"
	"strings"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/manifest"
)

// FontNotes describes, for the office, the choices the fonts package made
// on its own: a collection named without index served by its Simplified
// Chinese face, and every face that printed characters a role's own face
// lacks ([fonts] fallback, or an installed font found automatically — the
// line to pin it on another machine is given).
func FontNotes(set *fonts.Set) []string {
	var out []string
	for r := fonts.Role(0); r < fonts.NumRoles; r++ {
		f, err := set.Face(r)
		if err == nil && f.AutoPicked() {
			out = append(out, fmt.Sprintf("%s：字体集 %s 未写 index，选用其中的简体中文字体 %s（index = %d）",
				r.Label(), f.File(), f.Name(), f.Index()))
		}
	}
	for _, u := range set.FallbackUses() {
		roles := make([]string, len(u.Roles))
		for i, r := range u.Roles {
			roles[i] = r.Label()
		}
		where := "[fonts] fallback"
		if u.Installed {
			where = "本机安装的字体"
		}
		note := fmt.Sprintf("%s缺的 %d 个字由%s %s印出：%s", strings.Join(roles, "、"), len(u.Runes), where,
			faceLabel(u.Face), shortRunes(u.Runes, 20))
		if u.Installed {
			note += fmt.Sprintf("。换一台电脑排版时，可在 issue.toml 的 [fonts] 中写 fallback = [{ path = %q, index = %d }]，以免选到别的字体",
				u.Face.File(), u.Face.Index())
		} else if u.Face.AutoPicked() {
			note += fmt.Sprintf("（字体集未写 index，选用其中的简体中文字体，index = %d）", u.Face.Index())
		}
		out = append(out, note)
	}
	return out
}

// faceLabel is "Noto Serif CJK SC（/usr/share/…/NotoSerifCJK-Regular.ttc，index = 2）".
func faceLabel(f *fonts.Face) string {
	name := f.Family()
	if name == "" {
		name = f.Name()
	}
	if f.Index() > 0 {
		return fmt.Sprintf("%s（%s，index = %d）", name, f.File(), f.Index())
	}
	return fmt.Sprintf("%s（%s）", name, f.File())
}

// shortRunes shows up to max characters, then how many in all.
func shortRunes(rs []rune, max int) string {
	if len(rs) <= max {
		return "“" + string(rs) + "”"
	}
	return fmt.Sprintf("“%s”等", string(rs[:max]))
}

// fontProblem turns the fonts package's typed errors about a face into a
// message at the issue.toml line that chose the face (its role's entry, or
// [fonts] fallback), or at the top of issue.toml for a built-in face.
func fontProblem(m *manifest.Manifest, err error) error {
	var blank *fonts.BlankGlyphError
	var missing *fonts.MissingError
	switch {
	case errors.As(err, &blank):
		return &diag.Problem{File: m.Path, Line: fontLine(m, blank.Role, blank.File), Msg: blank.Error(),
			Hint: "请换用完好的字体文件（重新安装或从原处再复制一份）；在 issue.toml 的 [fonts] 中删去这个字体即改用内置字体。"}
	case errors.As(err, &missing):
		return &diag.Problem{File: m.Path, Line: fontLine(m, missing.Role, missing.File), Msg: missing.Error(),
			Hint: "请在 issue.toml 的 [fonts] 中写 fallback = [\"含有这些字的字体文件\"]，或安装含有这些字的字体。"}
	}
	return atFontLines(m, err)
}

// fontLine is the line of issue.toml that names the face of file serving
// role: the role's entry, or [fonts] fallback.
func fontLine(m *manifest.Manifest, role fonts.Role, file string) int {
	for _, src := range m.Fallback {
		if src.Path == file {
			return m.FallbackLine
		}
	}
	if src, ok := m.Fonts[role]; ok && src.Path == file {
		return m.FontLines[role]
	}
	return 0
}
