package docx

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// paraProps are the paragraph properties read from a w:pPr, of a style or
// of a paragraph (§17.3.1).
type paraProps struct {
	align                   Align
	alignSet                bool
	numID, ilvl             int
	hasNum, hasLevel        bool
	indentLeft, indentFirst int
	hasIndent               bool
	markDeleted             bool   // the paragraph mark is a tracked deletion
	styleID                 string // w:pStyle, of a paragraph
}

// style is one paragraph style of styles.xml (§17.7.4).
type style struct {
	name, basedOn string
	props         paraProps
}

// styleSheet resolves paragraph styles.
type styleSheet struct {
	styles map[string]*style
	def    string // the default paragraph style's id
}

// loadStyles reads word/styles.xml (or the part the relationships name).
func (rd *reader) loadStyles(data []byte) error {
	rd.styles = &styleSheet{styles: map[string]*style{}}
	if data == nil {
		return nil
	}
	w := newWalker(data)
	if _, err := w.root(); err != nil {
		return err
	}
	return w.children(func(se xml.StartElement) error {
		if !isW(se, "style") {
			return w.skip()
		}
		if t, _ := attr(se, nsW, "type"); t != "paragraph" {
			return w.skip()
		}
		id, _ := attr(se, nsW, "styleId")
		if d, _ := attr(se, nsW, "default"); d == "1" || d == "true" {
			rd.styles.def = id
		}
		st := &style{}
		rd.styles.styles[id] = st
		return w.children(func(c xml.StartElement) error {
			switch {
			case isW(c, "name"):
				st.name = val(c)
			case isW(c, "basedOn"):
				st.basedOn = val(c)
			case isW(c, "pPr"):
				return rd.paraProps(w, &st.props)
			}
			return w.skip()
		}, nil)
	}, nil)
}

// resolve folds a style and the styles it is based on: the nearest value
// of each property wins.
func (ss *styleSheet) resolve(id string) (paraProps, Style) {
	if id == "" {
		id = ss.def
	}
	var p paraProps
	kind := StyleNormal
	haveAlign := false
	for n := 0; id != "" && n < 20; n++ {
		st := ss.styles[id]
		if st == nil {
			break
		}
		if kind == StyleNormal {
			kind = styleKind(st.name)
		}
		if !haveAlign && st.props.alignSet {
			p.align, haveAlign = st.props.align, true
		}
		if !p.hasNum && st.props.hasNum {
			p.numID, p.hasNum = st.props.numID, true
			if !p.hasLevel && st.props.hasLevel {
				p.ilvl, p.hasLevel = st.props.ilvl, true
			}
		}
		if !p.hasIndent && st.props.hasIndent {
			p.indentLeft, p.indentFirst, p.hasIndent = st.props.indentLeft, st.props.indentFirst, true
		}
		id = st.basedOn
	}
	return p, kind
}

// styleKind reads a style's name: Word stores the built-in names in
// English ("Title", "heading 1"); WPS and some Chinese templates write
// 标题, 标题 1.
func styleKind(name string) Style {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "title", "标题":
		return StyleTitle
	}
	for _, prefix := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(n, prefix); ok {
			if k, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil && k >= 1 && k <= 9 {
				return StyleHeading1 + Style(k-1)
			}
		}
	}
	return StyleNormal
}

// paraProps reads a w:pPr into p. Changes tracked on the properties
// (w:pPrChange) hold the old ones and are skipped.
func (rd *reader) paraProps(w *walker, p *paraProps) error {
	return w.children(func(se xml.StartElement) error {
		switch {
		case isW(se, "pStyle"):
			p.styleID = val(se)
		case isW(se, "jc"):
			p.align, p.alignSet = alignOf(val(se)), true
		case isW(se, "numPr"):
			return w.children(func(c xml.StartElement) error {
				switch {
				case isW(c, "numId"):
					p.numID, p.hasNum = intVal(c, 0), true
				case isW(c, "ilvl"):
					p.ilvl, p.hasLevel = intVal(c, 0), true
				}
				return w.skip()
			}, nil)
		case isW(se, "ind"):
			p.hasIndent = true
			p.indentLeft = firstInt(se, "start", "left")
			p.indentFirst = firstInt(se, "firstLine")
			if h := firstInt(se, "hanging"); h != 0 {
				p.indentFirst = -h
			}
		case isW(se, "pPrChange"): // the properties before a tracked change
			return w.skip()
		case isW(se, "rPr"): // the paragraph mark's run properties
			return w.children(func(c xml.StartElement) error {
				if isW(c, "del") || isW(c, "moveFrom") {
					p.markDeleted = true
				}
				return w.skip()
			}, nil)
		}
		return w.skip()
	}, nil)
}

func firstInt(se xml.StartElement, names ...string) int {
	for _, n := range names {
		if v := intAttr(se, nsW, n, 0); v != 0 {
			return v
		}
	}
	return 0
}

func alignOf(v string) Align {
	switch v {
	case "center":
		return AlignCenter
	case "right", "end":
		return AlignRight
	case "both", "distribute":
		return AlignBoth
	}
	return AlignDefault
}

// errPart wraps an error with the part it happened in.
func errPart(part string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", part, err)
}
