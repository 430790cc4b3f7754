package render

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/layout"
)

// The web edition is a tagged PDF (ISO 32000-1 14.8; PDF/UA-1, ISO 14289-1
// 7; docs/web-editions.md): every run of text is marked content with an
// MCID in its page's stream, inside the structure element layout gave it
// (layout.Elem); running heads, folios, rules and tints are artifacts; the
// structure tree, the ParentTree that leads from marked content back to its
// element, and /MarkInfo are added by the update (finishWeb), since fpdf
// has no tagging API.

// snode is a structure element being collected while the pages are drawn.
type snode struct {
	role   string
	elem   *layout.Elem // nil for a line of front matter or a link
	parent *snode       // nil: directly under the Document element
	kids   []skid
	ref    *types.IndirectRef // set when written
	bbox   []float64          // a Figure's box on its page (llx lly urx ury)
}

// skid is a kid of an element: an element, marked content on a page, or an
// annotation (the link's /OBJR).
type skid struct {
	node  *snode
	page  int
	mcid  int // marked content; -1 for none
	annot int // index of the annotation on page; -1 for none
}

// tagger collects the structure while the pages are drawn.
type tagger struct {
	nodes map[*layout.Elem]*snode
	roots []*snode
	// byMCID lists, for each page, the element of each MCID in order
	byMCID [][]*snode
	// links lists, for each page, the Link element of each annotation in
	// the order the annotations were made; annots the annotations
	links  [][]*snode
	annots [][]webLink
	// lines are the front-matter lines of the current page by baseline
	lines map[float64]*snode
}

func newTagger() *tagger { return &tagger{nodes: map[*layout.Elem]*snode{}} }

// beginPage starts the marked content of a new page.
func (t *tagger) beginPage() {
	t.byMCID = append(t.byMCID, nil)
	t.links = append(t.links, nil)
	t.annots = append(t.annots, nil)
	t.lines = map[float64]*snode{}
}

func (t *tagger) page() int { return len(t.byMCID) - 1 }

// node is the element of e, made with its ancestors when first met; a
// top-level element is a kid of the Document, in the order met, which is
// reading order. A Span spread over a front-matter line (e.Parent nil) goes
// into that line's paragraph.
func (t *tagger) node(e *layout.Elem, y float64) *snode {
	if n, ok := t.nodes[e]; ok {
		return n
	}
	n := &snode{role: e.Role, elem: e}
	t.nodes[e] = n
	switch {
	case e.Parent != nil:
		t.adopt(t.node(e.Parent, y), n)
	case e.Role == "Span":
		t.adopt(t.line(y), n)
	default:
		t.roots = append(t.roots, n)
	}
	return n
}

// line is the paragraph of the front-matter line on baseline y of the
// current page: the cover, the masthead and the 目录 carry no elements of
// their own, and each of their lines reads as a paragraph.
func (t *tagger) line(y float64) *snode {
	if n, ok := t.lines[y]; ok {
		return n
	}
	n := &snode{role: "P"}
	t.lines[y] = n
	t.roots = append(t.roots, n)
	return n
}

func (t *tagger) adopt(parent, kid *snode) {
	kid.parent = parent
	parent.kids = append(parent.kids, skid{node: kid, mcid: -1, annot: -1})
}

// mark gives the next MCID of the page to n and returns it.
func (t *tagger) mark(n *snode) int {
	p := t.page()
	mcid := len(t.byMCID[p])
	t.byMCID[p] = append(t.byMCID[p], n)
	n.kids = append(n.kids, skid{page: p, mcid: mcid, annot: -1})
	return mcid
}

// runStart is the operator that opens a run's marked content: an artifact
// for page furniture, else the run's element with a new MCID, a spread
// word with its ActualText so that text extraction reads the word
// (ISO 32000-1 14.9.4).
func (t *tagger) runStart(r layout.Run) string {
	if r.Artifact {
		return "/Artifact <</Type /Pagination>> BDC\n"
	}
	var n *snode
	if r.Elem != nil {
		n = t.node(r.Elem, r.Y)
	} else {
		n = t.line(r.Y)
	}
	mcid := t.mark(n)
	if r.Elem != nil && r.Elem.Actual != "" {
		return fmt.Sprintf("/%s <</MCID %d /ActualText %s>> BDC\n", n.role, mcid, hexText(r.Elem.Actual))
	}
	return fmt.Sprintf("/%s <</MCID %d>> BDC\n", n.role, mcid)
}

// figureStart opens a picture's marked content: its Figure, which records
// bbox, the picture's box in PDF space, or an artifact for a picture with
// no element (the cover's emblem is decoration).
func (t *tagger) figureStart(p layout.Picture, bbox []float64) string {
	if p.Elem == nil {
		return "/Artifact BMC\n"
	}
	n := t.node(p.Elem, p.Y)
	n.bbox = bbox
	return fmt.Sprintf("/Figure <</MCID %d>> BDC\n", t.mark(n))
}

// link records an annotation just made on the current page as a Link
// element: inside the element of the text it covers when that is known,
// else under the Document.
func (t *tagger) link(in *snode) {
	p := t.page()
	n := &snode{role: "Link"}
	if in != nil {
		t.adopt(in, n)
	} else {
		t.roots = append(t.roots, n)
	}
	n.kids = append(n.kids, skid{page: p, mcid: -1, annot: len(t.links[p])})
	t.links[p] = append(t.links[p], n)
}

// hexText is a PDF text string in UTF-16BE, written in hex.
func hexText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16Units(s) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

func utf16Units(s string) []uint16 {
	var out []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}

// writeStructure adds the structure tree to ctx, a table of new objects:
// the elements, the Document element holding them and the StructTreeRoot
// with its ParentTree, and gives each link annotation its /StructParent.
// It returns the StructTreeRoot; the catalog's /StructTreeRoot and
// /MarkInfo and the pages' /StructParents (structParents) and tab order
// are the caller's to write. annots are each page's annotations in order.
func (t *tagger) writeStructure(ctx *model.Context, pages []types.IndirectRef, annots [][]pdfAnnot) (*types.IndirectRef, error) {
	insert := func(d types.Dict) (*types.IndirectRef, error) {
		nr, err := ctx.InsertObject(d)
		if err != nil {
			return nil, fmt.Errorf("写入结构树: %w", err)
		}
		return types.NewIndirectRef(nr, 0), nil
	}
	rootDict := types.Dict{"Type": types.Name("StructTreeRoot")}
	rootRef, err := insert(rootDict)
	if err != nil {
		return nil, err
	}
	doc := &snode{role: "Document"}
	for _, r := range t.roots {
		r.parent = doc
		doc.kids = append(doc.kids, skid{node: r, mcid: -1, annot: -1})
	}
	// give every element its object first, so that kids can point at parents
	var all []*snode
	var walk func(n *snode)
	walk = func(n *snode) {
		all = append(all, n)
		for _, k := range n.kids {
			if k.node != nil {
				walk(k.node)
			}
		}
	}
	walk(doc)
	dicts := map[*snode]types.Dict{}
	for _, n := range all {
		d := types.Dict{"Type": types.Name("StructElem"), "S": types.Name(n.role)}
		if n.ref, err = insert(d); err != nil {
			return nil, err
		}
		dicts[n] = d
	}
	nextKey := len(pages)
	for _, n := range all {
		d := dicts[n]
		if n.parent != nil {
			d["P"] = *n.parent.ref
		} else {
			d["P"] = *rootRef
		}
		var k types.Array
		for _, kid := range n.kids {
			switch {
			case kid.node != nil:
				k = append(k, *kid.node.ref)
			case kid.mcid >= 0:
				k = append(k, types.Dict{"Type": types.Name("MCR"), "Pg": pages[kid.page], "MCID": types.Integer(kid.mcid)})
			case kid.annot >= 0:
				if kid.page >= len(annots) || kid.annot >= len(annots[kid.page]) {
					return nil, fmt.Errorf("结构树：第 %d 页的第 %d 个链接不存在", kid.page+1, kid.annot+1)
				}
				a := *types.NewIndirectRef(annots[kid.page][kid.annot].num, 0)
				k = append(k, types.Dict{"Type": types.Name("OBJR"), "Obj": a, "Pg": pages[kid.page]})
			}
		}
		if len(k) > 0 {
			d["K"] = k
		}
		attributes(n, d)
	}
	// the ParentTree: each page's MCIDs, then each link annotation
	var nums types.Array
	for p, ns := range t.byMCID {
		if len(ns) == 0 {
			continue
		}
		arr := make(types.Array, len(ns))
		for i, n := range ns {
			arr[i] = *n.ref
		}
		nums = append(nums, types.Integer(p), arr)
	}
	for p, ls := range t.links {
		for i, n := range ls {
			if p >= len(annots) || i >= len(annots[p]) {
				return nil, fmt.Errorf("结构树：第 %d 页的链接数目不符", p+1)
			}
			annots[p][i].structParent = nextKey
			nums = append(nums, types.Integer(nextKey), *n.ref)
			nextKey++
		}
	}
	rootDict["K"] = *doc.ref
	rootDict["ParentTree"] = types.Dict{"Nums": nums}
	rootDict["ParentTreeNextKey"] = types.Integer(nextKey)
	return rootRef, nil
}

// structParents is page p's key in the ParentTree (its /StructParents),
// false for a page without marked content.
func (t *tagger) structParents(p int) (int, bool) {
	return p, p < len(t.byMCID) && len(t.byMCID[p]) > 0
}

// attributes adds what an element carries besides its kids: a table
// cell's spans and a header cell's scope (ISO 32000-1 14.8.5.7), a
// figure's alternate description, a spread word's ActualText, a link's
// description.
func attributes(n *snode, d types.Dict) {
	e := n.elem
	if e == nil {
		return
	}
	switch e.Role {
	case "TH", "TD":
		a := types.Dict{"O": types.Name("Table")}
		if e.RowSpan > 1 {
			a["RowSpan"] = types.Integer(e.RowSpan)
		}
		if e.ColSpan > 1 {
			a["ColSpan"] = types.Integer(e.ColSpan)
		}
		if e.Role == "TH" {
			a["Scope"] = types.Name("Column")
		}
		d["A"] = a
	case "Figure":
		d["Alt"] = textString(e.Alt)
		if len(n.bbox) == 4 { // where the picture is (ISO 32000-1 14.8.5.4.3)
			d["A"] = types.Dict{"O": types.Name("Layout"), "BBox": types.NewNumberArray(n.bbox...)}
		}
	}
	if e.Actual != "" {
		d["ActualText"] = textString(e.Actual)
	}
}

// The writer's marked-content operators: nothing in the print edition.

func (w *writer) beginPage() {
	if w.tags != nil {
		w.tags.beginPage()
	}
}

// openArtifact opens the artifact holding n drawings (none: nothing).
func (w *writer) openArtifact(n int) {
	if w.tags != nil && n > 0 {
		w.raw("/Artifact BMC\n")
	}
}

// closeMarked closes what openArtifact, openFigure or openRun opened for n
// drawings.
func (w *writer) closeMarked(n int) {
	if w.tags != nil && n > 0 {
		w.raw("EMC\n")
	}
}

func (w *writer) openFigure(p layout.Picture) {
	if w.tags != nil {
		bbox := []float64{round2(w.fr.x(p.X)), round2(w.fr.y(p.Y + p.H)), round2(w.fr.x(p.X + p.W)), round2(w.fr.y(p.Y))}
		w.raw(w.tags.figureStart(p, bbox))
	}
}

func (w *writer) openRun(r layout.Run) {
	if w.tags != nil {
		w.raw(w.tags.runStart(r))
	}
}

// link records a link annotation of the current page, and its Link
// element inside in (nil: under the Document).
func (w *writer) link(l webLink, in *snode) {
	if w.tags != nil {
		w.tags.annots[w.tags.page()] = append(w.tags.annots[w.tags.page()], l)
		w.tags.link(in)
	}
}

// nodeOf is the element a run of element e on baseline y was marked in
// (its front-matter line when e is nil), or nil: e nil and y 0.
func (t *tagger) nodeOf(e *layout.Elem, y float64) *snode {
	if t == nil {
		return nil
	}
	if e != nil {
		return t.nodes[e]
	}
	if y == 0 {
		return nil
	}
	return t.lines[y]
}
