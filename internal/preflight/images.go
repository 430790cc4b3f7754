package preflight

import (
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Resolution limits for images at their printed size (docs/pdfx.md#images).
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
		s.form(name, objNumber(o), sd)
	}
}

// form scans a form XObject with its matrix and resources.
func (s *scanner) form(name string, objNr int, sd *types.StreamDict) {
	gs := s.gs
	if m := s.numberArray(sd.Dict, "Matrix"); len(m) == 6 {
		gs.ctm = matrix(m).times(gs.ctm)
	}
	s.runNested(nested{label: "表单 /" + name, objNr: objNr, sd: sd, gs: gs, res: s.ownResources(sd.Dict, s.res)})
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
	if !img.stencil {
		s.colorUse(img.cs, img.name+" ")
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
	ppi = math.Round(ppi*1e6) / 1e6 // 299.9999999 from rounding in the matrices is 300
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
