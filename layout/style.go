// Package layout turns gazette's document model into pages: it composes
// Chinese lines (break classes, kinsoku, punctuation compression,
// justification), stacks them on the GB/T 9704 grid, breaks pages with keeps,
// and returns a display list of positioned glyph runs, rules and links that
// a renderer draws without measuring anything again.
//
// Every length in this package is in bp (PostScript points, 1/72 in), with
// the origin at the top-left corner of the trimmed page and y growing down.
// layout never imports a PDF library: it measures with the same font metrics
// (package fonts) the renderer embeds, so what was measured is what prints.
package layout

import (
	"fmt"

	"gazette/internal/printspec"
)

// MM is one millimetre in bp.
const MM = 72 / 25.4

// Style is a complete page and type design. Presets return one; the office
// picks a preset in issue.toml.
type Style struct {
	Name string

	PageWidth, PageHeight float64 // trimmed page
	Top, Inner, Outer     float64 // margins; Inner is the binding side
	CharsPerLine          int     // characters of BodySize per line (GB/T 9704 5.2.3: 28)
	LinesPerPage          int     // body lines per page (GB/T 9704 5.2.3: 22)
	LinePitch             float64 // baseline to baseline of body lines

	BodySize   float64 // 三号 16 bp (GB/T 9704 5.2.2)
	TitleSize  float64 // 二号 22 bp (GB/T 9704 7.3.1)
	FolioSize  float64 // 四号 14 bp (GB/T 9704 7.5)
	HeadSize   float64 // running head, 五号 10.5 bp
	TableSize  float64 // table text, 小四 12 bp
	FolioDrop  float64 // from the type area's bottom to the folio's top edge (GB/T 9704 7.5: 7 mm)
	HeadRaise  float64 // from the type area's top up to the running head's rule
	HeadRule   float64 // running-head rule width
	TableLead  float64 // table line pitch as a multiple of TableSize
	TablePadMM float64 // cell padding above and below the text (left and right it is half a character)
}

// TextWidth is the width of the type area (版心).
func (s *Style) TextWidth() float64 { return s.PageWidth - s.Inner - s.Outer }

// TextHeight is the height of the type area: LinesPerPage rows of LinePitch.
func (s *Style) TextHeight() float64 { return float64(s.LinesPerPage) * s.LinePitch }

// CharPitch is the advance of one full-width character on the grid: the
// measure divided by CharsPerLine (GB/T 9704 5.2.3 "撑满版心": 28 characters
// fill the 156 mm measure, so 16 bp type sits on a 15.79 bp pitch).
func (s *Style) CharPitch() float64 { return s.TextWidth() / float64(s.CharsPerLine) }

// Left returns the left margin of a page: the binding side is on the left of
// a recto (odd page) and on the right of a verso.
func (s *Style) Left(recto bool) float64 {
	if recto {
		return s.Inner
	}
	return s.Outer
}

// IdeographicAscent is how far an ideographic em box stands above its
// baseline, in em; the other 0.12 em lie below it. It is the common
// convention of CJK fonts (the ideographic em box of OpenType's BASE table;
// the built-in Fandol faces follow it).
const IdeographicAscent = 0.88

// CentredBaseline is where, below the top of a row rowHeight high, the
// baseline of type of the given size lies when its em box is centred in
// the row.
func CentredBaseline(rowHeight, size float64) float64 {
	return (rowHeight-size)/2 + IdeographicAscent*size
}

// FirstBaseline is the distance from the type area's top to the first
// baseline: the body character is centred in its row.
func (s *Style) FirstBaseline() float64 {
	return CentredBaseline(s.LinePitch, s.BodySize)
}

// Preset returns the named style: "gbt9704" (the strict 公文 grid) or
// "compact" (a periodical setting with smaller type for thick issues).
func Preset(name string) (*Style, error) {
	switch name {
	case "", "gbt9704":
		return gbt9704(), nil
	case "compact":
		s := gbt9704()
		s.Name = "compact"
		s.BodySize = printspec.Zihao["四号"]
		s.CharsPerLine = 32
		s.LinesPerPage = 27
		s.LinePitch = s.TextHeightMM(225) / 27
		return s, nil
	}
	return nil, fmt.Errorf("版式 %q 不存在（可选 gbt9704、compact）", name)
}

// TextHeightMM converts a type-area height in mm to bp.
func (s *Style) TextHeightMM(mm float64) float64 { return mm * MM }

// gbt9704 is GB/T 9704-2012 5.2.1–5.2.3 on A4: 天头 37 mm, 订口 28 mm,
// 版心 156 × 225 mm, 22 lines × 28 characters of 三号仿宋, margins mirrored
// for a booklet (inner 28 mm, outer 26 mm). The line pitch is 28.95 bp, the
// value Word templates use so that 22 lines fill the 225 mm area.
func gbt9704() *Style {
	return &Style{
		Name:      "gbt9704",
		PageWidth: 210 * MM, PageHeight: 297 * MM,
		Top: 37 * MM, Inner: 28 * MM, Outer: 26 * MM,
		CharsPerLine: 28, LinesPerPage: 22, LinePitch: 28.95,
		BodySize: 16, TitleSize: 22, FolioSize: 14, HeadSize: 10.5, TableSize: 12,
		FolioDrop: 7 * MM, HeadRaise: 8 * MM, HeadRule: 0.6,
		TableLead: 1.5, TablePadMM: 1.5,
	}
}
