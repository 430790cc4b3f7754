// Package build runs gazette's pipeline for one issue: manifest → documents →
// fonts → layout → PDF. The CLI calls one function of it per command.
package build

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/html"
	"gazette/internal/manifest"
	"gazette/internal/model"
	"gazette/internal/render"
	"gazette/internal/source"
	"gazette/layout"
)

// Issue is an issue read and laid out.
type Issue struct {
	Manifest *manifest.Manifest
	Fonts    *fonts.Set
	Book     *layout.Book
	Padding  layout.Padding  // blank pages added for saddle stitching
	Warnings []*diag.Problem // slips the office may want to fix; they do not stop a build
	// FontNotes say which face printed the characters a role's face lacks,
	// and which face of a collection named without index was taken; build
	// and check print them.
	FontNotes []string
}

// Prepare reads the manifest and every document, loads the fonts and lays the
// issue out. It writes nothing.
func Prepare(manifestPath string) (*Issue, error) {
	is, err := Read(manifestPath)
	if err != nil {
		return nil, err
	}
	if err := is.Lay(); err != nil {
		return nil, err
	}
	return is, nil
}

// Check does all that a build does — reads, lays out and renders the print
// edition, pictures decoded and fonts subset — except writing the file, so
// that `check` never passes an issue `build` then refuses (a character no
// font has in issue.toml, a picture copied only in part, one too big to
// decode).
func Check(manifestPath string) (*Issue, error) {
	is, err := Prepare(manifestPath)
	if err != nil {
		return nil, err
	}
	opt, err := is.renderOptions()
	if err != nil {
		return nil, err
	}
	p := is.Manifest.Print
	opt.Print = &render.Print{BleedMM: p.BleedMM, CropMarks: p.CropMarks, Condition: p.OutputCondition}
	if _, err := render.Render(is.Book, is.Fonts, opt); err != nil {
		return nil, err
	}
	return is, nil
}

// Read reads the manifest and every document and loads the fonts, without
// laying the issue out (`gazette fonts` reports on the fonts even when the
// layout finds characters no font has). It writes nothing.
func Read(manifestPath string) (*Issue, error) {
	m, err := manifest.Load(manifestPath)
	if err != nil {
		return nil, err
	}
	is := &Issue{Manifest: m, Warnings: append([]*diag.Problem(nil), m.Warnings...)}
	if err := is.readDocuments(); err != nil {
		return nil, err
	}
	set, err := fonts.Load(m.Fonts, m.Fallback...)
	if err != nil {
		return nil, atFontLines(m, err)
	}
	is.Fonts = set
	return is, nil
}

// fallbackFaces checks, after layout, that the faces of [fonts] fallback
// that were needed could be read, and notes which face printed which
// characters in place of a role's own face (FontNotes). Its error is a
// diag.List: the fonts package reports a fallback file only as a
// *fonts.FontError, which atFontLines places.
func (is *Issue) fallbackFaces() error {
	if err := errors.Join(is.Fonts.FallbackErrors()...); err != nil {
		return atFontLines(is.Manifest, err)
	}
	is.FontNotes = FontNotes(is.Fonts)
	return nil
}

// atFontLines turns the fonts package's errors about the office's fonts
// (*fonts.FontError: a file missing or damaged, no such face in a
// collection, embedding forbidden, a font named but not installed) into
// messages at the line of issue.toml that chose the font — the role's entry
// or [fonts] fallback — keeping the file's name in the message, so the
// office knows which entry to change. Other errors pass through.
func atFontLines(m *manifest.Manifest, err error) error {
	fes := fontErrors(err)
	if fes == nil {
		return err
	}
	var out diag.List
	for _, fe := range fes {
		p := &diag.Problem{File: fe.File, Msg: fe.Msg, Hint: fe.Hint, Err: fe.Err}
		label, line := "字体文件", 0
		if fe.Role == fonts.Fallback {
			label, line = "后备字体文件", m.FallbackLine
		} else if _, ok := m.Fonts[fe.Role]; ok {
			line = m.FontLines[fe.Role]
		}
		if line > 0 {
			if fe.File != "" {
				p.Msg = fmt.Sprintf("%s %s：%s", label, filepath.Base(fe.File), p.Msg)
			}
			p.File, p.Line = m.Path, line
		}
		out = append(out, p)
	}
	return out.Err()
}

// fontErrors collects the *fonts.FontError values in err's tree (errors.Join
// of several, or one wrapped).
func fontErrors(err error) []*fonts.FontError {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*fonts.FontError
		for _, e := range j.Unwrap() {
			out = append(out, fontErrors(e)...)
		}
		return out
	}
	var fe *fonts.FontError
	if errors.As(err, &fe) {
		return []*fonts.FontError{fe}
	}
	return nil
}

// Lay lays out an issue Read returned, pads it for saddle stitching and adds
// the layout's warnings.
func (is *Issue) Lay() error {
	metrics, err := layout.NewFontMetrics(is.Fonts)
	if err != nil {
		return atFontLines(is.Manifest, err)
	}
	in, err := layoutInput(is.Manifest)
	if err != nil {
		return err
	}
	in.Metrics = metrics
	manifestPlaces(&in, is.Manifest.Path)
	textProbs, textMissing := manifestTextProblems(is.Manifest, is.Fonts)
	book, err := layout.Lay(in)
	// A fallback face that could not be read comes first: it is likely why
	// characters are missing.
	probs := diag.Problems(is.fallbackFaces())
	if err != nil {
		ps := diag.Problems(err)
		if ps == nil {
			return err
		}
		textProbs = append(textProbs, notReported(ps, textMissing, is.Manifest.Path)...)
	}
	if err := diag.List(append(probs, textProbs...)).Err(); err != nil {
		return err
	}
	is.Book = book
	if err := is.checkPages(); err != nil {
		return err
	}
	for _, w := range book.Warnings {
		is.Warnings = append(is.Warnings, &diag.Problem{Msg: w})
	}
	is.bind()
	return nil
}

// layoutInput turns [layout] and [print] into layout's input (without the
// metrics): the preset fitted to the trim, then to the office's type sizes
// (so a 字号 written in issue.toml is kept on any trim), the punctuation
// style and the kinsoku level.
func layoutInput(m *manifest.Manifest) (layout.Input, error) {
	l := m.Layout
	st, err := layout.Preset(l.Preset)
	if err != nil {
		return layout.Input{}, &diag.Problem{File: m.Path, Msg: err.Error()}
	}
	t := m.Print.Trim
	if err := st.ForTrim(t.W, t.H); err != nil {
		return layout.Input{}, &diag.Problem{File: m.Path, Line: t.Line, Msg: err.Error(),
			Hint: "请在 [print] 的 trim 中选用 A4、大16开、正16开 或更大的尺寸。"}
	}
	st = st.WithSizes(float64(l.BodySize), float64(l.TitleSize))
	punct, err := layout.ParsePunctStyle(l.Punctuation)
	if err != nil {
		return layout.Input{}, &diag.Problem{File: m.Path, Msg: err.Error()}
	}
	kinsoku, err := layout.ParseKinsoku(l.Kinsoku)
	if err != nil {
		return layout.Input{}, &diag.Problem{File: m.Path, Msg: err.Error()}
	}
	return layout.Input{Issue: &m.Issue, Style: st, Kinsoku: kinsoku, Punct: punct}, nil
}

// bind pads the book for saddle stitching and warns when it has more pages
// than a saddle stitch holds (docs/pdfx.md#saddle-stitch).
func (is *Issue) bind() {
	is.Padding = is.Book.PadForSaddleStitch()
	p := is.Manifest.Print
	if n := len(is.Book.Pages); n > p.SaddleMaxPages {
		is.Warnings = append(is.Warnings, &diag.Problem{File: is.Manifest.Path, Line: p.SaddleLine,
			Msg: fmt.Sprintf("本期共 %d 页，超过骑马钉能订牢的 %d 页", n, p.SaddleMaxPages),
			Hint: "页数多时骑马钉会散页、书脊鼓起，建议请印刷厂改用平装胶订（无线胶装）；" +
				"如印刷厂确认可以骑马钉，可在 [print] 中调高 saddle_max_pages。"})
	}
}

// readDocuments parses every document of every section into the issue.
// Documents are read side by side (readAll); their documents, notes and
// problems are then taken in manifest order, so the result does not depend
// on scheduling.
func (is *Issue) readDocuments() error {
	m := is.Manifest
	var probs diag.List
	var textBytes int64
	var jobs []readJob
	for si, sec := range m.Sections {
		for _, path := range sec.Documents {
			if p := sourceTooBig(m.Path, path, sec.Line, &textBytes); p != nil {
				probs = append(probs, p)
				continue
			}
			jobs = append(jobs, readJob{section: si, path: path, source: rel(m.Dir, path)})
		}
	}
	readAll(jobs)
	for _, j := range jobs {
		for _, n := range j.notes {
			n.File = rel(m.Dir, n.File)
		}
		is.Warnings = append(is.Warnings, j.notes...)
		if j.err != nil {
			if ps := diag.Problems(j.err); ps != nil {
				probs = append(probs, ps...)
				continue
			}
			return fmt.Errorf("读取 %s: %w", j.path, j.err)
		}
		is.Warnings = append(is.Warnings, j.checks...)
		m.Issue.Sections[j.section].Documents = append(m.Issue.Sections[j.section].Documents, j.doc)
	}
	is.Warnings = append(is.Warnings, sameDocNumbers(is.Documents())...)
	if err := probs.Err(); err != nil {
		return err
	}
	return is.checkLimits(textBytes)
}

// readJob is one document to read and what reading and checking it gave.
type readJob struct {
	section int
	path    string
	source  string // path as messages name it: relative to the manifest
	doc     *model.Document
	notes   []*diag.Problem // source.ReadDocument's
	checks  []*diag.Problem // source.Check's
	err     error
}

// readAll reads and checks every job's document, a worker per core: each
// document is read on its own, and each result lands in its job.
func readAll(jobs []readJob) {
	next := make(chan *readJob)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				j.read()
			}
		}()
	}
	for i := range jobs {
		next <- &jobs[i]
	}
	close(next)
	wg.Wait()
}

func (j *readJob) read() {
	j.doc, j.notes, j.err = source.ReadDocument(j.path)
	if j.err != nil {
		return
	}
	j.doc.Source = j.source
	j.checks = source.Check(j.doc)
}

// sameDocNumbers reports a document whose 发文字号 an earlier document of
// the issue already carries: each 发文字号 is one document's own
// (GB/T 9704-2012 7.2.4: 发文机关代字、年份、发文顺序号), so two alike are a
// slip in the copy the office submitted. The numbers are compared as the
// 发文字号 check reads them: brackets, 第 and leading zeros aside.
func sameDocNumbers(docs []*model.Document) []*diag.Problem {
	type first struct {
		file string
		line int
	}
	seen := map[string]first{}
	var out []*diag.Problem
	for _, doc := range docs {
		text, line := docNumber(doc)
		if text == "" {
			continue
		}
		key := docNumberKey(text)
		f, ok := seen[key]
		if !ok {
			seen[key] = first{doc.Source, line}
			continue
		}
		out = append(out, diag.New(doc.Source, line,
			fmt.Sprintf("与 %s 第%d%s的发文字号相同（%s）；同一期里两份文件的发文字号一般不会相同", f.file, f.line, diag.LineUnit(f.file), text),
			"请核对原件。本程序按原文照印；如需改正，请修改原文件"))
	}
	return out
}

// docNumber is a document's own 发文字号 (its first) and the line it is on.
func docNumber(doc *model.Document) (string, int) {
	for _, b := range doc.Blocks {
		if b.Kind == model.DocNumber {
			return b.Text, b.Line
		}
	}
	return "", 0
}

var docNumberKeyRE = regexp.MustCompile(`^(.*?)[〔\[（(【［]([0-9]{4})[〕\]）)】］]第?0*([0-9]+)号$`)

// docNumberKey is a 发文字号 without white space and with its year and
// number written one way: 昌府办字[2023]第025号 → 昌府办字〔2023〕25号.
func docNumberKey(s string) string {
	s = strings.Join(strings.Fields(s), "")
	if m := docNumberKeyRE.FindStringSubmatch(s); m != nil {
		return m[1] + "〔" + m[2] + "〕" + m[3] + "号"
	}
	return s
}

// rel shows a document path relative to the manifest's folder, as the
// office wrote it.
func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// Editions names the files a build writes; an empty path writes none.
type Editions struct {
	Print string // the print PDF: bleed, page boxes, crop marks if asked, PDF/X-1a
	Web   string // the web edition: trim-size pages, links, no print structure
	HTML  string // the HTML edition's folder: index.html (目录) and a page per document
}

// Build lays out the issue at manifestPath and writes the print PDF to out
// ("" = beside the manifest, same name, .pdf).
func Build(manifestPath, out string) (*Issue, string, error) {
	if out == "" {
		out = DefaultOutput(manifestPath)
	}
	is, err := BuildEditions(manifestPath, Editions{Print: out})
	return is, out, err
}

// BuildEditions lays out the issue once and writes each edition asked for.
func BuildEditions(manifestPath string, ed Editions) (*Issue, error) {
	is, err := Prepare(manifestPath)
	if err != nil {
		return nil, err
	}
	if err := is.Write(ed); err != nil {
		return nil, err
	}
	return is, nil
}

// Write writes each edition asked for of an issue Prepare returned; the CLI
// calls it once it has checked that no output would overwrite an input.
func (is *Issue) Write(ed Editions) error {
	opt, err := is.renderOptions()
	if err != nil {
		return err
	}
	if ed.Print != "" {
		p := is.Manifest.Print
		opt.Print = &render.Print{BleedMM: p.BleedMM, CropMarks: p.CropMarks, Condition: p.OutputCondition}
		if err := render.WriteFile(ed.Print, is.Book, is.Fonts, opt); err != nil {
			return fontProblem(is.Manifest, err)
		}
	}
	if ed.Web != "" {
		opt.Print = nil
		if err := render.WriteFile(ed.Web, is.Book, is.Fonts, opt); err != nil {
			return fontProblem(is.Manifest, err)
		}
	}
	if ed.HTML != "" {
		return is.writeHTML(ed)
	}
	return nil
}

// renderOptions are the settings both editions share.
func (is *Issue) renderOptions() (render.Options, error) {
	m := is.Manifest
	mode, err := render.ParseImageMode(m.Print.Images)
	if err != nil {
		return render.Options{}, &diag.Problem{File: m.Path, Msg: err.Error()}
	}
	return render.Options{Created: m.CreationTime(), Author: m.Issue.Gazette.Publisher,
		Subject: fmt.Sprintf("%d年第%d期", m.Issue.Year, m.Issue.Number), Images: mode}, nil
}

// DefaultOutput is the PDF path beside the manifest: issue.toml → issue.pdf.
func DefaultOutput(manifestPath string) string {
	ext := filepath.Ext(manifestPath)
	return strings.TrimSuffix(manifestPath, ext) + ".pdf"
}

// WebOutput is the web edition's path beside the print PDF: issue.pdf →
// issue-web.pdf.
func WebOutput(printPath string) string {
	ext := filepath.Ext(printPath)
	return strings.TrimSuffix(printPath, ext) + "-web.pdf"
}

// HTMLOutput is the HTML edition's folder beside the print PDF: issue.pdf →
// issue-html.
func HTMLOutput(printPath string) string {
	ext := filepath.Ext(printPath)
	return strings.TrimSuffix(printPath, ext) + "-html"
}

// writeHTML writes the HTML edition, its pages linking to the web PDF when
// one is written, else to the print PDF, and its 目录 showing the printed
// folio each document starts on.
func (is *Issue) writeHTML(ed Editions) error {
	pdf := ed.Web
	if pdf == "" {
		pdf = ed.Print
	}
	opt := html.Options{Pages: is.documentFolios()}
	if pdf != "" {
		if r, err := filepath.Rel(filepath.Dir(ed.HTML), pdf); err == nil {
			opt.PDF = r
		}
	}
	return html.WriteDir(ed.HTML, &is.Manifest.Issue, opt)
}

// documentFolios is the printed folio each document starts on, from the
// book's outline (one document entry per document), or nil when the outline
// does not list every document.
func (is *Issue) documentFolios() []int {
	var out []int
	for _, bm := range is.Book.Outline {
		if bm.Level == 1 && bm.Page >= 0 && bm.Page < len(is.Book.Pages) {
			out = append(out, is.Book.Pages[bm.Page].Folio)
		}
	}
	if len(out) != len(is.Documents()) {
		return nil
	}
	return out
}

// Documents returns the issue's documents in order (for tests and reports).
func (is *Issue) Documents() []*model.Document {
	var out []*model.Document
	for _, s := range is.Manifest.Issue.Sections {
		out = append(out, s.Documents...)
	}
	return out
}
