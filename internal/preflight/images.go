package preflight

import (
	"math"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Resolution limits for images at their printed size (standards.md §3.6).
const (
	GoodPPI = 300 // below: warning
	LowPPI  = 150 // below: error
)

// do paints the XObject name: an image is checked, a form is scanned.
func (s *scanner) do(name string) {
	o := s.resource("XObject", name)
	if o == nil {
		return
	}
	sd, _, err := s.c.ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return
	}
	switch st := sd.Subtype(); {
	case st != nil && *st == "Image":
		s.image(name, sd.Dict)
	case st != nil && *st == "Form":
		objNr := 0
		if r, ok := o.(types.IndirectRef); ok {
			objNr = r.ObjectNumber.Value()
		}
		s.form(name, objNr, sd)
	}
}

// form scans a form XObject with its matrix and resources.
func (s *scanner) form(name string, objNr int, sd *types.StreamDict) {
	if len(s.forms) >= maxFormDepth || s.calls >= maxFormCalls || (objNr > 0 && slices.Contains(s.forms, objNr)) {
		return
	}
	s.calls++
	content, err := s.decode(sd)
	if err != nil {
		s.note(Warning, "content-unreadable", "表单 /%s 的内容无法读取：%v", name, err)
		return
	}
	saved, savedRes := s.gs, s.res
	s.forms = append(s.forms, objNr)
	defer func() { s.gs, s.res, s.forms = saved, savedRes, s.forms[:len(s.forms)-1] }()
	if m := s.numberArray(sd.Dict, "Matrix"); len(m) == 6 {
		s.gs.ctm = matrix(m).times(s.gs.ctm)
	}
	if r, ok := sd.Find("Resources"); ok {
		if d, err := s.c.ctx.DereferenceDict(r); err == nil && d != nil {
			s.res = d
		}
	}
	s.checkGroup(sd.Dict, "表单 /"+name+" ")
	s.checkResources()
	depth := len(s.stack)
	s.run(content)
	if len(s.stack) > depth { // unbalanced q inside the form
		s.stack = s.stack[:depth]
	}
}

// numberArray returns the numbers of array entry key of d.
func (s *scanner) numberArray(d types.Dict, key string) []float64 {
	o, ok := d.Find(key)
	if !ok {
		return nil
	}
	a, err := s.c.ctx.DereferenceArray(o)
	if err != nil {
		return nil
	}
	var out []float64
	for _, e := range a {
		v, err := s.c.ctx.DereferenceNumber(e)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// imageInfo is what the check needs of an image, XObject or inline.
type imageInfo struct {
	name          string // "图像 /Im1", or "内嵌图像 BI/ID" for an inline image
	width, height int    // pixels
	cs            colorSpace
	stencil       bool // ImageMask: painted in the fill colour
	smask, mask   bool
}

// image checks an image XObject drawn with the current CTM.
func (s *scanner) image(name string, d types.Dict) {
	img := imageInfo{name: "图像 /" + name}
	if w := s.intEntry(d, "Width"); w > 0 {
		img.width = w
	}
	if h := s.intEntry(d, "Height"); h > 0 {
		img.height = h
	}
	if b := d.BooleanEntry("ImageMask"); b != nil && *b {
		img.stencil = true
	}
	if o, ok := d.Find("ColorSpace"); ok {
		img.cs = s.resolveColorSpace(o, 0)
	}
	_, img.smask = d.Find("SMask")
	if n := d.IntEntry("SMaskInData"); n != nil && *n > 0 {
		img.smask = true
	}
	_, img.mask = d.Find("Mask")
	s.checkImage(img)
}

func (s *scanner) intEntry(d types.Dict, key string) int {
	o, ok := d.Find(key)
	if !ok {
		return 0
	}
	v, err := s.c.ctx.DereferenceNumber(o)
	if err != nil {
		return 0
	}
	return int(v)
}

// checkImage reports an image's colour, transparency and resolution.
func (s *scanner) checkImage(img imageInfo) {
	switch {
	case img.stencil:
	case img.cs.rgb():
		s.note(Error, "color-rgb", "%s 是 RGB 图（%s）：印刷需 CMYK 或灰度", img.name, img.cs.label())
	case img.cs.calibrated():
		s.note(Warning, "color-icc", "%s 用与设备无关的颜色空间 %s：PDF/X-1a 只允许 DeviceCMYK、DeviceGray 和专色", img.name, img.cs.label())
	case img.cs.spot():
		s.note(Info, "color-spot", "专色 %s（%s）", img.cs.spotLabel(), img.name)
	}
	if img.smask {
		s.note(Error, "transparency-image", "%s 带透明通道（SMask）：PDF/X-1a 不允许透明；请换成不透明的图", img.name)
	}
	if img.mask {
		s.note(Warning, "image-mask", "%s 带遮罩（/Mask，色键或模板遮罩）：PDF/X-1a 允许，但有的 RIP 处理不好", img.name)
	}
	if !img.stencil {
		s.checkPPI(img)
	}
}

// checkPPI reports an image whose effective resolution at its printed size
// is below GoodPPI. The image fills the unit square mapped by the CTM.
func (s *scanner) checkPPI(img imageInfo) {
	m := s.gs.ctm
	wPt, hPt := math.Hypot(m[0], m[1]), math.Hypot(m[2], m[3])
	if img.width <= 0 || img.height <= 0 || wPt < 0.5 || hPt < 0.5 {
		return
	}
	ppi := math.Min(float64(img.width)/(wPt/72), float64(img.height)/(hPt/72))
	sev, why := Warning, "低于 300 ppi，印出来会发虚"
	switch {
	case ppi >= GoodPPI:
		return
	case ppi < LowPPI:
		sev, why = Error, "低于 150 ppi，印出来有明显锯齿"
	}
	s.note(sev, "image-ppi", "%s（%d × %d 像素）印成 %s × %s mm，有效分辨率 %d ppi：%s",
		img.name, img.width, img.height, mm(wPt*mmPerPt), mm(hPt*mmPerPt), int(ppi), why)
}
