package preflight

import (
	"fmt"
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// times returns m × n: first m, then n (the order of "m cm" on a CTM n).
func (m matrix) times(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// gstate is the part of the graphics state the check follows.
type gstate struct {
	ctm              matrix
	fillCS, strokeCS colorSpace
	fill, stroke     []float64
	render           int     // text rendering mode (Tr)
	font             string  // font resource name (Tf)
	size             float64 // font size (Tf)
	tm               matrix  // text matrix (Tm; reset by BT)
	tlm              matrix  // text line matrix (Td, TD, T*, Tm)
	leading          float64 // TL
	charSpace        float64 // Tc
	wordSpace        float64 // Tw
	hscale           float64 // Tz, in per cent
	rise             float64 // Ts
}

// initialState is the graphics state a page (or a pattern cell, or an
// annotation's appearance) starts with.
func initialState() gstate {
	return gstate{ctm: identity, tm: identity, tlm: identity, hscale: 100, fillCS: deviceGray, strokeCS: deviceGray, fill: []float64{0}, stroke: []float64{0}}
}

// maxFormDepth bounds nested form XObjects (and breaks cycles);
// maxFormCalls bounds the forms drawn on one page, so that a form drawing
// another many times over cannot make the check run for ever.
const (
	maxFormDepth = 12
	maxFormCalls = 10000
)

// scanner interprets the content streams of one page.
type scanner struct {
	c     *checker
	page  int
	frame // the content stream being run
	stack []gstate
	forms []int        // object numbers of the nested streams being run, outermost first
	calls int          // nested streams run on this page so far
	seen  map[int]bool // patterns and Type 3 fonts scanned on this page, by object number
	found map[string]Finding
	order []string
	boxes []textBox // where the page's text prints (textgeom.go)
	nan   int       // operands that are no number
}

// frame is what a content stream runs in. A nested stream (a form, a
// pattern cell, a Type 3 glyph, an annotation's appearance) has a frame of
// its own while it runs.
type frame struct {
	gs      gstate
	res     types.Dict
	base    matrix // the CTM at the start of the stream: the space its patterns are placed in
	where   string // what colour findings start with: "" on the page, "在图案 /P1 里，"…
	noColor bool   // colour operators are ignored (an uncoloured pattern, a d1 glyph)
	floor   int    // Q does not pop below this: the rest of the stack is the drawing stream's
}

// note records a finding once per page.
func (s *scanner) note(sev Severity, code, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	key := code + "\x00" + msg
	if _, ok := s.found[key]; ok {
		return
	}
	s.found[key] = Finding{Severity: sev, Pages: []int{s.page}, Code: code, Message: msg}
	s.order = append(s.order, key)
}

// scanPage checks page p: its transparency group, resources and content.
func (c *checker) scanPage(p int) {
	s := &scanner{c: c, page: p, seen: map[int]bool{}, found: map[string]Finding{}}
	s.gs, s.base = initialState(), identity
	err := safely(func() error { return s.runPage() })
	if err != nil {
		s.note(Warning, "content-unreadable", "页面内容无法完整读取，这一页的颜色、字体和图像检查可能不全：%v", err)
	}
	s.checkTextBoxes()
	if s.nan > 0 {
		s.note(Error, "content-nan", "页面内容里有 %d 处坐标或数值不是数（NaN 或 Inf）：RIP 和阅读器会停在那里或什么也不画；生成 PDF 的程序出了错", s.nan)
	}
	for _, k := range s.order {
		c.findings = append(c.findings, s.found[k])
	}
}

func (s *scanner) runPage() error {
	d, _, inh, err := s.c.ctx.PageDict(s.page, false)
	if err != nil {
		return fmt.Errorf("page %d: %w", s.page, err)
	}
	if inh != nil {
		s.res = inh.Resources
	}
	s.checkGroup(d, "页面")
	s.checkResources()
	content, err := s.pageContent(d)
	if err != nil {
		return err
	}
	s.run(content)
	s.checkAnnotations(d)
	return nil
}

// pageContent returns the page's decoded content streams, joined by
// newlines so that tokens never run together across streams.
func (s *scanner) pageContent(d types.Dict) ([]byte, error) {
	o, ok := d.Find("Contents")
	if !ok {
		return nil, nil
	}
	var refs []types.Object
	if a, err := s.c.ctx.DereferenceArray(o); err == nil && a != nil {
		refs = a
	} else {
		refs = []types.Object{o}
	}
	var out []byte
	for _, r := range refs {
		b, err := s.streamContent(r)
		if err != nil {
			return nil, err
		}
		out = append(append(out, b...), '\n')
	}
	return out, nil
}

// streamContent returns the decoded bytes of the stream r refers to.
func (s *scanner) streamContent(r types.Object) ([]byte, error) {
	sd, _, err := s.c.ctx.DereferenceStreamDict(r)
	if err != nil || sd == nil {
		return nil, err
	}
	return s.decode(sd)
}

// decode returns the decoded bytes of a stream.
func (s *scanner) decode(sd *types.StreamDict) ([]byte, error) {
	if sd.Content == nil {
		if err := sd.Decode(); err != nil {
			return nil, fmt.Errorf("解码内容流: %w", err)
		}
	}
	return sd.Content, nil
}

// resource returns entry name of the current resources' category dict.
func (s *scanner) resource(category, name string) types.Object {
	if s.res == nil {
		return nil
	}
	o, ok := s.res.Find(category)
	if !ok {
		return nil
	}
	d, err := s.c.ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return nil
	}
	v, _ := d.Find(name)
	return v
}

// run interprets a content stream.
func (s *scanner) run(content []byte) {
	l := &lexer{b: content}
	var args []token
	for {
		t, ok := l.next()
		if !ok {
			return
		}
		if t.kind == tokOperator && nonNumber(t.text) {
			t = token{kind: tokNumber, text: t.text, num: math.NaN()}
		}
		if t.kind == tokNumber && (math.IsNaN(t.num) || math.IsInf(t.num, 0)) {
			s.nan++
		}
		if t.kind != tokOperator || t.text == "true" || t.text == "false" || t.text == "null" {
			args = append(args, t)
			continue
		}
		if t.text == "ID" {
			s.inlineImage(l, args)
		} else {
			s.op(t.text, args)
		}
		args = args[:0]
	}
}

// numbers returns the numeric operands.
func numbers(args []token) []float64 {
	var out []float64
	for _, a := range args {
		if a.kind == tokNumber {
			out = append(out, a.num)
		}
	}
	return out
}

// firstName returns the first name operand ("" if none).
func firstName(args []token) string {
	for _, a := range args {
		if a.kind == tokName {
			return a.text
		}
	}
	return ""
}

// lastName returns the last name operand ("" if none).
func lastName(args []token) string {
	for i := len(args) - 1; i >= 0; i-- {
		if args[i].kind == tokName {
			return args[i].text
		}
	}
	return ""
}

// op executes one operator.
func (s *scanner) op(name string, args []token) {
	switch name {
	case "q":
		s.stack = append(s.stack, s.gs)
	case "Q":
		if n := len(s.stack); n > s.floor {
			s.gs, s.stack = s.stack[n-1], s.stack[:n-1]
		}
	case "cm":
		if v := numbers(args); len(v) == 6 {
			s.gs.ctm = matrix(v).times(s.gs.ctm)
		}
	case "Tj", "TJ", "'", "\"":
		s.text()
		s.showText(name, args)
	case "Do":
		s.do(lastName(args))
	case "sh":
		s.shading(lastName(args))
	case "d1": // a Type 3 glyph that takes its colour from the text
		s.noColor = true
	default:
		if !s.textState(name, args) {
			s.colorOp(name, args)
		}
	}
}

// textState handles the text state operators the check follows.
func (s *scanner) textState(name string, args []token) bool {
	v := numbers(args)
	switch name {
	case "BT":
		s.gs.tm, s.gs.tlm = identity, identity
	case "Tm":
		if len(v) == 6 {
			s.gs.tm, s.gs.tlm = matrix(v), matrix(v)
		}
	case "Tr":
		if len(v) == 1 {
			s.gs.render = int(v[0])
		}
	case "Tf":
		s.gs.font = firstName(args)
		if len(v) == 1 {
			s.gs.size = v[0]
		}
	default:
		return s.textMove(name, v)
	}
	return true
}

// colorOp handles the colour operators.
func (s *scanner) colorOp(name string, args []token) {
	fill := name == "g" || name == "rg" || name == "k" || name == "cs" || name == "sc" || name == "scn"
	cs, vals := &s.gs.strokeCS, &s.gs.stroke
	if fill {
		cs, vals = &s.gs.fillCS, &s.gs.fill
	}
	switch name {
	case "g", "G":
		*cs, *vals = deviceGray, numbers(args)
	case "rg", "RG":
		*cs, *vals = deviceRGB, numbers(args)
	case "k", "K":
		*cs, *vals = deviceCMYK, numbers(args)
	case "cs", "CS":
		*cs, *vals = s.resolveColorSpace(types.Name(lastName(args)), 0), nil
	case "sc", "scn", "SC", "SCN":
		*vals = numbers(args)
	default:
		return
	}
	if !s.noColor {
		s.colorSet(*cs, fill, name == "scn" || name == "SCN", lastName(args))
	}
}

// colorSet reports the colour space cs just set for filling or stroking
// and, when scn or SCN named a pattern in a pattern space, the pattern.
func (s *scanner) colorSet(cs colorSpace, fill, scn bool, pattern string) {
	subject := "描边"
	if fill {
		subject = "填充或写字"
	}
	if cs.family == "Pattern" && scn {
		s.pattern(pattern, cs, subject)
		return
	}
	s.colorUse(cs, subject)
}

// convertHint says how to get colour PDF/X-1a does not allow out of a file.
const convertHint = "导出时选 PDF/X-1a 或“转换为目标色彩空间 CMYK”"

// colorUse reports the use of colour space cs by subject ("描边",
// "图像 /Im1 "…): PDF/X-1a allows DeviceCMYK, DeviceGray and spot colours
// with one of those as alternate.
func (s *scanner) colorUse(cs colorSpace, subject string) {
	subject = s.where + subject
	switch {
	case cs.rgb():
		s.note(Error, "color-rgb", "%s用 RGB 颜色（%s）：印刷需 CMYK 或灰度；%s", subject, cs.label(), convertHint)
	case cs.calibrated():
		s.note(Error, "color-icc", "%s用与设备无关的颜色 %s：PDF/X-1a 只允许 CMYK、灰度和专色；%s", subject, cs.label(), convertHint)
	case cs.badAlternate():
		s.note(Error, "spot-alternate", "%s用专色 %s，替代色不是 CMYK 或灰度：PDF/X-1a 只允许 CMYK、灰度和专色，不单出专色版时 RIP 按替代色分色；%s，或把色板的替代色改为 CMYK",
			subject, cs.inks().spotLabel(), convertHint)
	case cs.inks() != nil && cs.inks().spot():
		s.note(Info, "color-spot", "专色 %s", cs.inks().spotLabel())
	}
}

// text checks the colour that text is painted with: black must be pure K.
func (s *scanner) text() {
	mode := s.gs.render
	if mode == 3 || mode == 7 { // invisible text (e.g. an OCR layer)
		return
	}
	s.checkFont(s.gs.font)
	s.type3(s.gs.font)
	if mode != 1 && mode != 5 {
		s.checkTextBlack(s.gs.fillCS, s.gs.fill)
	}
	if mode == 1 || mode == 2 || mode == 5 || mode == 6 {
		s.checkTextBlack(s.gs.strokeCS, s.gs.stroke)
	}
}

func (s *scanner) checkTextBlack(cs colorSpace, v []float64) {
	switch {
	case cs.family == "DeviceCMYK" && len(v) == 4 && richBlack(v):
		s.note(Warning, "text-rich-black", "文字用四色黑（%s k）：应为单色黑 K100（0 0 0 1 k）或灰度（0 g），否则套印不准时字会发虚", formatNums(v))
	case cs.rgb() && len(v) == 3 && v[0] <= 0.1 && v[1] <= 0.1 && v[2] <= 0.1:
		s.note(Warning, "text-rgb-black", "文字用 RGB 黑（%s）：分色后成四色黑，应为单色黑 K100（0 0 0 1 k）或灰度（0 g）", cs.label())
	}
}

// richBlack reports whether CMYK v is a dark black built from more than K.
func richBlack(v []float64) bool {
	c, m, y, k := v[0], v[1], v[2], v[3]
	dark := k >= 0.8 || (c >= 0.7 && m >= 0.7 && y >= 0.7)
	return dark && (c > 0.01 || m > 0.01 || y > 0.01)
}

func formatNums(v []float64) string {
	s := ""
	for i, f := range v {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%g", f)
	}
	return s
}

// shading checks the colour space of a shading painted with sh.
func (s *scanner) shading(name string) {
	if o := s.resource("Shading", name); o != nil {
		s.shadingSpace(o, "渐变 /"+name+" ")
	}
}

// shadingSpace checks the colour space of shading o (a dictionary or a stream).
func (s *scanner) shadingSpace(o types.Object, subject string) {
	var d types.Dict
	if sd, _, err := s.c.ctx.DereferenceStreamDict(o); err == nil && sd != nil {
		d = sd.Dict
	} else if d, err = s.c.ctx.DereferenceDict(o); err != nil || d == nil {
		return
	}
	if csObj, ok := d.Find("ColorSpace"); ok {
		s.colorUse(s.resolveColorSpace(csObj, 0), subject)
	}
}
