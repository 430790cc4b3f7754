package manifest

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"gazette/internal/diag"
	"gazette/internal/printspec"
)

// Print holds [print] of issue.toml: the finished size and what the print
// shop needs to print without calling back (docs/pdfx.md).
type Print struct {
	Trim            Trim
	BleedMM         float64 // bleed on every side, mm (docs/pdfx.md#bleed: 3 mm is the norm)
	CropMarks       bool    // draw 裁切线 outside the bleed
	Images          string  // "cmyk" (default) or "gray": how pictures are converted for print (docs/pdfx.md#images)
	OutputCondition string  // registered printing condition of the PDF/X OutputIntent (docs/pdfx.md#output-conditions)
	SaddleMaxPages  int     // above this page count 骑马钉 does not hold (docs/pdfx.md#saddle-stitch)
	SaddleLine      int     // line of saddle_max_pages in issue.toml, 0 when not written
}

// Trim is the finished (trimmed) page size in millimetres.
type Trim struct {
	Name string  // "A4", "大16开", "正16开", or "" for a custom size
	W, H float64 // mm
	Line int     // line of trim in issue.toml, 0 when not written
}

// String names the size as the office wrote it: "大16开" or "148 × 210 毫米".
func (t Trim) String() string {
	if t.Name != "" {
		return t.Name
	}
	return fmt.Sprintf("%g × %g 毫米", t.W, t.H)
}

// printFile mirrors [print] for decoding; loosely typed values are checked
// in checkPrint so that every slip is reported in Chinese with its line.
type printFile struct {
	Trim            any    `toml:"trim"`
	Bleed           any    `toml:"bleed"`
	CropMarks       bool   `toml:"crop_marks"`
	Images          string `toml:"images"`
	OutputCondition string `toml:"output_condition"`
	SaddleMaxPages  any    `toml:"saddle_max_pages"`
}

// Defaults of [print].
const (
	defaultBleedMM        = 3
	maxBleedMM            = 10
	defaultSaddleMaxPages = 64
)

// checkPrint fills m.Print from [print], applying the defaults, and reports
// every value outside its set with the key's line.
func (m *Manifest) checkPrint(f *printFile, data []byte, probs *diag.List) {
	pc := &printCheck{m: m, data: data, probs: probs}
	p := &m.Print
	p.Trim = pc.trim(f.Trim)
	p.BleedMM = pc.number("bleed", f.Bleed, defaultBleedMM, 0, maxBleedMM, "出血（毫米）")
	pc.checkBleed(p.BleedMM)
	p.CropMarks = f.CropMarks
	p.Images = pc.choice("images", f.Images, []string{"cmyk", "gray"}, "图片的印刷色")
	p.OutputCondition = pc.choice("output_condition", f.OutputCondition, printspec.OutputConditionNames(), "印刷条件")
	pages := pc.number("saddle_max_pages", f.SaddleMaxPages, defaultSaddleMaxPages, 4, 1000, "骑马钉的页数上限")
	if pages != math.Trunc(pages) {
		pc.report("saddle_max_pages", fmt.Sprintf("骑马钉的页数上限 %g 不是整数", pages), "请写整数页数，例如 saddle_max_pages = 64。")
	}
	p.SaddleMaxPages = int(pages)
	if f.SaddleMaxPages != nil {
		p.SaddleLine = pc.line("saddle_max_pages")
	}
}

// printCheck reports problems of [print] against the manifest.
type printCheck struct {
	m     *Manifest
	data  []byte
	probs *diag.List
}

const printHint = "请对照 README 中 [print] 的示例修改。"

func (pc *printCheck) line(key string) int { return keyLine(pc.data, toml.Key{"print", key}) }

func (pc *printCheck) report(key, msg, hint string) {
	*pc.probs = append(*pc.probs, &diag.Problem{File: pc.m.Path, Line: pc.line(key), Msg: msg, Hint: hint + printHint})
}

// checkBleed warns about a bleed under the 3 mm print shops expect
// (docs/pdfx.md#bleed), which preflight would flag on every page: it is
// accepted, for a shop may agree to it, but the office should ask.
func (pc *printCheck) checkBleed(mm float64) {
	if mm >= defaultBleedMM {
		return
	}
	msg := fmt.Sprintf("出血只有 %g 毫米，少于通常的 3 毫米", mm)
	if mm == 0 {
		msg = "不留出血（bleed = 0）"
	}
	pc.m.Warnings = append(pc.m.Warnings, &diag.Problem{File: pc.m.Path, Line: pc.line("bleed"), Msg: msg,
		Hint: "印刷厂通常要求每边出血 3 毫米，出血不够时印到页边的色块和图片裁切后可能露白边；" +
			"请与印刷厂确认，如无特别约定请改成 bleed = 3。"})
}

// trim reads trim = "A4" | "大16开" | "正16开" | [宽, 高] (mm); absent is A4.
func (pc *printCheck) trim(v any) Trim {
	def := printspec.TrimSizes[0]
	a4 := Trim{Name: def.Name, W: def.Width, H: def.Height}
	const hint = `trim 可写 "A4"（默认）、"大16开"（210 × 285）、"正16开"（185 × 260），或写成 [宽, 高] 的毫米数，例如 [148, 210]。`
	switch v := v.(type) {
	case nil:
		return a4
	case string:
		if t, ok := printspec.TrimByName(strings.TrimSpace(v)); ok {
			return Trim{Name: t.Name, W: t.Width, H: t.Height, Line: pc.line("trim")}
		}
		pc.report("trim", fmt.Sprintf("成品尺寸 “%s” 不认识", v), hint)
	case []any:
		if len(v) == 2 {
			w, okW := toFloat(v[0])
			h, okH := toFloat(v[1])
			if okW && okH && w >= 50 && h >= 50 && w <= 1000 && h <= 1000 {
				return Trim{W: w, H: h, Line: pc.line("trim")}
			}
		}
		pc.report("trim", fmt.Sprintf("成品尺寸 %v 不合理（应为两个 50 到 1000 之间的毫米数：宽、高）", v), hint)
	default:
		pc.report("trim", fmt.Sprintf("成品尺寸 %v 的写法不对", v), hint)
	}
	return a4
}

// number reads a number key in [lo, hi]; absent is def.
func (pc *printCheck) number(key string, v any, def, lo, hi float64, what string) float64 {
	if v == nil {
		return def
	}
	n, ok := toFloat(v)
	if !ok || n < lo || n > hi {
		pc.report(key, fmt.Sprintf("%s “%v” 不合理", what, v),
			fmt.Sprintf("%s 应写成 %g 到 %g 之间的数字，不加引号和单位（默认 %g）。", key, lo, hi, def))
		return def
	}
	return n
}

// choice reads a key with a closed set of values; absent is the first.
func (pc *printCheck) choice(key, v string, values []string, what string) string {
	if v == "" {
		return values[0]
	}
	if !slices.Contains(values, v) {
		pc.report(key, fmt.Sprintf("%s “%s” 不存在", what, v),
			fmt.Sprintf("[print] 的 %s 可选：%s（默认 %s）。", key, strings.Join(values, "、"), values[0]))
		return values[0]
	}
	return v
}

// toFloat accepts a TOML integer or float.
func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, !math.IsNaN(v) && !math.IsInf(v, 0)
	}
	return 0, false
}
