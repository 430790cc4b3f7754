package layout

import (
	"path/filepath"
	"strings"

	"gazette/internal/model"
)

// Elem is an element of the book's logical structure, for the tagged web
// PDF (ISO 32000-1 14.8; docs/web-editions.md): what a run of text or a
// picture is in the document — a heading, a paragraph, a table cell. Layout
// records it because only layout knows which block each line came from;
// the renderer writes the runs of one Elem as its marked content and the
// Elems as the structure tree. Runs with no Elem and no Artifact mark are
// front matter the renderer tags line by line.
type Elem struct {
	// Role is a standard structure type (ISO 32000-1 14.8.4): Sect, H1–H3,
	// P, L, LI, LBody, Table, TR, TH, TD, Figure, Span.
	Role   string
	Parent *Elem // nil for an element directly under the document
	// Alt is a Figure's alternate description.
	Alt string
	// Actual is the text the element's glyphs spell when reading them in
	// order would not give it: a two-character name spread over three
	// characters' width (均排) reads as the name, not as two lone characters.
	Actual string
	// RowSpan and ColSpan are a table cell's span (ISO 32000-1 14.8.5.7).
	RowSpan, ColSpan int
}

// newElem returns an element of role under parent.
func newElem(role string, parent *Elem) *Elem { return &Elem{Role: role, Parent: parent} }

// blockElem is the structure element of a block of document d, under the
// document's section: its first title is its H1; a later title (of a
// document it forwards, or of an attachment) an H2; a numbered head one
// level below the title it stands under (H2 or H3, the deeper levels H3
// too, as PDF/UA asks for no skipped levels); every other block a
// paragraph, so nothing is left out of the structure; the 编/章/节 of a
// 规章 are headings from H2 down.
func (c *composer) blockElem(b *model.Block) *Elem {
	if c.sect == nil {
		c.sect = newElem("Sect", nil)
	}
	switch b.Kind {
	case model.Title:
		c.titles++
		if c.titles == 1 {
			return newElem("H1", c.sect)
		}
		return newElem("H2", c.sect)
	case model.Heading:
		level := 2
		if c.titles > 1 || b.Level > 1 {
			level = 3
		}
		return newElem("H"+string(rune('0'+level)), c.sect)
	case model.Chapter:
		// 编/章/节 of a 规章: the shallowest level present is an H2
		base := b.Level
		for _, o := range c.doc.Blocks {
			if o.Kind == model.Chapter && o.Level < base {
				base = o.Level
			}
		}
		return newElem("H"+string(rune('0'+min(2+b.Level-base, 6))), c.sect)
	case model.TableBlock, model.PageBreak:
		return nil // the table makes its own elements
	case model.ImageBlock:
		e := newElem("Figure", c.sect)
		if b.Image != nil && b.Image.Alt != "" {
			e.Alt = b.Image.Alt
		} else if b.Image != nil {
			e.Alt = "图片：" + strings.TrimSuffix(filepath.Base(b.Image.Path), filepath.Ext(b.Image.Path))
		}
		return e
	}
	return newElem("P", c.sect)
}

// listItem starts an item of list under the document's section: the lines
// composed next are its body.
func (c *composer) listItem(list *Elem) {
	c.elem = newElem("LBody", newElem("LI", list))
}

// tagCells gives each cell of a table its TH (header rows) or TD element,
// with its spans, in a TR per row, in a Table under the section.
func (c *composer) tagCells(t *model.Table, cells []tableCell) {
	table := newElem("Table", c.sect)
	rows := make([]*Elem, t.Rows)
	for i := range cells {
		cl := cells[i].cell
		if cl.Row < 0 || cl.Row >= t.Rows {
			continue
		}
		if rows[cl.Row] == nil {
			rows[cl.Row] = newElem("TR", table)
		}
		role := "TD"
		if cl.Row < t.HeaderRows {
			role = "TH"
		}
		e := newElem(role, rows[cl.Row])
		e.RowSpan, e.ColSpan = cl.RowSpan, cl.ColSpan
		cells[i].elem = e
	}
}

// tagRuns sets elem on the runs of p from index from on.
func (p *Page) tagRuns(from int, elem *Elem) {
	for i := from; i < len(p.Runs); i++ {
		p.Runs[i].Elem = elem
	}
}

// markArtifacts marks the runs of p from index from on as pagination
// artifacts (running heads, folios, a table header repeated on a new
// page): a reader of the structure skips them.
func (p *Page) markArtifacts(from int) {
	for i := from; i < len(p.Runs); i++ {
		p.Runs[i].Artifact = true
	}
}

// headingElem is a heading of the front matter (编辑委员会, 目录), an H1 as
// each document's title is: set with spaces between its characters, it
// reads as the word (its Span's ActualText).
func headingElem(word string) *Elem {
	return &Elem{Role: "Span", Actual: word, Parent: newElem("H1", nil)}
}

// spreadElem is the element of a word set spread (均排): a Span that reads
// as the word.
func spreadElem(text string) *Elem { return &Elem{Role: "Span", Actual: text} }
