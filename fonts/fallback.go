package fonts

import (
	"cmp"
	"slices"
	"sync"
	"unicode"
)

// Fallback is the pseudo-role of a face that prints the characters a role's
// own face lacks: one of the faces of [fonts] fallback, or an installed
// font found automatically. Messages name it 后备字体.
const Fallback Role = -1

// fallbackFaces are the faces a Set falls back on, in the order they are
// tried: the configured ones, then, on first need, the installed ones.
type fallbackFaces struct {
	mu       sync.Mutex
	config   []*lazyFace
	srcs     []Source
	scanned  bool
	system   []*candidate // installed faces that claim Chinese, in scan order
	resolved map[roleRune]*Face
	uses     map[*Face]*FallbackUse
}

// roleRune is a character in one role's text.
type roleRune struct {
	role Role
	r    rune
}

// FallbackUse says which face prints which characters in place of a role's
// own face, for `build` and `gazette fonts` to list.
type FallbackUse struct {
	Face  *Face
	Roles []Role // the roles whose text it serves, in Role order
	Runes []rune // the characters it prints, sorted
	// Installed is true for a face found among the installed fonts, false
	// for one of [fonts] fallback.
	Installed bool
}

// FaceFor returns the face that prints r in role's text
// (docs/fonts.md#per-character-fallback): the role's own
// face if it has r; else the first face of [fonts] fallback that has it;
// else an installed font, preferring a Simplified Chinese face (never a
// Japanese or Korean one) in the role's style (仿宋, 楷体, 黑体 or 宋体, see
// styleOrder) and weight. The installed fonts are looked through only when
// some character needs them, once per Set. The same role and rune give the
// same face on every call; false means no face has r. A face that fails to
// load is skipped here and reported by FallbackErrors.
func (s *Set) FaceFor(role Role, r rune) (*Face, bool) {
	if own, err := s.Face(role); err == nil && own.Covers(r) {
		return own, true
	}
	fb := &s.fallback
	fb.mu.Lock()
	defer fb.mu.Unlock()
	key := roleRune{role, r}
	if f, ok := fb.resolved[key]; ok {
		return f, f != nil
	}
	f, installed := s.findFallback(role, r)
	if fb.resolved == nil {
		fb.resolved = map[roleRune]*Face{}
	}
	fb.resolved[key] = f
	if f == nil {
		return nil, false
	}
	if fb.uses == nil {
		fb.uses = map[*Face]*FallbackUse{}
	}
	u := fb.uses[f]
	if u == nil {
		u = &FallbackUse{Face: f, Installed: installed}
		fb.uses[f] = u
	}
	if !slices.Contains(u.Roles, role) {
		u.Roles = append(u.Roles, role)
		slices.Sort(u.Roles)
	}
	if i, found := slices.BinarySearch(u.Runes, r); !found {
		u.Runes = slices.Insert(u.Runes, i, r)
	}
	return f, true
}

// Lookup is FaceFor without noting the use: it tells whether some face
// could print r in role's text (a check of text whose role is not known
// yet), and FallbackUses does not list it.
func (s *Set) Lookup(role Role, r rune) (*Face, bool) {
	if own, err := s.Face(role); err == nil && own.Covers(r) {
		return own, true
	}
	fb := &s.fallback
	fb.mu.Lock()
	defer fb.mu.Unlock()
	if f, ok := fb.resolved[roleRune{role, r}]; ok {
		return f, f != nil
	}
	f, _ := s.findFallback(role, r)
	return f, f != nil
}

// findFallback looks through the configured, then the installed faces.
// The caller holds fb.mu.
func (s *Set) findFallback(role Role, r rune) (f *Face, installed bool) {
	fb := &s.fallback
	for i, l := range fb.config {
		l.once.Do(func() { l.face, l.err = loadFace(Fallback, fb.srcs[i]) })
		if l.err == nil && l.face.Covers(r) {
			return l.face, false
		}
	}
	if unicode.In(r, unicode.Co) {
		// A private-use code means what one font says (an office's 造字); an
		// installed font's glyph there is another character altogether.
		return nil, false
	}
	if !fb.scanned {
		fb.scanned = true
		fb.system = scanInstalled()
	}
	for _, c := range rankCandidates(fb.system, role) {
		if face := c.load(); face != nil && face.Covers(r) {
			return face, true
		}
	}
	return nil, false
}

// FallbackUses lists the faces that printed characters in place of the
// roles' own faces so far (every FaceFor that went past the role's face),
// configured faces first, then by file and index.
func (s *Set) FallbackUses() []FallbackUse {
	fb := &s.fallback
	fb.mu.Lock()
	defer fb.mu.Unlock()
	out := make([]FallbackUse, 0, len(fb.uses))
	for _, u := range fb.uses {
		out = append(out, FallbackUse{Face: u.Face, Roles: slices.Clone(u.Roles),
			Runes: slices.Clone(u.Runes), Installed: u.Installed})
	}
	slices.SortFunc(out, func(a, b FallbackUse) int {
		if a.Installed != b.Installed {
			if a.Installed {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.Face.path, b.Face.path), cmp.Compare(a.Face.index, b.Face.index))
	})
	return out
}

// FallbackErrors returns the errors of the configured fallback faces that
// were needed and failed to load, in their order.
func (s *Set) FallbackErrors() []error {
	fb := &s.fallback
	fb.mu.Lock()
	defer fb.mu.Unlock()
	var out []error
	for _, l := range fb.config {
		if l.err != nil {
			out = append(out, l.err)
		}
	}
	return out
}
