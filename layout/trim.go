package layout

import (
	"fmt"
	"math"

	"gazette/internal/printspec"
)

// The page the presets are designed for: A4, the 公文 paper of GB/T 9704-2012
// 5.1 (210 × 297 mm).
const (
	A4WidthMM  = printspec.A4WidthMM
	A4HeightMM = printspec.A4HeightMM
)

// Limits of ForTrim: a body type smaller than 六号 (7.5 bp) cannot be read in
// a gazette, and no press sheet holds a page over a metre long.
const (
	minBodySize = 7.5
	maxTrimMM   = 1000.0
)

// ForTrim fits the style, designed for its current page (A4 for every
// preset), to a finished page of wMM × hMM millimetres: A4, 大16开 210 × 285,
// 正16开 185 × 260 (docs/pdfx.md#trim-sizes) or any custom size.
//
// The whole design is scaled by k = min(w/W, h/H, 1), W × H being the
// current page: the tighter of the two ratios, so that the grid keeps its
// characters and lines — 28 × 22 for gbt9704 (GB/T 9704-2012 5.2.3), 32 × 27
// for compact — and the A4 proportions of type size to character pitch and to
// line pitch. The type area becomes 156k × 225k mm, and every type size, the
// line pitch, the running head's and the folio's distance from the type area
// (GB/T 9704-2012 7.5: 7 mm on A4) and the table cell padding are multiplied
// by k. So the type shrinks on a smaller trim — 大16开 gives k = 0.96 (三号
// 16 bp becomes 15.35 bp), 正16开 k = 0.875 (16 bp becomes 14 bp, 四号) — and
// never grows on a larger one: the type area then keeps its A4 size.
//
// The paper around the type area is shared as on A4 (GB/T 9704-2012 5.2.1):
// head : foot = 37 : 35 and inner (订口) : outer = 28 : 26. On a trim with
// A4's aspect ratio this is exactly "every margin times k"; on a squatter or
// narrower one the spare paper goes to the margins of the looser direction.
// Rule widths are kept: they are hairlines, not proportions.
//
// A trim equal to the current page leaves the style untouched. A trim that
// would set the body under 六号 (7.5 bp), or one over a metre, is an error.
func (s *Style) ForTrim(wMM, hMM float64) error {
	if !(wMM > 0 && hMM > 0) || wMM > maxTrimMM || hMM > maxTrimMM {
		return fmt.Errorf("成品尺寸 %g × %g 毫米不合理（宽和高应在 0 到 %g 毫米之间）", wMM, hMM, maxTrimMM)
	}
	w, h := wMM*MM, hMM*MM
	if math.Abs(w-s.PageWidth) < 1e-6 && math.Abs(h-s.PageHeight) < 1e-6 {
		return nil
	}
	k := math.Min(1, math.Min(w/s.PageWidth, h/s.PageHeight))
	if body := s.BodySize * k; body < minBodySize {
		return fmt.Errorf("成品尺寸 %g × %g 毫米太小：%s 版式的 %d 字 × %d 行要把正文缩到 %.1f 磅，小于六号（%.1f 磅），无法阅读；请选用更大的开本",
			wMM, hMM, s.Name, s.CharsPerLine, s.LinesPerPage, body, minBodySize)
	}
	tw, th := s.TextWidth()*k, s.TextHeight()*k
	foot := s.PageHeight - s.Top - s.TextHeight()
	s.Inner = (w - tw) * s.Inner / (s.Inner + s.Outer)
	s.Outer = w - tw - s.Inner
	s.Top = (h - th) * s.Top / (s.Top + foot)
	s.PageWidth, s.PageHeight = w, h
	for _, v := range []*float64{&s.LinePitch, &s.BodySize, &s.TitleSize, &s.FolioSize,
		&s.HeadSize, &s.TableSize, &s.FolioDrop, &s.HeadRaise, &s.TablePadMM} {
		*v *= k
	}
	return nil
}

// a4Scale tells the front matter, drawn at fixed places on an A4 page, how
// to place them on this trim: y multiplies a distance from the top (the
// page's height over A4's), k a type size or the emblem (the type scale of
// ForTrim, at most 1).
func (s *Style) a4Scale() (y, k float64) {
	y = s.PageHeight / (A4HeightMM * MM)
	k = math.Min(1, math.Min(s.PageWidth/(A4WidthMM*MM), y))
	return y, k
}
