package fonts

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/go-text/typesetting/font/opentype/tables"
)

// The bundled faces are CFF (PostScript-outline) OpenType fonts upstream, but
// the PDF needs TrueType outlines, and turning every cubic curve into
// quadratic ones on each build cost most of a build's time. So gazette embeds
// TrueType conversions of them, made once by `go generate ./fonts` (which runs
// internal/ttfgen) from the originals in data/src, with the same code that
// converts a user's OTF when it is subset: the glyphs, advances, metrics and
// names are those the originals gave, and Subset copies their glyf data.
//
//go:generate go run -tags ttfgen ./internal/ttfgen

// convertedOn is the date the conversion last changed; the converted fonts
// carry it in their notice of modification (GPL v3 §5a). Change it when a
// change to the conversion changes the generated fonts.
const convertedOn = "2026-11-29"

// keptTables are the source tables a converted font is built from; any other
// table of the source (GSUB, GPOS, BASE, VORG, vhea, vmtx, …) is dropped,
// and CFF becomes glyf and loca.
var keptTables = []string{"CFF ", "OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}

// convertBuiltin converts one upstream font (name is its file name in
// data/src, for messages and the notice) into the TrueType font gazette
// embeds for it: see trueType. The result depends only on otf.
func convertBuiltin(name string, otf []byte) ([]byte, error) {
	o := &origin{role: Song, bin: builtin{file: name, data: otf}}
	file, err := o.open()
	if err != nil {
		return nil, err
	}
	defer file.Close()
	f, err := readFace(o, file)
	if err != nil {
		return nil, err
	}
	var dropped []string
	for tag := range file.dir(0) {
		if !slices.Contains(keptTables, tag) {
			dropped = append(dropped, strings.TrimSpace(tag))
		}
	}
	slices.Sort(dropped)
	notice := fmt.Sprintf("Modified by gazette on %s: converted from %s to TrueType outlines "+
		"(quadratic within 1/2000 em, 1000 units per em, unhinted)", convertedOn, name)
	if len(dropped) > 0 {
		notice += "; tables " + strings.Join(dropped, ", ") + " removed"
	}
	notice += ". See fonts/data/NOTICE.md in the gazette sources, which also hold the original."
	out, err := f.trueType(faceTables{file, 0}, notice)
	if err != nil {
		return nil, fmt.Errorf("converting %s to TrueType: %w", name, err)
	}
	return out, nil
}

// trueType writes the whole face as a TrueType font: every glyph, under its
// own glyph ID, converted as Subset converts it (so a subset of the result
// has the same glyph data as a subset of the face); advances, vertical
// metrics and OS/2, head and post fields as Subset writes them, in 1000 units
// per em; cmap with a format 4 subtable (and format 12 if the face maps
// runes beyond the BMP); the face's own name table, with notice added to the
// description (name ID 10) in Windows English.
func (f *Face) trueType(t faceTables, notice string) ([]byte, error) {
	maps, err := f.allMappings(t)
	if err != nil {
		return nil, err
	}
	p := &subsetPlan{src: make([]uint16, f.numGlyphs)}
	for g := range p.src {
		p.src[g] = uint16(g)
	}
	astral := false
	for _, m := range maps {
		if m.r > 0xFFFF {
			astral = true
			continue
		}
		p.runes = append(p.runes, m.r)
		p.gids = append(p.gids, m.g)
	}
	s := newSubsetFont(f, p)
	for g, eg := range f.convertGlyphs(p.src) {
		switch {
		case eg.err != nil && g == 0:
			eg = encodedGlyph{box: glyphBox{empty: true}} // as Subset does
		case eg.err != nil:
			return nil, fmt.Errorf("glyph %d: %w", g, eg.err)
		}
		s.addGlyph(eg)
	}
	cmap, err := fullCmap(maps)
	if err != nil {
		return nil, err
	}
	srcName := t.optional("name", 6)
	if srcName == nil {
		srcName = s.name()
	}
	name, err := nameWithNotice(srcName, notice)
	if err != nil {
		return nil, err
	}
	longLoca := s.loca()
	hmtx, nLong := s.fullHmtx()
	hhea := s.hhea()
	be.PutUint16(hhea[34:], uint16(nLong))
	os2 := s.os2()
	be.PutUint16(os2[8:], f.fsType) // the whole font: the source's embedding rights as they are
	if astral {
		be.PutUint16(os2[66:], 0xFFFF) // usLastCharIndex
	}
	s.tables["glyf"] = s.glyf
	for tag, data := range map[string][]byte{"cmap": cmap, "hmtx": hmtx, "head": s.head(longLoca),
		"hhea": hhea, "maxp": s.maxp(), "OS/2": os2, "post": s.post(), "name": name} {
		s.tables[tag] = [][]byte{data}
	}
	return assemble(s.tables), nil
}

// fullHmtx writes hmtx for every glyph, with the run of equal advances at
// the end kept as left side bearings only; it returns the table and its
// numberOfHMetrics.
func (s *subsetFont) fullHmtx() ([]byte, int) {
	n := len(s.advs)
	for n > 1 && s.advs[n-1] == s.advs[n-2] {
		n--
	}
	b := make([]byte, 0, 4*n+2*(len(s.advs)-n))
	for i, box := range s.boxes {
		if i < n {
			b = be.AppendUint16(b, s.advs[i])
		}
		b = be.AppendUint16(b, uint16(int16(box.xMin)))
	}
	return b, n
}

// cmapEntry maps one rune to a glyph.
type cmapEntry struct {
	r rune
	g uint16
}

// allMappings lists every rune the face's Unicode cmap maps to a glyph it
// has, sorted by rune: all those in the BMP (Face leaves out U+0000, which
// the font may map to a null glyph), and those beyond it if the cmap has
// format 12. Surrogates and U+FFFF are left out, as format 4 cannot hold them.
func (f *Face) allMappings(t faceTables) ([]cmapEntry, error) {
	raw, err := t.table("cmap", 4)
	if err != nil {
		return nil, err
	}
	cm, _, err := tables.ParseCmap(raw)
	if err != nil {
		return nil, fmt.Errorf("cmap: %w", err)
	}
	sub := bestCmap(cm)
	if sub == nil {
		return nil, fmt.Errorf("cmap: no Unicode subtable")
	}
	gids := make([]uint16, 0x10000)
	fillCmap(gids, sub)
	var out []cmapEntry
	for r, g := range gids {
		if g != 0 && int(g) < f.numGlyphs && r != 0xFFFF && (r < 0xD800 || r > 0xDFFF) {
			out = append(out, cmapEntry{rune(r), g})
		}
	}
	s12, ok := sub.(tables.CmapSubtable12)
	if !ok {
		return out, nil
	}
	bmp, work := len(out), 0
	for _, grp := range s12.Groups {
		for c := max(grp.StartCharCode, 0x10000); c <= grp.EndCharCode && c <= 0x10FFFF && work < maxCmapWork; c, work = c+1, work+1 {
			if gid := grp.StartGlyphID + (c - grp.StartCharCode); gid > 0 && int(gid) < f.numGlyphs {
				out = append(out, cmapEntry{rune(c), uint16(gid)})
			}
		}
	}
	astral := out[bmp:]
	slices.SortStableFunc(astral, func(a, b cmapEntry) int { return cmp.Compare(a.r, b.r) })
	out = append(out[:bmp], slices.CompactFunc(astral, func(a, b cmapEntry) bool { return a.r == b.r })...)
	return out, nil
}

// errCmapOverflow is returned when a face maps too many scattered BMP runes
// for one format 4 subtable.
var errCmapOverflow = errors.New("cmap: the BMP mappings do not fit one format 4 subtable")

// fullCmap writes a cmap table for maps (sorted by rune): a format 4
// subtable for the BMP runes, for (0,3) and (3,1), and, if maps holds runes
// beyond the BMP, a format 12 subtable for all of them, for (0,4) and (3,10).
func fullCmap(maps []cmapEntry) ([]byte, error) {
	n := len(maps)
	for n > 0 && maps[n-1].r > 0xFFFF {
		n--
	}
	f4, err := format4(maps[:n])
	if err != nil {
		return nil, err
	}
	type record struct {
		platform, encoding uint16
		sub                int // 0: format 4, 1: format 12
	}
	recs := []record{{0, 3, 0}, {3, 1, 0}}
	subs := [][]byte{f4}
	if n < len(maps) {
		recs = []record{{0, 3, 0}, {0, 4, 1}, {3, 1, 0}, {3, 10, 1}}
		subs = append(subs, format12(maps))
	}
	head := 4 + 8*len(recs)
	offs := []int{head, head + len(f4)}
	b := be.AppendUint16(nil, 0) // version
	b = be.AppendUint16(b, uint16(len(recs)))
	for _, r := range recs {
		b = be.AppendUint16(b, r.platform)
		b = be.AppendUint16(b, r.encoding)
		b = be.AppendUint32(b, uint32(offs[r.sub]))
	}
	for _, s := range subs {
		b = append(b, s...)
	}
	return b, nil
}

// Format 4 segment shapes: a stretch of runes with gaps of at most
// maxCmapGap unmapped runes is one segment (the gaps map to glyph 0), but a
// run of at least minDeltaRun consecutive runes on consecutive glyphs gets
// a segment of its own, which needs no glyph array.
const (
	maxCmapGap  = 3
	minDeltaRun = 6
)

// cmapSeg4 is one format 4 segment: runes start..end map to rune+delta, or,
// if glyphs is not nil, to glyphs[rune-start].
type cmapSeg4 struct {
	start, end rune
	delta      uint16
	glyphs     []uint16
}

// format4 writes a format 4 subtable for maps, all in the BMP and sorted.
func format4(maps []cmapEntry) ([]byte, error) {
	var segs []cmapSeg4
	for i := 0; i < len(maps); {
		j := i + 1
		for j < len(maps) && maps[j].r-maps[j-1].r <= maxCmapGap+1 {
			j++
		}
		segs = appendSegments(segs, maps[i:j])
		i = j
	}
	segs = append(segs, cmapSeg4{start: 0xFFFF, end: 0xFFFF, delta: 1})
	n := len(segs)
	arrayLen := 0
	for _, sg := range segs {
		arrayLen += len(sg.glyphs)
	}
	length := 16 + 8*n + 2*arrayLen
	if length > 0xFFFF {
		return nil, errCmapOverflow
	}
	sr, es := searchParams(n, 2)
	b := make([]byte, 0, length)
	for _, v := range []uint16{4, uint16(length), 0, uint16(2 * n), uint16(sr), uint16(es), uint16(2*n - sr)} {
		b = be.AppendUint16(b, v)
	}
	for _, sg := range segs {
		b = be.AppendUint16(b, uint16(sg.end))
	}
	b = be.AppendUint16(b, 0) // reservedPad
	for _, sg := range segs {
		b = be.AppendUint16(b, uint16(sg.start))
	}
	for _, sg := range segs {
		b = be.AppendUint16(b, sg.delta)
	}
	pos := 0 // where the segment's glyphs start in glyphIdArray
	for i, sg := range segs {
		if sg.glyphs == nil {
			b = be.AppendUint16(b, 0)
			continue
		}
		// idRangeOffset counts bytes from itself to the segment's first glyph.
		b = be.AppendUint16(b, uint16(2*(n-i)+2*pos))
		pos += len(sg.glyphs)
	}
	for _, sg := range segs {
		for _, g := range sg.glyphs {
			b = be.AppendUint16(b, g)
		}
	}
	return b, nil
}

// appendSegments appends the segments for one stretch of runes: runs of at
// least minDeltaRun runes on consecutive glyphs (or the whole stretch, if it
// is one such run) as idDelta segments, the runes between them as glyph
// array segments.
func appendSegments(segs []cmapSeg4, c []cmapEntry) []cmapSeg4 {
	delta := func(e cmapEntry) uint16 { return e.g - uint16(e.r) }
	pending := 0 // c[pending:i] still needs an array segment
	array := func(part []cmapEntry) {
		if len(part) == 0 {
			return
		}
		sg := cmapSeg4{start: part[0].r, end: part[len(part)-1].r}
		sg.glyphs = make([]uint16, sg.end-sg.start+1)
		for _, e := range part {
			sg.glyphs[e.r-sg.start] = e.g
		}
		segs = append(segs, sg)
	}
	for i := 0; i < len(c); {
		j := i + 1
		for j < len(c) && c[j].r == c[j-1].r+1 && delta(c[j]) == delta(c[i]) {
			j++
		}
		if j-i >= minDeltaRun || (i == 0 && j == len(c)) {
			array(c[pending:i])
			segs = append(segs, cmapSeg4{start: c[i].r, end: c[j-1].r, delta: delta(c[i])})
			pending = j
		}
		i = j
	}
	array(c[pending:])
	return segs
}

// format12 writes a format 12 subtable for maps (sorted by rune): one group
// per run of consecutive runes on consecutive glyphs.
func format12(maps []cmapEntry) []byte {
	type group struct {
		start, end rune
		g          uint16
	}
	var groups []group
	for _, m := range maps {
		if n := len(groups); n > 0 {
			last := &groups[n-1]
			if m.r == last.end+1 && int(m.g) == int(last.g)+int(m.r-last.start) {
				last.end = m.r
				continue
			}
		}
		groups = append(groups, group{m.r, m.r, m.g})
	}
	b := be.AppendUint16(nil, 12)
	b = be.AppendUint16(b, 0) // reserved
	b = be.AppendUint32(b, uint32(16+12*len(groups)))
	b = be.AppendUint32(b, 0) // language
	b = be.AppendUint32(b, uint32(len(groups)))
	for _, g := range groups {
		b = be.AppendUint32(b, uint32(g.start))
		b = be.AppendUint32(b, uint32(g.end))
		b = be.AppendUint32(b, uint32(g.g))
	}
	return b
}

// nameRecord is one raw record of a name table.
type nameRecord struct {
	platform, encoding, language, id uint16
	text                             []byte
}

// nameWithNotice rewrites a name table (format 0 or 1) as format 0 with
// every record kept (but format 1's language-tag records), adding notice to
// the Windows US-English description (name ID 10), or adding that record.
func nameWithNotice(src []byte, notice string) ([]byte, error) {
	if len(src) < 6 {
		return nil, fmt.Errorf("name: table too short")
	}
	count, strs := int(be.Uint16(src[2:])), int(be.Uint16(src[4:]))
	var recs []nameRecord
	desc := -1
	for i := 0; i < count && 6+12*i+12 <= len(src); i++ {
		r := src[6+12*i:]
		rec := nameRecord{platform: be.Uint16(r), encoding: be.Uint16(r[2:]), language: be.Uint16(r[4:]), id: be.Uint16(r[6:])}
		start := strs + int(be.Uint16(r[10:]))
		end := start + int(be.Uint16(r[8:]))
		if end > len(src) || rec.language >= 0x8000 {
			continue
		}
		rec.text = src[start:end]
		if rec.platform == platformWindows && rec.encoding == 1 && rec.language == langEnglishUS && rec.id == 10 {
			desc = len(recs)
		}
		recs = append(recs, rec)
	}
	text := notice
	if desc >= 0 {
		if old, _ := decodeName(platformWindows, 1, recs[desc].text); old != "" {
			text = old + " " + notice
		}
	} else {
		desc = len(recs)
		recs = append(recs, nameRecord{platform: platformWindows, encoding: 1, language: langEnglishUS, id: 10})
	}
	var u []byte
	for _, c := range utf16.Encode([]rune(text)) {
		u = be.AppendUint16(u, c)
	}
	recs[desc].text = u
	slices.SortStableFunc(recs, func(a, b nameRecord) int {
		return cmp.Or(cmp.Compare(a.platform, b.platform), cmp.Compare(a.encoding, b.encoding),
			cmp.Compare(a.language, b.language), cmp.Compare(a.id, b.id))
	})
	b := be.AppendUint16(nil, 0)
	b = be.AppendUint16(b, uint16(len(recs)))
	b = be.AppendUint16(b, uint16(6+12*len(recs)))
	var data []byte
	for _, r := range recs {
		if len(r.text) > 0xFFFF || len(data) > 0xFFFF {
			return nil, fmt.Errorf("name: strings exceed 64 KB")
		}
		for _, v := range []uint16{r.platform, r.encoding, r.language, r.id, uint16(len(r.text)), uint16(len(data))} {
			b = be.AppendUint16(b, v)
		}
		data = append(data, r.text...)
	}
	return append(b, data...), nil
}
