package preflight

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// This file makes the faulty (and one good) PDFs the tests check, with fpdf
// as gazette itself writes them, or by hand where fpdf cannot write the fault.

// newDoc returns an fpdf document on A4 + 3 mm bleed with an embedded
// TrueType font selected and the TrimBox set, i.e. a good print PDF.
func newDoc() *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 216, Ht: 303}})
	pdf.SetCompression(false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddUTF8FontFromBytes("go", "", goFont())
	pdf.SetPageBox("trim", 3, 3, 210, 297)
	return pdf
}

// goFont returns a TrueType font (Go Regular) for fpdf to embed.
func goFont() []byte { return goregular.TTF }

// addPages adds n pages with some text in the current colour and font.
func addPages(pdf *fpdf.Fpdf, n int) {
	for i := 1; i <= n; i++ {
		pdf.AddPage()
		if pdf.GetFontFamily() == "" {
			pdf.SetFont("go", "", 12)
		}
		pdf.Text(30, 40, fmt.Sprintf("Page %d", i))
	}
}

// save writes pdf to a file in dir and returns its path.
func save(t *testing.T, pdf *fpdf.Fpdf, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatalf("fpdf %s: %v", name, err)
	}
	return path
}

// pngImage encodes a w × h test image: grey, or RGBA with half-transparent
// pixels when alpha is set.
func pngImage(t *testing.T, w, h int, alpha bool) *bytes.Buffer {
	t.Helper()
	var img image.Image
	if alpha {
		m := image.NewNRGBA(image.Rect(0, 0, w, h))
		for i := range m.Pix {
			m.Pix[i] = 128
		}
		img = m
	} else {
		m := image.NewGray(image.Rect(0, 0, w, h))
		for i := range m.Pix {
			m.Pix[i] = uint8(i * 7)
		}
		img = m
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return &buf
}

// placeImage registers a PNG and draws it at x, y with width wmm.
func placeImage(pdf *fpdf.Fpdf, name string, buf *bytes.Buffer, x, y, wmm float64) {
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	pdf.RegisterImageOptionsReader(name, opt, buf)
	pdf.ImageOptions(name, x, y, wmm, 0, false, opt, 0, "")
}

// rawDoc builds a PDF by hand, object by object, for faults fpdf cannot
// write (ICC colour, blend modes, forms, inline images, PDF/X keys).
// Objects 1 and 2 are the catalog and the page tree.
type rawDoc struct {
	objs  []string
	pages []int
}

func newRaw() *rawDoc { return &rawDoc{objs: []string{"", ""}} }

// add appends an object and returns its number.
func (d *rawDoc) add(body string) int {
	d.objs = append(d.objs, body)
	return len(d.objs)
}

// stream appends a stream object with dictionary entries dict.
func (d *rawDoc) stream(dict, data string) int {
	return d.add(fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data))
}

// page appends a page; entries are extra page dictionary entries (boxes,
// /Group), resources its /Resources dictionary.
func (d *rawDoc) page(entries, resources, content string) {
	c := d.stream("", content)
	n := d.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R %s /Resources %s /Contents %d 0 R >>", entries, resources, c))
	d.pages = append(d.pages, n)
}

// write saves the document; catalogExtra and trailerExtra are added to the
// catalog and the trailer.
func (d *rawDoc) write(t *testing.T, catalogExtra, trailerExtra string) string {
	t.Helper()
	kids := make([]string, len(d.pages))
	for i, p := range d.pages {
		kids[i] = fmt.Sprintf("%d 0 R", p)
	}
	d.objs[0] = "<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>"
	d.objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595.28 841.89] >>", strings.Join(kids, " "), len(kids))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(d.objs))
	for i, o := range d.objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, trailerExtra, xref)
	path := filepath.Join(t.TempDir(), "raw.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// trimmed are page entries with correct boxes: A4 trim, 3 mm bleed.
const trimmed = "/MediaBox [0 0 612.28 858.9] /BleedBox [0 0 612.28 858.9] /TrimBox [8.5 8.5 603.78 850.39]"
