package build

import (
	"fmt"
	"strings"

	"gazette/fonts"
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
