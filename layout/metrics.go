package layout

import (
	"sync"

	"gazette/fonts"
)

// FontMetrics measures with the faces of a fonts.Set — the same faces the
// renderer embeds. A character a role's face lacks is measured in the face
// that prints it instead (fonts.Set.FaceFor: [fonts] fallback, then the
// installed fonts), so layout and the PDF agree on every advance.
type FontMetrics struct {
	set   *fonts.Set
	faces [fonts.NumRoles]*fonts.Face
}

// NewFontMetrics loads every role's face of set.
// The faces are read side by side (fonts.Set.Face reads each once, safely
// from any goroutine); the error is the first role's, as one after the
// other.
func NewFontMetrics(set *fonts.Set) (*FontMetrics, error) {
	m := &FontMetrics{set: set}
	var errs [fonts.NumRoles]error
	var wg sync.WaitGroup
	for r := fonts.Role(0); r < fonts.NumRoles; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.faces[r], errs[r] = set.Face(r)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Advance returns r's advance in em in the face of role.
func (m *FontMetrics) Advance(role fonts.Role, r rune) (float64, bool) {
	if role < 0 || role >= fonts.NumRoles {
		return 0, false
	}
	if a, ok := m.faces[role].Advance(r); ok { // the role's own face has r: what face returns
		return a, true
	}
	return m.face(role, r).Advance(r)
}

// face is the face that prints r in role's text: the role's own, or its
// fallback for r (the role's face again when none has r).
func (m *FontMetrics) face(role fonts.Role, r rune) *fonts.Face {
	f := m.faces[role]
	if f.Covers(r) || m.set == nil {
		return f
	}
	if fb, ok := m.set.FaceFor(role, r); ok {
		return fb
	}
	return f
}

// OwnCovers reports whether role's own face has r — not a fallback face
// (fonts.Set.FaceFor). Choosing the role of a character (LineBreaker.faceFor:
// digits in the Latin face) asks this: a mark the Latin face lacks, such as
// ○, stays in the CJK role's face rather than coming from a fallback.
func (m *FontMetrics) OwnCovers(role fonts.Role, r rune) bool {
	return role >= 0 && role < fonts.NumRoles && m.faces[role].Covers(r)
}

// ownCovers is OwnCovers for any Metrics: those that do not tell have
// only own faces, so a measurable character is covered.
func ownCovers(m Metrics, role fonts.Role, r rune) bool {
	if oc, ok := m.(interface{ OwnCovers(fonts.Role, rune) bool }); ok {
		return oc.OwnCovers(role, r)
	}
	_, ok := m.Advance(role, r)
	return ok
}

// FaceName is the PostScript name of role's own face.
func (m *FontMetrics) FaceName(role fonts.Role) string {
	if role < 0 || role >= fonts.NumRoles {
		return ""
	}
	return m.faces[role].Name()
}

// InkTop is how far r's glyph in the face of role rises above the baseline,
// in em.
func (m *FontMetrics) InkTop(role fonts.Role, r rune) (float64, bool) {
	if role < 0 || role >= fonts.NumRoles {
		return 0, false
	}
	return m.face(role, r).InkTop(r)
}

// inkMetrics is the Metrics that can also tell where a glyph's ink tops out.
type inkMetrics interface {
	InkTop(role fonts.Role, r rune) (float64, bool)
}

// inkTop is r's ink top in em from m, or fallback when m cannot tell.
func inkTop(m Metrics, role fonts.Role, r rune, fallback float64) float64 {
	if im, ok := m.(inkMetrics); ok {
		if top, ok := im.InkTop(role, r); ok {
			return top
		}
	}
	return fallback
}
