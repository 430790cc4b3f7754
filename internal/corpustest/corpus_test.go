package corpustest

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gazette/fonts"
	"gazette/internal/build"
	"gazette/internal/diag"
	"gazette/internal/testtool"
	"gazette/internal/testtool/pdfread"
	"gazette/layout"
)

// testdata is the repository's testdata folder, seen from this package.
const testdata = "../../testdata"

// A knownFailure is a property that fails on today's code for one document
// of one built issue: in is the issue ("corpus", "issues/county",
// "issues/province"), file the document's path relative to testdata (an
// issue's cover, masthead and 目录 are "<in> (front matter)", its manifest
// "<in>/issue.toml"), fix the number of the issue whose work fixes it. The
// test fails when a listed failure passes: delete the row then.
type knownFailure struct {
	in, file string
	prop     property
	fix      int
	seen     string
}

// knownFailures are the failures seen on the code of this commit. Keep the
// list small and honest: a row per document and property, the issue that
// fixes it, and what was seen.
var knownFailures = []knownFailure{
	{"corpus", "corpus/tongzhi/hunan-biyesheng-jiuye.txt", propBuilds, 11,
		"„2009‟ (U+201E, U+201F, written for 〔2009〕): no configured face has U+201F, and there is no fallback"},
}

// refusals are documents the pipeline rightly refuses: the message it must
// give, and why refusing is right. A refused document is not in the
// read-back issue.
var refusals = []struct{ file, message, why string }{
	{"corpus/shuju/danzhai-2015-tongji-gongbao.txt", "没有识别出文件标题", "the stored page has no title line; the office must add one"},
	{"corpus/shuju/fujian-guding-zichan-2025h1.txt", "没有识别出文件标题", "the stored page has no title line; the office must add one"},
	{"corpus/tongzhi/guangdong-kejiting-moca.txt", "没有识别出文件标题", "the stored page has no title line; the office must add one"},
	{"corpus/tongzhi/shanxi-jumin-zengshou.txt", "没有识别出文件标题", "raw HTML from the page, no title line; the office must add one"},
	{"corpus/jiyao/panzhihua-dongqu-changwu-106.txt", "没有识别出文件标题", "the government's page gives the meeting's title only in its chrome"},
	{"corpus/jiyao/huiji-changwu-16.txt", "没有识别出文件标题", "the government's page gives the meeting's title only in its chrome"},
	{"corpus/pifu/yiyang-qinghu-guihua.txt", "没有识别出文件标题", "the stored page opens with the 发文字号; its only short line is the 版记, which is no title"},
}

// failures collects faults by document and property.
type failures map[string]map[property][]fault

func (fs failures) add(f fault) {
	if fs[f.file] == nil {
		fs[f.file] = map[property][]fault{}
	}
	fs[f.file][f.prop] = append(fs[f.file][f.prop], f)
}

// A builtIssue is an issue built and read back.
type builtIssue struct {
	name    string // "corpus", "issues/county", …
	is      *build.Issue
	pdf     string
	doc     *pdfread.Doc
	st      *layout.Style
	geoms   []*pdfread.Geom
	files   []string // per document of the issue, its path relative to testdata
	pageDoc []int    // per PDF page, index into files; −1 before the first document
}

func (b *builtIssue) frontMatter() string { return b.name + " (front matter)" }

// fileOf is the document a PDF page (0-based) belongs to.
func (b *builtIssue) fileOf(page int) string {
	if d := b.pageDoc[page]; d >= 0 {
		return b.files[d]
	}
	return b.frontMatter()
}

// relPath is path relative to testdata (slash-separated).
func relPath(t testing.TB, path string) string {
	t.Helper()
	root, err := filepath.Abs(testdata)
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

// buildIssue builds the manifest into dir and reads the PDF back.
func buildIssue(t testing.TB, name, manifest, dir string) *builtIssue {
	t.Helper()
	is, pdf, err := build.Build(manifest, filepath.Join(dir, "issue.pdf"))
	if err != nil {
		t.Fatalf("%s: build: %v", name, err)
	}
	st, err := layout.Preset(is.Manifest.Layout.Preset)
	if err != nil {
		t.Fatal(err)
	}
	b := &builtIssue{name: name, is: is, pdf: pdf, st: st}
	for _, d := range is.Documents() {
		b.files = append(b.files, relPath(t, d.Source))
	}
	var starts []int
	for _, bm := range is.Book.Outline {
		if bm.Level == 1 {
			starts = append(starts, bm.Page)
		}
	}
	if len(starts) != len(b.files) {
		t.Fatalf("%s: %d document bookmarks for %d documents: pages cannot be told apart", name, len(starts), len(b.files))
	}
	b.pageDoc = make([]int, len(is.Book.Pages))
	for p := range b.pageDoc {
		b.pageDoc[p] = -1
		for d, s := range starts {
			if p >= s {
				b.pageDoc[p] = d
			}
		}
	}
	b.doc = pdfread.Read(t, pdf, is.Book)
	b.geoms = pdfread.Geometry(b.doc, st)
	return b
}

// check asserts every property on every page and line of b.
func (b *builtIssue) check(t testing.TB, fs failures) {
	t.Helper()
	text := []rune(pdfread.Squeeze(testtool.Run(t, "pdftotext", "-enc", "UTF-8", b.pdf, "-")))
	for _, f := range b.files {
		for _, what := range inOrderFaults(t, filepath.Join(testdata, f), text) {
			fs.add(fault{file: f, prop: propInOrder, what: what})
		}
	}
	var lines, justifiedLines, words int
	defer func() {
		t.Logf("%s: checked %d documents in order, %d printed lines for kinsoku, %d justified body lines for letter spacing, %d words for trim and overlap",
			b.name, len(b.files), lines, justifiedLines, words)
	}()
	for i, g := range b.geoms {
		file, lp := b.fileOf(i), b.is.Book.Pages[i]
		words += len(g.Words)
		for _, what := range trimFaults(g.Page) {
			fs.add(fault{file, propTrim, g.N, what})
		}
		for _, what := range overlapFaults(g.Page, b.doc.Box) {
			fs.add(fault{file, propOverlaps, g.N, what})
		}
		for _, r := range g.Rows {
			lines += len(printedLines(r, b.st))
			for _, what := range kinsokuFaults(r, b.st) {
				fs.add(fault{file, propKinsoku, g.N, what})
			}
		}
		if g.Folio == 0 {
			continue
		}
		for _, r := range g.AreaRows() {
			if !justified(r, g, b.st) {
				continue
			}
			justifiedLines++
			found := spacingFaults(r, spacesInLayout(r, lp))
			for _, what := range found {
				fs.add(fault{file, propSpacing, g.N, what})
			}
			// The read-back must see what the layout did: a line the
			// layout spread by more than a quarter em (its runs' Tc) is a
			// fault here too, or the measure is blind.
			if spread := layoutSpread(r, lp); spread > maxAddedSpacing+spacingSlack/r.Size && len(found) == 0 && len(r.Words) > 1 {
				t.Errorf("%s page %d: the layout spread %q by %.2f em, but the read-back sees no gap: the letter-spacing measure is blind", b.name, g.N, pdfread.FirstRunes(r.Text(), 20), spread)
			}
		}
	}
}

// corpusFiles are the documents of testdata/corpus by kind (its folders), in
// name order.
func corpusFiles(t testing.TB) (kinds []string, files map[string][]string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(testdata, "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	files = map[string][]string{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		docs, err := filepath.Glob(filepath.Join(testdata, "corpus", e.Name(), "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) == 0 {
			continue
		}
		slices.Sort(docs)
		kinds = append(kinds, e.Name())
		files[e.Name()] = docs
	}
	return kinds, files
}

// manifestFor writes an issue.toml in dir with one section per kind, the
// documents given by absolute path.
func manifestFor(t testing.TB, dir string, kinds []string, files map[string][]string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("[gazette]\nname = \"语料测试公报\"\nsponsor = \"gazette 测试数据\"\npublisher = \"gazette 测试数据\"\n\n")
	b.WriteString("[issue]\nyear = 2024\nnumber = 1\ndate = 2024-01-15\n\n[print]\nsaddle_max_pages = 400\n")
	for _, k := range kinds {
		if len(files[k]) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n[[section]]\ntitle = %q\ndocuments = [\n", k)
		for _, f := range files[k] {
			abs, err := filepath.Abs(f)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "  %q,\n", abs)
		}
		b.WriteString("]\n")
	}
	path := filepath.Join(dir, "issue.toml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// refusedBy prepares an issue of all docs, and again without those the
// pipeline names in its problems, until it accepts the rest; it returns the
// problems of each document it refused.
func refusedBy(t testing.TB, kinds []string, files map[string][]string) map[string]string {
	t.Helper()
	refused := map[string]string{}
	for {
		rest := map[string][]string{}
		for _, k := range kinds {
			for _, f := range files[k] {
				if _, ok := refused[f]; !ok {
					rest[k] = append(rest[k], f)
				}
			}
		}
		_, err := build.Prepare(manifestFor(t, t.TempDir(), kinds, rest))
		if err == nil {
			return refused
		}
		named := 0
		for _, p := range diag.Problems(err) {
			for _, k := range kinds {
				for _, f := range rest[k] {
					if abs, _ := filepath.Abs(f); p.File == abs || p.File == f {
						refused[f] += p.Error() + "\n"
						named++
					}
				}
			}
		}
		if named == 0 {
			t.Fatalf("the corpus issue does not build, and the problems name no document:\n%s", problemText(err))
		}
	}
}

// problemText joins the messages of err's problems.
func problemText(err error) string {
	var b strings.Builder
	for _, p := range diag.Problems(err) {
		b.WriteString(p.Error())
		b.WriteString("\n")
	}
	if b.Len() == 0 && err != nil {
		b.WriteString(err.Error())
	}
	return b.String()
}

// TestCorpusReadBack builds every corpus document the pipeline accepts into
// one issue (a section per kind) and checks every property on every page and
// line; a document it refuses is a builds failure unless listed in refusals.
func TestCorpusReadBack(t *testing.T) {
	testtool.Need(t, "pdftotext")
	kinds, files := corpusFiles(t)
	fs := failures{}
	refused := map[string]string{}
	for _, r := range refusals {
		refused[r.file] = r.message
	}
	problems := refusedBy(t, kinds, files)
	accepted := map[string][]string{}
	for _, k := range kinds {
		for _, f := range files[k] {
			rel := relPath(t, f)
			got, no := problems[f]
			switch msg, ok := refused[rel]; {
			case ok && !no:
				t.Errorf("%s: the pipeline now accepts it, but refusals says it must refuse it with %q", rel, msg)
			case ok && !strings.Contains(got, msg):
				t.Errorf("%s: refused, but not with %q:\n%s", rel, msg, got)
			case ok:
			case no:
				fs.add(fault{file: rel, prop: propBuilds, what: strings.TrimSpace(got)})
			default:
				accepted[k] = append(accepted[k], f)
			}
		}
	}
	dir := t.TempDir()
	b := buildIssue(t, "corpus", manifestFor(t, dir, kinds, accepted), dir)
	t.Logf("corpus: %d documents of %d kinds in %d pages", len(b.files), len(kinds), len(b.is.Book.Pages))
	b.check(t, fs)
	compare(t, fs, "corpus")
}

// TestIssuesReadBack builds the two test issues in testdata/issues and checks
// every property on every page and line.
func TestIssuesReadBack(t *testing.T) {
	testtool.Need(t, "pdftotext")
	for _, name := range []string{"county", "province"} {
		t.Run(name, func(t *testing.T) {
			fs := failures{}
			scope := "issues/" + name
			manifest := filepath.Join(testdata, "issues", name, "issue.toml")
			dir := t.TempDir()
			if _, _, err := build.Build(manifest, filepath.Join(dir, "issue.pdf")); err != nil {
				fs.add(fault{file: scope + "/issue.toml", prop: propBuilds, what: strings.TrimSpace(problemText(err))})
				compare(t, fs, scope)
				return
			}
			b := buildIssue(t, scope, manifest, dir)
			t.Logf("%s: %d documents in %d pages", scope, len(b.files), len(b.is.Book.Pages))
			b.check(t, fs)
			compare(t, fs, scope)
		})
	}
}

// compare checks the faults found in the issue named in against
// knownFailures, both ways.
func compare(t *testing.T, fs failures, in string) {
	t.Helper()
	known := map[string]knownFailure{}
	for _, k := range knownFailures {
		if k.in == in {
			known[k.file+"\x00"+string(k.prop)] = k
		}
	}
	var files []string
	for f := range fs {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		var props []property
		for p := range fs[f] {
			props = append(props, p)
		}
		slices.Sort(props)
		for _, p := range props {
			faults := fs[f][p]
			var lines []string
			for i, x := range faults {
				if i == 5 {
					lines = append(lines, fmt.Sprintf("… and %d more", len(faults)-5))
					break
				}
				lines = append(lines, "  "+x.String())
			}
			k, ok := known[f+"\x00"+string(p)]
			delete(known, f+"\x00"+string(p))
			if ok {
				t.Logf("known failure (issue %d): %s %s: %d faults\n%s", k.fix, f, p, len(faults), strings.Join(lines, "\n"))
				continue
			}
			t.Errorf("%s: %s fails (%d faults):\n%s", f, p, len(faults), strings.Join(lines, "\n"))
		}
	}
	var gone []string
	for _, k := range known {
		gone = append(gone, fmt.Sprintf("%s: %s %s (issue %d)", in, k.file, k.prop, k.fix))
	}
	slices.Sort(gone)
	for _, g := range gone {
		t.Errorf("%s now passes: delete its row from knownFailures", g)
	}
}

// probeNotice is generated text, not a real document: the contact lines of
// a notice with a long URL and an e-mail address, which today's line breaker
// spreads (issue 9). It exists to show that the letter-spacing measure sees
// a spread line in a real PDF.
const probeNotice = `关于开展数据填报工作的通知
各乡镇人民政府：
请各单位登录“县数据直报平台”，网址为https://www.example.gov.cn/zwgk/sjzb/2023/index_5g-suanli_report_form_download.html，按要求填报，联系邮箱为county_statistics_office_2023@example.gov.cn，联系电话0872-3034093。
特此通知。
某县人民政府办公室
2023年6月29日
`

// TestSpacingMeasureSeesSpreadLines builds the probe and checks that the
// read-back flags exactly the justified lines whose runs the layout spread
// by more than a quarter em. When issue 9 lands the probe has no such line
// and the test only says so.
func TestSpacingMeasureSeesSpreadLines(t *testing.T) {
	testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	doc := filepath.Join(dir, "probe.txt")
	if err := os.WriteFile(doc, []byte(probeNotice), 0o644); err != nil {
		t.Fatal(err)
	}
	b := buildIssue(t, "probe", manifestFor(t, dir, []string{"文件"}, map[string][]string{"文件": {doc}}), dir)
	spread, flagged := 0, 0
	for i, g := range b.geoms {
		if g.Folio == 0 {
			continue
		}
		lp := b.is.Book.Pages[i]
		for _, r := range g.AreaRows() {
			if !justified(r, g, b.st) {
				continue
			}
			layoutSays := layoutSpread(r, lp) > maxAddedSpacing+spacingSlack/r.Size
			readBack := len(spacingFaults(r, spacesInLayout(r, lp))) > 0
			if layoutSays {
				spread++
			}
			if readBack {
				flagged++
			}
			if layoutSays != readBack {
				t.Errorf("page %d %q: the layout spread it: %v; the read-back flags it: %v", g.N, pdfread.FirstRunes(r.Text(), 20), layoutSays, readBack)
			}
		}
	}
	t.Logf("probe: %d justified lines spread by more than a quarter em, %d flagged by the read-back", spread, flagged)
}

// TestSpacingMeasureOnAForcedSpread spreads one body line of the probe by
// half an em between glyphs in the layout itself (its run's Tc), renders it
// with the real renderer, and checks that the read-back measures that half
// em — whatever the line breaker does today.
func TestSpacingMeasureOnAForcedSpread(t *testing.T) {
	testtool.Need(t, "pdftotext")
	is, dir := prepareProbe(t)
	const added = 0.5                    // em
	page, baseline, want := -1, 0.0, 0.0 // want: the spread set, in em
	for i, p := range is.Book.Pages {
		if p.Folio == 0 {
			continue
		}
		for k, r := range p.Runs {
			if r.Role != fonts.Fang || utf8.RuneCountInString(r.Text) < 10 || !strings.ContainsFunc(r.Text, isCJK) {
				continue
			}
			p.Runs[k].Spacing += added * r.Size
			page, baseline, want = i, r.Y, p.Runs[k].Spacing/r.Size
			break
		}
		if page >= 0 {
			break
		}
	}
	if page < 0 {
		t.Fatal("the probe has no body line of ten or more 仿宋 glyphs to spread")
	}
	pdf := filepath.Join(dir, "spread.pdf")
	if err := is.Write(build.Editions{Print: pdf}); err != nil {
		t.Fatal(err)
	}
	d := pdfread.Read(t, pdf, is.Book)
	for _, r := range d.Pages[page].Rows {
		if math.Abs(r.Baseline-baseline) > baselineSlack {
			continue
		}
		got := spacingFaults(r, nil)
		var measured float64
		if len(got) == 1 {
			fmt.Sscanf(got[0], "%f em", &measured)
		}
		if math.Abs(measured-want) > 0.02 {
			t.Errorf("a line spread by %.3f em between glyphs reads back as %q", want, got)
		}
		t.Logf("spread %.3f em, measured %.2f em", want, measured)
		return
	}
	t.Errorf("no row of PDF page %d on the spread line's baseline %.2f", page+1, baseline)
}

// TestFaultsPutIntoTheLayoutAreSeen adds to one body page of the probe, in
// the layout itself, a line that overprints another, a line that starts with
// a full stop and a word outside the trim, renders the page with the real
// renderer and checks that each checker sees its fault there and nowhere
// else on the page.
func TestFaultsPutIntoTheLayoutAreSeen(t *testing.T) {
	testtool.Need(t, "pdftotext")
	is, dir := prepareProbe(t)
	st, err := layout.Preset(is.Manifest.Layout.Preset)
	if err != nil {
		t.Fatal(err)
	}
	page := -1
	var body layout.Run
	for i, p := range is.Book.Pages {
		for _, r := range p.Runs {
			if p.Folio > 0 && r.Role == fonts.Fang && utf8.RuneCountInString(r.Text) >= 6 {
				page, body = i, r
				break
			}
		}
		if page >= 0 {
			break
		}
	}
	if page < 0 {
		t.Fatal("the probe has no body line to work on")
	}
	check := func(pdf string) (overlaps, kinsoku, trim []string) {
		d := pdfread.Read(t, pdf, is.Book)
		p := d.Pages[page]
		for _, r := range p.Rows {
			kinsoku = append(kinsoku, kinsokuFaults(r, st)...)
		}
		return overlapFaults(p, d.Box), kinsoku, trimFaults(p)
	}
	clean := filepath.Join(dir, "clean.pdf")
	if err := is.Write(build.Editions{Print: clean}); err != nil {
		t.Fatal(err)
	}
	if o, k, tr := check(clean); len(o)+len(k)+len(tr) > 0 {
		t.Fatalf("the probe's page %d has faults before any is put in: %q %q %q", page+1, o, k, tr)
	}
	lp := is.Book.Pages[page]
	over := body
	over.Y += body.Size / 2 // half a line down: onto the line's own glyphs and the next line's
	start := body
	start.X, start.Y, start.Text = st.Left(lp.Recto), st.Top+18*st.LinePitch, "。这一行以句号开头"
	out := body
	out.X, out.Y, out.Text = -3*body.Size, st.Top+20*st.LinePitch, "出界的字"
	lp.Runs = append(lp.Runs, over, start, out)
	faulty := filepath.Join(dir, "faulty.pdf")
	if err := is.Write(build.Editions{Print: faulty}); err != nil {
		t.Fatal(err)
	}
	o, k, tr := check(faulty)
	if len(o) == 0 {
		t.Errorf("a line set half a line below another: no overlap seen")
	}
	if len(k) != 1 || !strings.Contains(k[0], "“。”") {
		t.Errorf("a line starting with 。: kinsoku sees %q, want one fault", k)
	}
	// pdftotext drops glyphs wholly off the sheet (出界 starts 3 em left of
	// the trim, beyond the bleed); those the sheet still holds are seen. A
	// character lost off the sheet is an in-order fault as well.
	if len(tr) != 1 || !strings.Contains(tr[0], "字") {
		t.Errorf("a word 3 em left of the page: trim sees %q, want one fault", tr)
	}
	t.Logf("seen: %d overlaps, kinsoku %q, trim %q", len(o), k, tr)
}

// prepareProbe lays out an issue of the probe notice alone, in a new
// folder it returns too.
func prepareProbe(t *testing.T) (*build.Issue, string) {
	t.Helper()
	dir := t.TempDir()
	doc := filepath.Join(dir, "probe.txt")
	if err := os.WriteFile(doc, []byte(probeNotice), 0o644); err != nil {
		t.Fatal(err)
	}
	is, err := build.Prepare(manifestFor(t, dir, []string{"文件"}, map[string][]string{"文件": {doc}}))
	if err != nil {
		t.Fatal(err)
	}
	return is, dir
}
