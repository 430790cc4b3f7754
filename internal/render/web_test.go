package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/fonts"
	"gazette/internal/testtool"
	"gazette/layout"
)

// webTestBook is a book of front matter (i, ii), body pages 1–3 and a blank
// page added for the binding before the back cover, with a 目录 link to body
// page 2, a red rule, and a line with a web and an e-mail address.
func webTestBook(t *testing.T) *layout.Book {
	t.Helper()
	b := testBook(t)
	cover, toc := b.Pages[0], b.Pages[1]
	cover.Label, toc.Label = "i", "ii"
	toc.Links = []layout.Link{{X: 100, Y: 100, W: 50, H: 20, Target: 3}}
	body := func(n int) *layout.Page {
		return &layout.Page{Folio: n, Label: string(rune('0' + n)), Recto: n%2 == 1}
	}
	p1, p2, p3 := body(1), body(2), body(3)
	p2.Runs = []layout.Run{
		{X: 80, Y: 200, Role: fonts.Fang, Size: 16, Text: "网址："},
		{X: 128, Y: 200, Role: fonts.Latin, Size: 16, Text: "https://"},
		{X: 180, Y: 200, Role: fonts.Latin, Size: 16, Text: "www.example.gov.cn/a?b=1."},
		{X: 80, Y: 240, Role: fonts.Fang, Size: 16, Text: "邮箱：office@example.gov.cn，电话"},
	}
	blank := &layout.Page{Folio: 4, Label: "4", Blank: true}
	back := &layout.Page{Label: "封底", BackCover: true}
	b.Pages = []*layout.Page{cover, toc, p1, p2, blank, p3, back}
	b.Outline = []layout.Bookmark{{Title: "文件", Level: 0, Page: 2}, {Title: "附件", Level: 1, Page: 5}}
	return b
}

func renderWeb(t *testing.T) []byte {
	t.Helper()
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := Render(webTestBook(t), set, options(nil))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// qpdfJSON is the part of qpdf --json the tests read.
type qpdfJSON struct {
	Pages []struct {
		Object string `json:"object"`
		Label  *struct {
			Nums map[string]any `json:"/Nums"`
		} `json:"label"`
	} `json:"pages"`
	PageLabels []struct {
		Index int            `json:"index"`
		Label map[string]any `json:"label"`
	} `json:"pagelabels"`
}

func TestWebEditionStructure(t *testing.T) {
	data := renderWeb(t)
	conf := pdfcpuConfig()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(data), conf); err != nil {
		t.Errorf("pdfcpu validate (strict): %v", err)
	}
	ctx := readBack(t, data)
	refs, err := pageRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 6 {
		t.Fatalf("%d pages, want 6: the blank page for the binding is dropped", len(refs))
	}
	root, _ := ctx.Catalog()
	if !bytes.HasPrefix(data, []byte("%PDF-1.7\n")) {
		t.Errorf("header %q, want PDF 1.7", data[:9])
	}
	if vp := root.DictEntry("ViewerPreferences"); vp == nil || vp.BooleanEntry("DisplayDocTitle") == nil || !*vp.BooleanEntry("DisplayDocTitle") {
		t.Errorf("ViewerPreferences = %v, want DisplayDocTitle true", vp)
	}
	if l := root.StringEntry("Lang"); l == nil || *l != "zh-CN" {
		t.Errorf("/Lang = %v", l)
	}
	// every annotation is an indirect object with its corners in order
	var uris []string
	var dests []int
	pageNr := map[int]int{}
	for i, r := range refs {
		pageNr[r.ObjectNumber.Value()] = i
	}
	for i, ref := range refs {
		d, _ := ctx.DereferenceDict(ref)
		for _, a := range d.ArrayEntry("Annots") {
			ar, ok := a.(types.IndirectRef)
			if !ok {
				t.Errorf("page %d: an inline annotation", i+1)
				continue
			}
			ad, _ := ctx.DereferenceDict(ar)
			r := ad.ArrayEntry("Rect")
			rect, err := ctx.RectForArray(r)
			if err != nil || rect.LL.X >= rect.UR.X || rect.LL.Y >= rect.UR.Y {
				t.Errorf("page %d: annotation /Rect %v not in order (llx lly urx ury)", i+1, r)
			}
			if c := ad["Contents"]; c == nil {
				t.Errorf("page %d: annotation without /Contents", i+1)
			}
			if act := ad.DictEntry("A"); act != nil {
				if s, ok := act["URI"].(types.StringLiteral); ok {
					uris = append(uris, s.Value())
				}
			}
			if dest := ad.ArrayEntry("Dest"); len(dest) > 0 {
				dests = append(dests, pageNr[dest[0].(types.IndirectRef).ObjectNumber.Value()])
			}
		}
	}
	if got := strings.Join(uris, " "); got != "https://www.example.gov.cn/a?b=1 mailto:office@example.gov.cn" {
		t.Errorf("address links: %q", got)
	}
	if len(dests) != 1 || dests[0] != 3 {
		t.Errorf("目录 link goes to PDF pages %v, want [3] (body page 2)", dests)
	}
	for _, banned := range []string{" k\n", " K\n", "/CS /CMYK"} {
		if bytes.Contains(data, []byte(banned)) {
			t.Errorf("the web PDF has a CMYK colour (%q)", banned)
		}
	}
	if !bytes.Contains(data, []byte("1.000 0.200 0.200 RG")) {
		t.Error("the red rule is not drawn in RGB (1, 0.2, 0.2)")
	}
	if !bytes.Contains(data, []byte("/CS /RGB")) {
		t.Error("the colour picture is not in RGB")
	}
}

// The page labels read back (qpdf) are the printed folios: i, ii, 1, 2, 3,
// then the back cover's own label; the dropped blank page leaves a gap.
func TestWebPageLabels(t *testing.T) {
	path := filepath.Join(t.TempDir(), "web.pdf")
	if err := os.WriteFile(path, renderWeb(t), 0o644); err != nil {
		t.Fatal(err)
	}
	var q qpdfJSON
	if err := json.Unmarshal([]byte(testtool.Run(t, "qpdf", "--json", "--json-key=pagelabels", path)), &q); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, pl := range q.PageLabels {
		got = append(got, labelString(pl.Index, pl.Label))
	}
	want := "0:/r+1 2:/D+1 5:(封底)"
	if strings.Join(got, " ") != want {
		t.Errorf("page labels %q, want %q", strings.Join(got, " "), want)
	}
}

// labelString writes a page-label range as "index:/Style[+start]" or
// "index:(prefix)".
func labelString(i int, l map[string]any) string {
	if s, ok := l["/S"].(string); ok {
		out := fmt.Sprintf("%d:%s", i, s)
		if st, ok := l["/St"]; ok {
			out += fmt.Sprintf("+%v", st)
		}
		return out
	}
	p, _ := l["/P"].(string)
	return fmt.Sprintf("%d:(%s)", i, strings.TrimPrefix(p, "u:"))
}

func TestWebMetadata(t *testing.T) {
	data := renderWeb(t)
	ctx := readBack(t, data)
	root, _ := ctx.Catalog()
	ref := root.IndirectRefEntry("Metadata")
	if ref == nil {
		t.Fatal("no /Metadata in the catalog")
	}
	sd, _, err := ctx.DereferenceStreamDict(*ref)
	if err != nil || sd == nil {
		t.Fatalf("metadata stream: %v", err)
	}
	if err := sd.Decode(); err != nil {
		t.Fatal(err)
	}
	xmp := string(sd.Content)
	for _, want := range []string{
		`<rdf:li xml:lang="x-default">测试公报 2023年第4期</rdf:li>`,
		`<dc:publisher><rdf:Bag><rdf:li>办公室</rdf:li></rdf:Bag></dc:publisher>`,
		`<xmp:CreateDate>2023-08-30T12:00:00Z</xmp:CreateDate>`,
		`<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>`,
	} {
		if !strings.Contains(xmp, want) {
			t.Errorf("XMP lacks %s:\n%s", want, xmp)
		}
	}
}

// The print edition keeps none of the web edition's additions.
func TestPrintEditionHasNoWebParts(t *testing.T) {
	b := webTestBook(t)
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := Render(b, set, options(&Print{BleedMM: 3, Condition: "FOGRA39"}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := readBack(t, data)
	refs, _ := pageRefs(ctx)
	if len(refs) != 7 {
		t.Errorf("print edition has %d pages, want all 7 with the blank", len(refs))
	}
	for _, banned := range []string{"/Annots", "/URI", "/Metadata", "/PageLabels", "/ViewerPreferences", " rg\n", " RG\n", "/StructTreeRoot", "/MarkInfo"} {
		if bytes.Contains(data, []byte(banned)) {
			t.Errorf("the print PDF contains %s", banned)
		}
	}
}

// The web edition is as reproducible as the print edition: its structure
// tree, links and labels come out in the same order every time.
func TestWebEditionSameBytes(t *testing.T) {
	first := renderWeb(t)
	for range 3 {
		if again := renderWeb(t); !bytes.Equal(first, again) {
			t.Fatal("two renders of the same book differ")
		}
	}
}

// A picture with an element is a Figure with its Alt and box; a running
// head is a pagination artifact; a spread word carries its ActualText in
// the page stream; the print edition writes none of these operators.
func TestWebFigureArtifactsAndActualText(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	b := webTestBook(t)
	b.Pages[0].Images[0].Elem = &layout.Elem{Role: "Figure", Alt: "图1 示意图"}
	b.Pages[2].Runs = []layout.Run{
		{X: 80, Y: 60, Role: fonts.Song, Size: 10, Text: "测试公报", Artifact: true},
		{X: 80, Y: 200, Role: fonts.Fang, Size: 16, Text: "李", Elem: &layout.Elem{Role: "Span", Actual: "李胜"}},
	}
	data, err := Render(b, set, options(nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/Figure <</MCID 0>> BDC", "/Artifact <</Type /Pagination>> BDC", "/Span <</MCID 0 /ActualText <FEFF674E80DC>>> BDC"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the web PDF lacks %q", want)
		}
	}
	ctx := readBack(t, data)
	root, _ := ctx.Catalog()
	str, _ := ctx.DereferenceDict(*root.IndirectRefEntry("StructTreeRoot"))
	doc, _ := ctx.DereferenceDict(*str.IndirectRefEntry("K"))
	var figure types.Dict
	for _, k := range doc.ArrayEntry("K") {
		d, _ := ctx.DereferenceDict(k.(types.IndirectRef))
		if s := d.NameEntry("S"); s != nil && *s == "Figure" {
			figure = d
		}
	}
	if figure == nil {
		t.Fatal("no Figure element under the Document")
	}
	if alt, ok := figure["Alt"].(types.HexLiteral); !ok || !strings.Contains(string(alt), "56FE") { // 图
		t.Errorf("Figure /Alt = %v", figure["Alt"])
	}
	if a := figure.DictEntry("A"); a == nil || len(a.ArrayEntry("BBox")) != 4 {
		t.Errorf("Figure /A = %v, want a Layout BBox", figure["A"])
	}
	print, err := Render(b, set, options(&Print{BleedMM: 3, Condition: "FOGRA39"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, banned := range []string{" BDC", " BMC", "EMC\n"} {
		if bytes.Contains(print, []byte(banned)) {
			t.Errorf("the print PDF has marked content (%q)", banned)
		}
	}
}

var mcidRE = regexp.MustCompile(`/MCID (\d+)`)

// In every page of the sample-like book, marked content is balanced (as
// many BDC and BMC as EMC, never closing more than was opened) and the
// MCIDs run 0, 1, 2 … as many as the page's ParentTree entry lists.
func TestWebMarkedContentBalanced(t *testing.T) {
	data := renderWeb(t)
	ctx := readBack(t, data)
	refs, err := pageRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	root, _ := ctx.Catalog()
	str, _ := ctx.DereferenceDict(*root.IndirectRefEntry("StructTreeRoot"))
	nums := str.DictEntry("ParentTree").ArrayEntry("Nums")
	inTree := map[int]int{}
	for i := 0; i+1 < len(nums); i += 2 {
		if arr, ok := nums[i+1].(types.Array); ok {
			inTree[nums[i].(types.Integer).Value()] = len(arr)
		}
	}
	for i, ref := range refs {
		d, _ := ctx.DereferenceDict(ref)
		content, err := ctx.PageContent(d, i+1)
		if err != nil {
			t.Fatal(err)
		}
		depth := 0
		for _, line := range strings.Split(string(content), "\n") {
			switch {
			case strings.HasSuffix(line, " BDC") || strings.HasSuffix(line, " BMC"):
				depth++
			case line == "EMC":
				if depth--; depth < 0 {
					t.Fatalf("page %d: EMC without its BDC", i+1)
				}
			}
		}
		if depth != 0 {
			t.Errorf("page %d: %d marked contents left open", i+1, depth)
		}
		ids := mcidRE.FindAllStringSubmatch(string(content), -1)
		for k, m := range ids {
			if m[1] != strconv.Itoa(k) {
				t.Errorf("page %d: MCID %s where %d was due", i+1, m[1], k)
				break
			}
		}
		if want := inTree[i]; len(ids) != want {
			t.Errorf("page %d: %d MCIDs in the page, %d in its ParentTree entry", i+1, len(ids), want)
		}
		if d.IntEntry("StructParents") == nil && len(ids) > 0 {
			t.Errorf("page %d has marked content but no /StructParents", i+1)
		}
	}
}
