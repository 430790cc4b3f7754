package preflight

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	pdffont "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// checkResources checks the graphics states of the current resource
// dictionary (a page's or a form's), used or not: a RIP sees them all.
func (s *scanner) checkResources() {
	for _, name := range s.resourceNames("ExtGState") {
		s.checkExtGState(name)
	}
}

// resourceNames lists the keys of a category of the current resources, sorted.
func (s *scanner) resourceNames(category string) []string {
	if s.res == nil {
		return nil
	}
	o, ok := s.res.Find(category)
	if !ok {
		return nil
	}
	d, err := s.c.ctx.DereferenceDict(o)
	if err != nil {
		return nil
	}
	var names []string
	for k := range d {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// checkFont reports a font that text is shown with and that is not
// embedded, so the finding names exactly the pages that use it. Type 3 fonts are drawn by the
// PDF itself and need no font file.
func (s *scanner) checkFont(name string) {
	o := s.resource("Font", name)
	if o == nil {
		return
	}
	r, indirect := o.(types.IndirectRef)
	if !indirect {
		if msg := s.fontProblem(o, 0); msg != "" {
			s.note(Error, "font-not-embedded", "%s", msg)
		}
		return
	}
	n := r.ObjectNumber.Value()
	msg, ok := s.c.fonts[n]
	if !ok {
		msg = s.fontProblem(o, n)
		s.c.fonts[n] = msg
	}
	if msg != "" {
		s.note(Error, "font-not-embedded", "%s", msg)
	}
}

// fontProblem returns the message for a font that is not embedded, or "".
func (s *scanner) fontProblem(o types.Object, objNr int) string {
	d, err := s.c.ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return ""
	}
	sub := ""
	if st := d.Subtype(); st != nil {
		sub = *st
	}
	if sub == "Type3" {
		return ""
	}
	embedded, err := pdffont.Embedded(s.c.ctx.XRefTable, d, objNr)
	if err != nil || embedded {
		return ""
	}
	base := "（无名字体）"
	if b := d.NameEntry("BaseFont"); b != nil {
		base = readableName(*b)
	}
	return fmt.Sprintf("字体 %s（%s）没有嵌入：印刷厂的电脑上没有这个字体就会换成别的字；PDF/X 要求嵌入全部字体", base, sub)
}

// readableName makes a PDF name readable: Chinese Word writes font names
// such as 宋体 in GBK (/#CB#CE#CC#E5), which are not UTF-8.
func readableName(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	if s, err := simplifiedchinese.GB18030.NewDecoder().String(name); err == nil && utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(name, "?")
}

// checkExtGState reports transparency in a graphics state parameter
// dictionary: constant alpha below 1, a soft mask, a blend mode other than
// Normal/Compatible.
func (s *scanner) checkExtGState(name string) {
	d, err := s.c.ctx.DereferenceDict(s.resource("ExtGState", name))
	if err != nil || d == nil {
		return
	}
	var why []string
	for _, k := range []string{"CA", "ca"} {
		if o, ok := d.Find(k); ok {
			if v, err := s.c.ctx.DereferenceNumber(o); err == nil && v < 1 {
				why = append(why, fmt.Sprintf("%s=%g", k, v))
			}
		}
	}
	if o, ok := d.Find("SMask"); ok {
		if n, isName := o.(types.Name); !isName || n != "None" {
			why = append(why, "SMask 软蒙版")
		}
	}
	if bm := s.blendMode(d); bm != "" {
		why = append(why, "BM="+bm)
	}
	if len(why) > 0 {
		s.note(Error, "transparency", "图形状态 /%s 有透明（%s）：PDF/X-1a 不允许透明，请先拼合透明（flatten）", name, strings.Join(why, "，"))
	}
}

// blendMode returns a blend mode other than Normal/Compatible, or "".
func (s *scanner) blendMode(d types.Dict) string {
	o, ok := d.Find("BM")
	if !ok {
		return ""
	}
	o, _ = s.c.ctx.Dereference(o)
	var modes []types.Object
	if a, isArray := o.(types.Array); isArray {
		modes = a
	} else {
		modes = []types.Object{o}
	}
	for _, m := range modes {
		if n, ok := m.(types.Name); ok && n != "Normal" && n != "Compatible" {
			return string(n)
		}
	}
	return ""
}

// checkGroup reports a transparency group on a page or form (fpdf adds one
// to every page as soon as anything uses alpha).
func (s *scanner) checkGroup(d types.Dict, what string) {
	o, ok := d.Find("Group")
	if !ok {
		return
	}
	g, err := s.c.ctx.DereferenceDict(o)
	if err != nil || g == nil {
		return
	}
	if st := g.NameEntry("S"); st == nil || *st != "Transparency" {
		return
	}
	cs := ""
	if csObj, ok := g.Find("CS"); ok {
		cs = "，混合颜色空间 " + s.resolveColorSpace(csObj, 0).label()
	}
	s.note(Error, "transparency-group", "%s带透明组（/Group /S /Transparency%s）：PDF/X-1a 不允许透明", what, cs)
}
