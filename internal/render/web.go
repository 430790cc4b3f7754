package render

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
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
			w.pdf.LinkString(w.fr.x(first.x0), w.fr.ty(top), last.x1-first.x0, first.size, addressURI(addr))
			w.linked(w.tags.nodeOf(first.elem, y))
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

// finishWeb returns the web edition's update: the fonts (addFonts), what
// finishPDF adds to both editions, and the link annotations made indirect objects with their
// rectangles in order, the structure tree (tags.go), the page labels and
// DisplayDocTitle.
func finishWeb(base []byte, created time.Time, book *layout.Book, tags *tagger, addFonts func(*model.Context) error) ([]byte, error) {
	return finishPDF(base, created, func(ctx *model.Context) error {
		if err := addFonts(ctx); err != nil {
			return err
		}
		refs, err := pageRefs(ctx)
		if err != nil {
			return err
		}
		annots, err := indirectAnnots(ctx, refs)
		if err != nil {
			return err
		}
		if err := tags.writeStructure(ctx, refs, annots); err != nil {
			return err
		}
		root, err := ctx.Catalog()
		if err != nil {
			return fmt.Errorf("读取 PDF 目录对象: %w", err)
		}
		root.Update("PageLabels", pageLabels(book))
		root.Update("ViewerPreferences", types.Dict{"DisplayDocTitle": types.Boolean(true)})
		if names := root.DictEntry("Names"); len(names) == 1 {
			if ef := names.DictEntry("EmbeddedFiles"); ef != nil && len(ef.ArrayEntry("Names")) == 0 && len(ef) == 1 {
				root.Delete("Names") // fpdf's empty list of embedded files
			}
		}
		ctx.Write.IncrementWithObjNr(ctx.Root.ObjectNumber.Value())
		return nil
	})
}

// indirectAnnots rewrites each page's annotations, which fpdf writes inline
// in the page's /Annots with the rectangle's corners upside down, as
// indirect objects (ISO 32000-1 12.5.2; what tagging needs to refer to
// them) with a normalised rectangle (llx lly urx ury), the Print flag, and
// a description for a reader that reads links aloud (/Contents).
func indirectAnnots(ctx *model.Context, pages []types.IndirectRef) ([][]types.IndirectRef, error) {
	pageIndex := map[int]int{}
	for i, ref := range pages {
		pageIndex[ref.ObjectNumber.Value()] = i
	}
	all := make([][]types.IndirectRef, len(pages))
	for p, ref := range pages {
		d, err := ctx.DereferenceDict(ref)
		if err != nil || d == nil {
			return nil, fmt.Errorf("读取第 %d 号页面对象: %v", ref.ObjectNumber, err)
		}
		annots := d.ArrayEntry("Annots")
		if len(annots) == 0 {
			continue
		}
		out := make(types.Array, 0, len(annots))
		for _, a := range annots {
			ad, ok := a.(types.Dict)
			if !ok {
				out = append(out, a) // already a reference
				if r, ok := a.(types.IndirectRef); ok {
					all[p] = append(all[p], r)
				}
				continue
			}
			if r := ad.ArrayEntry("Rect"); len(r) == 4 {
				ad.Update("Rect", normalRect(r))
			}
			ad.Update("F", types.Integer(4))
			ad.Update("Contents", textString(linkDescription(ad, pageIndex)))
			objNr, err := ctx.InsertObject(ad)
			if err != nil {
				return nil, fmt.Errorf("写入链接: %w", err)
			}
			ctx.Write.IncrementWithObjNr(objNr)
			out = append(out, *types.NewIndirectRef(objNr, 0))
			all[p] = append(all[p], *types.NewIndirectRef(objNr, 0))
		}
		d.Update("Annots", out)
		ctx.Write.IncrementWithObjNr(ref.ObjectNumber.Value())
	}
	return all, nil
}

// normalRect orders a rectangle's corners: lower left, then upper right.
func normalRect(r types.Array) types.Array {
	n := make([]float64, 4)
	for i, v := range r {
		switch v := v.(type) {
		case types.Float:
			n[i] = v.Value()
		case types.Integer:
			n[i] = float64(v.Value())
		}
	}
	return types.NewNumberArray(min(n[0], n[2]), min(n[1], n[3]), max(n[0], n[2]), max(n[1], n[3]))
}

// linkDescription says where a link goes: "转到第N页" (the PDF page, as a
// viewer counts it) or the address.
func linkDescription(a types.Dict, pageIndex map[int]int) string {
	if action := a.DictEntry("A"); action != nil {
		if uri, ok := action["URI"].(types.StringLiteral); ok {
			if s, err := types.StringLiteralToString(uri); err == nil {
				return "打开 " + strings.TrimPrefix(s, "mailto:")
			}
		}
	}
	if dest := a.ArrayEntry("Dest"); len(dest) > 0 {
		if ref, ok := dest[0].(types.IndirectRef); ok {
			if i, ok := pageIndex[ref.ObjectNumber.Value()]; ok {
				return fmt.Sprintf("转到 PDF 第%d页", i+1)
			}
		}
	}
	return "链接"
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
