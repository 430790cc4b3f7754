package preflight

import (
	"fmt"
	"math"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/internal/printspec"
)

// mmPerPt converts PDF points to millimetres.
const mmPerPt = 25.4 / 72

// boxTolerance is how far (in points) one box may stick out of another
// before it counts: rounding in the writing program.
const boxTolerance = 0.05

// trimTolerance is the tolerance on book trim sizes (GB/T 788: ±1 mm).
const trimTolerance = 1.0

// NameSize returns the name of the finished size w × h mm ("" if it has
// none), with "横放" added when it is a landscape page.
func NameSize(w, h float64) string {
	for _, s := range printspec.TrimSizes {
		if near(w, s.Width) && near(h, s.Height) {
			return s.Name
		}
		if near(w, s.Height) && near(h, s.Width) {
			return s.Name + "横放"
		}
	}
	return ""
}

func near(a, b float64) bool { return math.Abs(a-b) <= trimTolerance }

// sizeText formats w × h mm with its name.
func sizeText(w, h float64) string {
	s := fmt.Sprintf("%s × %s mm", mm(w), mm(h))
	if n := NameSize(w, h); n != "" {
		s += "（" + n + "）"
	}
	return s
}

// mm formats a length in millimetres with at most one decimal.
func mm(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

// checkBoxes checks TrimBox, BleedBox and MediaBox on every page and that
// all pages have the same trim size.
func (c *checker) checkBoxes() {
	var pbs []model.PageBoundaries
	err := safely(func() (err error) {
		pbs, err = c.ctx.PageBoundaries(nil)
		return err
	})
	if err != nil {
		c.add(Error, 0, "box-unreadable", "无法读取页面框（MediaBox/TrimBox）：%v", err)
		return
	}
	var sizes []pageSize
	for i, pb := range pbs {
		if pb.MediaBox() == nil {
			continue
		}
		normalize(&pb)
		c.checkPageBoxes(i+1, pb)
		t := pb.TrimBox()
		c.trims[i+1] = t
		sizes = addSize(sizes, t.Width()*mmPerPt, t.Height()*mmPerPt, i+1)
	}
	c.reportSizes(sizes)
}

// checkPageBoxes checks one page's boxes.
func (c *checker) checkPageBoxes(page int, pb model.PageBoundaries) {
	media := pb.MediaBox()
	if pb.Bleed != nil && pb.Bleed.Rect != nil && !inside(pb.Bleed.Rect, media) {
		c.add(Error, page, "box-nesting", "页面框嵌套不对：BleedBox（出血框）超出了 MediaBox")
	}
	if pb.Trim == nil || pb.Trim.Rect == nil {
		c.add(Error, page, "box-no-trim", "没有 TrimBox（成品尺寸框）：印刷厂按它裁切，PDF/X 要求每页都有")
		return
	}
	trim, bleed := pb.Trim.Rect, pb.BleedBox()
	if !inside(trim, bleed) {
		outer := "BleedBox"
		if pb.Bleed == nil {
			outer = "MediaBox/CropBox"
		}
		c.add(Error, page, "box-nesting", "页面框嵌套不对：TrimBox 超出了 %s", outer)
		return
	}
	c.checkBleed(page, trim, intersect(bleed, media), pb.Bleed == nil)
}

// checkBleed reports the bleed: the smallest margin between the trim and
// the bleed box (which defaults to the CropBox when absent, ISO 32000-1 14.11.2).
func (c *checker) checkBleed(page int, trim, bleed *types.Rectangle, noBleedBox bool) {
	b := math.Min(math.Min(trim.LL.X-bleed.LL.X, trim.LL.Y-bleed.LL.Y),
		math.Min(bleed.UR.X-trim.UR.X, bleed.UR.Y-trim.UR.Y)) * mmPerPt
	switch {
	case b < 0.05:
		c.add(Warning, page, "bleed-none", "没有出血：TrimBox 与 MediaBox 一样大（印刷厂通常要求每边出血 3 mm；只有文字、不到边的页面可以不要）")
	case noBleedBox:
		c.add(Info, page, "bleed-no-box", "没有 BleedBox：按 PDF 规范出血区取 CropBox/MediaBox，每边 %s mm；有的印刷厂按出血 0 计，最好写明 BleedBox", mm(b))
	case b < 3-0.05:
		c.add(Warning, page, "bleed-small", "出血只有 %s mm，通常要求 3 mm", mm(b))
	default:
		c.add(Info, page, "bleed", "出血 %s mm", mm(b))
	}
}

// normalize makes every box of pb have its lower-left corner first: PDF
// allows any two opposite corners.
func normalize(pb *model.PageBoundaries) {
	for _, b := range []*model.Box{pb.Media, pb.Crop, pb.Trim, pb.Bleed, pb.Art} {
		if b == nil || b.Rect == nil {
			continue
		}
		r := b.Rect
		b.Rect = types.NewRectangle(math.Min(r.LL.X, r.UR.X), math.Min(r.LL.Y, r.UR.Y),
			math.Max(r.LL.X, r.UR.X), math.Max(r.LL.Y, r.UR.Y))
	}
}

// inside reports whether r lies within outer.
func inside(r, outer *types.Rectangle) bool {
	return r.LL.X >= outer.LL.X-boxTolerance && r.LL.Y >= outer.LL.Y-boxTolerance &&
		r.UR.X <= outer.UR.X+boxTolerance && r.UR.Y <= outer.UR.Y+boxTolerance
}

func intersect(a, b *types.Rectangle) *types.Rectangle {
	return types.NewRectangle(math.Max(a.LL.X, b.LL.X), math.Max(a.LL.Y, b.LL.Y),
		math.Min(a.UR.X, b.UR.X), math.Min(a.UR.Y, b.UR.Y))
}

// pageSize is one trim size and the pages that have it.
type pageSize struct {
	w, h  float64
	pages []int
}

func addSize(sizes []pageSize, w, h float64, page int) []pageSize {
	for i, s := range sizes {
		if math.Abs(s.w-w) < 0.5 && math.Abs(s.h-h) < 0.5 {
			sizes[i].pages = append(sizes[i].pages, page)
			return sizes
		}
	}
	return append(sizes, pageSize{w, h, []int{page}})
}

// reportSizes names the trim size, or lists the sizes when pages differ.
func (c *checker) reportSizes(sizes []pageSize) {
	switch len(sizes) {
	case 0:
		return
	case 1:
		s := sizes[0]
		c.findings = append(c.findings, Finding{Severity: Info, Code: "trim-size",
			Message: "成品尺寸 " + sizeText(s.w, s.h)})
		return
	}
	parts := make([]string, len(sizes))
	for i, s := range sizes {
		parts[i] = fmt.Sprintf("%s %s", sizeText(s.w, s.h), FormatPages(s.pages, 0))
	}
	c.add(Error, 0, "trim-mixed", "各页成品尺寸不一致：%s", strings.Join(parts, "；"))
}
