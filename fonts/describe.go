package fonts

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// GB2312Hanzi is the number of hanzi in GB 2312 (6,763: level 1 and level 2).
const GB2312Hanzi = 6763

// FaceInfo describes the face serving one role, for `gazette fonts`.
type FaceInfo struct {
	Role    Role
	File    string // Face.File: the path, or "内置 FandolFang-Regular.ttf"
	Index   int    // face index within a TTC/OTC file; 0 otherwise
	Name    string // PostScript name
	Family  string // family name (name ID 1)
	Glyphs  int    // glyphs in the face
	GB2312  int    // how many of the GB2312Hanzi hanzi it covers
	Missing []rune // the runes given to Describe that the face cannot print, in their order
	Err     error  // the face failed to load (a *FontError for user files); the fields above but Role are then zero
}

// Describe loads every role's face and reports, per role in Role order, its
// file, names, glyph count, GB 2312 coverage and which of runes it lacks.
// Missing is not filtered by role: for Latin it lists every hanzi of runes.
func (s *Set) Describe(runes []rune) []FaceInfo {
	out := make([]FaceInfo, NumRoles)
	for r := Role(0); r < NumRoles; r++ {
		out[r] = s.describe(r, runes)
	}
	return out
}

// describe reports on one role.
func (s *Set) describe(r Role, runes []rune) FaceInfo {
	f, err := s.Face(r)
	if err != nil {
		return FaceInfo{Role: r, Err: err}
	}
	info := FaceInfo{Role: r, File: f.File(), Index: f.Index(), Name: f.Name(), Family: f.Family(),
		Glyphs: f.NumGlyphs()}
	for _, h := range gb2312Hanzi() {
		if f.Covers(h) {
			info.GB2312++
		}
	}
	for _, c := range runes {
		if !f.Covers(c) {
			info.Missing = append(info.Missing, c)
		}
	}
	return info
}

var (
	gbOnce  sync.Once
	gbHanzi []rune
)

// gb2312Hanzi lists the GB 2312 hanzi: rows 0xB0–0xF7, cells 0xA1–0xFE,
// decoded as GBK, keeping unicode.Han (the empty cells decode to other runes).
func gb2312Hanzi() []rune {
	gbOnce.Do(func() {
		dec := simplifiedchinese.GBK.NewDecoder()
		src := make([]byte, 0, 2*94*72)
		for lead := 0xB0; lead <= 0xF7; lead++ {
			for trail := 0xA1; trail <= 0xFE; trail++ {
				src = append(src, byte(lead), byte(trail))
			}
		}
		text, err := dec.Bytes(src)
		if err != nil {
			return
		}
		for len(text) > 0 {
			r, n := utf8.DecodeRune(text)
			text = text[n:]
			if unicode.Is(unicode.Han, r) {
				gbHanzi = append(gbHanzi, r)
			}
		}
	})
	return gbHanzi
}
