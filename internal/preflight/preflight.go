// Package preflight checks a PDF the way a print shop (印刷厂) does before it
// prints a saddle-stitched booklet: fonts embedded, page boxes and trim size,
// colour spaces (CMYK or grey only, text in pure K), no transparency, image
// resolution, page count and the PDF/X markers.
//
// It works on any PDF — gazette's own or one exported from Word or LaTeX — and
// returns its findings as data; the CLI only formats them. The document is
// read with pdfcpu; content streams are scanned with a small operator scanner
// (q/Q, cm, colour operators, text, Do, inline images) to learn which colours
// paint and at what size each image is printed — the page's own content and
// everything it draws: forms, pattern cells, Type 3 glyphs and the
// appearances of the annotations that print.
package preflight

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	pdfvalidate "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"
)

// Severity ranks a finding.
type Severity int

// The severities, from least to most serious.
const (
	Info    Severity = iota // 信息: for the record
	Warning                 // 警告: the print shop may object
	Error                   // 错误: not printable as it is
)

// String returns the Chinese name of the severity.
func (s Severity) String() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "信息"
}

// Finding is one thing the check found.
type Finding struct {
	Severity Severity
	Pages    []int  // 1-based pages it applies to, ascending; nil for the whole document
	Code     string // stable identifier for tests and scripts, e.g. "font-not-embedded"
	Message  string // what was found and why it matters, in Chinese
}

// Options tune the check.
type Options struct {
	// MaxSaddle is the page count above which saddle stitching will not hold
	// (0 means DefaultMaxSaddle).
	MaxSaddle int
}

// DefaultMaxSaddle is the usual upper page count for a saddle-stitched
// booklet on 80 g/m² paper.
const DefaultMaxSaddle = 64

// Report is the result of Check.
type Report struct {
	File     string
	Pages    int
	Findings []Finding // errors first, then warnings, then information
}

// Count returns the number of findings of severity s.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding is an error.
func (r *Report) HasErrors() bool { return r.Count(Error) > 0 }

// Find returns the findings with the given code.
func (r *Report) Find(code string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Code == code {
			out = append(out, f)
		}
	}
	return out
}

func init() {
	// Do not let pdfcpu create or read ~/.config/pdfcpu. (pdfcpu's pkg/api
	// does the same, but importing it costs 45 ms at every start of gazette:
	// it pulls in go-runewidth, whose init builds width tables.)
	model.ConfigPath = "disable"
}

// Check reads the PDF at path and returns what a print shop would say about
// it. The error is non-nil only when the file cannot be read as a PDF; every
// problem inside a readable PDF is a Finding.
func Check(path string, opt Options) (rep *Report, err error) {
	if opt.MaxSaddle <= 0 {
		opt.MaxSaddle = DefaultMaxSaddle
	}
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("无法检查 %s：读取 PDF 时出错（pdfcpu: %v）", path, r)
		}
	}()
	ctx, findings, err := open(path)
	if err != nil {
		return nil, err
	}
	c := &checker{ctx: ctx, opt: opt, findings: findings, fonts: map[int]string{}, widths: map[int]*fontWidths{}, trims: map[int]*types.Rectangle{}}
	c.run()
	return &Report{File: path, Pages: ctx.PageCount, Findings: merge(c.findings)}, nil
}

// open reads the document for the checks and, separately, has pdfcpu
// validate it: validation edits the document it checks (in relaxed mode it
// drops what it cannot repair, even whole pages). A validation failure is a
// warning, not the end: print shops get plenty of slightly broken PDFs that
// print.
func open(path string) (*model.Context, []Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("无法打开 %s: %w", path, err)
	}
	ctx, err := read(data)
	if errors.Is(err, pdfcpu.ErrWrongPassword) {
		return nil, nil, fmt.Errorf("%s 加了打开密码，无法检查；PDF/X 不允许加密，印刷厂的 RIP 也打不开，请导出不加密的 PDF: %w", path, err)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s 不是可以读取的 PDF 文件（cannot parse PDF）: %w", path, err)
	}
	if err := ctx.EnsurePageCount(); err != nil || ctx.PageCount == 0 {
		return nil, nil, fmt.Errorf("%s 里找不到页面（no pages）: %w", path, errors.Join(err, errNoPages))
	}
	var findings []Finding
	if err := validate(data); err != nil {
		findings = append(findings, Finding{Severity: Warning, Code: "pdf-invalid",
			Message: fmt.Sprintf("PDF 结构不合规范（pdfcpu 校验）：%v", err)})
	}
	return ctx, findings, nil
}

func read(data []byte) (*model.Context, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return pdfcpu.Read(bytes.NewReader(data), conf)
}

// validate runs pdfcpu's relaxed validation on its own copy of the document.
func validate(data []byte) error {
	ctx, err := read(data)
	if err != nil {
		return err
	}
	if PatternCycle(ctx) {
		return errPatternCycle
	}
	return safely(func() error { return pdfvalidate.XRefTable(ctx) })
}

var errNoPages = errors.New("page tree is empty")

// checker holds the document and the findings while the checks run.
type checker struct {
	ctx      *model.Context
	opt      Options
	findings []Finding
	fonts    map[int]string           // font object number → problem ("" if none)
	widths   map[int]*fontWidths      // font object number → its advances
	trims    map[int]*types.Rectangle // page → TrimBox (else CropBox or MediaBox)
}

func (c *checker) add(sev Severity, page int, code, format string, args ...any) {
	var pages []int
	if page > 0 {
		pages = []int{page}
	}
	c.findings = append(c.findings, Finding{Severity: sev, Pages: pages, Code: code, Message: fmt.Sprintf(format, args...)})
}

// run performs every check.
func (c *checker) run() {
	c.checkEncryption()
	c.checkBoxes()
	for p := 1; p <= c.ctx.PageCount; p++ {
		c.scanPage(p)
	}
	c.checkPageCount()
	c.checkPDFX()
}

// merge joins findings that say the same thing on different pages into one,
// and sorts them: errors first, then by first page.
func merge(fs []Finding) []Finding {
	type key struct {
		sev        Severity
		code, text string
		doc        bool
	}
	index := map[key]int{}
	var out []Finding
	for _, f := range fs {
		k := key{f.Severity, f.Code, f.Message, f.Pages == nil}
		i, ok := index[k]
		if !ok {
			index[k] = len(out)
			f.Pages = slices.Clone(f.Pages)
			out = append(out, f)
			continue
		}
		out[i].Pages = append(out[i].Pages, f.Pages...)
	}
	for i := range out {
		slices.Sort(out[i].Pages)
		out[i].Pages = slices.Compact(out[i].Pages)
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Severity != b.Severity {
			return cmp.Compare(b.Severity, a.Severity)
		}
		return cmp.Compare(firstPage(a), firstPage(b))
	})
	return out
}

func firstPage(f Finding) int {
	if len(f.Pages) == 0 {
		return 0
	}
	return f.Pages[0]
}

// safely runs f and turns a panic inside pdfcpu into an error, so that one
// broken object does not stop the other checks.
func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfcpu: %v", r)
		}
	}()
	return f()
}
