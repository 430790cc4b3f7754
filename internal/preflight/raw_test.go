package preflight

import (
	"fmt"
	"strings"
	"testing"
)

// Hand-written PDFs for what Word, LaTeX or a RIP-bound file may contain and
// fpdf does not write: ICC and calibrated colour, spot colours, blend modes,
// forms, inline images, the PDF/X keys.

const helvetica = "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"

func TestCheckHandWritten(t *testing.T) {
	tests := []struct {
		name   string
		make   func(d *rawDoc) (catalog, trailer string)
		want   []want
		absent []string
	}{
		{
			name: "ICCBased RGB, ICCBased CMYK, Lab and a spot colour",
			make: func(d *rawDoc) (string, string) {
				rgb := d.stream("/N 3", "icc")
				cmyk := d.stream("/N 4", "icc")
				tint := d.add("<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 1 1 0] /N 1 >>")
				res := fmt.Sprintf("<< /ColorSpace << /CS0 [/ICCBased %d 0 R] /CS1 [/ICCBased %d 0 R] /CS2 [/Lab << /WhitePoint [0.95 1 1.09] >>] /CS3 [/Separation /PANTONE#20186#20C /DeviceCMYK %d 0 R] >> >>", rgb, cmyk, tint)
				d.page(trimmed, res, "/CS0 cs 1 0 0 sc 0 0 10 10 re f /CS1 CS 0 1 1 0 SC /CS2 cs 50 0 0 scn /CS3 cs 1 scn")
				return "", ""
			},
			want: []want{
				{code: "color-rgb", sev: Error, pages: []int{1}, text: "ICCBased N=3"},
				{code: "color-icc", sev: Error, pages: []int{1}, text: "描边用与设备无关的颜色 ICCBased N=4：PDF/X-1a 只允许 CMYK、灰度和专色；导出时选 PDF/X-1a 或“转换为目标色彩空间 CMYK”"},
				{code: "color-icc", sev: Error, pages: []int{1}, text: "填充或写字用与设备无关的颜色 Lab"},
				{code: "color-spot", sev: Info, pages: []int{1}, text: "Separation /PANTONE 186 C（替代色 DeviceCMYK）"},
			},
		},
		{
			name: "device-independent grey; spot colours with RGB, ICC and Lab alternates", // the resource /G is not DeviceGray
			make: func(d *rawDoc) (string, string) {
				gray := d.stream("/N 1", "icc")
				rgb := d.stream("/N 3", "icc")
				fn := d.add("<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0] /C1 [1 0.8 0] /N 1 >>")
				img := d.stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width 600 /Height 600 /BitsPerComponent 8 /ColorSpace [/Indexed [/Separation /Gold /DeviceRGB %d 0 R] 1 <00FF>]", fn), string(make([]byte, 360000)))
				res := fmt.Sprintf("<< /ColorSpace << /IG [/ICCBased %d 0 R] /CG [/CalGray << /WhitePoint [0.95 1 1.09] >>] "+
					"/G [/Separation /Gold /DeviceRGB %d 0 R] /N [/DeviceN [/Black /Silver] [/ICCBased %d 0 R] %d 0 R] /L [/Separation /Mint [/Lab << /WhitePoint [0.95 1 1.09] >>] %d 0 R] "+
					"/K [/Separation /Warm#20Red /DeviceCMYK %d 0 R] >> /XObject << /Im1 %d 0 R >> >>", gray, fn, rgb, fn, fn, fn, img)
				d.page(trimmed, res, "/IG cs 0.5 sc /CG CS 0.5 SC /G cs 1 scn /N CS 1 1 SCN /L cs 1 scn /K cs 1 scn q 144 0 0 144 0 0 cm /Im1 Do Q")
				return "", ""
			},
			want: []want{
				{code: "color-icc", sev: Error, pages: []int{1}, text: "填充或写字用与设备无关的颜色 ICCBased N=1：PDF/X-1a 只允许 CMYK、灰度和专色"},
				{code: "color-icc", sev: Error, pages: []int{1}, text: "描边用与设备无关的颜色 CalGray"},
				{code: "spot-alternate", sev: Error, pages: []int{1}, text: "填充或写字用专色 Separation /Gold（替代色 DeviceRGB），替代色不是 CMYK 或灰度"},
				{code: "spot-alternate", sev: Error, pages: []int{1}, text: "描边用专色 DeviceN /Black /Silver（替代色 ICCBased N=3）"},
				{code: "spot-alternate", sev: Error, pages: []int{1}, text: "用专色 Separation /Mint（替代色 Lab）"},
				{code: "spot-alternate", sev: Error, pages: []int{1}, text: "图像 /Im1 用专色 Separation /Gold（替代色 DeviceRGB）"},
				{code: "color-spot", sev: Info, pages: []int{1}, text: "专色 Separation /Warm Red（替代色 DeviceCMYK）"},
			},
			absent: []string{"color-rgb"},
		},
		{
			name: "CalRGB and an indexed RGB image",
			make: func(d *rawDoc) (string, string) {
				img := d.stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 /ColorSpace [/Indexed /DeviceRGB 1 <000000FFFFFF>]", "\x00\x01\x01\x00")
				res := fmt.Sprintf("<< /ColorSpace << /C [/CalRGB << /WhitePoint [0.95 1 1.09] >>] >> /XObject << /Im7 %d 0 R >> >>", img)
				d.page(trimmed, res, "/C CS 0 0 1 SC q 600 0 0 600 0 0 cm /Im7 Do Q")
				return "", ""
			},
			want: []want{
				{code: "color-rgb", sev: Error, text: "CalRGB"},
				{code: "color-rgb", sev: Error, text: "图像 /Im7 用 RGB 颜色（Indexed/DeviceRGB）"},
			},
		},
		{
			name: "blend mode and soft mask in graphics states",
			make: func(d *rawDoc) (string, string) {
				d.page(trimmed, "<< /ExtGState << /GS1 << /BM /Multiply /SMask /None /CA 1 >> /GS2 << /SMask /None /BM /Normal >> /GS3 << /SMask << /S /Luminosity >> >> >> >>", "/GS1 gs")
				return "", ""
			},
			want: []want{
				{code: "transparency", sev: Error, pages: []int{1}, text: "/GS1 有透明（BM=Multiply）"},
				{code: "transparency", sev: Error, pages: []int{1}, text: "/GS3 有透明（SMask 软蒙版）"},
			},
		},
		{
			name: "image drawn through a scaled form with a transparency group",
			make: func(d *rawDoc) (string, string) {
				img := d.stream("/Type /XObject /Subtype /Image /Width 100 /Height 100 /BitsPerComponent 8 /ColorSpace /DeviceGray", string(make([]byte, 10000)))
				form := d.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Matrix [36 0 0 36 0 0] /Group << /S /Transparency /CS /DeviceRGB >> /Resources << /XObject << /Im1 %d 0 R >> >>", img), "/Im1 Do")
				d.page(trimmed, fmt.Sprintf("<< /XObject << /Fm1 %d 0 R >> >>", form), "q 2 0 0 2 100 100 cm /Fm1 Do Q q 0.5 0 0 0.5 0 0 cm Q")
				return "", ""
			},
			want: []want{
				{code: "image-ppi", sev: Error, pages: []int{1}, text: "图像 /Im1（100 × 100 像素）印成 25.4 × 25.4 mm，有效分辨率 100 ppi"},
				{code: "transparency-group", sev: Error, pages: []int{1}, text: "表单 /Fm1 带透明组"},
			},
			absent: []string{"color-rgb"},
		},
		{
			name: "DeviceN of process inks is not a spot colour; DeviceN with a spot is",
			make: func(d *rawDoc) (string, string) {
				fn := d.add("<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 1 1 0] /N 1 >>")
				res := fmt.Sprintf("<< /ColorSpace << /P [/DeviceN [/Cyan /Magenta] /DeviceCMYK %d 0 R] /S [/DeviceN [/Black /Gold] /DeviceCMYK %d 0 R] >> >>", fn, fn)
				d.page(trimmed, res, "/P cs 1 1 scn /S cs 1 1 scn")
				return "", ""
			},
			want: []want{{code: "color-spot", sev: Info, pages: []int{1}, text: "DeviceN /Black /Gold"}},
		},
		{
			name: "forms fanning out a million times are cut short",
			make: func(d *rawDoc) (string, string) {
				next := ""
				for i := 0; i < 4; i++ {
					body := "q 1 0 0 1 0 0 cm Q"
					if next != "" {
						body = strings.Repeat("/F Do ", 40)
					}
					n := d.stream("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << "+next+" >> >>", body)
					next = fmt.Sprintf("/F %d 0 R", n)
				}
				d.page(trimmed, "<< /XObject << "+next+" >> >>", strings.Repeat("/F Do ", 40))
				return "", ""
			},
			absent: []string{"content-unreadable"},
		},
		{
			name: "a form that draws itself does not loop",
			make: func(d *rawDoc) (string, string) {
				n := len(d.objs) + 1
				d.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Me %d 0 R >> >>", n), "/Me Do")
				d.page(trimmed, fmt.Sprintf("<< /XObject << /Me %d 0 R >> >>", n), "/Me Do")
				return "", ""
			},
			absent: []string{"content-unreadable"},
		},
		{
			name: "RGB inline image whose data holds EI, then rich-black text in a font that is not embedded",
			make: func(d *rawDoc) (string, string) {
				d.page(trimmed, "<< "+helvetica+" >>",
					"q 72 0 0 72 0 0 cm BI /W 2 /H 2 /CS /RGB /BPC 8 ID a EI b(((]]) EI Q BT /F1 12 Tf 1 1 1 1 k 10 10 Td (x) Tj ET")
				return "", ""
			},
			want: []want{
				{code: "color-rgb", sev: Error, pages: []int{1}, text: "内嵌图像"},
				{code: "image-ppi", sev: Error, pages: []int{1}, text: "有效分辨率 2 ppi"},
				{code: "text-rich-black", sev: Warning, pages: []int{1}},
				{code: "font-not-embedded", sev: Error, pages: []int{1}, text: "Helvetica（Type1）"},
			},
		},
		{
			name: "fonts as Chinese Word leaves them: a GBK name, a CID font without its file",
			make: func(d *rawDoc) (string, string) {
				d.page(trimmed, "<< /Font << /F1 << /Type /Font /Subtype /TrueType /BaseFont /#CB#CE#CC#E5 >> "+
					"/F2 << /Type /Font /Subtype /Type0 /BaseFont /SimHei /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimHei "+
					"/FontDescriptor << /Type /FontDescriptor /FontName /SimHei >> >>] >> >> >>", "BT /F1 12 Tf (x) Tj /F2 12 Tf <0041> Tj ET")
				return "", ""
			},
			want: []want{
				{code: "font-not-embedded", sev: Error, pages: []int{1}, text: "字体 宋体（TrueType）"},
				{code: "font-not-embedded", sev: Error, pages: []int{1}, text: "字体 SimHei（Type0）"},
			},
		},
		{
			name: "invisible text (an OCR layer) needs no embedded font",
			make: func(d *rawDoc) (string, string) {
				d.page(trimmed, "<< "+helvetica+" >>", "BT /F1 12 Tf 3 Tr (x) Tj ET")
				return "", ""
			},
			absent: []string{"font-not-embedded"},
		},
		{
			name: "PDF/X-1a markers",
			make: func(d *rawDoc) (string, string) {
				d.page(trimmed, "<< >>", "")
				info := d.add("<< /Title (t) /GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001) /Trapped /False >>")
				return "/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39) /RegistryName (http://www.color.org) >>]",
					fmt.Sprintf("/Info %d 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]", info)
			},
			want: []want{
				{code: "pdfx-outputintent", sev: Info, pages: doc, text: "OutputConditionIdentifier=FOGRA39"},
				{code: "pdfx-version", sev: Info, pages: doc, text: "PDF/X-1:2001，PDF/X-1a:2001"},
				{code: "trapped", sev: Info, pages: doc, text: "Trapped=False"},
				{code: "document-id", sev: Info, pages: doc},
				{code: "bleed", sev: Info, pages: []int{1}, text: "出血 3 mm"},
			},
		},
		{
			name: "a PDF/A output intent is not PDF/X; Trapped Unknown",
			make: func(d *rawDoc) (string, string) {
				d.page(trimmed, "<< >>", "")
				info := d.add("<< /Trapped /Unknown >>")
				return "/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) >>]", fmt.Sprintf("/Info %d 0 R", info)
			},
			want: []want{
				{code: "pdfx-outputintent", sev: Warning, text: "只有 GTS_PDFA1"},
				{code: "trapped", sev: Warning, text: "Trapped=Unknown"},
				{code: "document-id", sev: Warning},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newRaw()
			catalog, trailer := tt.make(d)
			rep, err := Check(d.write(t, catalog, trailer), Options{})
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			assertReport(t, rep, tt.want, tt.absent)
		})
	}
}
