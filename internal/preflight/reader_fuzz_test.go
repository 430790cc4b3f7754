package preflight

import (
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// FuzzLexer: the content-stream lexer ends on any bytes, never panics, and
// every token moves it forward.
func FuzzLexer(f *testing.F) {
	for _, s := range contentSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l := &lexer{b: data}
		for n := 0; ; n++ {
			before := l.pos
			if _, ok := l.next(); !ok {
				return
			}
			if l.pos <= before || n > len(data) {
				t.Fatalf("token %d: the lexer is stuck at %d of %d", n, before, len(data))
			}
		}
	})
}

// FuzzScanContent: the content scanner runs any page content against a page
// whose resources hold a font, images, a form, patterns, a shading, colour
// spaces and graphics states, without panicking, and every finding it makes
// has a code and a message for this page.
func FuzzScanContent(f *testing.F) {
	for _, s := range contentSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		c, res := scanFixture(t)
		s := &scanner{c: c, page: 1, seen: map[int]bool{}, found: map[string]Finding{}}
		s.gs, s.base, s.res = initialState(), identity, res
		s.run(content)
		for _, k := range s.order {
			if f := s.found[k]; f.Code == "" || f.Message == "" || len(f.Pages) != 1 || f.Pages[0] != 1 {
				t.Fatalf("finding %+v", f)
			}
		}
	})
}

// contentSeeds are page contents that reach every operator the scanner
// interprets.
var contentSeeds = []string{
	"", "q 1 0 0 1 0 0 cm Q", "BT /F1 12 Tf 0 g (x) Tj ET", "BT /F1 12 Tf 1 0 0 rg [(a) -250 (b)] TJ ET",
	"0 0 0 1 k 0 0 0 1 K 0.2 G 1 0 0 RG", "/CS0 cs 1 0 0 sc /CS1 CS 1 SCN", "q 100 0 0 100 0 0 cm /Im1 Do Q",
	"/Fm1 Do", "/Pattern cs /P1 scn 0 0 10 10 re f /Pattern CS /P3 SCN", "/Sh1 sh", "/GS1 gs",
	"BI /W 2 /H 2 /CS /RGB /BPC 8 ID \x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b EI Q",
	"BI /W 1 /H 1 /CS /G /BPC 1 /IM true ID \x80 EI", "% comment\n/Span << /ActualText (a\\)) >> BDC EMC",
	"<48 65> Tj ' \" d0 d1 Tr 3 Tr", "q q q q Q Q Q Q Q Q", "[1 2 3] 0 d 1 w 2 J 0 j", "/F1 1 Tf 2 Tr (x) Tj",
}

var (
	fixtureOnce sync.Once
	fixtureCtx  *model.Context
	fixtureRes  types.Dict
	fixtureErr  error
)

// scanFixture reads, once per process, a document whose first page has one
// of each kind of resource the scanner looks up.
func scanFixture(t *testing.T) (*checker, types.Dict) {
	t.Helper()
	fixtureOnce.Do(func() {
		d := newRaw()
		fn := d.add("<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 1 1 0] /N 1 >>")
		icc := d.stream("/N 3", "icc")
		img := d.stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 /ColorSpace /DeviceRGB", "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b")
		mask := d.stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 /ColorSpace /DeviceGray", "\x00\x01\x02\x03")
		img2 := d.stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 /ColorSpace /DeviceCMYK /SMask %d 0 R", mask), "0123456789abcdef")
		font := d.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
		t3 := d.stream("", "0 0 d0 1 0 0 rg 0 0 1 1 re f")
		type3 := d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] /CharProcs << /a %d 0 R >> /Encoding << /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1] >>", t3))
		form := d.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Group << /S /Transparency /CS /DeviceRGB >> /Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >>", font, img),
			"BT /F1 9 Tf 0 0 1 rg (f) Tj ET /Im1 Do /Fm1 Do")
		p1 := d.stream("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << >>", "0 0 1 rg 0 0 5 5 re f")
		p3 := d.add("<< /Type /Pattern /PatternType 2 /Shading << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1 >> >> >>")
		res := fmt.Sprintf("<< /Font << /F1 %d 0 R /T3 %d 0 R >> /XObject << /Im1 %d 0 R /Im2 %d 0 R /Fm1 %d 0 R >> "+
			"/Pattern << /P1 %d 0 R /P3 %d 0 R >> /Shading << /Sh1 << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 1 0] /Function %d 0 R >> >> "+
			"/ColorSpace << /CS0 [/ICCBased %d 0 R] /CS1 [/Separation /Gold /DeviceCMYK %d 0 R] /PR [/Pattern /DeviceRGB] >> "+
			"/ExtGState << /GS1 << /ca 0.5 /SMask << /S /Luminosity >> /BM /Multiply >> >> >>",
			font, type3, img, img2, form, p1, p3, fn, icc, fn)
		d.page(trimmed, res, "0 g")
		path := d.write(t, "", "")
		data, err := os.ReadFile(path)
		if err != nil {
			fixtureErr = err
			return
		}
		if fixtureCtx, fixtureErr = read(data); fixtureErr != nil {
			return
		}
		if fixtureErr = fixtureCtx.EnsurePageCount(); fixtureErr != nil {
			return
		}
		_, _, inh, err := fixtureCtx.PageDict(1, false)
		if err != nil || inh == nil {
			fixtureErr = fmt.Errorf("page 1 of the fixture: %v", err)
			return
		}
		fixtureRes = inh.Resources
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return &checker{ctx: fixtureCtx, fonts: map[int]string{}, trims: map[int]*types.Rectangle{}}, fixtureRes
}

// TestScanFixtureIsReached: the fuzz fixture's resources are found, so the
// fuzzer explores the nested streams and not only the lexer.
func TestScanFixtureIsReached(t *testing.T) {
	for content, code := range map[string]string{
		"/Im1 Do":                    "color-rgb",
		"/Fm1 Do":                    "color-rgb",
		"/Pattern cs /P1 scn":        "color-rgb",
		"/CS0 cs 1 0 0 sc":           "color-rgb",
		"/CS1 cs 1 scn":              "color-spot",
		"BT /F1 12 Tf 0 g (x) Tj ET": "font-not-embedded",
	} {
		c, res := scanFixture(t)
		s := &scanner{c: c, page: 1, seen: map[int]bool{}, found: map[string]Finding{}}
		s.gs, s.base, s.res = initialState(), identity, res
		s.run([]byte(content))
		var codes []string
		for _, k := range s.order {
			codes = append(codes, s.found[k].Code)
		}
		if !slices.Contains(codes, code) {
			t.Errorf("%q: findings %q, want %s", content, codes, code)
		}
	}
}
