// Package fonts gives gazette its typefaces: which face serves each Role
// (the built-in Fandol and TeX Gyre Termes faces, or the office's own TTF,
// OTF/CFF, TTC or OTC files), what each covers, the advance widths layout
// measures with, and the small per-document TrueType fonts the renderer embeds.
//
// Load(cfg) returns a Set at once; Set.Face(role) parses that role's face on
// first use (only the metrics, cmap and names: outlines wait for the first
// Face.Subset) and returns the same *Face ever after. Errors about the
// office's font files are *FontError values in Chinese, which build places
// at the issue.toml line that names the font; missing characters and blank
// glyphs are *MissingError and *BlankGlyphError.
//
// Layout measures with Face.Advance, Ascent, Descent and CapHeight, all in em.
// A character a role's face lacks is measured and printed in the face
// Set.FaceFor gives: [fonts] fallback, then an installed font. The renderer
// embeds Face.EmbedSubset(runes): a glyf-based TrueType font with 1000 units
// per em and integer advances, with its subset name and ToUnicode data;
// Advance(r) is exactly the /W width written for r. Faces, Sets and their
// methods are safe for concurrent use.
//
// The bundled faces are TrueType conversions of the upstream CFF fonts in
// data/src, made once by `go generate ./fonts` with the conversion Subset
// applies to a user's OTF, so subsetting them only copies glyph data. The
// files, their licences and the log of changes are in data/NOTICE.md.
package fonts

import "fmt"

// Role is the job a face does in the gazette (GB/T 9704-2012 5.2.2, 7.3.3).
type Role int

// The roles. The built-in face for each is named in its comment.
const (
	Song     Role = iota // 宋体: folios, cover lines (FandolSong-Regular)
	Fang                 // 仿宋: body text (FandolFang-Regular)
	Hei                  // 黑体: 一、 heads, 附件 labels, section names (FandolHei-Regular)
	Kai                  // 楷体: （一） heads, 发文字号, mottos (FandolKai-Regular)
	Title                // 小标宋 stand-in: document titles (FandolSong-Bold)
	Latin                // Latin letters and digits (TeX Gyre Termes Regular)
	NumRoles             // number of roles; not a role
)

var roleKeys = [NumRoles]string{"song", "fang", "hei", "kai", "title", "latin"}
var roleNames = [NumRoles]string{"宋体", "仿宋", "黑体", "楷体", "标题字体", "西文字体"}

// Key is the role's name in issue.toml ([fonts] song = "…").
func (r Role) Key() string {
	if r == Fallback {
		return "fallback"
	}
	if r >= 0 && r < NumRoles {
		return roleKeys[r]
	}
	return fmt.Sprintf("role%d", int(r))
}

// String is the role's Chinese name, as messages print it.
func (r Role) String() string {
	if r == Fallback {
		return "后备字体"
	}
	if r >= 0 && r < NumRoles {
		return roleNames[r]
	}
	return fmt.Sprintf("role%d", int(r))
}

// ParseRole maps an issue.toml key back to its Role.
func ParseRole(key string) (Role, bool) {
	for i, k := range roleKeys {
		if k == key {
			return Role(i), true
		}
	}
	return 0, false
}

// Source names where a role's face comes from. The zero Source is the
// built-in face.
type Source struct {
	Path  string // a .ttf, .otf, .ttc or .otc file; "" for the built-in face, or an installed font found by Name
	Index int    // face index in a collection (TTC/OTC)
	// IndexSet says Index was given, even as 0. A collection named with
	// neither index nor name serves with its Simplified Chinese face, chosen
	// by its names (Face.AutoPicked), not blindly its first (in Noto CJK the
	// Japanese one).
	IndexSet bool
	Name     string // or the face's PostScript, family or full name (any language); wins over Index
}

// Config gives the Source of each role; a role left out uses its built-in face.
type Config map[Role]Source

var roleUses = [NumRoles]string{"页码、封面", "正文", "一级标题、栏目", "二级标题、发文字号", "文件标题", "字母和数字"}

// Label is the role's Chinese name with what it sets, as messages name a
// role to office staff: "仿宋（正文）".
func (r Role) Label() string {
	if r >= 0 && r < NumRoles {
		return roleNames[r] + "（" + roleUses[r] + "）"
	}
	return r.String()
}
