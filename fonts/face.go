package fonts

import (
	"errors"
	"fmt"
	"os"
	"sync"
)

// Face is one parsed face, the one that serves a Role. It is safe for
// concurrent use. Every length it reports is in em (1.0 = the font size) and
// is exactly what the PDF uses: the subset fonts Subset writes have 1000 units
// per em and integer advances, and the metrics here are those integers / 1000.
type Face struct {
	origin
	psName    string
	names     map[uint16]string // English 'name' strings, by name ID
	upem      int
	numGlyphs int
	cff       bool            // CFF outlines; else TrueType glyf
	longLoca  bool            // head.indexToLocFormat == 1
	gids      []uint16        // BMP rune → glyph; 0 means not covered
	astral    map[rune]uint16 // rune beyond the BMP (CJK Ext. B and on) → glyph
	advs      []uint16        // glyph → advance in 1/1000 em

	ascent, descent, lineGap int // 1/1000 em; ascent and descent positive
	capHeight                int // 1/1000 em; 0 if OS/2 gives none
	fsType                   uint16
	head, hhea, os2, post    []byte // source tables the subset copies fields from

	outOnce sync.Once // loads outlines on first use
	out     *outlines
	outErr  error

	capOnce sync.Once // estimates CapHeight when OS/2 has none
	capEst  int
}

// Role is the role this face serves.
func (f *Face) Role() Role { return f.role }

// Name is the face's PostScript name, e.g. "FandolFang-Regular".
func (f *Face) Name() string { return f.psName }

// Family is the face's family name (name ID 1), e.g. "FandolFang R".
func (f *Face) Family() string { return f.names[nameFamily] }

// File is the font file as the user gave it, or "内置 FandolFang-Regular.ttf"
// for a bundled face.
func (f *Face) File() string { return f.label() }

// Index is the face's index within its file (0 unless the file is a TTC or
// OTC collection).
func (f *Face) Index() int { return f.index }

// NumGlyphs is the number of glyphs in the face (maxp).
func (f *Face) NumGlyphs() int { return f.numGlyphs }

// Advance returns r's advance width in em (1.0 = the font size), and false
// if the face cannot print r. It equals the /W width the renderer writes for
// r from Subset's font, to the last bit.
func (f *Face) Advance(r rune) (float64, bool) {
	g := f.glyph(r)
	if g == 0 {
		return 0, false
	}
	return float64(f.advs[g]) / 1000, true
}

// Covers reports whether the face can print r (see Advance).
func (f *Face) Covers(r rune) bool { return f.glyph(r) != 0 }

// glyph is r's glyph in the face, 0 if it has none.
func (f *Face) glyph(r rune) uint16 {
	if r >= 0 && r <= 0xFFFF {
		return f.gids[r]
	}
	return f.astral[r]
}

// InkTop is how far r's glyph rises above the baseline, in em (the top of
// its outline as the subset stores it), and false if the face cannot print r
// or its outline cannot be read. Layout uses it to place a glyph by its ink,
// such as the 一字线 of a folio (GB/T 9704-2012 7.5). The first call reads
// the outlines.
func (f *Face) InkTop(r rune) (float64, bool) {
	if !f.Covers(r) {
		return 0, false
	}
	var b glyphBuf
	if err := f.loadGlyph(f.glyph(r), &b); err != nil || len(b.pEnd) == 0 {
		return 0, false
	}
	return float64(b.yMax) / 1000, true
}

// Ascent is the height above the baseline, in em, positive: hhea ascender,
// or OS/2 sTypoAscender when hhea has none.
func (f *Face) Ascent() float64 { return float64(f.ascent) / 1000 }

// Descent is the depth below the baseline, in em, positive: hhea descender,
// or OS/2 sTypoDescender when hhea's is not below the baseline.
func (f *Face) Descent() float64 { return float64(f.descent) / 1000 }

// LineGap is the font's suggested extra line spacing (hhea lineGap), in em.
func (f *Face) LineGap() float64 { return float64(f.lineGap) / 1000 }

// CapHeight is the height of capital letters, in em: OS/2 sCapHeight, or the
// top of the face's "H", or 0.7 em when the face has no "H". The estimate
// reads the outlines, so the first call may take a few milliseconds.
func (f *Face) CapHeight() float64 { return float64(f.capUnits()) / 1000 }

// capUnits is CapHeight in 1/1000 em.
func (f *Face) capUnits() int {
	if f.capHeight > 0 {
		return f.capHeight
	}
	f.capOnce.Do(func() {
		f.capEst = 700
		var b glyphBuf
		if g := f.gids['H']; g != 0 && f.loadGlyph(g, &b) == nil && len(b.pEnd) > 0 {
			f.capEst = int(b.yMax)
		}
	})
	return f.capEst
}

// Set is the faces of every role for one run, loaded lazily: each face is
// parsed, once, the first time Face asks for it. It is safe for concurrent use.
type Set struct {
	cfg      Config
	faces    [NumRoles]lazyFace
	fallback fallbackFaces
}

// lazyFace is a face parsed on first use.
type lazyFace struct {
	once sync.Once
	face *Face
	err  error
}

// Load prepares the faces cfg names; roles cfg leaves out use the bundled
// faces. fallback are the faces of [fonts] fallback, tried in order for a
// character a role's face lacks (FaceFor). A Source with a Name and no Path
// is looked up among the installed fonts (the system's font folders).
// Otherwise it is cheap: it only checks that the user's files exist, and
// parses nothing. Its error joins (errors.Join) a *FontError per
// unreadable file.
func Load(cfg Config, fallback ...Source) (*Set, error) {
	s := &Set{cfg: Config{}}
	var probs []error
	for role, src := range cfg {
		if role < 0 || role >= NumRoles {
			return nil, fmt.Errorf("fonts: no role %d", int(role))
		}
		src, ok := locate(role, src, &probs)
		if ok {
			s.cfg[role] = src
		}
	}
	for _, src := range fallback {
		if src, ok := locate(Fallback, src, &probs); ok && src.Path != "" {
			s.fallback.srcs = append(s.fallback.srcs, src)
			s.fallback.config = append(s.fallback.config, &lazyFace{})
		}
	}
	if err := errors.Join(probs...); err != nil {
		return nil, err
	}
	return s, nil
}

// locate finds an installed font given by name only, and checks that a
// user's file exists; false if it does not.
func locate(role Role, src Source, probs *[]error) (Source, bool) {
	if src.Path == "" && src.Name != "" { // a font named, not its file: look among the installed ones
		path, ok := findInstalled(src.Name)
		if !ok {
			*probs = append(*probs, errNotInstalled(role, src.Name))
			return src, false
		}
		src.Path = path
	}
	if src.Path == "" {
		return src, true
	}
	if st, err := os.Stat(src.Path); err != nil {
		*probs = append(*probs, errMissing(role, src.Path, err))
		return src, false
	} else if st.IsDir() {
		*probs = append(*probs, errNotFont(role, src.Path, fmt.Errorf("%s is a directory", src.Path)))
		return src, false
	}
	return src, true
}

// Face returns the face serving role r, parsing it on the first call. For a
// user's file the error is a *FontError in Chinese (file missing, not a
// font, no such face in a collection — with the faces it has —, embedding
// forbidden). The same face and error come back on every call.
func (s *Set) Face(r Role) (*Face, error) {
	if r < 0 || r >= NumRoles {
		return nil, fmt.Errorf("fonts: no role %d", int(r))
	}
	l := &s.faces[r]
	l.once.Do(func() { l.face, l.err = loadFace(r, s.cfg[r]) })
	return l.face, l.err
}

// loadFace opens and parses the face for one role.
func loadFace(role Role, src Source) (f *Face, err error) {
	o := &origin{role: role, path: src.Path}
	if role >= 0 && role < NumRoles {
		o.bin = builtins[role]
	} else if src.Path == "" {
		return nil, fmt.Errorf("fonts: a fallback face needs a file")
	}
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, o.fail(fmt.Errorf("parser panic: %v", p))
		}
	}()
	file, err := o.open()
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if err := o.pick(file, src); err != nil {
		return nil, err
	}
	return readFace(o, file)
}

// AutoPicked reports that the face was chosen from a collection named
// without index or name: its Simplified Chinese face, by its names.
func (f *Face) AutoPicked() bool { return f.auto }
