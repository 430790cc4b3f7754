package fonts

import (
	"fmt"
	"hash/crc32"
)

// PDFFont is a subset font ready for a PDF: the TrueType program to embed
// (FontFile2) and what the Type 0 font, its CIDFontType2 descendant, the
// font descriptor and the ToUnicode CMap hold (ISO 32000-1 9.7, 9.8, 9.10.3).
// CIDs are the program's glyph IDs (CIDToGIDMap /Identity).
type PDFFont struct {
	// Program is the TrueType font program (Face.Subset).
	Program []byte
	// BaseFont is the subset tag and the face's PostScript name,
	// "QWERTY+FandolFang-Regular" (ISO 32000-1 9.6.4: a subset font's name
	// begins with six upper-case letters and a plus sign). The tag is made
	// from the program's bytes, so two different subsets of one face never
	// share a name — a RIP that caches fonts by name cannot mix them.
	BaseFont string
	// Widths is each glyph's advance in 1/1000 em, by glyph ID.
	Widths []int
	// Unicode is the character each glyph prints, by glyph ID (0 for
	// .notdef); runes sharing a glyph give the first of them.
	Unicode []rune
	// BBox is the union of the glyphs' boxes, in 1/1000 em.
	BBox [4]int
	// Ascent, Descent (negative), CapHeight and StemV, in 1/1000 em, and
	// ItalicAngle in degrees, for the font descriptor.
	Ascent, Descent, CapHeight, StemV int
	ItalicAngle                       float64

	glyphs map[rune]uint16
	narrow map[Narrowed]uint16
}

// Narrowed is a glyph drawn narrower than its advance where compression
// set the next glyph over its blank (a closing mark's own, or the blank of
// an opening mark drawn back onto it: docs/line-composition.md#compressed-marks-in-the-pdf):
// Right is what is taken off its advance, in 1/1000 em. Its glyph in the
// subset has the same outline and the shorter advance, so its box in the
// PDF (origin to advance) ends where the next glyph's begins — as the halt
// feature of OpenType fonts narrows a mark.
type Narrowed struct {
	R     rune
	Right int
}

// NarrowGlyph returns the glyph ID (= CID) of a narrowed glyph, and false if
// the subset was not built with it.
func (p *PDFFont) NarrowGlyph(n Narrowed) (uint16, bool) {
	g, ok := p.narrow[n]
	return g, ok
}

// Glyph returns the glyph ID (= CID) that prints r, and false if r is not
// in the subset.
func (p *PDFFont) Glyph(r rune) (uint16, bool) {
	g, ok := p.glyphs[r]
	return g, ok
}

// EmbedSubset builds the subset font of runes (see Subset) and describes it
// for the PDF.
func (f *Face) EmbedSubset(runes []rune) (*PDFFont, error) {
	return f.EmbedSubsetNarrowed(runes, nil)
}

// EmbedSubsetNarrowed is EmbedSubset with a glyph for each narrowed glyph
// of narrow after the glyphs of runes (whose IDs do not change), each
// mapped to its character in Unicode. A narrowed glyph whose character is
// not in runes, or that takes off the whole advance, is an error.
func (f *Face) EmbedSubsetNarrowed(runes []rune, narrow []Narrowed) (*PDFFont, error) {
	s, err := f.subset(runes, narrow)
	if err != nil {
		return nil, err
	}
	p := &PDFFont{Program: s.program, BaseFont: subsetTag(s.program) + "+" + f.psName,
		Widths: make([]int, len(s.advs)), Unicode: make([]rune, len(s.advs)),
		glyphs: make(map[rune]uint16, len(s.plan.runes)), narrow: s.narrow,
		Ascent: f.ascent, Descent: -f.descent, CapHeight: f.capUnits(), StemV: stemV(f.os2)}
	for g, a := range s.advs {
		p.Widths[g] = int(a)
	}
	copy(p.Unicode, s.plan.firstRune)
	p.Unicode[0] = 0
	for i, r := range s.plan.runes {
		p.glyphs[r] = s.plan.gids[i]
	}
	if !s.box.empty {
		p.BBox = [4]int{int(s.box.xMin), int(s.box.yMin), int(s.box.xMax), int(s.box.yMax)}
	}
	if f.post != nil {
		p.ItalicAngle = float64(int32(be.Uint32(f.post[4:]))) / 65536
	}
	return p, nil
}

// subsetTag is six upper-case letters from a checksum of the font program:
// its CRC-32C in base 26. Six letters hold 26⁶ ≈ 2²⁸ tags, fewer than the
// checksum's 2³², so a longer hash would not make two subsets' tags differ
// more often; CRC-32C is computed by the processor (SSE 4.2, ARMv8 CRC)
// at many gigabytes a second, where SHA-256 took half a millisecond of the
// sample's build.
func subsetTag(program []byte) string {
	sum := crc32.Checksum(program, crc32.MakeTable(crc32.Castagnoli)) // made once, on first use
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(sum%26)
		sum /= 26
	}
	return string(tag)
}

// stemV estimates the dominant vertical stem width from the OS/2 weight
// class, as PDF writers commonly do when the font does not say (the font
// descriptor requires one, ISO 32000-1 Table 122; viewers use it only to
// synthesise a missing font).
func stemV(os2 []byte) int {
	w := 400
	if len(os2) >= 6 {
		if v := int(be.Uint16(os2[4:])); v >= 100 && v <= 1000 {
			w = v
		}
	}
	return 50 + w*w/(65*65)
}

// MissingError reports runes a face cannot print.
type MissingError struct {
	Role  Role
	Face  string // PostScript name
	File  string // Face.File
	Runes []rune
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("%s%s 没有 %s", e.Role.Label(), e.Face, runeList(e.Runes, 10))
}

// BlankGlyphError reports characters a face maps to glyphs that have no
// outline, where the characters are visible: the font file is damaged (a
// zeroed glyf table, a broken loca).
type BlankGlyphError struct {
	Role  Role
	Face  string // PostScript name
	File  string // Face.File
	Runes []rune
}

func (e *BlankGlyphError) Error() string {
	return fmt.Sprintf("%s%s（%s）中 %s 的字形是空的，印出来是空白；字体文件可能已损坏", e.Role.Label(), e.Face, e.File, runeList(e.Runes, 10))
}
