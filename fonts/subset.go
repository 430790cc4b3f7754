package fonts

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"unicode"
)

// Subset returns a TrueType font (glyf outlines, 1000 units per em) holding
// .notdef and the glyphs of runes, and nothing else: the font program the
// renderer embeds (EmbedSubset gives it with what the PDF font dictionaries
// need). Its tables are head, hhea, maxp, OS/2, hmtx, cmap (format 4,
// platform 3 encoding 1, for the runes in the BMP), loca, glyf, name and
// post. CFF cubic curves become quadratic ones within 1/2000 em; TrueType
// outlines are copied (scaled to 1000 units per em if need be, composites
// flattened, hinting dropped) — simple glyphs of a face with 1000 units per
// em, such as the bundled faces', byte for byte but for their instructions.
// The advances are those Advance reports.
//
// The result depends only on the face and the set of runes (not their order
// or repeats): the same input gives the same bytes. A rune the face does not
// cover is an error naming the runes — check Covers first.
func (f *Face) Subset(runes []rune) ([]byte, error) {
	s, err := f.subset(runes, nil)
	if err != nil {
		return nil, err
	}
	return s.program, nil
}

// builtSubset is a finished subset font and the plan it was made from.
type builtSubset struct {
	program []byte
	plan    *subsetPlan
	box     glyphBox
	advs    []uint16
	narrow  map[Narrowed]uint16 // narrowed mark → its glyph
}

// subset builds the subset font of runes and, after their glyphs, one
// glyph per distinct narrowed mark.
func (f *Face) subset(runes []rune, narrow []Narrowed) (*builtSubset, error) {
	rs, err := f.checkRunes(runes)
	if err != nil {
		return nil, err
	}
	p := f.plan(rs)
	glyphs := f.convertGlyphs(p.src)
	if err := f.checkInk(p, glyphs); err != nil {
		return nil, err
	}
	s := newSubsetFont(f, p)
	for i, g := range glyphs {
		switch {
		case g.err != nil && i == 0:
			g = encodedGlyph{box: glyphBox{empty: true}} // a broken .notdef is drawn as nothing
		case g.err != nil:
			return nil, f.badGlyph(p.firstRune[i], g.err)
		}
		s.addGlyph(g)
	}
	ids, err := f.addNarrowed(s, narrow)
	if err != nil {
		return nil, fmt.Errorf("生成 %s 的子集字体: %w", f.psName, err)
	}
	out, err := s.finish()
	if err != nil {
		return nil, fmt.Errorf("生成 %s 的子集字体: %w", f.psName, err)
	}
	return &builtSubset{program: out, plan: p, box: s.fontBox(), advs: s.advs, narrow: ids}, nil
}

// addNarrowed appends the narrowed glyphs, in a fixed order (so the same
// input gives the same bytes), and returns their IDs. Each is its
// character's glyph again — same outline — with the shorter advance.
func (f *Face) addNarrowed(s *subsetFont, narrow []Narrowed) (map[Narrowed]uint16, error) {
	ns := slices.Clone(narrow)
	slices.SortFunc(ns, func(a, b Narrowed) int {
		if a.R != b.R {
			return int(a.R - b.R)
		}
		return a.Right - b.Right
	})
	ns = slices.Compact(ns)
	ids := make(map[Narrowed]uint16, len(ns))
	for _, n := range ns {
		i, found := slices.BinarySearch(s.p.runes, n.R)
		if !found {
			return nil, fmt.Errorf("收窄的字 %q 不在子集里", n.R)
		}
		g := s.p.gids[i]
		full := s.advs[g]
		if n.Right <= 0 || n.Right >= int(full) {
			return nil, fmt.Errorf("字 %q 收窄 %d/1000 em，超出其宽度 %d", n.R, n.Right, full)
		}
		if len(s.boxes) >= 0xFFFF {
			return nil, fmt.Errorf("子集字体超过 65535 个字形")
		}
		ids[n] = uint16(len(s.boxes))
		s.advs = append(s.advs, full-uint16(n.Right))
		s.p.firstRune = append(s.p.firstRune, n.R)
		s.addGlyph(encodedGlyph{data: s.glyf[g], box: s.boxes[g]}) // its points counted in maxp with g's
	}
	return ids, nil
}

// checkInk reports the visible characters whose glyph has no outline
// although the face maps them: a damaged font (a zeroed glyf, a loca whose
// offsets make the glyph empty) would print them as blanks
// (docs/fonts.md#damaged-fonts).
func (f *Face) checkInk(p *subsetPlan, glyphs []encodedGlyph) error {
	var blank []rune
	for i, g := range glyphs {
		if i > 0 && g.err == nil && (g.box.empty || g.ctrs == 0) && needsInk(p.firstRune[i]) {
			blank = append(blank, p.firstRune[i])
		}
	}
	if len(blank) == 0 {
		return nil
	}
	return &BlankGlyphError{Role: f.role, Face: f.psName, File: f.File(), Runes: blank}
}

// needsInk reports a character that is drawn: a letter, digit, mark,
// punctuation or symbol, not a space or a format control.
func needsInk(r rune) bool {
	return unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.In(r, unicode.Zs, unicode.Cf)
}

// checkRunes sorts and dedupes runes and rejects those the face lacks.
func (f *Face) checkRunes(runes []rune) ([]rune, error) {
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	var missing []rune
	for _, r := range rs {
		if !f.Covers(r) {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 {
		return nil, &MissingError{Role: f.role, Face: f.psName, File: f.File(), Runes: missing}
	}
	return rs, nil
}

// subsetPlan lists the subset's glyphs and its character map.
type subsetPlan struct {
	src       []uint16 // new glyph → source glyph; src[0] is .notdef
	firstRune []rune   // new glyph → a rune that uses it (for messages)
	runes     []rune   // sorted runes
	gids      []uint16 // runes[i] → new glyph
}

// plan numbers the glyphs in rune order; runes sharing a source glyph share
// the new one.
func (f *Face) plan(rs []rune) *subsetPlan {
	p := &subsetPlan{src: make([]uint16, 1, len(rs)+1), firstRune: make([]rune, 1, len(rs)+1),
		runes: rs, gids: make([]uint16, len(rs))}
	newID := make([]uint16, f.numGlyphs) // source glyph → new glyph; 0: not yet in the subset
	for i, r := range rs {
		g := f.glyph(r) // not 0: checkRunes let only covered runes through
		id := newID[g]
		if id == 0 {
			id = uint16(len(p.src))
			newID[g] = id
			p.src = append(p.src, g)
			p.firstRune = append(p.firstRune, r)
		}
		p.gids[i] = id
	}
	return p
}

// encodedGlyph is one glyph converted and encoded for glyf.
type encodedGlyph struct {
	data      []byte
	box       glyphBox
	pts, ctrs int
	err       error
}

// minGlyphsPerWorker keeps small subsets on one goroutine.
const minGlyphsPerWorker = 64

// convertGlyphs converts and encodes the glyphs src, spread over up to
// GOMAXPROCS goroutines (glyphs are independent, and each result lands in
// its own slot, so the output does not depend on scheduling). On a 2-vCPU VM
// this cut a cold 1,157-glyph subset of the CFF FandolFang from ≈45 ms to
// ≈35 ms; glyphs that are copied (copyGlyph) take microseconds either way.
func (f *Face) convertGlyphs(src []uint16) []encodedGlyph {
	out := make([]encodedGlyph, len(src))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(src)/minGlyphsPerWorker))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b glyphBuf
			var e encoder
			for i := w; i < len(src); i += workers {
				out[i] = f.encodeGlyph(src[i], &b, &e)
			}
		}()
	}
	wg.Wait()
	return out
}

// encodeGlyph converts and encodes one glyph, or copies it when it needs
// no conversion (see copyGlyph).
func (f *Face) encodeGlyph(g uint16, b *glyphBuf, e *encoder) encodedGlyph {
	if eg, ok := f.copyGlyph(g); ok {
		return eg
	}
	if err := f.loadGlyph(g, b); err != nil {
		return encodedGlyph{err: err}
	}
	return encodedGlyph{
		data: e.glyph(nil, b),
		box:  glyphBox{b.xMin, b.yMin, b.xMax, b.yMax, len(b.pEnd) == 0},
		pts:  len(b.p),
		ctrs: len(b.pEnd),
	}
}
