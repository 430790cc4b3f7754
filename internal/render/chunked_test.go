package render

import (
	"bytes"
	"compress/zlib"
	"io"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/fonts"
	"gazette/internal/pzlib"
	"gazette/layout"
)

// TestLargeFontProgramInChunks: a subset of 1,500 characters (a font
// program of several pzlib chunks) is one FlateDecode stream that Go's
// zlib reader decodes — Adler-32 checked — to a sound program of Length1
// bytes, and pdftotext and Ghostscript read every character back in order.
func TestLargeFontProgramInChunks(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	fang, err := set.Face(fonts.Fang)
	if err != nil {
		t.Fatal(err)
	}
	const perLine, chars = 50, 1500
	var text []rune
	for r := rune(0x4E00); r <= 0x9FA5 && len(text) < chars; r += 7 {
		if fang.Covers(r) {
			text = append(text, r)
		}
	}
	p := &layout.Page{Recto: true}
	for i := 0; i < len(text); i += perLine {
		line := string(text[i:min(i+perLine, len(text))])
		p.Runs = append(p.Runs, layout.Run{X: 50, Y: 60 + float64(i/perLine)*24, Role: fonts.Fang, Size: 9, Text: line})
	}
	book := &layout.Book{Title: "字体", Pages: []*layout.Page{p}, Width: a4W, Height: a4H}
	data, err := Render(book, set, options(&Print{BleedMM: 3, Condition: "FOGRA39"}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := readBack(t, data)
	found := false
	for _, e := range ctx.Table {
		fd, ok := e.Object.(types.Dict)
		if !ok || fd.NameEntry("Type") == nil || *fd.NameEntry("Type") != "FontDescriptor" {
			continue
		}
		sd, _, err := ctx.DereferenceStreamDict(fd["FontFile2"])
		if err != nil || sd == nil {
			t.Fatalf("no FontFile2: %v", err)
		}
		zr, err := zlib.NewReader(bytes.NewReader(sd.Raw))
		if err != nil {
			t.Fatal(err)
		}
		program, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("zlib reader: %v", err)
		}
		if n := sd.IntEntry("Length1"); n == nil || *n != len(program) {
			t.Errorf("Length1 %v, program of %d bytes", n, len(program))
		}
		if len(program) < 3*pzlib.ChunkSize {
			t.Errorf("program of %d bytes: want several %d-byte chunks", len(program), pzlib.ChunkSize)
		}
		checkProgram(t, *fd.NameEntry("FontName"), program)
		found = true
	}
	if !found {
		t.Fatal("no font descriptor")
	}
	want := string(text)
	for tool, got := range map[string]string{"pdftotext": pdftotext(t, data), "gs txtwrite": gsText(t, data)} {
		if got != want {
			t.Errorf("%s: %d characters back, want the %d in order (first difference at %d)", tool,
				len([]rune(got)), len(text), commonPrefix(got, want))
		}
	}
}

// commonPrefix is the number of characters a and b share at the start.
func commonPrefix(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n
}
