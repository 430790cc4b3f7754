package fonts

import (
	"errors"
	"slices"
	"unicode/utf16"
)

// subsetFont is the font being written, table by table.
type subsetFont struct {
	f      *Face
	p      *subsetPlan
	advs   []uint16   // new glyph → advance, 1/1000 em
	boxes  []glyphBox // new glyph → bounding box
	glyf   [][]byte   // glyph data, each padded to 4 bytes
	offs   []int      // new glyph → offset in glyf
	glyfN  int        // glyf length so far
	tables map[string][][]byte

	maxPts, maxCtrs int
}

// glyphBox is a glyph's bounding box; empty glyphs have none.
type glyphBox struct {
	xMin, yMin, xMax, yMax int32
	empty                  bool
}

// newSubsetFont starts a subset font for plan p.
func newSubsetFont(f *Face, p *subsetPlan) *subsetFont {
	n := len(p.src)
	s := &subsetFont{f: f, p: p, tables: map[string][][]byte{},
		boxes: make([]glyphBox, 0, n), glyf: make([][]byte, 0, n), offs: make([]int, 0, n+1)}
	s.advs = make([]uint16, n)
	for i, g := range p.src {
		s.advs[i] = f.advs[g]
	}
	return s
}

// addGlyph appends the next glyph (its data padded to 4 bytes).
func (s *subsetFont) addGlyph(g encodedGlyph) {
	s.offs = append(s.offs, s.glyfN)
	s.glyf = append(s.glyf, g.data)
	s.glyfN += len(g.data)
	s.boxes = append(s.boxes, g.box)
	s.maxPts, s.maxCtrs = max(s.maxPts, g.pts), max(s.maxCtrs, g.ctrs)
}

// finish assembles the tables into a font file.
func (s *subsetFont) finish() ([]byte, error) {
	longLoca := s.loca()
	cmap, err := s.cmap()
	if err != nil {
		return nil, err
	}
	s.tables["glyf"] = s.glyf
	for tag, data := range map[string][]byte{"cmap": cmap, "hmtx": s.hmtx(), "head": s.head(longLoca),
		"hhea": s.hhea(), "maxp": s.maxp(), "OS/2": s.os2(), "post": s.post(), "name": s.name()} {
		s.tables[tag] = [][]byte{data}
	}
	return assemble(s.tables), nil
}

// loca writes the glyph offsets; it reports whether it needs the long format.
func (s *subsetFont) loca() bool {
	offs := append(s.offs, s.glyfN)
	long := s.glyfN/2 > 0xFFFF
	var loca []byte
	for _, o := range offs {
		if long {
			loca = be.AppendUint32(loca, uint32(o))
		} else {
			loca = be.AppendUint16(loca, uint16(o/2))
		}
	}
	s.tables["loca"] = [][]byte{loca}
	return long
}

// Simple-glyph point flags.
const (
	flagOnCurve  = 0x01
	flagXShort   = 0x02
	flagYShort   = 0x04
	flagRepeat   = 0x08
	flagXSame    = 0x10 // with flagXShort: positive
	flagYSame    = 0x20 // with flagYShort: positive
	flagOverlap  = 0x40 // OVERLAP_SIMPLE, on the first flag
	maxFlagRepts = 255
)

// encoder holds scratch space for encoding glyphs.
type encoder struct{ flags, xs, ys []byte }

// glyph appends a simple glyph without instructions to dst, padded to 4
// bytes; an empty glyph is no bytes at all.
func (e *encoder) glyph(dst []byte, b *glyphBuf) []byte {
	if len(b.pEnd) == 0 {
		return dst
	}
	dst = be.AppendUint16(dst, uint16(len(b.pEnd)))
	for _, v := range []int32{b.xMin, b.yMin, b.xMax, b.yMax} {
		dst = be.AppendUint16(dst, uint16(int16(v)))
	}
	for _, end := range b.pEnd {
		dst = be.AppendUint16(dst, uint16(end-1))
	}
	dst = be.AppendUint16(dst, 0) // instructionLength
	e.flags, e.xs, e.ys = e.flags[:0], e.xs[:0], e.ys[:0]
	var px, py int32
	for _, p := range b.p {
		fl := byte(0)
		if p.on {
			fl |= flagOnCurve
		}
		fl, e.xs = coord(fl, p.x-px, e.xs, flagXShort, flagXSame)
		fl, e.ys = coord(fl, p.y-py, e.ys, flagYShort, flagYSame)
		e.flags = append(e.flags, fl)
		px, py = p.x, p.y
	}
	e.flags[0] |= flagOverlap
	dst = packFlags(dst, e.flags)
	dst = append(dst, e.xs...)
	dst = append(dst, e.ys...)
	for len(dst)%4 != 0 {
		dst = append(dst, 0)
	}
	return dst
}

// coord encodes one coordinate delta, setting its flags.
func coord(fl byte, d int32, out []byte, short, same byte) (byte, []byte) {
	switch {
	case d == 0:
		return fl | same, out
	case d > 0 && d < 256:
		return fl | short | same, append(out, byte(d))
	case d < 0 && d > -256:
		return fl | short, append(out, byte(-d))
	}
	return fl, be.AppendUint16(out, uint16(int16(d)))
}

// packFlags appends glyph flags to out, run-length encoded with the
// repeat flag.
func packFlags(out, flags []byte) []byte {
	for i := 0; i < len(flags); {
		n := 1
		for i+n < len(flags) && flags[i+n] == flags[i] && n <= maxFlagRepts {
			n++
		}
		if n > 1 {
			out = append(out, flags[i]|flagRepeat, byte(n-1))
		} else {
			out = append(out, flags[i])
		}
		i += n
	}
	return out
}

// errCmapTooBig is returned for a subset whose format 4 cmap would overflow.
var errCmapTooBig = errors.New("too many scattered characters for one format 4 cmap (about 8,000 at most)")

// cmapSeg is one format 4 segment: runes start..end map to rune+delta.
type cmapSeg struct{ start, end, delta uint16 }

// cmapSegments makes one idDelta segment per run of consecutive runes with
// consecutive glyphs, then the closing 0xFFFF segment.
func (s *subsetFont) cmapSegments() []cmapSeg {
	var segs []cmapSeg
	for i, r := range s.p.runes {
		if r > 0xFFFF { // the PDF reaches these through CIDs; format 4 holds the BMP only
			break
		}
		g := s.p.gids[i]
		if n := len(segs); n > 0 && int(segs[n-1].end)+1 == int(r) && segs[n-1].delta+uint16(r) == g {
			segs[n-1].end = uint16(r)
			continue
		}
		segs = append(segs, cmapSeg{uint16(r), uint16(r), g - uint16(r)})
	}
	return append(segs, cmapSeg{0xFFFF, 0xFFFF, 1})
}

// cmap writes the cmap table: one format 4 subtable, for (3,1).
func (s *subsetFont) cmap() ([]byte, error) {
	segs := s.cmapSegments()
	n := len(segs)
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil, errCmapTooBig
	}
	sr, es := searchParams(n, 2)
	b := make([]byte, 0, 12+length)
	for _, v := range []uint16{0, 1, 3, 1, 0, 12, // version, numTables, (3,1), offset 12
		4, uint16(length), 0, uint16(2 * n), uint16(sr), uint16(es), uint16(2*n - sr)} {
		b = be.AppendUint16(b, v)
	}
	for _, sg := range segs {
		b = be.AppendUint16(b, sg.end)
	}
	b = be.AppendUint16(b, 0) // reservedPad
	for _, sg := range segs {
		b = be.AppendUint16(b, sg.start)
	}
	for _, sg := range segs {
		b = be.AppendUint16(b, sg.delta)
	}
	for range segs {
		b = be.AppendUint16(b, 0) // idRangeOffset
	}
	return b, nil
}

// searchParams returns searchRange (largest power of two ≤ n, times unit)
// and entrySelector (its log2) for binary-search headers.
func searchParams(n, unit int) (searchRange, entrySelector int) {
	p := 1
	for p*2 <= n {
		p *= 2
		entrySelector++
	}
	return p * unit, entrySelector
}

// hmtx writes a full long metric per glyph: advance and left side bearing.
func (s *subsetFont) hmtx() []byte {
	b := make([]byte, 0, 4*len(s.boxes))
	for i, box := range s.boxes {
		b = be.AppendUint16(b, s.advs[i])
		b = be.AppendUint16(b, uint16(int16(box.xMin)))
	}
	return b
}

// fontBox is the union of the glyphs' boxes.
func (s *subsetFont) fontBox() (u glyphBox) {
	u.empty = true
	for _, b := range s.boxes {
		switch {
		case b.empty:
		case u.empty:
			u = b
		default:
			u = glyphBox{min(u.xMin, b.xMin), min(u.yMin, b.yMin), max(u.xMax, b.xMax), max(u.yMax, b.yMax), false}
		}
	}
	return u
}

// head writes the font header; checksumAdjustment is filled in by assemble.
func (s *subsetFont) head(longLoca bool) []byte {
	src := s.f.head
	b := make([]byte, headLen)
	be.PutUint32(b[0:], 0x00010000)
	copy(b[4:8], src[4:8]) // fontRevision
	be.PutUint32(b[12:], 0x5F0F3CF5)
	be.PutUint16(b[16:], 0x0003) // baseline at y=0, lsb at x=0
	be.PutUint16(b[18:], 1000)
	copy(b[20:36], src[20:36]) // created, modified
	box := s.fontBox()
	for i, v := range []int32{box.xMin, box.yMin, box.xMax, box.yMax} {
		be.PutUint16(b[36+2*i:], uint16(int16(v)))
	}
	copy(b[44:48], src[44:48]) // macStyle, lowestRecPPEM
	be.PutUint16(b[48:], 2)    // fontDirectionHint
	if longLoca {
		be.PutUint16(b[50:], 1)
	}
	return b
}

// hhea writes the horizontal header from the face's metrics.
func (s *subsetFont) hhea() []byte {
	f := s.f
	b := make([]byte, hheaLen)
	be.PutUint32(b[0:], 0x00010000)
	be.PutUint16(b[4:], uint16(int16(f.ascent)))
	be.PutUint16(b[6:], uint16(int16(-f.descent)))
	be.PutUint16(b[8:], uint16(int16(f.lineGap)))
	var advMax uint16
	minL, minR, maxExt, seen := int32(0), int32(0), int32(0), false
	for i, g := range s.boxes {
		advMax = max(advMax, s.advs[i])
		if g.empty {
			continue
		}
		rsb := int32(s.advs[i]) - g.xMax
		if !seen {
			minL, minR, maxExt, seen = g.xMin, rsb, g.xMax, true
		}
		minL, minR, maxExt = min(minL, g.xMin), min(minR, rsb), max(maxExt, g.xMax)
	}
	be.PutUint16(b[10:], advMax)
	be.PutUint16(b[12:], uint16(int16(minL)))
	be.PutUint16(b[14:], uint16(int16(minR)))
	be.PutUint16(b[16:], uint16(int16(maxExt)))
	copy(b[18:24], f.hhea[18:24]) // caretSlopeRise, caretSlopeRun, caretOffset
	if be.Uint16(b[18:]) == 0 && be.Uint16(b[20:]) == 0 {
		be.PutUint16(b[18:], 1)
	}
	be.PutUint16(b[34:], uint16(len(s.boxes)))
	return b
}

// maxp writes a version 1.0 maxp for unhinted glyphs.
func (s *subsetFont) maxp() []byte {
	b := make([]byte, maxpLen)
	be.PutUint32(b[0:], 0x00010000)
	be.PutUint16(b[4:], uint16(len(s.boxes)))
	be.PutUint16(b[6:], uint16(s.maxPts))
	be.PutUint16(b[8:], uint16(s.maxCtrs))
	be.PutUint16(b[14:], 2) // maxZones
	return b
}

// os2 writes an OS/2 version 4 table from the source's, rescaled.
func (s *subsetFont) os2() []byte {
	f := s.f
	b := slices.Clone(f.os2)
	srcVersion := be.Uint16(b[0:])
	be.PutUint16(b[0:], 4)
	be.PutUint16(b[2:], s.avgWidth())
	be.PutUint16(b[8:], f.fsType&0x000F)
	for off := 10; off <= 26; off += 2 { // sub/superscript and strikeout sizes
		s.rescale(b, off)
	}
	if len(s.p.runes) > 0 {
		be.PutUint16(b[64:], uint16(s.p.runes[0]))
		be.PutUint16(b[66:], uint16(s.p.runes[len(s.p.runes)-1]))
	}
	for _, off := range []int{68, 70, 72} { // sTypo metrics
		s.rescale(b, off)
	}
	winAsc, winDesc := f.scaleInt(int(be.Uint16(b[74:]))), f.scaleInt(int(be.Uint16(b[76:])))
	be.PutUint16(b[74:], uint16(firstPositive(winAsc, f.ascent)))
	be.PutUint16(b[76:], uint16(firstPositive(winDesc, f.descent)))
	if srcVersion < 1 {
		clear(b[78:86]) // code page ranges
	}
	if srcVersion < 2 {
		clear(b[86:88]) // sxHeight
	}
	s.rescale(b, 86)
	be.PutUint16(b[88:], uint16(int16(f.capUnits())))
	be.PutUint16(b[90:], 0)  // usDefaultChar
	be.PutUint16(b[92:], 32) // usBreakChar
	be.PutUint16(b[94:], 0)  // usMaxContext: no GSUB/GPOS
	return b
}

// rescale converts the int16 at off from font units to 1/1000 em.
func (s *subsetFont) rescale(b []byte, off int) {
	be.PutUint16(b[off:], uint16(int16(s.f.scaleInt(int(int16(be.Uint16(b[off:])))))))
}

// avgWidth is the mean advance of the glyphs that have one.
func (s *subsetFont) avgWidth() uint16 {
	sum, n := 0, 0
	for _, a := range s.advs {
		if a > 0 {
			sum, n = sum+int(a), n+1
		}
	}
	if n == 0 {
		return 0
	}
	return uint16((sum + n/2) / n)
}

// post writes a version 3.0 post table (no glyph names).
func (s *subsetFont) post() []byte {
	b := make([]byte, postLen)
	be.PutUint32(b[0:], 0x00030000)
	if src := s.f.post; src != nil {
		copy(b[4:8], src[4:8]) // italicAngle
		copy(b[8:12], src[8:12])
		s.rescale(b, 8)            // underlinePosition
		s.rescale(b, 10)           // underlineThickness
		copy(b[12:16], src[12:16]) // isFixedPitch
	}
	return b
}

// nameIDsKept are the source names the subset carries over.
var nameIDsKept = []uint16{nameCopyright, nameFamily, nameSubfamily, nameUnique, nameFull,
	nameVersion, namePostScript, nameLicense, nameLicenseURL}

// maxNameLen keeps the name table small and its 16-bit offsets valid; a
// longer string (a full licence text) is left out.
const maxNameLen = 1000

// name writes a format 0 name table with Windows US-English records.
func (s *subsetFont) name() []byte {
	f := s.f
	fallback := map[uint16]string{nameFamily: f.psName, nameSubfamily: "Regular",
		nameUnique: f.psName, nameFull: f.psName, namePostScript: f.psName}
	type rec struct {
		id   uint16
		text []uint16
	}
	var recs []rec
	for _, id := range nameIDsKept {
		text := f.names[id]
		if id == namePostScript || text == "" {
			text = fallback[id]
		}
		u := utf16.Encode([]rune(text))
		if len(u) > 0 && len(u) <= maxNameLen {
			recs = append(recs, rec{id, u})
		}
	}
	b := be.AppendUint16(nil, 0)
	b = be.AppendUint16(b, uint16(len(recs)))
	b = be.AppendUint16(b, uint16(6+12*len(recs)))
	var strs []byte
	for _, r := range recs {
		for _, v := range []uint16{3, 1, langEnglishUS, r.id, uint16(2 * len(r.text)), uint16(len(strs))} {
			b = be.AppendUint16(b, v)
		}
		for _, c := range r.text {
			strs = be.AppendUint16(strs, c)
		}
	}
	return append(b, strs...)
}

// assemble writes the table directory and the tables (each padded to four
// bytes, in tag order) and sets head.checksumAdjustment. A table is given as
// parts; every part but the last must be a multiple of four bytes long.
func assemble(tables map[string][][]byte) []byte {
	tags := make([]string, 0, len(tables))
	lens := map[string]int{}
	size := 0
	for t, parts := range tables {
		tags = append(tags, t)
		for _, p := range parts {
			lens[t] += len(p)
		}
		size += (lens[t] + 3) &^ 3
	}
	slices.Sort(tags)
	sr, es := searchParams(len(tags), 16)
	b := be.AppendUint32(make([]byte, 0, 12+16*len(tags)+size), 0x00010000)
	for _, v := range []int{len(tags), sr, es, 16*len(tags) - sr} {
		b = be.AppendUint16(b, uint16(v))
	}
	// The file's checksum is the directory's plus the tables' (each table
	// starts on a 4-byte boundary and is zero-padded), so the table bytes
	// are summed only once.
	off, headOff, fileSum := 12+16*len(tags), 0, uint32(0)
	for _, t := range tags {
		if t == "head" {
			headOff = off
		}
		var sum uint32
		for _, p := range tables[t] {
			sum += checksum(p)
		}
		fileSum += sum
		b = append(b, t...)
		b = be.AppendUint32(b, sum)
		b = be.AppendUint32(b, uint32(off))
		b = be.AppendUint32(b, uint32(lens[t]))
		off += (lens[t] + 3) &^ 3
	}
	fileSum += checksum(b)
	for _, t := range tags {
		for _, p := range tables[t] {
			b = append(b, p...)
		}
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	be.PutUint32(b[headOff+8:], 0xB1B0AFBA-fileSum)
	return b
}

// checksum is the OpenType table checksum (sum of big-endian uint32s, the
// last one zero-padded).
func checksum(b []byte) uint32 {
	var sum uint32
	n := len(b) &^ 7
	for i := 0; i < n; i += 8 {
		v := be.Uint64(b[i:])
		sum += uint32(v>>32) + uint32(v)
	}
	for i := n; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += be.Uint32(w[:])
	}
	return sum
}
