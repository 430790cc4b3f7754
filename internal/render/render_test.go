package render

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/fonts"
	"gazette/layout"
)

const a4W, a4H = 210 * layout.MM, 297 * layout.MM

// testBook is a two-page A4 book without text (so no fonts are needed): a
// full-bleed band on the first page, a rule across it, a picture, and a
// link from the second page to the first.
func testBook(t *testing.T) *layout.Book {
	t.Helper()
	p1 := &layout.Page{Recto: true,
		Boxes:  []layout.FillBox{{X: 0, Y: 0, W: a4W, H: 50, Gray: 0.5, Bleed: true}, {X: 100, Y: 100, W: 20, H: 20}},
		Rules:  []layout.Rule{{X1: 0, Y1: 60, X2: a4W, Y2: 60, Width: 1, Color: layout.Red, Bleed: true}},
		Images: []layout.Picture{{Path: writePNG(t, alphaImage()), X: 200, Y: 200, W: 100, H: 50}},
	}
	p2 := &layout.Page{Links: []layout.Link{{X: 100, Y: 100, W: 50, H: 20, Target: 0}}}
	return &layout.Book{Title: "测试公报 2023年第4期", Pages: []*layout.Page{p1, p2}, Width: a4W, Height: a4H}
}

// alphaImage is a red-to-transparent gradient with a grey corner.
func alphaImage() image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, 8, 4))
	for x := 0; x < 8; x++ {
		for y := 0; y < 4; y++ {
			img.SetNRGBA(x, y, color.NRGBA{R: 255, A: uint8(255 - 30*x)})
		}
	}
	img.SetNRGBA(0, 0, color.NRGBA{R: 128, G: 128, B: 128, A: 255})
	return img
}

func writePNG(t *testing.T, img image.Image) string {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "图.png")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func options(p *Print) Options {
	return Options{Created: time.Date(2023, 8, 30, 12, 0, 0, 0, time.UTC), Author: "办公室", Subject: "2023年第4期", Print: p}
}

func renderBook(t *testing.T, b *layout.Book, opt Options) []byte {
	t.Helper()
	data, err := Render(b, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readBack(t *testing.T, data []byte) *model.Context {
	t.Helper()
	ctx, err := pdfcpu.Read(bytes.NewReader(data), pdfcpuConfig())
	if err != nil {
		t.Fatalf("pdfcpu cannot read the PDF back: %v", err)
	}
	return ctx
}

// boxesOf returns each page's MediaBox, BleedBox and TrimBox (a missing box
// defaults to the MediaBox, as in ISO 32000-1 14.11.2).
func boxesOf(t *testing.T, ctx *model.Context) [][3]*types.Rectangle {
	t.Helper()
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	var out [][3]*types.Rectangle
	for i := range ctx.PageCount {
		d, _, inh, err := ctx.PageDict(i+1, false)
		if err != nil {
			t.Fatal(err)
		}
		media := inh.MediaBox
		if a := d.ArrayEntry("MediaBox"); a != nil {
			media = types.RectForArray(a)
		}
		bleed, trim := media, media
		if a := d.ArrayEntry("BleedBox"); a != nil {
			bleed = types.RectForArray(a)
		}
		if a := d.ArrayEntry("TrimBox"); a != nil {
			trim = types.RectForArray(a)
		}
		out = append(out, [3]*types.Rectangle{media, bleed, trim})
	}
	return out
}

func contains(outer, inner *types.Rectangle) bool {
	return outer.LL.X <= inner.LL.X && outer.LL.Y <= inner.LL.Y && outer.UR.X >= inner.UR.X && outer.UR.Y >= inner.UR.Y
}

func TestPageBoxesNest(t *testing.T) {
	mm := layout.MM
	tests := []struct {
		name         string
		pr           *Print
		media, bleed float64 // expected margin around the trim, bp
	}{
		{"web", nil, 0, 0},
		{"print, 3 mm bleed", &Print{BleedMM: 3, Condition: "FOGRA39"}, 3 * mm, 3 * mm},
		{"print, marks", &Print{BleedMM: 3, CropMarks: true, Condition: "JC200103"}, 13 * mm, 3 * mm},
		{"print, no bleed", &Print{BleedMM: 0, Condition: "CGATS TR 001"}, 0, 0},
		{"print, 5 mm bleed and marks", &Print{BleedMM: 5, CropMarks: true, Condition: "FOGRA39"}, 15 * mm, 5 * mm},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := readBack(t, renderBook(t, testBook(t), options(tt.pr)))
			for i, b := range boxesOf(t, ctx) {
				media, bleed, trim := b[0], b[1], b[2]
				if !contains(media, bleed) || !contains(bleed, trim) {
					t.Errorf("page %d: boxes do not nest: media %v bleed %v trim %v", i+1, media, bleed, trim)
				}
				if math.Abs(trim.Width()-a4W) > 0.006 || math.Abs(trim.Height()-a4H) > 0.006 {
					t.Errorf("page %d: TrimBox %.3f × %.3f, want A4 %.3f × %.3f", i+1, trim.Width(), trim.Height(), a4W, a4H)
				}
				if d := trim.LL.X - media.LL.X; math.Abs(d-tt.media) > 0.006 {
					t.Errorf("page %d: media reaches %.3f bp beyond the trim, want %.3f", i+1, d, tt.media)
				}
				if d := trim.LL.X - bleed.LL.X; math.Abs(d-tt.bleed) > 0.006 {
					t.Errorf("page %d: bleed %.3f bp, want %.3f", i+1, d, tt.bleed)
				}
			}
		})
	}
}

func TestPDFXStructure(t *testing.T) {
	data := renderBook(t, testBook(t), options(&Print{BleedMM: 3, CropMarks: true, Condition: "JC200103"}))
	if !bytes.HasPrefix(data, []byte("%PDF-1.3\n")) {
		t.Errorf("header %q, want PDF 1.3 (PDF/X-1a:2001)", data[:9])
	}
	for _, banned := range []string{"/Transparency", "/SMask", "/DeviceRGB", " rg\n", " RG\n", "/Annots", "/OpenAction", "/JavaScript"} {
		if bytes.Contains(data, []byte(banned)) {
			t.Errorf("the print PDF contains %s", banned)
		}
	}
	ctx := readBack(t, data)
	root, _ := ctx.Catalog()
	for _, banned := range []string{"Names", "Lang", "OpenAction"} { // embedded files; PDF 1.4; actions
		if _, ok := root.Find(banned); ok {
			t.Errorf("the print PDF's catalog has /%s", banned)
		}
	}
	info, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"GTS_PDFXVersion": "PDF/X-1:2001", "GTS_PDFXConformance": "PDF/X-1a:2001"} {
		if got := info.StringEntry(key); got == nil || *got != want {
			t.Errorf("Info %s = %v, want %s", key, got, want)
		}
	}
	if n := info.NameEntry("Trapped"); n == nil || *n != "False" {
		t.Errorf("Info Trapped = %v, want /False", n)
	}
	if _, ok := info.Find("Title"); !ok {
		t.Error("Info lacks Title")
	}
	for _, key := range []string{"CreationDate", "ModDate"} { // with the time zone
		if got := info.StringEntry(key); got == nil || *got != "D:20230830120000+00'00'" {
			t.Errorf("Info %s = %v", key, got)
		}
	}
	intents := root.ArrayEntry("OutputIntents")
	if len(intents) != 1 {
		t.Fatalf("%d output intents, want exactly one", len(intents))
	}
	oi := intents[0].(types.Dict)
	for key, want := range map[string]string{"OutputConditionIdentifier": "JC200103", "RegistryName": "http://www.color.org", "Info": "Japan Color 2001 Coated"} {
		if got := oi.StringEntry(key); got == nil || *got != want {
			t.Errorf("OutputIntent %s = %v, want %s", key, got, want)
		}
	}
	if s := oi.NameEntry("S"); s == nil || *s != "GTS_PDFX" {
		t.Errorf("OutputIntent /S = %v", s)
	}
	if _, ok := oi.Find("DestOutputProfile"); ok {
		t.Error("a registered condition needs no DestOutputProfile")
	}
	if len(ctx.ID) != 2 {
		t.Errorf("trailer /ID = %v", ctx.ID)
	}
	conf := pdfcpuConfig()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(data), conf); err != nil {
		t.Errorf("pdfcpu validate (strict): %v", err)
	}
}

func TestSameInputsSameBytesAndContentID(t *testing.T) {
	b := testBook(t)
	opt := options(&Print{BleedMM: 3, CropMarks: true, Condition: "FOGRA39"})
	first := renderBook(t, b, opt)
	for i := 0; i < 5; i++ {
		if again := renderBook(t, b, opt); !bytes.Equal(first, again) {
			t.Fatal("two renders of the same book differ")
		}
	}
	b.Pages[1].Boxes = append(b.Pages[1].Boxes, layout.FillBox{X: 1, Y: 1, W: 1, H: 1})
	other := renderBook(t, b, opt)
	id := func(d []byte) string { return fmt.Sprint(readBack(t, d).ID) }
	if id(first) == id(other) {
		t.Errorf("different content, same /ID %s", id(first))
	}
}

func TestBleedAndCropMarks(t *testing.T) {
	b := testBook(t)
	mm := layout.MM
	out := renderBook(t, b, options(&Print{BleedMM: 3, CropMarks: true, Condition: "FOGRA39"}))
	fr := newFrame(b, &Print{BleedMM: 3, CropMarks: true})
	// The band at the top of page 1 touches the trim on the left, top and
	// right: it reaches the bleed edge on those sides (PDF y is bottom-up).
	band := fmt.Sprintf("%.2f %.2f %.2f %.2f re f", 10*mm, fr.mediaH()-10*mm-50-3*mm, a4W+6*mm, 50+3*mm)
	if !bytes.Contains(out, []byte(band)) {
		t.Errorf("no bleeding band %q in the content", band)
	}
	inner := fmt.Sprintf("%.2f %.2f 20.00 20.00 re f", fr.x(100), fr.y(120))
	if !bytes.Contains(out, []byte(inner)) {
		t.Errorf("a box inside the page moved: no %q", inner)
	}
	rule := fmt.Sprintf("%.2f %.2f m %.2f %.2f l S", 10*mm, fr.y(60), fr.mediaW()-10*mm, fr.y(60))
	if !bytes.Contains(out, []byte(rule)) {
		t.Errorf("no bleeding rule %q", rule)
	}
	if n := bytes.Count(out, []byte("1 1 1 1 K")); n != len(b.Pages) {
		t.Errorf("%d pages with registration-colour marks, want %d", n, len(b.Pages))
	}
	if n := strings.Count(fr.cropMarks(), " l S"); n != 8 {
		t.Errorf("%d crop mark lines per page, want 8", n)
	}
	web := renderBook(t, b, options(nil))
	if bytes.Contains(web, []byte("1 1 1 1 K")) {
		t.Error("the web edition has crop marks")
	}
	if !bytes.Contains(web, []byte(fmt.Sprintf("0.00 %.2f 595.28 50.00 re f", a4H-50))) {
		t.Error("the web edition's band is not at the trim edge")
	}
	if !bytes.Contains(web, []byte("/Annots")) {
		t.Error("the web edition lost its link")
	}
}

func TestPicturesHaveNoAlphaAndNoRGB(t *testing.T) {
	b := testBook(t)
	for _, tt := range []struct {
		mode  ImageMode
		space string
	}{{ImagesCMYK, "CMYK"}, {ImagesGray, "G"}} {
		opt := options(&Print{BleedMM: 3, Condition: "FOGRA39"})
		opt.Images = tt.mode
		data := renderBook(t, b, opt)
		if im := "BI /W 8 /H 4 /CS /" + tt.space + " /BPC 8 "; !bytes.Contains(data, []byte(im)) {
			t.Errorf("mode %d: no inline image %q", tt.mode, im)
		}
		if bytes.Contains(data, []byte("/SMask")) || bytes.Contains(data, []byte("/Group")) || !bytes.HasPrefix(data, []byte("%PDF-1.3")) {
			t.Errorf("mode %d: the picture brought transparency along", tt.mode)
		}
	}
}

func TestMissingPictureIsAnError(t *testing.T) {
	b := testBook(t)
	b.Pages[0].Images[0].Path = filepath.Join(t.TempDir(), "无.png")
	if _, err := Render(b, nil, options(nil)); err == nil || !strings.Contains(err.Error(), "无.png") {
		t.Errorf("err = %v, want one naming the picture", err)
	}
}

func TestUnknownConditionIsAnError(t *testing.T) {
	_, err := Render(testBook(t), nil, options(&Print{Condition: "ISO Coated v2"}))
	if err == nil || !strings.Contains(err.Error(), "印刷条件") {
		t.Errorf("err = %v", err)
	}
}

// TestFakeBoldStrokesInTheTextColour: a fake-bold run is drawn filled and
// stroked (text rendering mode 2) with a stroke of FakeBoldStroke em in pure
// K, inside its own graphics state, so that the runs after it are plain.
func TestFakeBoldStrokesInTheTextColour(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	p := &layout.Page{Recto: true, Runs: []layout.Run{
		{X: 100, Y: 100, Role: fonts.Fang, Size: 16, Text: "1.产业化育龙头。", FakeBold: true},
		{X: 240, Y: 100, Role: fonts.Fang, Size: 16, Text: "加快农业产业化"},
	}}
	b := &layout.Book{Title: "测试公报 2023年第4期", Pages: []*layout.Page{p}, Width: a4W, Height: a4H}
	data, err := Render(b, set, options(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("q 0 g 0 G %.3f w 1 j 2 Tr\n", layout.FakeBoldStroke*16)
	if n := bytes.Count(data, []byte(want)); n != 1 {
		t.Errorf("%d fake-bold states %q in the page, want 1", n, want)
	}
	if n := bytes.Count(data, []byte(" Tr")); n != 1 {
		t.Errorf("%d text rendering modes set, want only the fake-bold one", n)
	}
}
