package docx

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// reader reads the main document part and the parts it uses.
type reader struct {
	pkg    *pkg
	part   string
	doc    *Document
	styles *styleSheet
	num    *numbering
	rels   map[string]rel
	notes  map[string]string // "footnote:3" → text

	paras int    // paragraphs with text so far
	carry string // text of a paragraph whose mark was deleted, joined to the next
	cell  *[]string
}

// load reads the relationships, styles, numbering and notes.
func (rd *reader) load() error {
	rd.doc = &Document{}
	rd.rels = map[string]rel{}
	rd.notes = map[string]string{}
	rels, err := rd.pkg.rels(rd.part)
	if err != nil {
		return err
	}
	targets := map[string]string{}
	for _, r := range rels {
		rd.rels[r.id] = r
		if !r.external {
			typ := r.typ[strings.LastIndex(r.typ, "/")+1:]
			targets[typ] = resolve(rd.part, r.target)
		}
	}
	for _, k := range []struct {
		typ  string
		load func([]byte) error
	}{
		{"styles", rd.loadStyles},
		{"numbering", rd.loadNumbering},
		{"footnotes", func(d []byte) error { return rd.loadNotes(d, "footnote") }},
		{"endnotes", func(d []byte) error { return rd.loadNotes(d, "endnote") }},
	} {
		var data []byte
		if name, ok := targets[k.typ]; ok {
			if data, err = rd.pkg.part(name, maxXMLPart); err != nil {
				return err
			}
		}
		if err := k.load(data); err != nil {
			return errPart(targets[k.typ], err)
		}
	}
	return nil
}

// loadNotes reads footnotes.xml or endnotes.xml; the separators Word keeps
// there are not notes.
func (rd *reader) loadNotes(data []byte, kind string) error {
	if data == nil {
		return nil
	}
	w := newWalker(data)
	if _, err := w.root(); err != nil {
		return err
	}
	return w.children(func(se xml.StartElement) error {
		if !isW(se, kind) {
			return w.skip()
		}
		if t, _ := attr(se, nsW, "type"); t != "" && t != "normal" {
			return w.skip()
		}
		id, _ := attr(se, nsW, "id")
		text, err := rd.cellText(w)
		rd.notes[kind+":"+id] = text
		return err
	}, nil)
}

// body reads the main part.
func (rd *reader) body() error {
	data, err := rd.pkg.part(rd.part, maxXMLPart)
	if err != nil {
		return err
	}
	w := newWalker(data)
	root, err := w.root()
	if err != nil {
		return errPart(rd.part, err)
	}
	if !isW(root, "document") {
		return fmt.Errorf("%w: %s is no WordprocessingML document", ErrNotDocx, rd.part)
	}
	err = w.children(func(se xml.StartElement) error {
		if isW(se, "body") {
			return w.children(func(c xml.StartElement) error { return rd.blockLevel(w, c) }, nil)
		}
		return w.skip()
	}, nil)
	if err != nil {
		return errPart(rd.part, err)
	}
	rd.flushCarry()
	return nil
}

// flushCarry adds the text of a paragraph whose mark was deleted when no
// paragraph follows it to run on into (the body ends, a table comes).
func (rd *reader) flushCarry() {
	if rd.carry != "" && rd.cell == nil {
		rd.emitText(rd.carry, paraProps{}, StyleNormal, "")
		rd.carry = ""
	}
}

// blockLevel reads one element of the body or of a table cell.
func (rd *reader) blockLevel(w *walker, se xml.StartElement) error {
	switch {
	case isW(se, "p"):
		return rd.paragraph(w)
	case isW(se, "tbl"):
		rd.flushCarry()
		return rd.table(w)
	case isW(se, "sdt"), isW(se, "sdtContent"), isW(se, "customXml"), isW(se, "ins"), isW(se, "moveTo"):
		return w.children(func(c xml.StartElement) error {
			if isW(c, "sdtPr") || isW(c, "sdtEndPr") || isW(c, "customXmlPr") {
				return w.skip()
			}
			return rd.blockLevel(w, c)
		}, nil)
	}
	return w.skip() // w:sectPr, w:del, w:moveFrom, bookmarks, …
}

// para collects one paragraph's content.
type para struct {
	text     strings.Builder
	pictures []*Picture
	refs     []int
}

// paragraph reads a w:p.
func (rd *reader) paragraph(w *walker) error {
	var props paraProps
	pa := &para{}
	err := w.children(func(se xml.StartElement) error {
		if isW(se, "pPr") {
			return rd.paraProps(w, &props)
		}
		return rd.inline(w, se, pa)
	}, nil)
	if err != nil {
		return err
	}
	text := pa.text.String()
	if rd.cell == nil {
		text, rd.carry = rd.carry+text, ""
	}
	if props.markDeleted && rd.cell == nil {
		rd.carry = text // the paragraph runs on into the next one
		rd.pending(pa)
		return nil
	}
	style, kind := rd.styles.resolve(props.styleID)
	merged := merge(style, props)
	label := ""
	if strings.TrimSpace(text) != "" && merged.hasNum {
		if !merged.hasLevel {
			merged.ilvl = rd.num.styleLevel(merged.numID, props.styleID)
		}
		label = rd.num.label(merged.numID, merged.ilvl)
	}
	if rd.cell != nil {
		*rd.cell = append(*rd.cell, label+text)
		return nil
	}
	if strings.TrimSpace(text) != "" || len(pa.pictures) == 0 {
		rd.emitText(label+text, merged, kind, label).NoteRefs = pa.refs
	}
	rd.pending(pa)
	return nil
}

// pending adds a paragraph's pictures after it.
func (rd *reader) pending(pa *para) {
	for _, p := range pa.pictures {
		p.Number = max(rd.paras, 1)
		rd.doc.Blocks = append(rd.doc.Blocks, Block{Picture: p})
	}
}

// merge lays a paragraph's own properties over its style's.
func merge(style, own paraProps) paraProps {
	p := style
	if own.alignSet {
		p.align, p.alignSet = own.align, true
	}
	if own.hasNum {
		p.numID, p.hasNum = own.numID, true
		p.ilvl, p.hasLevel = 0, false
	}
	if own.hasLevel {
		p.ilvl, p.hasLevel = own.ilvl, true
	}
	if own.hasIndent {
		p.indentLeft, p.indentFirst, p.hasIndent = own.indentLeft, own.indentFirst, true
	}
	return p
}

// emitText adds a paragraph block and returns its paragraph.
func (rd *reader) emitText(text string, p paraProps, kind Style, label string) *Paragraph {
	n := 0
	if strings.TrimSpace(text) != "" {
		rd.paras++
		n = rd.paras
	} else {
		text = ""
	}
	pa := &Paragraph{Number: n, Text: text, Label: label,
		Align: p.align, Style: kind, IndentLeft: p.indentLeft, IndentFirst: p.indentFirst}
	rd.doc.Blocks = append(rd.doc.Blocks, Block{Para: pa})
	return pa
}

// inline reads run-level content into pa. Deleted and moved-away text,
// comments' anchors, field instructions, text boxes and floating shapes
// are left out.
func (rd *reader) inline(w *walker, se xml.StartElement, pa *para) error {
	switch {
	case isW(se, "r"):
		return rd.run(w, pa)
	case isW(se, "ins"), isW(se, "moveTo"), isW(se, "hyperlink"), isW(se, "smartTag"), isW(se, "customXml"),
		isW(se, "fldSimple"), isW(se, "sdt"), isW(se, "sdtContent"), isW(se, "bdo"), isW(se, "dir"):
		return w.children(func(c xml.StartElement) error {
			if isW(c, "sdtPr") || isW(c, "sdtEndPr") || isW(c, "smartTagPr") || isW(c, "customXmlPr") {
				return w.skip()
			}
			return rd.inline(w, c, pa)
		}, nil)
	}
	return w.skip()
}

// run reads a w:r.
func (rd *reader) run(w *walker, pa *para) error {
	hidden := false
	return w.children(func(se xml.StartElement) error {
		if se.Name.Space != nsW {
			return w.skip() // mc:AlternateContent: text boxes and shapes
		}
		switch se.Name.Local {
		case "rPr":
			return w.children(func(c xml.StartElement) error {
				if (isW(c, "vanish") || isW(c, "specVanish")) && on(c) {
					hidden = true
				}
				return w.skip()
			}, nil)
		case "t":
			t, err := w.text()
			if !hidden {
				pa.text.WriteString(t)
			}
			return err
		case "tab", "ptab":
			if !hidden {
				pa.text.WriteByte('\t')
			}
		case "br", "cr":
			if t, _ := attr(se, nsW, "type"); !hidden && t != "page" && t != "column" {
				pa.text.WriteByte('\n')
			}
		case "noBreakHyphen":
			if !hidden {
				pa.text.WriteString("-")
			}
		case "sym":
			if r, ok := symbol(se); ok && !hidden {
				pa.text.WriteRune(r)
			}
		case "footnoteReference", "endnoteReference":
			if !hidden {
				rd.noteRef(se, pa)
			}
		case "drawing", "pict":
			if hidden {
				return w.skip()
			}
			return rd.picture(w, se, pa)
		}
		return w.skip()
	}, nil)
}

// symbol is the character of a w:sym, unless it is in a symbol font's
// private-use area, which no text font shows.
func symbol(se xml.StartElement) (rune, bool) {
	v, _ := attr(se, nsW, "char")
	n, err := strconv.ParseUint(v, 16, 32)
	if err != nil || n < 0x20 || (n >= 0xE000 && n <= 0xF8FF) || n > 0x10FFFF {
		return 0, false
	}
	return rune(n), true
}

// noteRef records a footnote or endnote reference and marks it in the text.
func (rd *reader) noteRef(se xml.StartElement, pa *para) {
	id, _ := attr(se, nsW, "id")
	kind := strings.TrimSuffix(se.Name.Local, "Reference")
	text, ok := rd.notes[kind+":"+id]
	if !ok {
		return
	}
	k := len(rd.doc.Footnotes)
	mark := FormatNumber(k+1, "decimalEnclosedCircle")
	rd.doc.Footnotes = append(rd.doc.Footnotes, Note{Mark: mark, Text: text})
	pa.refs = append(pa.refs, k)
	pa.text.WriteString(mark)
}

// picture reads a w:drawing (DrawingML) or w:pict (VML): an inline picture
// is kept, a floating one (wp:anchor: a seal over the signature, a
// watermark) is not.
func (rd *reader) picture(w *walker, se xml.StartElement, pa *para) error {
	var id, descr, title string
	var cx int64
	inline := isW(se, "pict")
	var walk func(xml.StartElement) error
	walk = func(c xml.StartElement) error {
		switch {
		case c.Name.Space == nsWP && c.Name.Local == "inline":
			inline = true
		case c.Name.Space == nsWP && c.Name.Local == "docPr":
			// the picture's alternative text as Word's 编辑替代文字 writes
			// it (ECMA-376 Part 1, 20.4.2.5)
			descr, _ = attr(c, "", "descr")
			title, _ = attr(c, "", "title")
		case c.Name.Space == nsWP && c.Name.Local == "extent":
			if v, ok := attr(c, "", "cx"); ok {
				cx, _ = strconv.ParseInt(v, 10, 64)
			}
		case c.Name.Space == nsA && c.Name.Local == "blip":
			id, _ = attr(c, nsR, "embed")
		case c.Name.Space == nsV && c.Name.Local == "imagedata":
			id, _ = attr(c, nsR, "id")
		}
		return w.children(walk, nil)
	}
	if err := w.children(walk, nil); err != nil {
		return err
	}
	r, ok := rd.rels[id]
	if !inline || !ok || r.external {
		return nil
	}
	name := resolve(rd.part, r.target)
	data, err := rd.pkg.part(name, maxMediaPart)
	if err != nil || data == nil {
		return err
	}
	alt := strings.TrimSpace(descr)
	if alt == "" {
		alt = strings.TrimSpace(title)
	}
	pa.pictures = append(pa.pictures, &Picture{Name: name, Data: data, WidthEMU: cx, Alt: alt})
	return nil
}

// cellText reads the paragraphs of a table cell or note, joined by "\n".
func (rd *reader) cellText(w *walker) (string, error) {
	outer := rd.cell
	var lines []string
	rd.cell = &lines
	defer func() { rd.cell = outer }()
	err := w.children(func(c xml.StartElement) error {
		if isW(c, "tcPr") {
			return w.skip()
		}
		return rd.blockLevel(w, c)
	}, nil)
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n"), err
}
