package fonts

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font/opentype/tables"
)

// TestAdvanceMatchesFpdf checks that Advance is exactly the width fpdf
// measures with and writes to the PDF's /W array for Subset's font.
func TestAdvanceMatchesFpdf(t *testing.T) {
	tests := []struct {
		role Role
		text string
	}{
		{Fang, sampleHanzi + samplePunct + "‘’　0123456789 Aa"},
		{Hei, sampleHanzi + samplePunct},
		{Latin, sampleLatin + "“”‘’—…·,.;:!?()[]"},
	}
	const size = 15.5
	for _, tt := range tests {
		t.Run(tt.role.Key(), func(t *testing.T) {
			f := face(t, tt.role)
			font, err := f.Subset([]rune(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			pdf := pdfWith(t, font, tt.text, size)
			var sum float64
			for _, r := range tt.text {
				a, ok := f.Advance(r)
				if !ok {
					t.Fatalf("Advance(%q) not covered", r)
				}
				sum += a * size
				units := pdf.GetStringSymbolWidth(string(r))
				if float64(units) != a*1000 {
					t.Errorf("%q: fpdf width %d/1000 em, Advance %v em", r, units, a)
				}
				if w := pdf.GetStringWidth(string(r)); math.Abs(w-a*size) > 1e-12 {
					t.Errorf("%q: GetStringWidth %v pt, Advance×size %v pt", r, w, a*size)
				}
			}
			if w := pdf.GetStringWidth(tt.text); math.Abs(w-sum) > 1e-9 {
				t.Errorf("whole string: GetStringWidth %v, sum of Advance×size %v", w, sum)
			}
			widths := pdfWidths(t, output(t, pdf))
			for _, r := range tt.text {
				a, _ := f.Advance(r)
				if w, ok := widths[int(r)]; !ok || float64(w) != a*1000 {
					t.Errorf("%q: /W width %d (present %v), Advance×1000 %v", r, w, ok, a*1000)
				}
			}
		})
	}
}

// subsetCase is one font source the PDF round trip runs on.
type subsetCase struct {
	name string
	src  func(t *testing.T) Source
	role Role // for bundled faces; user sources are loaded as Song
}

func subsetCases() []subsetCase {
	user := func(path, pkg string, index int, name string) func(t *testing.T) Source {
		return func(t *testing.T) Source {
			return Source{Path: needFile(t, path, pkg), Index: index, Name: name}
		}
	}
	builtin := func(*testing.T) Source { return Source{} }
	source := func(r Role) func(*testing.T) Source {
		return func(*testing.T) Source { return Source{Path: sourcePath(r)} }
	}
	return []subsetCase{
		{"built-in TTF FandolFang", builtin, Fang},
		{"built-in TTF FandolSong-Bold", builtin, Title},
		{"built-in TTF Termes", builtin, Latin},
		{"OTF CFF CID-keyed FandolFang", source(Fang), Song},
		{"OTF CFF FandolSong-Bold", source(Title), Song},
		{"OTF CFF Termes", source(Latin), Song},
		{"OTC face 1 (CFF)", func(t *testing.T) Source {
			path := filepath.Join(t.TempDir(), "pair.otc")
			if err := os.WriteFile(path, makeCollection(t, sourceFont(t, Latin), sourceFont(t, Kai)), 0o644); err != nil {
				t.Fatal(err)
			}
			return Source{Path: path, Index: 1}
		}, Song},
		{"TTC face 1 (built-in TTFs, 1000 upem)", func(t *testing.T) Source {
			path := filepath.Join(t.TempDir(), "pair.ttc")
			if err := os.WriteFile(path, makeCollection(t, termes, fandolKai), 0o644); err != nil {
				t.Fatal(err)
			}
			return Source{Path: path, Index: 1}
		}, Song},
		{"TTF gbsn00lp (1024 upem)", user(gbsnPath, gbsnPkg, 0, ""), Song},
		{"TTC wqy-microhei face 1", user(microHeiPath, microHeiPkg, 1, ""), Song},
		{"TTC uming by name", user(umingPath, umingPkg, 0, "AR PL UMing CN"), Song},
	}
}

// TestSubsetPDF builds a PDF with each subset and reads it back with poppler.
func TestSubsetPDF(t *testing.T) {
	for _, tc := range subsetCases() {
		t.Run(tc.name, func(t *testing.T) {
			var f *Face
			if src := tc.src(t); src.Path == "" {
				f = face(t, tc.role)
			} else {
				var err error
				if f, err = userFace(t, src); err != nil {
					t.Fatal(err)
				}
			}
			text := covered(f, sampleGazette+sampleLatin)
			if len([]rune(text)) < 20 {
				t.Fatalf("%s covers too little of the sample: %q", f.Name(), text)
			}
			font, err := f.Subset([]rune(text))
			if err != nil {
				t.Fatal(err)
			}
			pdf := output(t, pdfWith(t, font, text, 8))
			want := strings.Join(strings.Fields(text), "")
			if got := pdftotext(t, pdf); got != want {
				t.Errorf("pdftotext = %q, want %q", got, want)
			}
			if ok, out := pdffontsEmbedded(t, pdf); !ok {
				t.Errorf("pdffonts does not show the font embedded:\n%s", out)
			}
		})
	}
}

func TestSubsetDeterministic(t *testing.T) {
	f := face(t, Fang)
	runes := []rune(sampleGazette + sampleLatin)
	a, err := f.Subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(runes)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	shuffled = append(shuffled, runes[:5]...) // repeats change nothing
	fresh, err := loadFace(Fang, Source{})    // a face parsed anew
	if err != nil {
		t.Fatal(err)
	}
	b, err := fresh.Subset(shuffled)
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(a) != sha256.Sum256(b) {
		t.Error("same runes gave different subset bytes")
	}
}

// TestSubsetRoundTrip reads a subset back as a user TrueType font: same
// advances, same coverage, and subsetting it again gives the same bytes.
func TestSubsetRoundTrip(t *testing.T) {
	for _, role := range []Role{Fang, Latin} {
		t.Run(role.Key(), func(t *testing.T) {
			f := face(t, role)
			text := covered(f, sampleGazette+sampleLatin)
			font, err := f.Subset([]rune(text))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "sub.ttf")
			if err := os.WriteFile(path, font, 0o644); err != nil {
				t.Fatal(err)
			}
			g, err := userFace(t, Source{Path: path})
			if err != nil {
				t.Fatal(err)
			}
			if g.Name() != f.Name() || g.Ascent() != f.Ascent() || g.Descent() != f.Descent() || g.CapHeight() != f.CapHeight() {
				t.Errorf("metrics changed: %q %v %v %v → %q %v %v %v", f.Name(), f.Ascent(), f.Descent(), f.CapHeight(),
					g.Name(), g.Ascent(), g.Descent(), g.CapHeight())
			}
			for _, r := range text {
				a, _ := f.Advance(r)
				if b, ok := g.Advance(r); !ok || a != b {
					t.Errorf("%q: Advance %v, in the subset %v (covered %v)", r, a, b, ok)
				}
			}
			distinct := map[uint16]bool{0: true}
			for _, r := range text {
				distinct[f.gids[r]] = true
			}
			if g.Covers('鼎') || g.Covers('Q') || g.NumGlyphs() != len(distinct) {
				t.Errorf("subset has %d glyphs, want %d", g.NumGlyphs(), len(distinct))
			}
			again, err := g.Subset([]rune(text))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, font) {
				t.Error("subsetting the subset changed its bytes")
			}
		})
	}
}

// TestCompositeGlyphs flattens TrueType composite glyphs (DejaVu builds é
// from e and an accent, 2048 units per em) into simple ones.
func TestCompositeGlyphs(t *testing.T) {
	f, err := userFace(t, Source{Path: needFile(t, dejavuPath, dejavuPkg)})
	if err != nil {
		t.Fatal(err)
	}
	var e, eAcute glyphBuf
	if err := f.loadGlyph(f.gids['e'], &e); err != nil {
		t.Fatal(err)
	}
	if err := f.loadGlyph(f.gids['é'], &eAcute); err != nil {
		t.Fatal(err)
	}
	if len(eAcute.pEnd) != len(e.pEnd)+1 {
		t.Errorf("é has %d contours, want e's %d plus the accent's", len(eAcute.pEnd), len(e.pEnd))
	}
	if !slices.Equal(eAcute.p[:len(e.p)], e.p) {
		t.Error("é does not start with e's outline")
	}
	if eAcute.yMax <= e.yMax+100 || eAcute.yMin != e.yMin {
		t.Errorf("é spans y %d..%d, e %d..%d: the accent is not above", eAcute.yMin, eAcute.yMax, e.yMin, e.yMax)
	}
	const text = "café naïve Ångström"
	font, err := f.Subset([]rune(text))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join(strings.Fields(text), "")
	if got := pdftotext(t, output(t, pdfWith(t, font, text, 12))); got != want {
		t.Errorf("pdftotext = %q, want %q", got, want)
	}
}

// TestSubsetGlyphCount checks that repeats and runes sharing a glyph (in
// FandolFang · and • are one glyph, … and ⋯ another) add no glyphs.
func TestSubsetGlyphCount(t *testing.T) {
	const text = "国国务院。·•…⋯"
	font, err := face(t, Fang).Subset([]rune(text))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sub.ttf")
	if err := os.WriteFile(path, font, 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := userFace(t, Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if g.NumGlyphs() != 7 { // .notdef 国 务 院 。 · …
		t.Errorf("subset has %d glyphs, want 7", g.NumGlyphs())
	}
	for _, r := range text {
		if !g.Covers(r) {
			t.Errorf("subset lacks %q", r)
		}
	}
	for _, pair := range [][2]rune{{'·', '•'}, {'…', '⋯'}} {
		if g.gids[pair[0]] != g.gids[pair[1]] {
			t.Errorf("%q and %q map to glyphs %d and %d, want one", pair[0], pair[1], g.gids[pair[0]], g.gids[pair[1]])
		}
	}
	if text := covered(g, text); pdftotext(t, output(t, pdfWith(t, font, text, 12))) != text {
		t.Errorf("pdftotext lost shared-glyph runes")
	}
}

func TestSubsetErrors(t *testing.T) {
	tests := []struct {
		name    string
		role    Role
		runes   []rune
		missing []rune
		want    []string
	}{
		{"astral", Fang, []rune{'国', 0x20000}, []rune{0x20000}, []string{"仿宋（正文）", "U+20000"}},
		{"astral only", Latin, []rune{0x1F600}, []rune{0x1F600}, []string{"U+1F600"}},
		{"negative", Fang, []rune{-5}, []rune{-5}, []string{"仿宋"}},
		{"uncovered", Latin, []rune("A国"), []rune("国"), []string{"西文字体", "TeXGyreTermes-Regular", "国（U+56FD）"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			font, err := face(t, tt.role).Subset(tt.runes)
			if font != nil {
				t.Error("Subset returned a font with its error")
			}
			var me *MissingError
			if !errors.As(err, &me) {
				t.Fatalf("error %v (%T) is not a *MissingError", err, err)
			}
			if me.Role != tt.role || !slices.Equal(me.Runes, tt.missing) {
				t.Errorf("MissingError{Role: %v, Runes: %q}, want %v, %q", me.Role, me.Runes, tt.role, tt.missing)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q does not say %q", err, w)
				}
			}
		})
	}
}

func TestSubsetEmpty(t *testing.T) {
	font, err := face(t, Fang).Subset(nil)
	if err != nil {
		t.Fatal(err)
	}
	pdfWith(t, font, "", 12) // fpdf must still load a .notdef-only font
}

// TestGlyphEncoding decodes encoded glyphs with go-text and compares points.
func TestGlyphEncoding(t *testing.T) {
	tests := [][][]pt{
		{{{0, 0, true}, {0, 700, true}, {500, 700, false}, {500, 0, true}}},
		{ // long, short, same and negative deltas; two contours
			{{-300, -200, true}, {-300, 5000, true}, {32767, 5000, false}},
			{{1, 1, true}, {2, 1, true}, {3, 1, true}, {4, 1, true}, {4, -254, false}},
		},
	}
	var e encoder
	for i, contours := range tests {
		var b glyphBuf
		for _, c := range contours {
			b.p = append(b.p, c...)
			b.pEnd = append(b.pEnd, len(b.p))
		}
		b.bounds()
		parsed, _, err := tables.ParseGlyph(e.glyph(nil, &b))
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		sg, ok := parsed.Data.(tables.SimpleGlyph)
		if !ok {
			t.Fatalf("case %d: not a simple glyph", i)
		}
		if len(sg.Points) != len(b.p) || len(sg.EndPtsOfContours) != len(contours) {
			t.Fatalf("case %d: %d points in %d contours, want %d in %d", i, len(sg.Points),
				len(sg.EndPtsOfContours), len(b.p), len(contours))
		}
		for j, p := range sg.Points {
			if int32(p.X) != b.p[j].x || int32(p.Y) != b.p[j].y || (p.Flag&1 != 0) != b.p[j].on {
				t.Errorf("case %d point %d: %+v, want %+v", i, j, p, b.p[j])
			}
		}
		if parsed.XMin != int16(b.xMin) || parsed.YMax != int16(b.yMax) {
			t.Errorf("case %d: bbox %d..%d, want %d..%d", i, parsed.XMin, parsed.YMax, b.xMin, b.yMax)
		}
	}
}

func TestPackFlagsRepeats(t *testing.T) {
	flags := bytes.Repeat([]byte{flagOnCurve}, 600)
	packed := packFlags(nil, flags)
	// 600 = 256 + 256 + 88: three runs of flag + repeat count.
	want := []byte{flagOnCurve | flagRepeat, 255, flagOnCurve | flagRepeat, 255, flagOnCurve | flagRepeat, 87}
	if !bytes.Equal(packed, want) {
		t.Errorf("packFlags = %v, want %v", packed, want)
	}
}

// TestCubicToQuads samples random cubics and checks the quadratic pieces stay
// within the tolerance.
func TestCubicToQuads(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pt := func() fpt { return fpt{rng.Float64()*1000 - 100, rng.Float64()*1000 - 100, true} }
	for i := 0; i < 500; i++ {
		p0, p1, p2, p3 := pt(), pt(), pt(), pt()
		out := cubicToQuads([]fpt{p0}, p0, p1, p2, p3, quadTolerance)
		if d := maxDeviation(p0, p1, p2, p3, out); d > quadTolerance+1e-6 {
			t.Fatalf("cubic %v %v %v %v: deviation %v > %v with %d points", p0, p1, p2, p3, d, quadTolerance, len(out))
		}
	}
	// A straight cubic is one line, not curve pieces.
	line := cubicToQuads(nil, fpt{0, 0, true}, fpt{10, 10, true}, fpt{20, 20, true}, fpt{30, 30, true}, quadTolerance)
	if len(line) != 1 || !line[0].on {
		t.Errorf("straight cubic gave %v", line)
	}
}

// maxDeviation is the largest distance between the cubic and the quadratic
// spline out (which starts at p0), comparing each of the n pieces with the
// n-th of the cubic's parameter range it replaces, point by point.
func maxDeviation(p0, p1, p2, p3 fpt, out []fpt) float64 {
	n := (len(out) - 1) / 2
	worst := 0.0
	for i := 0; i < n; i++ {
		a, c, b := out[2*i], out[2*i+1], out[2*i+2]
		for k := 0; k <= 100; k++ {
			s := float64(k) / 100
			qx := (1-s)*(1-s)*a.x + 2*s*(1-s)*c.x + s*s*b.x
			qy := (1-s)*(1-s)*a.y + 2*s*(1-s)*c.y + s*s*b.y
			t := (float64(i) + s) / float64(n)
			u := 1 - t
			cx := u*u*u*p0.x + 3*t*u*u*p1.x + 3*t*t*u*p2.x + t*t*t*p3.x
			cy := u*u*u*p0.y + 3*t*u*u*p1.y + 3*t*t*u*p2.y + t*t*t*p3.y
			worst = max(worst, math.Hypot(qx-cx, qy-cy))
		}
	}
	return worst
}

func TestDedupeAndImplied(t *testing.T) {
	tests := []struct {
		name    string
		in, out []pt
	}{
		{"repeated on point", []pt{{0, 0, true}, {0, 0, true}, {10, 0, true}, {10, 10, true}},
			[]pt{{0, 0, true}, {10, 0, true}, {10, 10, true}}},
		{"closing point repeats the first", []pt{{0, 0, true}, {10, 0, true}, {10, 10, true}, {0, 0, true}},
			[]pt{{0, 0, true}, {10, 0, true}, {10, 10, true}}},
		{"control on its end point", []pt{{0, 0, true}, {10, 0, false}, {10, 0, true}, {10, 10, true}},
			[]pt{{0, 0, true}, {10, 0, true}, {10, 10, true}}},
		{"implied midpoint", []pt{{0, 0, true}, {10, 0, false}, {10, 5, true}, {10, 10, false}, {0, 10, true}},
			[]pt{{0, 0, true}, {10, 0, false}, {10, 10, false}, {0, 10, true}}},
		{"odd midpoint kept", []pt{{0, 0, true}, {10, 0, false}, {10, 5, true}, {10, 11, false}, {0, 10, true}},
			[]pt{{0, 0, true}, {10, 0, false}, {10, 5, true}, {10, 11, false}, {0, 10, true}}},
	}
	for _, tt := range tests {
		if got := dropImplied(dedupe(tt.in)); !slices.Equal(got, tt.out) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.out)
		}
	}
}
