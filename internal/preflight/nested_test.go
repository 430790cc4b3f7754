package preflight

import (
	"fmt"
	"testing"
)

// Colour painted somewhere other than the page's content: pattern cells,
// shading patterns, annotation appearances, Type 3 glyphs.

// type3Font is a Type 3 font with the glyph procedures procs (name → object
// number) and resources res.
func type3Font(procs, res string) string {
	return "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << " + procs +
		" >> /Encoding << /Type /Encoding /Differences [97 /a /b] >> /FirstChar 97 /LastChar 98 /Widths [1000 1000] /Resources " + res + " >>"
}

// annot is an annotation dictionary of type sub with flags f, rectangle
// rect, normal appearance ap and the entries extra.
func annot(sub string, f int, rect, ap, extra string) string {
	return fmt.Sprintf("<< /Type /Annot /Subtype /%s /F %d /Rect [%s] /AP << /N %s >> %s >>", sub, f, rect, ap, extra)
}

// gray100 is a 100 × 100 grey image.
func gray100(d *rawDoc) int {
	return d.stream("/Type /XObject /Subtype /Image /Width 100 /Height 100 /BitsPerComponent 8 /ColorSpace /DeviceGray", string(make([]byte, 10000)))
}

func TestCheckNestedContent(t *testing.T) {
	tests := []struct {
		name   string
		make   func(d *rawDoc)
		want   []want
		absent []string
	}{
		{
			name: "RGB inside a coloured tiling pattern; a shading pattern in RGB",
			make: func(d *rawDoc) {
				p1 := d.stream("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << >>", "0 0 1 rg 0 0 5 5 re f")
				p3 := d.add("<< /Type /Pattern /PatternType 2 /Shading << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1 >> >> >>")
				d.page(trimmed, fmt.Sprintf("<< /Pattern << /P1 %d 0 R /P3 %d 0 R >> >>", p1, p3),
					"/Pattern cs /P1 scn 0 0 100 100 re f /Pattern CS /P3 SCN 0 0 100 100 re S")
			},
			want: []want{
				{code: "color-rgb", sev: Error, pages: []int{1}, text: "在图案 /P1 里，填充或写字用 RGB 颜色（DeviceRGB）"},
				{code: "color-rgb", sev: Error, pages: []int{1}, text: "图案 /P3 的渐变用 RGB 颜色（DeviceRGB）"},
			},
		},
		{
			name: "an uncoloured pattern takes the colour of scn in the base space",
			make: func(d *rawDoc) {
				p2 := d.stream("/Type /Pattern /PatternType 1 /PaintType 2 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << >>", "0 0 5 5 re f")
				d.page(trimmed, fmt.Sprintf("<< /ColorSpace << /PR [/Pattern /DeviceRGB] >> /Pattern << /P2 %d 0 R >> >>", p2), "/PR cs 1 0 0 /P2 scn 0 0 100 100 re f")
			},
			want: []want{{code: "color-rgb", sev: Error, pages: []int{1}, text: "填充或写字用 RGB 颜色（DeviceRGB）"}},
		},
		{
			name: "colour operators in an uncoloured pattern are ignored",
			make: func(d *rawDoc) {
				p2 := d.stream("/Type /Pattern /PatternType 1 /PaintType 2 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << >>", "1 0 0 rg 0 0 5 5 re f")
				d.page(trimmed, fmt.Sprintf("<< /ColorSpace << /PK [/Pattern /DeviceCMYK] >> /Pattern << /P2 %d 0 R >> >>", p2), "/PK cs 0 0 0 1 /P2 scn 0 0 100 100 re f")
			},
			absent: []string{"color-rgb"},
		},
		{
			name: "a printable comment: RGB appearance, an image in it, opacity",
			make: func(d *rawDoc) {
				img := gray100(d)
				ap := d.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Im1 %d 0 R >> >>", img), "1 0 0 RG 0 0 1 1 re S /Im1 Do")
				a := d.add(annot("Square", 4, "100 100 172 172", fmt.Sprintf("%d 0 R", ap), "/CA 0.5"))
				d.page(trimmed+fmt.Sprintf(" /Annots [%d 0 R]", a), "<< >>", "")
			},
			want: []want{
				{code: "color-rgb", sev: Error, pages: []int{1}, text: "在注释 /Square（方框）的外观里，描边用 RGB 颜色（DeviceRGB）"},
				{code: "image-ppi", sev: Error, pages: []int{1}, text: "图像 /Im1（100 × 100 像素）印成 25.4 × 25.4 mm，有效分辨率 100 ppi"},
				{code: "annotation", sev: Warning, pages: []int{1}, text: "注释 /Square（方框） 可打印，在成品范围内：注释/表单域会否印出取决于印刷厂设置，请拼合后再交"},
				{code: "transparency", sev: Error, pages: []int{1}, text: "注释 /Square（方框） 有透明（CA=0.5）"},
			},
		},
		{
			name: "a form field: the appearance of its state, not the other",
			make: func(d *rawDoc) {
				on := d.stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", "1 0 0 rg 0 0 10 10 re f")
				off := d.stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", "0 g 0 0 10 10 re S")
				w := d.add(annot("Widget", 4, "100 100 110 110", fmt.Sprintf("<< /On %d 0 R /Off %d 0 R >>", on, off), "/FT /Btn /AS /Off"))
				d.page(trimmed+fmt.Sprintf(" /Annots [%d 0 R]", w), "<< >>", "")
			},
			want:   []want{{code: "annotation", sev: Warning, pages: []int{1}, text: "注释 /Widget（表单域） 可打印"}},
			absent: []string{"color-rgb"},
		},
		{
			name: "annotations that do not print, a link, one outside the trim",
			make: func(d *rawDoc) {
				rgb := d.stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", "1 0 0 rg 0 0 10 10 re f")
				cmyk := d.stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", "0 0 0 1 k 0 0 10 10 re f")
				annots := []string{
					annot("Square", 0, "100 100 110 110", fmt.Sprintf("%d 0 R", rgb), ""), // not printed
					annot("Square", 6, "100 100 110 110", fmt.Sprintf("%d 0 R", rgb), ""), // printed, but hidden
					annot("Link", 4, "100 100 110 110", fmt.Sprintf("%d 0 R", cmyk), ""),
					annot("Stamp", 4, "0 0 8 8", fmt.Sprintf("%d 0 R", cmyk), ""), // in the bleed, trimmed off
				}
				d.page(trimmed+" /Annots ["+annots[0]+annots[1]+annots[2]+annots[3]+"]", "<< >>", "")
			},
			absent: []string{"color-rgb", "annotation"},
		},
		{
			name: "a Type 3 font whose glyphs paint RGB and a low-resolution image",
			make: func(d *rawDoc) {
				img := d.stream("/Type /XObject /Subtype /Image /Width 10 /Height 10 /BitsPerComponent 8 /ColorSpace /DeviceGray", string(make([]byte, 100)))
				a := d.stream("", "1000 0 d0 1 0 0 rg 0 0 750 750 re f")
				b := d.stream("", "1000 0 d0 q 1000 0 0 1000 0 0 cm /Im9 Do Q")
				font := type3Font(fmt.Sprintf("/a %d 0 R /b %d 0 R", a, b), fmt.Sprintf("<< /XObject << /Im9 %d 0 R >> >>", img))
				d.page(trimmed, "<< /Font << /T3 "+font+" >> >>", "BT /T3 36 Tf 2 0 0 2 100 100 Tm (ab) Tj ET")
			},
			want: []want{
				{code: "color-rgb", sev: Error, pages: []int{1}, text: "在 Type 3 字体 /T3 的字形里，填充或写字用 RGB 颜色（DeviceRGB）"},
				{code: "image-ppi", sev: Error, pages: []int{1}, text: "图像 /Im9（10 × 10 像素）印成 25.4 × 25.4 mm，有效分辨率 10 ppi"},
			},
			absent: []string{"font-not-embedded"},
		},
		{
			name: "a d1 glyph takes the text colour: its colour operators are ignored",
			make: func(d *rawDoc) {
				a := d.stream("", "1000 0 0 0 750 750 d1 1 0 0 rg 0 0 750 750 re f")
				d.page(trimmed, "<< /Font << /T3 "+type3Font(fmt.Sprintf("/a %d 0 R", a), "<< >>")+" >> >>", "BT /T3 12 Tf 0 0 0 1 k (a) Tj ET")
			},
			absent: []string{"color-rgb"},
		},
		{
			name: "a pattern that draws itself does not loop",
			make: func(d *rawDoc) {
				n := len(d.objs) + 1
				d.stream(fmt.Sprintf("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 1 1] /XStep 1 /YStep 1 /Resources << /Pattern << /P %d 0 R >> >>", n),
					"/Pattern cs /P scn 0 0 1 1 re f")
				d.page(trimmed, fmt.Sprintf("<< /Pattern << /P %d 0 R >> >>", n), "/Pattern cs /P scn 0 0 1 1 re f")
			},
			want:   []want{{code: "pdf-invalid", sev: Warning, pages: doc, text: "引用了自己"}},
			absent: []string{"content-unreadable", "color-rgb"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newRaw()
			tt.make(d)
			rep, err := Check(d.write(t, "", ""), Options{})
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			assertReport(t, rep, tt.want, tt.absent)
		})
	}
}
