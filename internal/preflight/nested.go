package preflight

import (
	"cmp"
	"errors"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// nested is a content stream run from another one: a form XObject, the
// cell of a tiling pattern, a glyph of a Type 3 font, the appearance of an
// annotation. What it paints is printed like the page's own content.
type nested struct {
	label   string // names it in messages: "表单 /Fm1"
	where   string // what its colour findings start with ("": those of the stream that runs it)
	objNr   int    // its object number (0 if direct), to break cycles
	sd      *types.StreamDict
	gs      gstate     // the graphics state it starts with
	res     types.Dict // its resources
	noColor bool       // its colour operators are ignored (an uncoloured tiling pattern)
}

// runNested scans n in a frame of its own, then returns to the stream that
// ran it. Depth, the number of streams per page and cycles are bounded.
func (s *scanner) runNested(n nested) {
	if len(s.forms) >= maxFormDepth || s.calls >= maxFormCalls || (n.objNr > 0 && slices.Contains(s.forms, n.objNr)) {
		return
	}
	s.calls++
	content, err := s.decode(n.sd)
	if err != nil {
		s.note(Warning, "content-unreadable", "%s 的内容无法读取：%v", n.label, err)
		return
	}
	saved := s.frame
	s.forms = append(s.forms, n.objNr)
	s.frame = frame{gs: n.gs, res: n.res, base: n.gs.ctm, where: cmp.Or(n.where, saved.where),
		noColor: n.noColor || saved.noColor, floor: len(s.stack)}
	defer func() {
		s.stack, s.forms = s.stack[:s.floor], s.forms[:len(s.forms)-1]
		s.frame = saved
	}()
	s.checkGroup(n.sd.Dict, n.label+" ")
	s.checkResources()
	s.run(content)
}

// ownResources returns the Resources dictionary of d, or fallback if it has
// none (a form or glyph without resources uses those of its page).
func (s *scanner) ownResources(d types.Dict, fallback types.Dict) types.Dict {
	if o, ok := d.Find("Resources"); ok {
		if r, err := s.c.ctx.DereferenceDict(o); err == nil && r != nil {
			return r
		}
	}
	return fallback
}

// objNumber returns the object number o refers to, or 0 for a direct object.
func objNumber(o types.Object) int {
	if r, ok := o.(types.IndirectRef); ok {
		return r.ObjectNumber.Value()
	}
	return 0
}

// firstTime reports whether object objNr is met for the first time on this
// page (always true for a direct object).
func (s *scanner) firstTime(objNr int) bool {
	if objNr == 0 {
		return true
	}
	if s.seen[objNr] {
		return false
	}
	s.seen[objNr] = true
	return true
}

// pattern checks the pattern name set as colour by subject in pattern space
// cs: the colour of an uncoloured tiling pattern is in cs's base space; a
// coloured one paints its cell with colours of its own; a shading pattern
// paints its shading.
func (s *scanner) pattern(name string, cs colorSpace, subject string) {
	o := s.resource("Pattern", name)
	if o == nil {
		return
	}
	if sd, _, err := s.c.ctx.DereferenceStreamDict(o); err == nil && sd != nil {
		s.tiling(name, objNumber(o), sd, cs, subject)
		return
	}
	d, err := s.c.ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return
	}
	if sh, ok := d.Find("Shading"); ok {
		s.shadingSpace(sh, "图案 /"+name+" 的渐变")
	}
}

// tiling scans the cell of a tiling pattern, placed by its matrix in the
// space of the stream that uses it.
func (s *scanner) tiling(name string, objNr int, sd *types.StreamDict, cs colorSpace, subject string) {
	uncoloured := s.intEntry(sd.Dict, "PaintType") == 2
	if uncoloured && cs.base != nil {
		s.colorUse(*cs.base, subject)
	}
	if !s.firstTime(objNr) {
		return
	}
	gs := initialState()
	gs.ctm = s.base
	if m := s.numberArray(sd.Dict, "Matrix"); len(m) == 6 {
		gs.ctm = matrix(m).times(s.base)
	}
	s.runNested(nested{label: "图案 /" + name, where: "在图案 /" + name + " 里，", objNr: objNr, sd: sd,
		gs: gs, res: s.ownResources(sd.Dict, nil), noColor: uncoloured})
}

// type3 scans the glyph procedures of the Type 3 font name the first time
// text is shown in it on the page: a glyph paints like a small form.
func (s *scanner) type3(name string) {
	o := s.resource("Font", name)
	d, err := s.c.ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return
	}
	if st := d.Subtype(); st == nil || *st != "Type3" || !s.firstTime(objNumber(o)) {
		return
	}
	procs, err := s.c.ctx.DereferenceDict(d["CharProcs"])
	if err != nil || procs == nil {
		return
	}
	gs := s.gs
	gs.ctm = s.glyphSpace(d)
	res := s.ownResources(d, s.res)
	for _, glyph := range sortedKeys(procs) {
		sd, _, err := s.c.ctx.DereferenceStreamDict(procs[glyph])
		if err != nil || sd == nil {
			continue
		}
		s.runNested(nested{label: "Type 3 字体 /" + name + " 的字形 /" + glyph, where: "在 Type 3 字体 /" + name + " 的字形里，",
			objNr: objNumber(procs[glyph]), sd: sd, gs: gs, res: res})
	}
}

// glyphSpace returns the CTM a glyph of Type 3 font d is painted with:
// its FontMatrix, the font size and the text matrix (translation aside:
// only the scale matters here, to the resolution of images).
func (s *scanner) glyphSpace(d types.Dict) matrix {
	fm := matrix{0.001, 0, 0, 0.001, 0, 0}
	if v := s.numberArray(d, "FontMatrix"); len(v) == 6 {
		fm = matrix(v)
	}
	tm := s.gs.tm
	tm[4], tm[5] = 0, 0
	size := matrix{s.gs.size, 0, 0, s.gs.size, 0, 0}
	return fm.times(size).times(tm).times(s.gs.ctm)
}

// sortedKeys returns the keys of d in order.
func sortedKeys(d types.Dict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// errPatternCycle stands in for the validation of a file with a pattern
// that draws itself.
var errPatternCycle = errors.New("有图案（tiling pattern）通过资源引用了自己，未做完整校验")

// patternCycle reports whether a tiling pattern draws itself, directly or
// through other patterns. pdfcpu's validation would recurse until the stack
// overflows, which no recover catches.
func PatternCycle(ctx *model.Context) bool {
	state := map[int]int{} // 1: being visited, 2: done
	var visit func(nr int) bool
	visit = func(nr int) bool {
		switch state[nr] {
		case 1:
			return true
		case 2:
			return false
		}
		state[nr] = 1
		for _, next := range patternRefs(ctx, nr) {
			if visit(next) {
				return true
			}
		}
		state[nr] = 2
		return false
	}
	for nr := range ctx.Table {
		if visit(nr) {
			return true
		}
	}
	return false
}

// patternRefs returns the object numbers of the patterns in the resources
// of object nr, if it is a tiling pattern.
func patternRefs(ctx *model.Context, nr int) []int {
	e, ok := ctx.Table[nr]
	if !ok || e == nil || e.Free {
		return nil
	}
	sd, ok := e.Object.(types.StreamDict)
	if !ok || sd.Type() == nil || *sd.Type() != "Pattern" {
		return nil
	}
	res, err := ctx.DereferenceDict(sd.Dict["Resources"])
	if err != nil || res == nil {
		return nil
	}
	pats, err := ctx.DereferenceDict(res["Pattern"])
	if err != nil {
		return nil
	}
	var out []int
	for _, o := range pats {
		if n := objNumber(o); n > 0 {
			out = append(out, n)
		}
	}
	return out
}
