package fonts

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"

	"github.com/go-text/typesetting/font/opentype/tables"
)

// Sizes of the fixed-layout tables read and written here.
const (
	headLen = 54
	hheaLen = 36
	maxpLen = 32 // version 1.0 (TrueType)
	os2Len  = 96 // version 4
	postLen = 32 // version 3.0 (no glyph names)
)

// be is the byte order of every OpenType table.
var be = binary.BigEndian

// faceTables reads the tables of one face of an opened file.
type faceTables struct {
	file  *opened
	index int
}

// table reads a table, failing if it is missing or shorter than min.
func (t faceTables) table(tag string, min int) ([]byte, error) {
	return t.file.table(t.index, tag, min)
}

// has reports whether the face has the table.
func (t faceTables) has(tag string) bool { return t.file.has(t.index, tag) }

// optional reads a table that may be absent; absent or short gives nil.
func (t faceTables) optional(tag string, min int) []byte {
	raw, err := t.file.table(t.index, tag, min)
	if err != nil {
		return nil
	}
	return raw
}

// readFace reads what layout needs (metrics, coverage, names) from one face.
// Outlines are read later, by the first Subset.
func readFace(o *origin, file *opened) (*Face, error) {
	f := &Face{origin: *o}
	t := faceTables{file, o.index}
	if err := f.readHead(t); err != nil {
		return nil, o.fail(err)
	}
	if err := f.readKind(t); err != nil {
		return nil, o.unusable(err.Error())
	}
	if err := f.readHmtx(t); err != nil {
		return nil, o.fail(err)
	}
	if err := f.readCmap(t); err != nil {
		return nil, o.unusable(err.Error())
	}
	f.readOS2(t)
	f.post = t.optional("post", postLen)
	f.names = englishNames(readNames(t.file, t.index))
	f.psName = postScriptName(f.names, o)
	if o.builtin() || !embedForbidden(f.fsType) {
		return f, nil
	}
	return nil, o.unusable("字体的授权标志（OS/2 fsType）禁止把它嵌入或子集化到 PDF 中")
}

// readHead reads head and maxp.
func (f *Face) readHead(t faceTables) error {
	head, err := t.table("head", headLen)
	if err != nil {
		return err
	}
	maxp, err := t.table("maxp", 6)
	if err != nil {
		return err
	}
	f.head = head[:headLen]
	f.upem = int(be.Uint16(head[18:]))
	if f.upem < 16 || f.upem > 16384 {
		return fmt.Errorf("unitsPerEm %d out of range", f.upem)
	}
	f.longLoca = be.Uint16(head[50:]) == 1
	f.numGlyphs = int(be.Uint16(maxp[4:]))
	if f.numGlyphs == 0 {
		return fmt.Errorf("font has no glyphs")
	}
	return nil
}

// readKind finds the outline format: TrueType glyf or CFF.
func (f *Face) readKind(t faceTables) error {
	switch {
	case t.has("glyf") && t.has("loca"):
		f.cff = false
	case t.has("CFF "):
		f.cff = true
	default:
		return fmt.Errorf("字体没有 TrueType（glyf）或 CFF 轮廓（CFF2 可变字体、点阵字体和彩色字体不受支持）")
	}
	return nil
}

// readHmtx reads hhea and the advance widths, in thousandths of an em.
func (f *Face) readHmtx(t faceTables) error {
	hhea, err := t.table("hhea", hheaLen)
	if err != nil {
		return err
	}
	f.hhea = hhea[:hheaLen]
	n := int(be.Uint16(hhea[34:]))
	hmtx, err := t.table("hmtx", 4*n)
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("hhea: numberOfHMetrics is 0")
	}
	f.advs = make([]uint16, f.numGlyphs)
	for g := range f.advs {
		a := be.Uint16(hmtx[4*min(g, n-1):])
		f.advs[g] = f.toThousandthsWidth(int(a))
	}
	return nil
}

// toThousandthsWidth scales an advance to 1/1000 em, rounding half up, and
// keeps it below 32768, which fpdf would read as zero.
func (f *Face) toThousandthsWidth(a int) uint16 {
	return uint16(min(f.scaleInt(a), 32767))
}

// scaleInt converts font units to thousandths of an em, rounding half away
// from zero, in integers so the result never depends on float rounding.
func (f *Face) scaleInt(v int) int {
	if v < 0 {
		return -f.scaleInt(-v)
	}
	return (2*v*1000 + f.upem) / (2 * f.upem)
}

// readOS2 keeps the OS/2 table (padded to version 4) and its vertical metrics.
func (f *Face) readOS2(t faceTables) {
	f.os2 = make([]byte, os2Len)
	raw := t.optional("OS/2", 78)
	copy(f.os2, raw)
	if raw == nil {
		be.PutUint16(f.os2[4:], 400) // usWeightClass
		be.PutUint16(f.os2[6:], 5)   // usWidthClass
	}
	f.fsType = be.Uint16(f.os2[8:])
	typoAsc, typoDesc := int(int16(be.Uint16(f.os2[68:]))), int(int16(be.Uint16(f.os2[70:])))
	asc, desc := int(int16(be.Uint16(f.hhea[4:]))), int(int16(be.Uint16(f.hhea[6:])))
	// fpdf takes hhea first and falls back to OS/2. FandolSong-Regular has a
	// positive hhea descender, so a descender must be negative to count.
	f.ascent = f.scaleInt(firstPositive(asc, typoAsc, f.upem*4/5))
	f.descent = f.scaleInt(firstPositive(-desc, -typoDesc, f.upem/5))
	f.lineGap = f.scaleInt(max(0, int(int16(be.Uint16(f.hhea[8:])))))
	if len(raw) >= 90 && be.Uint16(raw[0:]) >= 2 {
		f.capHeight = f.scaleInt(int(int16(be.Uint16(raw[88:]))))
	}
}

// embedForbidden reports whether OS/2 fsType forbids what Subset does:
// restricted-licence embedding (usage value 2), no subsetting (bit 8) or
// bitmap-only embedding (bit 9).
func embedForbidden(fsType uint16) bool {
	return fsType&0x000F == 0x0002 || fsType&0x0300 != 0
}

// firstPositive returns the first positive value.
func firstPositive(vs ...int) int {
	for _, v := range vs {
		if v > 0 {
			return v
		}
	}
	return 0
}

// postScriptName is the face's PostScript name, or a stand-in made from its
// full name or file.
func postScriptName(names map[uint16]string, o *origin) string {
	for _, id := range []uint16{namePostScript, nameFull, nameFamily} {
		if s := psSafe(names[id]); s != "" {
			return s
		}
	}
	return o.role.Key()
}

// psSafe keeps the characters a PostScript name may hold.
func psSafe(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("[](){}<>/%", r) {
			b = append(b, byte(r))
		}
	}
	return string(b)
}

// readCmap builds the BMP rune → glyph table from the best Unicode cmap.
func (f *Face) readCmap(t faceTables) error {
	raw, err := t.table("cmap", 4)
	if err != nil {
		return err
	}
	cm, _, err := tables.ParseCmap(raw)
	if err != nil {
		return fmt.Errorf("cmap: %w", err)
	}
	sub := bestCmap(cm)
	if sub == nil {
		return fmt.Errorf("字体没有 Unicode 字符映射表（cmap）")
	}
	f.gids = make([]uint16, 0x10000)
	fillCmap(f.gids, sub)
	f.astral = astralCmap(sub, f.numGlyphs)
	for r, g := range f.gids {
		if int(g) >= f.numGlyphs || r == 0 || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) {
			f.gids[r] = 0
		}
	}
	return nil
}

// bestCmap picks a Unicode subtable: a full-repertoire format 12 first, then
// BMP format 4, then format 6.
func bestCmap(cm tables.Cmap) tables.CmapSubtable {
	unicode := func(r tables.EncodingRecord) bool {
		return r.PlatformID == 0 || (r.PlatformID == 3 && (r.EncodingID == 1 || r.EncodingID == 10))
	}
	for _, want := range []func(tables.CmapSubtable) bool{
		func(s tables.CmapSubtable) bool { _, ok := s.(tables.CmapSubtable12); return ok },
		func(s tables.CmapSubtable) bool { _, ok := s.(tables.CmapSubtable4); return ok },
		func(s tables.CmapSubtable) bool { _, ok := s.(tables.CmapSubtable6); return ok },
	} {
		for _, r := range cm.Records {
			if unicode(r) && want(r.Subtable) {
				return r.Subtable
			}
		}
	}
	return nil
}

// maxCmapWork bounds the mappings fillCmap decodes: a real BMP cmap has at
// most 65,536, a hostile one could repeat its ranges millions of times.
const maxCmapWork = 1 << 20

// fillCmap writes a subtable's BMP mappings into gids.
func fillCmap(gids []uint16, sub tables.CmapSubtable) {
	work := 0
	switch s := sub.(type) {
	case tables.CmapSubtable12:
		for _, g := range s.Groups {
			for c := g.StartCharCode; c <= g.EndCharCode && c <= 0xFFFF && work < maxCmapWork; c, work = c+1, work+1 {
				if gid := g.StartGlyphID + (c - g.StartCharCode); gid <= 0xFFFF {
					gids[c] = uint16(gid)
				}
			}
		}
	case tables.CmapSubtable4:
		fillCmap4(gids, s)
	case tables.CmapSubtable6:
		for i, g := range s.GlyphIdArray {
			if c := int(s.FirstCode) + i; c <= 0xFFFF {
				gids[c] = uint16(g)
			}
		}
	}
}

// astralCmap returns a format 12 subtable's mappings beyond the BMP (the
// CJK extensions B–H hold names such as 𠮷 U+20BB7), nil for other formats.
func astralCmap(sub tables.CmapSubtable, numGlyphs int) map[rune]uint16 {
	s, ok := sub.(tables.CmapSubtable12)
	if !ok {
		return nil
	}
	out := map[rune]uint16{}
	work := 0
	for _, g := range s.Groups {
		for c := max(g.StartCharCode, 0x10000); c <= g.EndCharCode && c <= unicode.MaxRune && work < maxCmapWork; c, work = c+1, work+1 {
			if gid := g.StartGlyphID + (c - g.StartCharCode); gid != 0 && int(gid) < numGlyphs {
				out[rune(c)] = uint16(gid)
			}
		}
	}
	return out
}

// fillCmap4 decodes a format 4 subtable into gids.
func fillCmap4(gids []uint16, s tables.CmapSubtable4) {
	n := min(len(s.EndCode), len(s.StartCode), len(s.IdDelta), len(s.IdRangeOffsets))
	work := 0
	for i := 0; i < n && work < maxCmapWork; i++ {
		start, end, delta := int(s.StartCode[i]), int(s.EndCode[i]), s.IdDelta[i]
		ro := int(s.IdRangeOffsets[i])
		work += max(0, end-start+1)
		for c := start; c <= end; c++ {
			if ro == 0 {
				gids[c] = uint16(c) + delta
				continue
			}
			// The offset counts from idRangeOffset[i]; GlyphIDArray starts
			// after the n idRangeOffsets.
			idx := ro/2 + (c - start) - (n - i)
			if idx < 0 || 2*idx+2 > len(s.GlyphIDArray) {
				continue
			}
			if g := be.Uint16(s.GlyphIDArray[2*idx:]); g != 0 {
				gids[c] = g + delta
			}
		}
	}
}
