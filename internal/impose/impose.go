// Package impose lays out a saddle-stitched booklet 2-up for an office proof
// print: each A3 sheet side carries two reader pages in printer's order,
// n,1 / 2,n−1 / n−2,3 / …, so that the printed stack, folded in the middle,
// reads as the booklet.
//
// The imposition itself is pdfcpu's booklet support (2-up, A3, binding on
// the long edge); this package only sets it up, shows each page at its
// TrimBox, turns each sheet side to landscape and writes the file safely and
// reproducibly (the same bytes for the same input).
package impose

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"

	"gazette/internal/atomicfile"
	"gazette/internal/preflight"
)

func init() {
	// Do not let pdfcpu create or read ~/.config/pdfcpu. (pdfcpu's pkg/api
	// does the same, but importing it costs 45 ms at every start of gazette:
	// it pulls in go-runewidth, whose init builds width tables.)
	model.ConfigPath = "disable"
}

// Result describes an imposed booklet.
type Result struct {
	Out        string // the file written
	Pages      int    // reader pages in the input
	Padded     int    // blank pages pdfcpu added to reach a multiple of 4
	Trimmed    int    // pages shown at their TrimBox, without the bleed
	SheetSides int    // pages of the output: two per sheet of paper
}

// Sheets returns the number of sheets of paper (printed on both sides).
func (r Result) Sheets() int { return r.SheetSides / 2 }

// DefaultOut returns the output path for in: BOOK.pdf → BOOK-拼版.pdf.
func DefaultOut(in string) string {
	ext := filepath.Ext(in)
	return in[:len(in)-len(ext)] + "-拼版.pdf"
}

// File imposes the booklet in and writes it to out (DefaultOut(in) if ""),
// through a temporary file beside out that is renamed when complete, so a
// failure never leaves a half-written PDF.
func File(in, out string) (res Result, err error) {
	if out == "" {
		out = DefaultOut(in)
	}
	if same(in, out) {
		return res, fmt.Errorf("输出文件 %s 不能与输入文件相同", out)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("拼版 %s 失败（pdfcpu: %v）", in, r)
		}
	}()
	data, res, err := impose(in)
	if err != nil {
		return res, err
	}
	res.Out = out
	return res, atomicfile.Write(out, data)
}

// impose reads in and returns the imposed PDF, the same bytes every time
// for the same input (see writeReproducible).
func impose(in string) ([]byte, Result, error) {
	var res Result
	input, err := os.ReadFile(in)
	if err != nil {
		return nil, res, fmt.Errorf("无法打开 %s: %w", in, err)
	}
	conf := model.NewDefaultConfiguration()
	conf.Cmd = model.BOOKLET
	ctx, err := readAndValidate(bytes.NewReader(input), conf)
	if err != nil {
		return nil, res, fmt.Errorf("%s 不是可以读取的 PDF 文件（cannot parse PDF）: %w", in, err)
	}
	res.Pages = ctx.PageCount
	date := proofDate(ctx)
	if r := res.Pages % 4; r != 0 {
		res.Padded = 4 - r
	}
	if res.Trimmed, err = cropToTrim(ctx); err != nil {
		return nil, res, fmt.Errorf("读取 %s 的页面框: %w", in, err)
	}
	if err := booklet(ctx); err != nil {
		return nil, res, fmt.Errorf("拼版 %s 失败: %w", in, err)
	}
	res.SheetSides = ctx.PageCount
	data, err := writeReproducible(ctx, date, proofID(input))
	if err != nil {
		return nil, res, fmt.Errorf("写出拼版 PDF 失败: %w", err)
	}
	return data, res, nil
}

// booklet imposes ctx in place with pdfcpu: 2-up on A3, long-edge binding.
//
// pdfcpu lays 2-up booklet pages on a portrait A3 sheet, each page turned a
// quarter turn and every other sheet side upside down for duplex printers
// that flip on the long edge. /Rotate 270 then shows each sheet side as A3
// landscape: the first reads n | 1. (pdfcpu's landscape form size, A3L, is
// not usable: it turns each page half a turn where it stands instead of
// turning the whole sheet side, so the printed sheets, read upright, make a
// right-bound booklet: 1 | n outside, n−1 | 2 inside.)
func booklet(ctx *model.Context) error {
	nup, err := pdfcpu.PDFBookletConfig(2, "formsize:A3, binding:long", ctx.Configuration)
	if err != nil {
		return fmt.Errorf("pdfcpu booklet 设置: %w", err)
	}
	if err := pdfcpu.BookletFromPDF(ctx, allPages(ctx.PageCount), nup); err != nil {
		return fmt.Errorf("pdfcpu booklet: %w", err)
	}
	if err := pdfcpu.RotatePages(ctx, allPages(ctx.PageCount), 270); err != nil {
		return fmt.Errorf("旋转为横向: %w", err)
	}
	return nil
}

// cropToTrim sets the CropBox of every page that has a TrimBox to it, so
// that pdfcpu (which tiles the CropBox) shows the finished page without its
// bleed and crop marks — an A4 page then fills half an A3 sheet at full size.
// It returns the number of pages cropped.
func cropToTrim(ctx *model.Context) (int, error) {
	pbs, err := ctx.PageBoundaries(nil)
	if err != nil {
		return 0, err
	}
	n := 0
	for i, pb := range pbs {
		if pb.Trim == nil || pb.Trim.Rect == nil {
			continue
		}
		d, _, _, err := ctx.PageDict(i+1, false)
		if err != nil {
			return n, fmt.Errorf("第 %d 页: %w", i+1, err)
		}
		d.Update("CropBox", pb.Trim.Rect.Array())
		n++
	}
	return n, nil
}

// same reports whether a and b name the same file.
func same(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	pa, _ := filepath.Abs(a)
	pb, _ := filepath.Abs(b)
	return pa == pb
}

// readAndValidate reads a PDF with pdfcpu and validates it.
func readAndValidate(r io.ReadSeeker, conf *model.Configuration) (*model.Context, error) {
	ctx, err := pdfcpu.Read(r, conf)
	if err != nil {
		return nil, err
	}
	if preflight.PatternCycle(ctx) { // pdfcpu would overflow the stack on it
		return nil, errPatternCycle
	}
	if err := validate.XRefTable(ctx); err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	return ctx, nil
}

// errPatternCycle refuses a PDF whose pattern draws itself.
var errPatternCycle = errors.New("文件中有引用自身的图案（tiling pattern），无法拼版；请用 gazette preflight 检查，重新导出 PDF 后再拼")

// write writes ctx as a PDF to w.
func write(ctx *model.Context, w io.Writer) error {
	bw := bufio.NewWriter(w)
	ctx.Write.Writer = bw
	if err := pdfcpu.WriteContext(ctx); err != nil {
		return err
	}
	return bw.Flush()
}

// allPages selects every page of a document of n pages.
func allPages(n int) types.IntSet {
	s := types.IntSet{}
	for i := 1; i <= n; i++ {
		s[i] = true
	}
	return s
}
