package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/layout"
)

// outlineBook is testBook with a three-level outline whose titles hold
// characters whose UTF-16 bytes are "(", ")" and "\" (乜 U+4E5C, 丨 U+4E28,
// 丩 U+4E29), which fpdf escapes inside the title string.
func outlineBook(t *testing.T) *layout.Book {
	b := testBook(t)
	b.Outline = []layout.Bookmark{
		{Title: "文件 (一)", Level: 0, Page: 0},
		{Title: "乜丨丩\\", Level: 1, Page: 0},
		{Title: "附件", Level: 2, Page: 1},
		{Title: "附表", Level: 1, Page: 1},
		{Title: "动态", Level: 0, Page: 1},
	}
	return b
}

func TestPrintOutlineCountsDescendants(t *testing.T) {
	ctx := readBack(t, renderBook(t, outlineBook(t), options(&Print{BleedMM: 3, Condition: "FOGRA39"})))
	root, err := ctx.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	outlines, err := ctx.DereferenceDict(*root.IndirectRefEntry("Outlines"))
	if err != nil {
		t.Fatal(err)
	}
	type item struct {
		title string
		count int
	}
	var got []item
	var walk func(ref *types.IndirectRef)
	walk = func(ref *types.IndirectRef) {
		for ref != nil && len(got) < 10 {
			d, err := ctx.DereferenceDict(*ref)
			if err != nil {
				t.Fatal(err)
			}
			title, err := model.Text(d["Title"])
			if err != nil {
				t.Fatal(err)
			}
			count := 0
			if c := d.IntEntry("Count"); c != nil {
				count = *c
			}
			got = append(got, item{title, count})
			walk(d.IndirectRefEntry("First"))
			ref = d.IndirectRefEntry("Next")
		}
	}
	walk(outlines.IndirectRefEntry("First"))
	want := []item{{"文件 (一)", 3}, {"乜丨丩\\", 1}, {"附件", 0}, {"附表", 0}, {"动态", 0}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("outline items (title, /Count) = %v, want %v", got, want)
	}
	if c := outlines.IntEntry("Count"); c == nil || *c != 5 {
		t.Errorf("outline root /Count = %v, want 5 (every item open)", c)
	}
}

// TestUpdateCrossReferences reads the update's cross-reference section
// the way a reader does: every entry must point at its object, the
// trailer at fpdf's table and startxref at the section.
func TestUpdateCrossReferences(t *testing.T) {
	data := renderBook(t, outlineBook(t), options(&Print{BleedMM: 3, CropMarks: true, Condition: "FOGRA39"}))
	starts := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n`).FindAllSubmatch(data, -1)
	if len(starts) != 2 {
		t.Fatalf("%d startxref, want 2 (fpdf's file and the update)", len(starts))
	}
	atoi := func(b []byte) int {
		n, err := strconv.Atoi(string(b))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	fpdfXref, xref := atoi(starts[0][1]), atoi(starts[1][1])
	section := data[xref:]
	if !bytes.HasPrefix(section, []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at a cross-reference section", xref)
	}
	body, trailer, ok := bytes.Cut(section[len("xref\n"):], []byte("trailer\n"))
	if !ok {
		t.Fatal("no trailer after the update's cross-reference section")
	}
	if !bytes.Contains(trailer, []byte(fmt.Sprintf("/Prev %d ", fpdfXref))) {
		t.Errorf("trailer %q: /Prev is not fpdf's table at %d", trailer, fpdfXref)
	}
	entries := 0
	for len(body) > 0 {
		line, rest, _ := bytes.Cut(body, []byte("\n"))
		var first, n int
		if _, err := fmt.Sscanf(string(line), "%d %d", &first, &n); err != nil {
			t.Fatalf("subsection header %q: %v", line, err)
		}
		for i := range n {
			e := rest[i*xrefEntryLen : (i+1)*xrefEntryLen]
			off := atoi(e[:10])
			if string(e[10:]) != " 00000 n \n" {
				t.Errorf("entry %q is not 20 bytes ending in \" 00000 n \\n\"", e)
			}
			if want := fmt.Sprintf("%d 0 obj\n", first+i); !bytes.HasPrefix(data[off:], []byte(want)) {
				t.Errorf("object %d: offset %d points at %q", first+i, off, data[off:off+12])
			}
			entries++
		}
		body = rest[n*xrefEntryLen:]
	}
	if entries == 0 {
		t.Error("the update changes no object")
	}
	if !bytes.Contains(trailer, []byte("/ID [<")) {
		t.Errorf("trailer %q has no /ID", trailer)
	}
}

func TestReadFpdfRejectsDamagedFiles(t *testing.T) {
	good := []byte("%PDF-1.3\n1 0 obj\n<</Type /Pages /Kids [ ] /Count 0>>\nendobj\n" +
		"2 0 obj\n<<>>\nendobj\n3 0 obj\n<<\n/Type /Catalog\n/Pages 1 0 R\n>>\nendobj\n")
	xref := len(good)
	table := fmt.Sprintf("xref\n0 4\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n%010d 00000 n \n",
		9, bytes.Index(good, []byte("2 0 obj")), bytes.Index(good, []byte("3 0 obj")))
	file := func(table, trailer string, start int) []byte {
		return fmt.Appendf(append([]byte(nil), good...), "%strailer\n<<\n/Size 4\n%s\n>>\nstartxref\n%d\n%%%%EOF\n", table, trailer, start)
	}
	f, err := readFpdf(file(table, "/Root 3 0 R\n/Info 2 0 R", xref))
	if err != nil {
		t.Fatalf("a sound file: %v", err)
	}
	if cat, err := f.object(3); err != nil || !bytes.Contains(cat, []byte("/Catalog")) {
		t.Errorf("object 3 = %q, %v", cat, err)
	}
	for name, data := range map[string][]byte{
		"empty":                  nil,
		"no startxref":           good,
		"startxref past the end": file(table, "/Root 3 0 R\n/Info 2 0 R", 1<<20),
		"startxref elsewhere":    file(table, "/Root 3 0 R\n/Info 2 0 R", 3),
		"no root":                file(table, "/Info 2 0 R", xref),
		"root out of range":      file(table, "/Root 9 0 R\n/Info 2 0 R", xref),
		"short table":            file(table[:40], "/Root 3 0 R\n/Info 2 0 R", xref),
		"entry not in use":       file(table[:len(table)-3]+"f \n", "/Root 3 0 R\n/Info 2 0 R", xref),
		"size past the end":      file("xref\n0 922337203685477580\n", "/Root 3 0 R\n/Info 2 0 R", xref),
	} {
		if _, err := readFpdf(data); err == nil {
			t.Errorf("%s: read without an error", name)
		}
	}
	if _, err := f.object(4); err == nil {
		t.Error("object 4 of 4 (/Size 4) read without an error")
	}
}

// FuzzFinish: no input, fpdf's file damaged anyhow, makes reading it or
// writing either edition's update panic or read out of range.
func FuzzFinish(f *testing.F) {
	book := &layout.Book{Title: "测试", Width: a4W, Height: a4H, Pages: []*layout.Page{{}, {}},
		Outline: []layout.Bookmark{{Title: "文件(一)", Page: 0}, {Title: "附件", Level: 1, Page: 1}}}
	for _, p := range []*Print{nil, {BleedMM: 3, Condition: "FOGRA39"}} {
		fr := newFrame(book, p)
		fp, err := planFonts(book, nil)
		if err != nil {
			f.Fatal(err)
		}
		pdf, _, _, err := draw(book, fp, options(p), fr)
		if err != nil {
			f.Fatal(err)
		}
		var out fpdfOutput
		if err := pdf.Output(&out); err != nil {
			f.Fatal(err)
		}
		f.Add(out.data)
	}
	f.Add([]byte("1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000000 00000 n \ntrailer\n<<\n/Size 2\n/Root 1 0 R\n/Info 1 0 R\n>>\nstartxref\n20\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if file, err := readFpdf(data); err == nil {
			for n := range file.size() + 1 {
				file.object(n)
			}
		}
		book := &layout.Book{Width: a4W, Height: a4H}
		contents := [][]byte{[]byte("0 g\n")}
		created := time.Date(2023, 8, 30, 12, 0, 0, 0, time.UTC)
		finishPDFX(data, contents, created, newFrame(book, &Print{}), "FOGRA39", &fontPlan{})
		finishWeb(data, contents, created, book, newTagger(), newFrame(book, nil), &fontPlan{})
	})
}

// fpdf adds a blank page to a document of none: the update must still
// match its pages to what was drawn.
func TestBookWithoutPagesRenders(t *testing.T) {
	b := &layout.Book{Title: "空", Width: a4W, Height: a4H}
	for _, p := range []*Print{nil, {BleedMM: 3, Condition: "FOGRA39"}} {
		ctx := readBack(t, renderBook(t, b, options(p)))
		if refs, err := pageRefs(ctx); err != nil || len(refs) != 1 {
			t.Errorf("print %v: %d pages, %v; want fpdf's one blank page", p != nil, len(refs), err)
		}
	}
}
