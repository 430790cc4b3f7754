package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"gazette/internal/testtool"
)

const sampleManifest = "../../samples/changjiang-2023-04/issue.toml"

// qpdfObjects reads every object of a PDF with qpdf --json (version 2):
// "N 0 R" → the object's value (a stream's dictionary for a stream).
func qpdfObjects(t *testing.T, path string) map[string]any {
	t.Helper()
	type object struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict any `json:"dict"`
		} `json:"stream"`
	}
	var j struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(testtool.Run(t, "qpdf", "--json", "--json-key=qpdf", path)), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.QPDF) < 2 {
		t.Fatal("qpdf --json has no objects")
	}
	var objs map[string]object
	if err := json.Unmarshal(j.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	for k, v := range objs {
		k = strings.TrimPrefix(k, "obj:")
		if v.Stream != nil {
			out[k] = v.Stream.Dict
		} else {
			out[k] = v.Value
		}
	}
	return out
}

func dict(v any) map[string]any { d, _ := v.(map[string]any); return d }

// kids is an element's /K as a list.
func kids(d map[string]any) []any {
	switch k := d["/K"].(type) {
	case []any:
		return k
	case nil:
		return nil
	default:
		return []any{k}
	}
}

// TestWebEditionReadsBack: the sample's web PDF, read back with qpdf, has a
// structure tree whose every document is a Sect opening with its title as
// H1, a table with header cells and merged cells' spans, the committee's
// spread names as words, a ParentTree that leads each marked content back
// to its element, page labels equal to the printed folios, /MarkInfo,
// /Lang, DisplayDocTitle and XMP with the PDF/UA identification; pdfcpu's
// strict validation passes and the text layer reads the names whole.
func TestWebEditionReadsBack(t *testing.T) {
	dir := t.TempDir()
	web := filepath.Join(dir, "issue-web.pdf")
	is, err := BuildEditions(sampleManifest, Editions{Web: web})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(web)
	if err != nil {
		t.Fatal(err)
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(data), conf); err != nil {
		t.Errorf("pdfcpu validate (strict): %v", err)
	}
	objs := qpdfObjects(t, web)
	trailer := dict(objs["trailer"])
	root := dict(objs[strings.TrimSpace(trailer["/Root"].(string))])
	if root["/Lang"] != "u:zh-CN" {
		t.Errorf("/Lang = %v", root["/Lang"])
	}
	if dict(root["/MarkInfo"])["/Marked"] != true {
		t.Errorf("/MarkInfo = %v", root["/MarkInfo"])
	}
	if dict(root["/ViewerPreferences"])["/DisplayDocTitle"] != true {
		t.Errorf("/ViewerPreferences = %v", root["/ViewerPreferences"])
	}
	str := dict(objs[root["/StructTreeRoot"].(string)])
	docElem := dict(objs[str["/K"].(string)])
	if docElem["/S"] != "/Document" {
		t.Fatalf("structure root's kid is %v, want /Document", docElem["/S"])
	}
	// pages in order, for the MCRs' /Pg
	var pages []string
	var walkPages func(ref string)
	walkPages = func(ref string) {
		d := dict(objs[ref])
		if d["/Type"] == "/Pages" {
			for _, k := range d["/Kids"].([]any) {
				walkPages(k.(string))
			}
			return
		}
		pages = append(pages, ref)
	}
	walkPages(root["/Pages"].(string))
	pageIndex := map[string]int{}
	for i, p := range pages {
		pageIndex[p] = i
	}
	parentTree := map[int][]any{}
	nums := dict(str["/ParentTree"])["/Nums"].([]any)
	for i := 0; i+1 < len(nums); i += 2 {
		if arr, ok := nums[i+1].([]any); ok {
			parentTree[int(nums[i].(float64))] = arr
		}
	}
	roles := map[string]int{}
	sects := 0
	var spans []string
	var merged, mcrs int
	var walk func(ref string, d map[string]any)
	walk = func(ref string, d map[string]any) {
		roles[strings.TrimPrefix(d["/S"].(string), "/")]++
		if d["/S"] == "/Link" {
			if p := dict(objs[d["/P"].(string)]); p["/S"] != "/TOCI" && p["/S"] != "/P" {
				t.Errorf("a link inside %v, want a 目录 entry (TOCI) or the paragraph it is printed in", p["/S"])
			}
		}
		if a := dict(d["/A"]); a != nil && (a["/RowSpan"] != nil || a["/ColSpan"] != nil) {
			merged++
		}
		if s, ok := d["/ActualText"].(string); ok && d["/S"] == "/Span" {
			spans = append(spans, strings.TrimPrefix(s, "u:"))
		}
		for i, k := range kids(d) {
			switch k := k.(type) {
			case string:
				kd := dict(objs[k])
				if kd["/P"] != ref {
					t.Errorf("%s's kid %s names %v as its parent", ref, k, kd["/P"])
				}
				if d["/S"] == "/Sect" && i == 0 && kd["/S"] != "/H1" {
					t.Errorf("a document's section opens with %v, want its title as H1", kd["/S"])
				}
				walk(k, kd)
			case map[string]any:
				if k["/Type"] != "/MCR" {
					continue
				}
				mcrs++
				p, ok := pageIndex[k["/Pg"].(string)]
				mcid := int(k["/MCID"].(float64))
				if !ok || mcid >= len(parentTree[p]) || parentTree[p][mcid] != ref {
					t.Errorf("MCID %d on page %d does not lead back to %s in the ParentTree", mcid, p+1, ref)
				}
			}
		}
	}
	for _, k := range kids(docElem) {
		kd := dict(objs[k.(string)])
		if kd["/S"] == "/Sect" {
			sects++
		}
		walk(k.(string), kd)
	}
	// an H1 per document, and the front matter's three: the gazette's name
	// on the cover, 编辑委员会, 目录 (TestWebFrontMatterReadsBack)
	if docs := len(is.Documents()); sects != docs || roles["H1"] != docs+3 {
		t.Errorf("%d sections and %d H1 for %d documents and the front matter", sects, roles["H1"], docs)
	}
	for _, role := range []string{"H2", "H3", "P", "Table", "TR", "TH", "TD", "Link", "TOC", "TOCI"} {
		if roles[role] == 0 {
			t.Errorf("no %s element: %v", role, roles)
		}
	}
	if merged == 0 {
		t.Error("no table cell carries its span")
	}
	if got := strings.Join(spans, " "); !strings.Contains(got, "李胜") || !strings.Contains(got, "王炜") {
		t.Errorf("spread words %q lack the committee's two-character names", got)
	}
	total := 0
	for _, arr := range parentTree {
		total += len(arr)
	}
	if mcrs != total {
		t.Errorf("%d marked contents in the tree, %d in the ParentTree", mcrs, total)
	}
	// the text layer reads the spread names whole (their ActualText)
	text := testtool.Run(t, "pdftotext", "-f", "2", "-l", "2", web, "-")
	for _, name := range []string{"李胜", "王炜"} {
		if !strings.Contains(text, name) {
			t.Errorf("page 2 does not read %s:\n%s", name, text)
		}
	}
	// page labels: the printed folios
	var pl struct {
		PageLabels []struct {
			Index int            `json:"index"`
			Label map[string]any `json:"label"`
		} `json:"pagelabels"`
	}
	if err := json.Unmarshal([]byte(testtool.Run(t, "qpdf", "--json", "--json-key=pagelabels", web)), &pl); err != nil {
		t.Fatal(err)
	}
	var ranges []string
	for _, r := range pl.PageLabels {
		ranges = append(ranges, fmt.Sprintf("%d:%v+%v", r.Index, r.Label["/S"], r.Label["/St"]))
	}
	firstBody := -1
	for i, p := range is.Book.Pages {
		if p.Folio == 1 {
			firstBody = i
			break
		}
	}
	if want := fmt.Sprintf("0:/r+1 %d:/D+1", firstBody); strings.Join(ranges, " ") != want {
		t.Errorf("page labels %v, want %s", ranges, want)
	}
	if !bytes.Contains(data, []byte("<pdfuaid:part>1</pdfuaid:part>")) {
		t.Error("XMP lacks the PDF/UA identification")
	}
}

// structText is one element of `pdfinfo -struct-text`: its role, its text
// (poppler's reading of its marked content, kids' text included) and kids.
type structText struct {
	role string
	text string
	kids []*structText
}

// readStructText reads the element tree pdfinfo -struct-text prints, an
// element a line "Role (block)" indented two spaces a level, its text on
// quoted lines below.
func readStructText(out string) *structText {
	root := &structText{role: "root"}
	stack := []*structText{root}
	depth := []int{-1}
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" {
			continue
		}
		ind := len(line) - len(trimmed)
		for len(stack) > 1 && depth[len(depth)-1] >= ind {
			stack, depth = stack[:len(stack)-1], depth[:len(depth)-1]
		}
		if strings.HasPrefix(trimmed, `"`) {
			text := strings.TrimSuffix(strings.TrimPrefix(trimmed, `"`), `"`)
			for _, n := range stack {
				n.text += text
			}
			continue
		}
		role, _, _ := strings.Cut(trimmed, " ")
		n := &structText{role: role}
		parent := stack[len(stack)-1]
		parent.kids = append(parent.kids, n)
		stack, depth = append(stack, n), append(depth, ind)
	}
	return root
}

// TestWebFrontMatterReadsBack: the web PDF's front matter is structured,
// not a paragraph per printed line: the gazette's name on the cover, the
// 编辑委员会 and the 目录 headings are H1 (the spaced headings reading as
// words through their Span's ActualText); the committee is a list, each
// role an LI whose Lbl is the role and its colon and whose LBody holds a
// Span per name, so that a screen reader reads 主任：李镒岚 in order.
func TestWebFrontMatterReadsBack(t *testing.T) {
	dir := t.TempDir()
	web := filepath.Join(dir, "issue-web.pdf")
	is, err := BuildEditions(sampleManifest, Editions{Web: web})
	if err != nil {
		t.Fatal(err)
	}
	doc := readStructText(testtool.Run(t, "pdfinfo", "-struct-text", web))
	if len(doc.kids) != 1 || doc.kids[0].role != "Document" {
		t.Fatalf("pdfinfo -struct-text reads no Document element")
	}
	var h1s []string
	var list *structText
	for _, k := range doc.kids[0].kids {
		switch {
		case k.role == "H1":
			h1s = append(h1s, k.text)
		case k.role == "L" && list == nil:
			list = k
		case k.role == "Sect":
			break
		}
	}
	name := is.Manifest.Issue.Gazette.Name
	if len(h1s) < 3 || h1s[0] != name || h1s[1] != "编 辑 委 员 会" || h1s[2] != "目　　录" {
		t.Errorf("the Document's first H1 read %q, want the cover's %s, 编辑委员会 and 目录", h1s, name)
	}
	if list == nil {
		t.Fatal("no committee list (L) under the Document")
	}
	var items []string
	for _, li := range list.kids {
		if li.role != "LI" || len(li.kids) != 2 || li.kids[0].role != "Lbl" || li.kids[1].role != "LBody" {
			t.Errorf("committee item %q is not an LI of Lbl and LBody", li.text)
			continue
		}
		items = append(items, li.kids[0].text+li.kids[1].text)
	}
	var want []string
	for _, cr := range is.Manifest.Issue.Gazette.Committee {
		want = append(want, cr.Role+"："+strings.Join(cr.Names, ""))
	}
	if strings.Join(items, " ") != strings.Join(want, " ") {
		t.Errorf("the committee reads\n%q\nwant\n%q", items, want)
	}
	if n := len(list.kids[2].kids[1].kids); n != len(is.Manifest.Issue.Gazette.Committee[2].Names) {
		t.Errorf("委员's LBody holds %d Spans, want one per name", n)
	}
	// the spaced headings' words, and the names read apart: qpdf
	objs := qpdfObjects(t, web)
	actual := map[string]string{} // ActualText → the role of the element's parent
	for _, o := range objs {
		d := dict(o)
		if s, ok := d["/ActualText"].(string); ok && d["/P"] != nil {
			actual[strings.TrimPrefix(s, "u:")] = strings.TrimPrefix(dict(objs[d["/P"].(string)])["/S"].(string), "/")
		}
	}
	for text, parent := range map[string]string{"编辑委员会": "H1", "目录": "H1", "主任": "Lbl", "李胜": "LBody", "段守阳　彭丹　郝卿雅　徐润发　胡河胜　胡招龙　李胜　王炜　程国锦": "LI"} {
		if actual[text] != parent {
			t.Errorf("ActualText %q in an element under %q, want under %s", text, actual[text], parent)
		}
	}
}
