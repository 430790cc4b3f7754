package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// Namespaces of the parts read.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsV   = "urn:schemas-microsoft-com:vml"
	nsMC  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// walker streams one XML part, bounding its nesting and refusing a
// document type declaration (entity definitions: the "billion laughs").
type walker struct {
	d     *xml.Decoder
	depth int
}

func newWalker(data []byte) *walker {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true // an undefined entity is an error, never expanded
	return &walker{d: d}
}

// token is the next token, with the depth kept.
func (w *walker) token() (xml.Token, error) {
	t, err := w.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("XML: %w", err)
	}
	switch t := t.(type) {
	case xml.StartElement:
		w.depth++
		if w.depth > maxDepth {
			return nil, fmt.Errorf("%w: elements nested more than %d deep", ErrHostile, maxDepth)
		}
	case xml.EndElement:
		w.depth--
	case xml.Directive:
		return nil, fmt.Errorf("%w: a document type declaration (<!%s…>)", ErrHostile, firstWord(t))
	}
	return t, nil
}

func firstWord(b []byte) string {
	if i := bytes.IndexAny(b, " \t\r\n["); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// children calls fn for each child element of the element just started,
// until its end; fn must consume the child (by walking it or skip). Text
// between children goes to text, if not nil.
func (w *walker) children(fn func(se xml.StartElement) error, text func(string)) error {
	for {
		t, err := w.token()
		if err != nil {
			if err == io.EOF {
				return fmt.Errorf("XML: %w", io.ErrUnexpectedEOF)
			}
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		case xml.CharData:
			if text != nil {
				text(string(t))
			}
		}
	}
}

// skip consumes the element just started.
func (w *walker) skip() error {
	return w.children(func(xml.StartElement) error { return w.skip() }, nil)
}

// text reads the character data of the element just started.
func (w *walker) text() (string, error) {
	var s []byte
	err := w.children(func(xml.StartElement) error { return w.skip() }, func(t string) { s = append(s, t...) })
	return string(s), err
}

// root walks to the document element and returns it.
func (w *walker) root() (xml.StartElement, error) {
	for {
		t, err := w.token()
		if err != nil {
			return xml.StartElement{}, err
		}
		if se, ok := t.(xml.StartElement); ok {
			return se, nil
		}
	}
}

// attr is the value of an attribute in namespace ns ("" for none).
func attr(se xml.StartElement, ns, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == ns {
			return a.Value, true
		}
	}
	return "", false
}

// val is the w:val attribute.
func val(se xml.StartElement) string {
	v, _ := attr(se, nsW, "val")
	return v
}

// intVal is the w:val attribute as a number, def when absent or not one.
func intVal(se xml.StartElement, def int) int {
	return intAttr(se, nsW, "val", def)
}

func intAttr(se xml.StartElement, ns, local string, def int) int {
	v, ok := attr(se, ns, local)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return def
	}
	return n
}

// on reports a w:val of a toggle property (§17.7.3): absent, true, 1 or on
// means on.
func on(se xml.StartElement) bool {
	v, ok := attr(se, nsW, "val")
	return !ok || v == "true" || v == "1" || v == "on"
}

// isW reports an element of the WordprocessingML namespace named local.
func isW(se xml.StartElement, local string) bool {
	return se.Name.Space == nsW && se.Name.Local == local
}

// rel is one relationship of a part.
type rel struct {
	id, typ, target string
	external        bool
}

// rels reads the relationships of a part ("" for the package's).
func (p *pkg) rels(part string) ([]rel, error) {
	name := "_rels/.rels"
	if part != "" {
		name = pathDir(part) + "_rels/" + pathBase(part) + ".rels"
	}
	data, err := p.part(name, maxXMLPart)
	if err != nil || data == nil {
		return nil, err
	}
	w := newWalker(data)
	if _, err := w.root(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []rel
	err = w.children(func(se xml.StartElement) error {
		if se.Name.Local == "Relationship" {
			r := rel{}
			r.id, _ = attr(se, "", "Id")
			r.typ, _ = attr(se, "", "Type")
			r.target, _ = attr(se, "", "Target")
			mode, _ := attr(se, "", "TargetMode")
			r.external = mode == "External"
			out = append(out, r)
		}
		return w.skip()
	}, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

func pathDir(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[:i+1]
		}
	}
	return ""
}

func pathBase(p string) string { return p[len(pathDir(p)):] }
