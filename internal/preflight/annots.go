package preflight

import (
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Annotation flags (ISO 32000-1 12.5.3).
const (
	annotHidden = 1 << 1
	annotPrint  = 1 << 2
)

// noPrintWarning are the annotation types a printable one of which is no
// reason to warn: a link prints nothing, a popup belongs to another
// annotation, printer's marks and trap networks are made for the press.
var noPrintWarning = map[string]bool{"Link": true, "Popup": true, "PrinterMark": true, "TrapNet": true}

// annotKinds name the annotation types people meet in office files.
var annotKinds = map[string]string{
	"Widget": "表单域", "Text": "便笺", "FreeText": "文字框", "Square": "方框", "Circle": "圆圈",
	"Line": "线条", "Ink": "手绘", "Stamp": "图章", "Highlight": "高亮", "Underline": "下划线", "StrikeOut": "删除线",
}

// checkAnnotations checks the annotations of page d that print: their
// appearances are scanned like forms, and those inside the trim that a
// print shop's RIP may or may not print (form fields, comments…) are
// reported.
func (s *scanner) checkAnnotations(d types.Dict) {
	o, ok := d.Find("Annots")
	if !ok {
		return
	}
	annots, err := s.c.ctx.DereferenceArray(o)
	if err != nil {
		return
	}
	for _, a := range annots {
		if ad, err := s.c.ctx.DereferenceDict(a); err == nil && ad != nil {
			s.annotation(ad)
		}
	}
}

// annotation checks one annotation dictionary.
func (s *scanner) annotation(d types.Dict) {
	if f := s.intEntry(d, "F"); f&annotPrint == 0 || f&annotHidden != 0 {
		return // not printed
	}
	sub := "?"
	if st := d.Subtype(); st != nil {
		sub = *st
	}
	label := "注释 /" + sub
	if k := annotKinds[sub]; k != "" {
		label += "（" + k + "）"
	}
	rect := s.rect(d, "Rect")
	if trim := s.c.trims[s.page]; !noPrintWarning[sub] && rect != nil && trim != nil && overlaps(rect, trim) {
		s.note(Warning, "annotation", "%s 可打印，在成品范围内：注释/表单域会否印出取决于印刷厂设置，请拼合后再交", label)
	}
	if ca, ok := d.Find("CA"); ok {
		if v, err := s.c.ctx.DereferenceNumber(ca); err == nil && v < 1 {
			s.note(Error, "transparency", "%s 有透明（CA=%g）：PDF/X-1a 不允许透明，请先拼合透明（flatten）", label, v)
		}
	}
	if rect != nil {
		s.appearance(label, d, rect)
	}
}

// appearance scans the normal appearance of an annotation: one stream, or
// the one of its appearance state (/AS) — all of them if that is missing.
func (s *scanner) appearance(label string, d types.Dict, rect *types.Rectangle) {
	ap, err := s.c.ctx.DereferenceDict(d["AP"])
	if err != nil || ap == nil {
		return
	}
	n, ok := ap.Find("N")
	if !ok {
		return
	}
	if sd, _, err := s.c.ctx.DereferenceStreamDict(n); err == nil && sd != nil {
		s.appearanceStream(label, objNumber(n), sd, rect)
		return
	}
	states, err := s.c.ctx.DereferenceDict(n)
	if err != nil || states == nil {
		return
	}
	keys := sortedKeys(states)
	if as := d.NameEntry("AS"); as != nil && states[*as] != nil {
		keys = []string{*as}
	}
	for _, k := range keys {
		if sd, _, err := s.c.ctx.DereferenceStreamDict(states[k]); err == nil && sd != nil {
			s.appearanceStream(label, objNumber(states[k]), sd, rect)
		}
	}
}

// appearanceStream scans an appearance stream mapped onto the annotation's
// rectangle as ISO 32000-1 12.5.5 says: its BBox, transformed by its
// Matrix, is fitted to Rect.
func (s *scanner) appearanceStream(label string, objNr int, sd *types.StreamDict, rect *types.Rectangle) {
	m := identity
	if v := s.numberArray(sd.Dict, "Matrix"); len(v) == 6 {
		m = matrix(v)
	}
	gs := initialState()
	gs.ctm = m.times(fit(m, s.numberArray(sd.Dict, "BBox"), rect))
	s.runNested(nested{label: label + " 的外观", where: "在" + label + "的外观里，", objNr: objNr, sd: sd,
		gs: gs, res: s.ownResources(sd.Dict, nil)})
}

// fit returns the matrix that maps bbox, transformed by m, onto rect.
func fit(m matrix, bbox []float64, rect *types.Rectangle) matrix {
	if len(bbox) != 4 {
		return matrix{1, 0, 0, 1, rect.LL.X, rect.LL.Y}
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range [][2]float64{{bbox[0], bbox[1]}, {bbox[2], bbox[1]}, {bbox[0], bbox[3]}, {bbox[2], bbox[3]}} {
		x := c[0]*m[0] + c[1]*m[2] + m[4]
		y := c[0]*m[1] + c[1]*m[3] + m[5]
		x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
	}
	sx, sy := 1.0, 1.0
	if x1-x0 > 0 {
		sx = rect.Width() / (x1 - x0)
	}
	if y1-y0 > 0 {
		sy = rect.Height() / (y1 - y0)
	}
	return matrix{sx, 0, 0, sy, rect.LL.X - x0*sx, rect.LL.Y - y0*sy}
}

// rect returns the rectangle d[key], corners in order, or nil.
func (s *scanner) rect(d types.Dict, key string) *types.Rectangle {
	v := s.numberArray(d, key)
	if len(v) != 4 {
		return nil
	}
	return types.NewRectangle(math.Min(v[0], v[2]), math.Min(v[1], v[3]), math.Max(v[0], v[2]), math.Max(v[1], v[3]))
}

// overlaps reports whether a and b share more than boxTolerance.
func overlaps(a, b *types.Rectangle) bool {
	return math.Min(a.UR.X, b.UR.X)-math.Max(a.LL.X, b.LL.X) > boxTolerance &&
		math.Min(a.UR.Y, b.UR.Y)-math.Max(a.LL.Y, b.LL.Y) > boxTolerance
}
