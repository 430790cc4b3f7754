package fonts

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/go-text/typesetting/font/opentype/tables"
)

// TestBuiltinMatchesSource checks each bundled TrueType face against the
// upstream CFF font it is generated from: the same names, glyph count,
// metrics and, for every BMP rune, the same coverage and advance — layout
// measures with these, so the conversion must not move a single line.
func TestBuiltinMatchesSource(t *testing.T) {
	for r := Role(0); r < NumRoles; r++ {
		t.Run(r.Key(), func(t *testing.T) {
			ttf, otf := face(t, r), sourceFace(t, r)
			if ttf.cff || !otf.cff {
				t.Fatalf("built-in face is CFF %v, source CFF %v; want a TrueType face from a CFF source", ttf.cff, otf.cff)
			}
			checks := []struct {
				what     string
				got, src any
			}{
				{"Name", ttf.Name(), otf.Name()},
				{"Family", ttf.Family(), otf.Family()},
				{"NumGlyphs", ttf.NumGlyphs(), otf.NumGlyphs()},
				{"Ascent", ttf.Ascent(), otf.Ascent()},
				{"Descent", ttf.Descent(), otf.Descent()},
				{"LineGap", ttf.LineGap(), otf.LineGap()},
				{"CapHeight", ttf.CapHeight(), otf.CapHeight()},
			}
			for _, c := range checks {
				if c.got != c.src {
					t.Errorf("%s = %v, source %v", c.what, c.got, c.src)
				}
			}
			covered, bad := 0, 0
			for c := rune(0); c <= 0xFFFF; c++ {
				a, ok := ttf.Advance(c)
				b, okSrc := otf.Advance(c)
				if ok {
					covered++
				}
				if (a != b || ok != okSrc) && bad < 10 {
					bad++
					t.Errorf("%U: Advance %v, %v; source %v, %v", c, a, ok, b, okSrc)
				}
			}
			if covered < 1000 {
				t.Errorf("only %d runes covered", covered)
			}
		})
	}
}

// TestBuiltinSubsetMatchesSource checks that subsetting a bundled face
// gives the very bytes subsetting its CFF source gives: the generated
// outlines are those the conversion makes, and the TrueType path copies
// them unchanged.
func TestBuiltinSubsetMatchesSource(t *testing.T) {
	for r := Role(0); r < NumRoles; r++ {
		t.Run(r.Key(), func(t *testing.T) {
			ttf, otf := face(t, r), sourceFace(t, r)
			runes := []rune(covered(ttf, string(hanzi600())+sampleGazette+sampleLatin+samplePunct))
			a, err := ttf.Subset(runes)
			if err != nil {
				t.Fatal(err)
			}
			b, err := otf.Subset(runes)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("subset of the built-in face (%d bytes) differs from the source's (%d bytes)", len(a), len(b))
			}
		})
	}
}

// TestBuiltinGlyphsAreCopied checks that Subset copies every glyph of the
// bundled faces without converting or even copying its bytes: each is a
// well-formed simple glyph (or empty), a slice of the embedded font, and
// builtinGlyph, which trusts that, reads it as copySimpleGlyph does.
func TestBuiltinGlyphsAreCopied(t *testing.T) {
	for r := Role(0); r < NumRoles; r++ {
		f := face(t, r)
		out, err := f.outlines()
		if err != nil {
			t.Fatal(err)
		}
		data := builtins[r].data
		lo, hi := uintptr(unsafe.Pointer(&data[0])), uintptr(unsafe.Pointer(&data[len(data)-1]))
		for g := 0; g < f.NumGlyphs(); g++ {
			eg, ok := f.copyGlyph(uint16(g))
			if !ok {
				t.Fatalf("%s glyph %d is not copied", f.Name(), g)
			}
			raw, err := out.glyfData(uint16(g))
			if err != nil {
				t.Fatal(err)
			}
			checked, ok := copySimpleGlyph(raw)
			if !ok || !bytes.Equal(checked.data, eg.data) || checked.box != eg.box || checked.pts != eg.pts || checked.ctrs != eg.ctrs {
				t.Fatalf("%s glyph %d: builtinGlyph gives %d bytes, %v, %d points, %d contours; copySimpleGlyph %v: %d bytes, %v, %d, %d",
					f.Name(), g, len(eg.data), eg.box, eg.pts, eg.ctrs, ok, len(checked.data), checked.box, checked.pts, checked.ctrs)
			}
			if len(eg.data) == 0 {
				continue
			}
			if p := uintptr(unsafe.Pointer(&eg.data[0])); p < lo || p > hi || &checked.data[0] != &eg.data[0] {
				t.Fatalf("%s glyph %d was copied out of the embedded font", f.Name(), g)
			}
		}
	}
}

// TestBuiltinUpToDate converts every upstream font again and compares the
// result with the embedded one, so a change to the conversion cannot ship
// without `go generate ./fonts`.
func TestBuiltinUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("converts every bundled face (≈2 s)")
	}
	for r := Role(0); r < NumRoles; r++ {
		b := builtins[r]
		got, err := convertBuiltin(b.src, sourceFont(t, r))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, b.data) {
			t.Errorf("data/%s is not what data/src/%s converts to now (%d bytes, embedded %d): run go generate ./fonts",
				b.file, b.src, len(got), len(b.data))
		}
	}
}

// TestNoticeChecksums checks that data/NOTICE.md gives the SHA-256 of every
// bundled file as it is.
func TestNoticeChecksums(t *testing.T) {
	notice, err := os.ReadFile(filepath.Join("data", "NOTICE.md"))
	if err != nil {
		t.Fatal(err)
	}
	for r := Role(0); r < NumRoles; r++ {
		b := builtins[r]
		for _, line := range []string{
			fmt.Sprintf("%x  %s", sha256.Sum256(b.data), b.file),
			fmt.Sprintf("%x  src/%s", sha256.Sum256(sourceFont(t, r)), b.src),
		} {
			if !bytes.Contains(notice, []byte(line)) {
				t.Errorf("data/NOTICE.md lacks the line %q", line)
			}
		}
	}
}

// TestBuiltinNotice checks the notice of modification in the bundled faces'
// descriptions (GPL v3 §5a, LPPL 1.3c §6b), and that the upstream names stay.
func TestBuiltinNotice(t *testing.T) {
	for r := Role(0); r < NumRoles; r++ {
		f := face(t, r)
		desc := f.names[10]
		for _, want := range []string{"Modified by gazette on " + convertedOn, builtins[r].src, "NOTICE.md"} {
			if !strings.Contains(desc, want) {
				t.Errorf("%s: description %q lacks %q", f.Name(), desc, want)
			}
		}
		if f.names[nameCopyright] == "" || f.names[nameFamily] == "" || f.names[namePostScript] != f.Name() {
			t.Errorf("%s: names %v", f.Name(), f.names)
		}
	}
}

// TestFullCmap writes cmaps for hand-made mappings and reads them back.
func TestFullCmap(t *testing.T) {
	scattered := func(n int, seed int64) []cmapEntry {
		rng := rand.New(rand.NewSource(seed))
		var out []cmapEntry
		for r := rune(0x4E00); len(out) < n; r += rune(1 + rng.Intn(3)) {
			out = append(out, cmapEntry{r, uint16(1 + rng.Intn(20000))})
		}
		return out
	}
	run := func(from, to rune, g uint16) []cmapEntry {
		var out []cmapEntry
		for r := from; r <= to; r++ {
			out = append(out, cmapEntry{r, g + uint16(r-from)})
		}
		return out
	}
	cat := func(parts ...[]cmapEntry) []cmapEntry {
		var out []cmapEntry
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name   string
		maps   []cmapEntry
		astral bool
	}{
		{"empty", nil, false},
		{"one rune", []cmapEntry{{'A', 3}}, false},
		{"ASCII run", run(0x20, 0x7E, 1), false},
		{"short runs and gaps", cat(run('a', 'c', 5), run('e', 'e', 9), run('g', 'z', 40), []cmapEntry{{0x100, 2}}), false},
		{"delta run inside an array stretch", cat([]cmapEntry{{0x3000, 7}, {0x3001, 2}}, run(0x3002, 0x3020, 100), []cmapEntry{{0x3021, 1}}), false},
		{"glyph IDs wrap around delta", []cmapEntry{{0xFF00, 0x0200}, {0xFF01, 0x0201}, {0xFFFE, 5}}, false},
		{"10,000 scattered hanzi", scattered(10000, 1), false},
		{"beyond the BMP", cat(run('0', '9', 10), run(0x20000, 0x20010, 500), []cmapEntry{{0x2A6D6, 999}}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := fullCmap(tt.maps)
			if err != nil {
				t.Fatal(err)
			}
			cm, _, err := tables.ParseCmap(raw)
			if err != nil {
				t.Fatal(err)
			}
			var f4 tables.CmapSubtable4
			var f12 *tables.CmapSubtable12
			for _, rec := range cm.Records {
				switch s := rec.Subtable.(type) {
				case tables.CmapSubtable4:
					f4 = s
				case tables.CmapSubtable12:
					f12 = &s
				}
			}
			if (f12 != nil) != tt.astral || len(cm.Records) != map[bool]int{false: 2, true: 4}[tt.astral] {
				t.Fatalf("%d subtables, format 12 %v; want format 12 %v", len(cm.Records), f12 != nil, tt.astral)
			}
			want, got := make([]uint16, 0x10000), make([]uint16, 0x10000)
			for _, m := range tt.maps {
				if m.r <= 0xFFFF {
					want[m.r] = m.g
				}
			}
			fillCmap(got, f4)
			for r := range want {
				if got[r] != want[r] {
					t.Fatalf("format 4: %U → %d, want %d", r, got[r], want[r])
				}
			}
			if f12 == nil {
				return
			}
			got12 := map[rune]uint16{}
			for _, g := range f12.Groups {
				for c := g.StartCharCode; c <= g.EndCharCode; c++ {
					got12[rune(c)] = uint16(g.StartGlyphID + c - g.StartCharCode)
				}
			}
			if len(got12) != len(tt.maps) {
				t.Errorf("format 12 maps %d runes, want %d", len(got12), len(tt.maps))
			}
			for _, m := range tt.maps {
				if got12[m.r] != m.g {
					t.Errorf("format 12: %U → %d, want %d", m.r, got12[m.r], m.g)
				}
			}
		})
	}
}

// TestFullCmapOverflow checks that a BMP too scattered for format 4 is an
// error, not a broken table.
func TestFullCmapOverflow(t *testing.T) {
	var maps []cmapEntry
	for r := rune(1); r < 0xD800; r += 5 { // isolated runes on unrelated glyphs: one segment each
		maps = append(maps, cmapEntry{r, uint16(r*7 + 1)})
	}
	if _, err := fullCmap(maps); err == nil {
		t.Error("fullCmap accepted 11,000 isolated segments")
	}
}

// TestNameWithNotice adds the notice to a name table with and without a
// description.
func TestNameWithNotice(t *testing.T) {
	record := func(plat, enc, lang, id uint16, text string) nameRecord {
		var b []byte
		if plat == platformMac {
			b = []byte(text)
		} else {
			for _, c := range text {
				b = be.AppendUint16(b, uint16(c))
			}
		}
		return nameRecord{plat, enc, lang, id, b}
	}
	table := func(recs ...nameRecord) []byte {
		b := be.AppendUint16(nil, 0)
		b = be.AppendUint16(b, uint16(len(recs)))
		b = be.AppendUint16(b, uint16(6+12*len(recs)))
		var data []byte
		for _, r := range recs {
			for _, v := range []uint16{r.platform, r.encoding, r.language, r.id, uint16(len(r.text)), uint16(len(data))} {
				b = be.AppendUint16(b, v)
			}
			data = append(data, r.text...)
		}
		return append(b, data...)
	}
	tests := []struct {
		name     string
		src      []byte
		wantDesc string
		records  int
	}{
		{"no description", table(record(3, 1, langEnglishUS, 1, "Fam"), record(1, 0, 0, 1, "Fam")), "NOTE", 3},
		{"description", table(record(3, 1, langEnglishUS, 10, "Old."), record(3, 1, langEnglishUS, 6, "PS-Name")), "Old. NOTE", 2},
		{"Chinese description only", table(record(3, 1, 0x804, 10, "说明")), "NOTE", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := nameWithNotice(tt.src, "NOTE")
			if err != nil {
				t.Fatal(err)
			}
			recs := readNames(&opened{data: out, size: int64(len(out)),
				dirs: map[int]map[string]tableLoc{0: {"name": {0, int64(len(out))}}}}, 0)
			if len(recs) != tt.records {
				t.Errorf("%d records, want %d", len(recs), tt.records)
			}
			if got := englishNames(recs)[10]; got != tt.wantDesc {
				t.Errorf("description %q, want %q", got, tt.wantDesc)
			}
			for i := 1; i < int(be.Uint16(out[2:])); i++ { // records sorted by platform, encoding, language, ID
				a, b := out[6+12*(i-1):6+12*(i-1)+8], out[6+12*i:6+12*i+8]
				if bytes.Compare(a, b) > 0 {
					t.Errorf("record %d out of order", i)
				}
			}
		})
	}
	if _, err := nameWithNotice([]byte{0, 0}, "NOTE"); err == nil {
		t.Error("nameWithNotice accepted a 2-byte table")
	}
}

// TestCopySimpleGlyph checks the glyf copy path on hand-made glyphs.
func TestCopySimpleGlyph(t *testing.T) {
	var b glyphBuf
	b.p = []pt{{0, 0, true}, {0, 700, true}, {500, 700, false}, {500, 0, true}}
	b.pEnd = []int{4}
	b.bounds()
	var e encoder
	// plain is a glyph as the generator writes it: no instructions, zero
	// padding; withInstr(n) is the same glyph with n bytes of instructions.
	plain := e.glyph(nil, &b)
	withInstr := func(n int) []byte {
		out := append([]byte(nil), plain[:12]...)
		out = be.AppendUint16(out, uint16(n))
		out = append(out, bytes.Repeat([]byte{0xB0}, n)...)
		return append(out, plain[14:]...)
	}
	unpadded := bytes.TrimRight(plain, "\x00")
	composite := be.AppendUint16(nil, 0xFFFF)
	composite = append(composite, make([]byte, 12)...)
	tests := []struct {
		name   string
		data   []byte
		ok     bool
		want   []byte // nil: plain
		pts    int
		sliced bool // the result is data itself
	}{
		{"empty", nil, true, []byte{}, 0, false},
		{"no contours", append(be.AppendUint16(nil, 0), make([]byte, 8)...), true, []byte{}, 0, false},
		{"generated glyph", plain, true, nil, 4, true},
		{"instructions dropped", withInstr(5), true, nil, 4, false},
		{"padding added", unpadded, true, nil, 4, false},
		{"composite", composite, false, nil, 0, false},
		{"header only", plain[:9], false, nil, 0, false},
		{"coordinates cut", plain[:len(unpadded)-1], false, nil, 0, false},
		{"instruction length past the end", withInstr(5)[:14], false, nil, 0, false},
		{"contour ends decrease", append(append(be.AppendUint16(nil, 2), plain[2:10]...), 0, 3, 0, 1, 0, 0), false, nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eg, ok := copySimpleGlyph(tt.data)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			want := tt.want
			if want == nil {
				want = plain
			}
			if !bytes.Equal(eg.data, want) || eg.pts != tt.pts {
				t.Errorf("data %x (%d points), want %x (%d points)", eg.data, eg.pts, want, tt.pts)
			}
			if tt.sliced && &eg.data[0] != &tt.data[0] {
				t.Error("the glyph was copied, not sliced")
			}
			if len(want) > 0 && (eg.box != glyphBox{b.xMin, b.yMin, b.xMax, b.yMax, false} || eg.ctrs != 1) {
				t.Errorf("box %v, %d contours", eg.box, eg.ctrs)
			}
		})
	}
	// Random damage must give a well-formed glyph or ok false, never a panic.
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 20000; i++ {
		d := bytes.Clone(withInstr(rng.Intn(4)))
		for j := rng.Intn(6); j >= 0; j-- {
			d[rng.Intn(len(d))] = byte(rng.Intn(256))
		}
		d = d[:rng.Intn(len(d)+1)]
		eg, ok := copySimpleGlyph(d)
		if !ok || len(eg.data) == 0 {
			continue
		}
		if len(eg.data)%4 != 0 {
			t.Fatalf("%x: copied glyph of %d bytes, not padded", d, len(eg.data))
		}
		parsed, _, err := tables.ParseGlyph(eg.data)
		if err != nil {
			t.Fatalf("%x: copied glyph %x does not parse: %v", d, eg.data, err)
		}
		if sg, isSimple := parsed.Data.(tables.SimpleGlyph); !isSimple || len(sg.Points) != eg.pts || len(sg.EndPtsOfContours) != eg.ctrs {
			t.Fatalf("%x: copied glyph %x parses as %+v, want %d points in %d contours", d, eg.data, parsed.Data, eg.pts, eg.ctrs)
		}
	}
}

// TestChecksums checks the table checksums and head.checksumAdjustment of a
// subset and of the bundled faces.
func TestChecksums(t *testing.T) {
	sub, err := face(t, Fang).Subset([]rune(sampleGazette))
	if err != nil {
		t.Fatal(err)
	}
	fonts := map[string][]byte{"subset": sub}
	for r := Role(0); r < NumRoles; r++ {
		fonts[builtins[r].file] = builtins[r].data
	}
	for name, font := range fonts {
		if sum := checksum(font); sum != 0xB1B0AFBA {
			t.Errorf("%s: file checksum %#x, want 0xB1B0AFBA", name, sum)
		}
		for i := 0; i < int(be.Uint16(font[4:])); i++ {
			rec := font[12+16*i:]
			tag, want := string(rec[:4]), be.Uint32(rec[4:])
			off, n := be.Uint32(rec[8:]), be.Uint32(rec[12:])
			table := bytes.Clone(font[off : off+n])
			if tag == "head" {
				be.PutUint32(table[8:], 0)
			}
			if got := checksum(table); got != want {
				t.Errorf("%s: table %q checksum %#x, directory says %#x", name, tag, got, want)
			}
		}
	}
}
