package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/layout"
)

// The web edition (docs/web-editions.md) is the same pages as the print
// edition for reading on a screen: no blank pages added for the binding,
// page labels equal to the printed folios, colours in RGB, the 目录's links
// and every web or e-mail address in the text clickable, XMP metadata, the
// document's title shown by the viewer, and the PDF version that declares
// these features.

// webVersion is the PDF version the web edition declares in its header:
// it uses PDF 1.4 metadata streams and /Lang, the 1.5 page layout
// TwoPageRight and ISO 32000-1 (PDF 1.7) document structure. fpdf writes
// its header before it knows of the page layout, so it says 1.3
// (declareVersion).
const webVersion = "1.7"

// declareVersion overwrites the version in fpdf's header ("%PDF-1.3") with
// v, in place: the header has the same length, so no offset moves.
func declareVersion(pdf []byte, v string) error {
	const prefix = "%PDF-"
	if len(v) != 3 || len(pdf) < len(prefix)+3 || string(pdf[:len(prefix)]) != prefix {
		return fmt.Errorf("PDF 文件头不是 %%PDF-x.y")
	}
	copy(pdf[len(prefix):], v)
	return nil
}

// webBook is book without the blank pages added for saddle stitching
// (layout.Page.Blank): a reader on a screen turns no blank leaves. Links
// and outline entries point at the same pages in the shorter list. The
// pages themselves are shared, not copied: the renderer only reads them.
func webBook(book *layout.Book) *layout.Book {
	index := make([]int, len(book.Pages)) // old index → new index, -1 when dropped
	out := *book
	out.Pages = nil
	for i, p := range book.Pages {
		index[i] = -1
		if !p.Blank {
			index[i] = len(out.Pages)
			out.Pages = append(out.Pages, p)
		}
	}
	if len(out.Pages) == len(book.Pages) {
		return book
	}
	// a link or bookmark to a dropped page goes to the next page kept
	target := func(i int) int {
		for ; i >= 0 && i < len(index); i++ {
			if index[i] >= 0 {
				return index[i]
			}
		}
		return len(out.Pages) - 1
	}
	for i, p := range out.Pages {
		if len(p.Links) == 0 {
			continue
		}
		q := *p
		q.Links = make([]layout.Link, len(p.Links))
		for k, l := range p.Links {
			l.Target = target(l.Target)
			q.Links[k] = l
		}
		out.Pages[i] = &q
	}
	out.Outline = make([]layout.Bookmark, len(book.Outline))
	for i, bm := range book.Outline {
		bm.Page = target(bm.Page)
		out.Outline[i] = bm
	}
	return &out
}

// rgbOf converts a process colour to RGB for the screen, by the simple
// complement (R = (1 − C)(1 − K), …): a viewer shows an RGB colour the same
// everywhere, where each would convert a CMYK one its own way. The red of
// GB/T 9704-2012 (M80 Y80) becomes (1, 0.2, 0.2).
func rgbOf(c layout.Color) (r, g, b float64) {
	k := 1 - c.K
	return (1 - c.C) * k, (1 - c.M) * k, (1 - c.Y) * k
}

// fill is the fill colour operator: black as DeviceGray 0 in both
// editions, any other colour in DeviceRGB on the web and DeviceCMYK in print.
func (w *writer) fill(c layout.Color) string {
	if !w.web || c.IsBlack() {
		return fillColor(c)
	}
	r, g, b := rgbOf(c)
	return fmt.Sprintf("%.3f %.3f %.3f rg", r, g, b)
}

// stroke is fill for lines.
func (w *writer) stroke(c layout.Color) string {
	if !w.web || c.IsBlack() {
		return strokeColor(c)
	}
	r, g, b := rgbOf(c)
	return fmt.Sprintf("%.3f %.3f %.3f RG", r, g, b)
}

// addressRE finds web and e-mail addresses in a line of text: a scheme or
// "www." and the characters an address may hold (RFC 3986 2), or an e-mail
// address (RFC 5322 addr-spec, the common form).
var addressRE = regexp.MustCompile(`(?i)(?:https?://|www\.)[a-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+|[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}`)

// trailingPunct is what ends a sentence after an address rather than the
// address itself.
const trailingPunct = ".,;:!?'"

// placedRune is one character of a line and its extent along the baseline.
type placedRune struct {
	r      rune
	x0, x1 float64
	size   float64
	elem   *layout.Elem // of its run
}

// addressLinks makes each web or e-mail address printed on the page a
// link to it (a URI action; mailto: for e-mail). An address is found
// within one line; one broken across two lines is not linked.
func (w *writer) addressLinks(p *layout.Page) {
	// only lines with a "." or "@" can hold an address; all their runs
	// are read, since an address may start in a run without either
	maybe := map[float64]bool{}
	for _, r := range p.Runs {
		if strings.ContainsAny(r.Text, ".@") {
			maybe[r.Y] = true
		}
	}
	var lineY []float64
	lines := map[float64][]placedRune{}
	for _, r := range p.Runs {
		if !maybe[r.Y] {
			continue
		}
		if _, ok := lines[r.Y]; !ok {
			lineY = append(lineY, r.Y)
		}
		x := r.X
		for _, c := range r.Text {
			adv := 0.0
			if f, err := w.fonts.faceFor(r.Role, c); err == nil {
				a, _ := f.Advance(c)
				adv = a * r.Size
			}
			lines[r.Y] = append(lines[r.Y], placedRune{r: c, x0: x, x1: x + adv, size: r.Size, elem: r.Elem})
			x += adv + r.Spacing
		}
	}
	for _, y := range lineY {
		rs := lines[y]
		text := make([]rune, len(rs))
		for i, pr := range rs {
			text[i] = pr.r
		}
		s := string(text)
		for _, m := range addressRE.FindAllStringIndex(s, -1) {
			addr := strings.TrimRight(s[m[0]:m[1]], trailingPunct)
			from := len([]rune(s[:m[0]]))
			to := from + len([]rune(addr)) - 1
			first, last := rs[from], rs[to]
			top := y - 0.88*first.size // ascent and descent of a CJK em box
			w.link(webLink{rect: w.fr.rect(first.x0, top, last.x1-first.x0, first.size), target: -1, uri: addressURI(addr)},
				w.tags.nodeOf(first.elem, y))
		}
	}
}

// addressURI is the URI of a printed address.
func addressURI(addr string) string {
	low := strings.ToLower(addr)
	switch {
	case strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://"):
		return addr
	case strings.HasPrefix(low, "www."):
		return "http://" + addr
	}
	return "mailto:" + addr
}

// xmpMetadata is the document's XMP packet (ISO 16684-1): the same title,
// author, subject, tool and dates as the Info dictionary (ISO 32000-1
// 14.3.2 asks the two to agree), the publisher and the language. The PDF/UA
// identification (ISO 14289-1 5) is added by pdfUAID only when the file is
// tagged.
func xmpMetadata(title, author, subject, publisher string, created time.Time, ua bool) []byte {
	date := created.Format(time.RFC3339)
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
`)
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmlText(title))
	if author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlText(author))
	}
	if subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", xmlText(subject))
	}
	if publisher != "" {
		fmt.Fprintf(&b, "<dc:publisher><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:publisher>\n", xmlText(publisher))
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>\n")
	if !created.IsZero() {
		fmt.Fprintf(&b, "<dc:date><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:date>\n", date)
		fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	}
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n<pdf:Producer>%s</pdf:Producer>\n", creator, producer)
	if ua {
		b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// creator and producer are the Info dictionary's Creator and Producer.
const (
	creator  = "gazette"
	producer = "gazette (fpdf)"
)

// xmlText escapes text for XML character data.
func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// webLink is a link annotation of the web edition, recorded while its page
// is drawn and written by the update (finishWeb).
type webLink struct {
	rect   box    // in PDF space
	target int    // the page index a link inside the document goes to; -1 for uri
	uri    string // a web or e-mail address
}

// pdfAnnot is a link annotation the update writes: its object number,
// its link and its key in the structure's ParentTree (writeStructure).
type pdfAnnot struct {
	num          int
	link         webLink
	structParent int
}

// finishWeb returns, as an incremental update (ISO 32000-1 7.5.6) to follow
// fpdf's file base, what the web edition needs and fpdf cannot write
// (increment.go writes it without reading base back as a whole): each
// page's content (addContents), the fonts (fonts.go), the link annotations (tags' annots), the structure tree
// (tags.go) with each page's /StructParents and tab order, the page labels,
// DisplayDocTitle and /MarkInfo in the catalog, and, as in the print edition
// (finishPDFX), the dates with their time zone, the outline's /Count and the
// /ID. It is returned as parts to be written one after the other.
func finishWeb(base []byte, contents [][]byte, created time.Time, book *layout.Book, tags *tagger, fr frame, fp *fontPlan) ([][]byte, error) {
	fn, err := newFinisher(base)
	if err != nil {
		return nil, err
	}
	pages, err := fn.pages()
	if err != nil {
		return nil, err
	}
	if len(tags.annots) > len(pages) { // fewer: fpdf adds a blank page to a book of none
		return nil, fmt.Errorf("补充 PDF 文件结构：PDF 有 %d 页，画了 %d 页", len(pages), len(tags.annots))
	}
	table := fn.u.newObjectTable()
	fonts, err := fontObjects(fp, table)
	if err != nil {
		return nil, err
	}
	if err := fn.u.pdfcpuObjects(table); err != nil {
		return nil, err
	}
	if err := fn.fontResources(fonts, pages); err != nil {
		return nil, err
	}
	if err := fn.addContents(pages, contents); err != nil {
		return nil, err
	}
	refs := make([]types.IndirectRef, len(pages))
	for i, p := range pages {
		refs[i] = *types.NewIndirectRef(p.num, 0)
	}
	annots := make([][]pdfAnnot, len(pages))
	for p, links := range tags.annots {
		for _, l := range links {
			if l.uri == "" && (l.target < 0 || l.target >= len(pages)) {
				return nil, fmt.Errorf("补充 PDF 文件结构：第 %d 页的链接没有目标", p+1)
			}
			annots[p] = append(annots[p], pdfAnnot{num: fn.u.newNumber(), link: l})
		}
	}
	table = fn.u.newObjectTable()
	structRoot, err := tags.writeStructure(table, refs, annots)
	if err != nil {
		return nil, err
	}
	if err := fn.u.pdfcpuObjects(table); err != nil {
		return nil, err
	}
	for _, as := range annots {
		for _, a := range as {
			fn.u.object(a.num, linkAnnotation(a, pages, fr))
		}
	}
	for i, p := range pages {
		open, ok := bytes.CutSuffix(p.body, []byte(">>"))
		if !ok || bytes.Contains(open, []byte("/Annots")) {
			return nil, fmt.Errorf("补充 PDF 文件结构：第 %d 号页面对象的写法不对", p.num)
		}
		var add []byte
		if len(annots[i]) > 0 {
			add = append(add, "\n/Annots ["...)
			for k, a := range annots[i] {
				if k > 0 {
					add = append(add, ' ')
				}
				add = fmt.Appendf(add, "%d 0 R", a.num)
			}
			add = append(add, ']')
		}
		if key, ok := tags.structParents(i); ok {
			add = fmt.Appendf(add, "\n/StructParents %d", key)
		}
		// tab through the links in structure order (PDF/UA-1 7.18.3)
		add = append(add, "\n/Tabs /S>>"...)
		fn.u.object(p.num, open, add)
	}
	catalog := fmt.Appendf(nil, "/PageLabels %s\n/ViewerPreferences <</DisplayDocTitle true>>\n/StructTreeRoot %s\n/MarkInfo <</Marked true>>\n",
		pageLabels(book).PDFString(), structRoot.PDFString())
	if err := fn.catalog(catalog); err != nil {
		return nil, err
	}
	if err := fn.info(created, ""); err != nil {
		return nil, err
	}
	if err := fn.outlineCounts(); err != nil {
		return nil, err
	}
	return fn.u.finish(), nil
}

// linkAnnotation is the text of a link annotation (ISO 32000-1 12.5.6.5):
// an indirect object (what tagging needs to refer to it, 12.5.2), printed
// (/F 4: the Print flag), without a border, going to the top of its page
// (12.3.2.2) or opening its address (a URI action, 12.6.4.7), with a
// description for a reader that reads links aloud (/Contents) and its key
// in the structure's ParentTree (14.7.4.4).
func linkAnnotation(a pdfAnnot, pages []fpdfPage, fr frame) []byte {
	l := a.link
	b := fmt.Appendf(nil, "<</Type /Annot /Subtype /Link /Rect %s /Border [0 0 0] /F 4 /Contents %s ",
		pdfNumbers(l.rect[:]), textString(linkDescription(l)).PDFString())
	if l.uri != "" {
		b = append(b, "/A <</S /URI /URI "...)
		b = append(b, pdfLiteral(l.uri)...)
		b = append(b, ">>"...)
	} else {
		b = fmt.Appendf(b, "/Dest [%d 0 R /XYZ 0 %s null]", pages[l.target].num, strconv.FormatFloat(fr.mediaH(), 'f', 2, 64))
	}
	return fmt.Appendf(b, " /StructParent %d>>", a.structParent)
}

// linkDescription says where a link goes: "转到 PDF 第N页" (the PDF page,
// as a viewer counts it) or the address.
func linkDescription(l webLink) string {
	if l.uri != "" {
		return "打开 " + strings.TrimPrefix(l.uri, "mailto:")
	}
	return fmt.Sprintf("转到 PDF 第%d页", l.target+1)
}

// pageLabels is the /PageLabels number tree (ISO 32000-1 12.4.2) giving
// each page the label layout gave it, which is its printed folio: a run of
// pages numbered 1, 2, 3 … is one range in decimal, i, ii, iii … one in
// lower-case roman, and any other label is a range of its own written as
// a prefix.
func pageLabels(book *layout.Book) types.Dict {
	var nums types.Array
	prevStyle, prevN := "", 0
	for i, p := range book.Pages {
		style, n := labelStyle(p.Label)
		if style != "" && style == prevStyle && n == prevN+1 {
			prevN = n
			continue
		}
		r := types.Dict{}
		switch style {
		case "":
			r["P"] = textString(p.Label)
		default:
			r["S"] = types.Name(style)
			if n != 1 {
				r["St"] = types.Integer(n)
			}
		}
		nums = append(nums, types.Integer(i), r)
		prevStyle, prevN = style, n
	}
	return types.Dict{"Nums": nums}
}

// labelStyle reads a page label as a number in a PDF numbering style: "D"
// decimal, "r" lower-case roman; "" for any other label.
func labelStyle(label string) (string, int) {
	if n, err := strconv.Atoi(label); err == nil && n > 0 && strconv.Itoa(n) == label {
		return "D", n
	}
	if n := fromRoman(label); n > 0 {
		return "r", n
	}
	return "", 0
}

// fromRoman reads a lower-case roman numeral up to 39 (front matter),
// or returns 0.
func fromRoman(s string) int {
	for n := 1; n < 40; n++ {
		if toRoman(n) == s {
			return n
		}
	}
	return 0
}

func toRoman(n int) string {
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= d.v {
			b.WriteString(d.s)
			n -= d.v
		}
	}
	return b.String()
}

// textString is a PDF text string in UTF-16BE with its byte order mark
// (ISO 32000-1 7.9.2.2), written in hex so no byte needs escaping.
func textString(s string) types.HexLiteral {
	return types.NewHexLiteral([]byte(types.EncodeUTF16String(s)))
}
