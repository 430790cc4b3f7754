// Package volume binds a year's issues into a 合订本 (docs/volume.md): a
// volume cover, a 年度总目录 that cites volume pages, and every issue as it
// was printed, each page also numbered in the volume; one print-ready PDF.
//
// The issues are read and laid out on their own, side by side in a bounded
// pool of workers, all with one font set, so that a character any issue
// needs is measured and printed in the same face (fonts.Set.FaceFor gives
// one face per role and character, whatever the order of the calls); the
// volume's pages are then put together in the order volume.toml lists the
// issues, so the PDF is the same bytes whatever the scheduling.
package volume

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"gazette/fonts"
	"gazette/internal/build"
	"gazette/internal/diag"
	"gazette/internal/model"
	"gazette/internal/render"
	"gazette/internal/source"
	"gazette/layout"
)

// Volume is a 合订本 read and laid out.
type Volume struct {
	Config  *Config
	Issues  []*build.Issue // in binding order
	Fonts   *fonts.Set     // the one set every issue was laid out with
	Layout  *layout.Volume
	Padding layout.Padding // blank pages added at the end to make a multiple of four
	// Warnings are the issues' own warnings, each issue's in its order.
	Warnings []*diag.Problem
	// FontNotes say which face printed the characters a role's face lacks
	// in the whole volume.
	FontNotes []string
}

// Progress is told each time one more issue is laid out: done of n.
type Progress func(done, n int)

// Prepare reads volume.toml and every issue it lists, checks that the issues
// can be bound together, and lays the volume out. It writes nothing.
// progress, if not nil, is called from one goroutine at a time.
func Prepare(path string, progress Progress) (*Volume, error) {
	cfg, err := LoadConfig(path)
	if err != nil {
		return nil, err
	}
	v := &Volume{Config: cfg}
	first, err := build.Read(cfg.Issues[0])
	if err != nil {
		return nil, inIssue(cfg, 0, err)
	}
	v.Fonts = first.Fonts
	v.Issues = make([]*build.Issue, len(cfg.Issues))
	err = v.each(progress, func(i int) error {
		is := first
		if i > 0 {
			var err error
			if is, err = build.ReadWithFonts(cfg.Issues[i], v.Fonts); err != nil {
				return err
			}
			if err := sameSettings(first, is); err != nil {
				return err
			}
		}
		if err := is.Lay(); err != nil {
			return err
		}
		v.Issues[i] = is
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := v.lay(); err != nil {
		return nil, err
	}
	return v, nil
}

// each runs work for every issue in a pool of GOMAXPROCS workers, each
// result in the issue's own slot, and returns the error of the first issue
// (in binding order) that failed.
func (v *Volume) each(progress Progress, work func(i int) error) error {
	n := len(v.Config.Issues)
	errs := make([]error, n)
	jobs := make(chan int)
	done := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				errs[i] = safely(func() error { return work(i) })
				done <- i
			}
		}()
	}
	go func() {
		for i := range n {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		close(done)
	}()
	count := 0
	for range done {
		count++
		if progress != nil {
			progress(count, n)
		}
	}
	for i, err := range errs {
		if err != nil {
			return inIssue(v.Config, i, err)
		}
	}
	return nil
}

// safely runs f, turning a panic into an error: the CLI recovers a panic
// only on its own goroutine, and a worker's would end the program with a
// stack trace the office cannot read.
func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gazette 内部错误：%v；请把这条信息和所用的文件发给维护人员", r)
		}
	}()
	return f()
}

// inIssue says which issue of the volume an error comes from.
func inIssue(cfg *Config, i int, err error) error {
	return fmt.Errorf("合订本 %s 第%d行所列的第%d期（%s）：\n%w", cfg.Path, cfg.Lines[i], i+1, cfg.Issues[i], err)
}

// lay binds the laid-out issues and pads the volume to a multiple of four
// pages (docs/pdfx.md#saddle-stitch: the printer folds sheets of four pages).
func (v *Volume) lay() error {
	first := v.Issues[0]
	in, err := first.LayoutInput()
	if err != nil {
		return err
	}
	vin := layout.VolumeInput{Title: v.Config.Title, Style: in.Style, Metrics: in.Metrics, Kinsoku: in.Kinsoku,
		Punct: in.Punct, ManifestPath: v.Config.Path, TitleLine: v.Config.TitleLine, OrderNote: "按栏目编排"}
	if v.Config.Order == ByKind {
		vin.GroupOf, vin.OrderNote = kindGroup, "按文种编排"
	}
	for _, is := range v.Issues {
		vin.Issues = append(vin.Issues, layout.VolumeIssue{Issue: &is.Manifest.Issue, Book: is.Book})
		v.Warnings = append(v.Warnings, is.Warnings...)
	}
	lv, err := layout.LayVolume(vin)
	if err != nil {
		return err
	}
	v.Layout = lv
	v.Padding = lv.Book.PadForSaddleStitch()
	v.FontNotes = build.FontNotes(v.Fonts)
	return nil
}

// otherKind heads the documents whose title names no kind of document.
const otherKind = "其他"

// kindGroup lists a document under the kind its title names.
func kindGroup(_ string, d *model.Document) string {
	if k := source.KindName(d.Title()); k != "" {
		return k
	}
	return otherKind
}

// Write renders the volume's print edition to out, as `gazette build`
// writes an issue's: bleed, page boxes, crop marks if the first issue asks
// for them, PDF/X-1a:2001, every font embedded. The file is written whole or
// not at all.
func (v *Volume) Write(out string) error {
	first, last := v.Issues[0], v.Issues[len(v.Issues)-1]
	opt, err := first.PrintOptions()
	if err != nil {
		return err
	}
	opt.Created = last.Manifest.CreationTime()
	opt.Subject = v.Config.Title
	return render.WriteFile(out, v.Layout.Book, v.Fonts, opt)
}

// Pages is the volume's page count.
func (v *Volume) Pages() int { return len(v.Layout.Book.Pages) }

// sameSettings refuses to bind an issue of another gazette, or whose page or
// print settings differ from the first issue's: one volume binds one
// gazette, and has one trim and type area, one set of fonts and one PDF/X
// frame.
func sameSettings(first, is *build.Issue) error {
	a, b := first.Manifest, is.Manifest
	var probs diag.List
	data, _ := os.ReadFile(b.Path) // read once already; only for the lines of keys
	differ := func(line int, key, what, av, bv string) {
		if line == 0 {
			table, name, _ := strings.Cut(strings.Trim(key, "["), "] ")
			line = keyLine(data, toml.Key{table, name})
		}
		probs = append(probs, &diag.Problem{File: b.Path, Line: line,
			Msg: fmt.Sprintf("%s（%s）是 %s，与第一期 %s 的 %s 不同", what, key, bv, a.Path, av),
			Hint: "合订本装订同一种公报，各期的成品尺寸、版式、字号、字体和印刷设置必须相同；" +
				"请把这一期改成与第一期相同后重新生成这一期，或分别装订。"})
	}
	if na, nb := a.Issue.Gazette.Name, b.Issue.Gazette.Name; na != nb {
		differ(0, "[gazette] name", "公报名称", "“"+na+"”", "“"+nb+"”")
	}
	pa, pb := a.Print, b.Print
	if pa.Trim.W != pb.Trim.W || pa.Trim.H != pb.Trim.H {
		differ(pb.Trim.Line, "[print] trim", "成品尺寸", pa.Trim.String(), pb.Trim.String())
	}
	if pa.BleedMM != pb.BleedMM {
		differ(0, "[print] bleed", "出血", fmt.Sprintf("%g 毫米", pa.BleedMM), fmt.Sprintf("%g 毫米", pb.BleedMM))
	}
	if pa.CropMarks != pb.CropMarks {
		differ(0, "[print] crop_marks", "裁切线", fmt.Sprint(pa.CropMarks), fmt.Sprint(pb.CropMarks))
	}
	if pa.OutputCondition != pb.OutputCondition {
		differ(0, "[print] output_condition", "印刷条件", pa.OutputCondition, pb.OutputCondition)
	}
	if pa.Images != pb.Images {
		differ(0, "[print] images", "图片的印刷色", pa.Images, pb.Images)
	}
	la, lb := a.Layout, b.Layout
	if orDefault(la.Preset, "gbt9704") != orDefault(lb.Preset, "gbt9704") {
		differ(0, "[layout] preset", "版式", orDefault(la.Preset, "gbt9704"), orDefault(lb.Preset, "gbt9704"))
	}
	if !sameSize(la.BodySize, lb.BodySize) {
		differ(0, "[layout] body_size", "正文字号", sizeText(la.BodySize), sizeText(lb.BodySize))
	}
	if !sameSize(la.TitleSize, lb.TitleSize) {
		differ(0, "[layout] title_size", "标题字号", sizeText(la.TitleSize), sizeText(lb.TitleSize))
	}
	for r := fonts.Role(0); r < fonts.NumRoles; r++ {
		sa, sb := a.Fonts[r], b.Fonts[r]
		if !sameSource(sa, sb) {
			differ(b.FontLines[r], "[fonts] "+r.Key(), r.Label()+"的字体", sourceText(sa), sourceText(sb))
		}
	}
	if !sameSources(a.Fallback, b.Fallback) {
		differ(b.FallbackLine, "[fonts] fallback", "后备字体", sourcesText(a.Fallback), sourcesText(b.Fallback))
	}
	return probs.Err()
}

// absPath is p made absolute, so that two manifests naming one font file
// from different folders agree; "" stays "" (a built-in face).
func absPath(p string) string {
	if p == "" {
		return ""
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func sameSize[T ~float64](a, b T) bool { return math.Abs(float64(a-b)) < 1e-9 }

func sizeText[T ~float64](s T) string {
	if s == 0 {
		return "版式默认"
	}
	return fmt.Sprintf("%g 磅", float64(s))
}

func sameSource(a, b fonts.Source) bool {
	return absPath(a.Path) == absPath(b.Path) && a.Index == b.Index && a.IndexSet == b.IndexSet && a.Name == b.Name
}

func sameSources(a, b []fonts.Source) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameSource(a[i], b[i]) {
			return false
		}
	}
	return true
}

func sourceText(s fonts.Source) string {
	switch {
	case s.Name != "":
		return "“" + s.Name + "”"
	case s.Path != "":
		if s.IndexSet {
			return fmt.Sprintf("%s（第%d个）", absPath(s.Path), s.Index)
		}
		return absPath(s.Path)
	}
	return "内置字体"
}

func sourcesText(ss []fonts.Source) string {
	if len(ss) == 0 {
		return "未设"
	}
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += "、"
		}
		out += sourceText(s)
	}
	return out
}
