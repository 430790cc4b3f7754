package layout

import "math"

// WithSizes returns a copy of the style with the body and title type sizes
// the office chose in issue.toml (0 keeps the preset's). The grid follows the
// body size: as many whole characters per line as the measure holds, the line
// pitch scaled with the type (the preset's pitch-to-size ratio: 28.95 bp for
// 16 bp in gbt9704), and as many lines as fit the type area's height, so the
// text still fills the 版心 (GB/T 9704-2012 5.2.3 "撑满版心").
func (s *Style) WithSizes(body, title float64) *Style {
	out := *s
	if title > 0 {
		out.TitleSize = title
	}
	if body <= 0 || body == s.BodySize {
		return &out
	}
	height := s.TextHeight()
	out.LinePitch = s.LinePitch * body / s.BodySize
	out.LinesPerPage = max(1, int(height/out.LinePitch+1e-9))
	out.LinePitch = height / float64(out.LinesPerPage)
	out.CharsPerLine = max(1, int(math.Floor(s.TextWidth()/body+1e-9)))
	out.BodySize = body
	return &out
}
