package main

import (
	"crypto/sha256"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gazette/internal/build"
	"gazette/internal/model"
	"gazette/internal/testtool"
	"gazette/internal/testtool/pdfread"
)

const sample = "../../samples/changjiang-2023-04/issue.toml"

// tool and runTool are testtool's, under the names these tests use.
func tool(t *testing.T, name string) string { t.Helper(); return testtool.Need(t, name) }

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	return testtool.Run(t, name, args...)
}

// copySample copies the sample issue's files (not its PDFs) into a new
// temporary folder, passing issue.toml's bytes through edit, and returns
// the copied manifest's path.
func copySample(t *testing.T, edit func([]byte) []byte) string {
	t.Helper()
	return testtool.CopySample(t, filepath.Dir(sample), edit)
}

var program struct {
	once sync.Once
	path string
	out  []byte
	err  error
}

// programBinary is the gazette program, built once per test binary with the
// test hook (-tags gazette_testhook) and the Makefile's tags, for the tests
// that run it as a process.
func programBinary(t *testing.T) string {
	t.Helper()
	program.once.Do(func() {
		program.path = filepath.Join(rbTestRoot, "gazette")
		program.out, program.err = exec.Command("go", "build", "-tags", "gazette_testhook,urfave_cli_no_docs,netgo", "-o", program.path, ".").CombinedOutput()
	})
	if program.err != nil {
		t.Fatalf("go build: %v\n%s", program.err, program.out)
	}
	return program.path
}

// buildSample returns the sample issue, built once per test binary
// (cachedSample in readback_test.go); callers only read it.
func buildSample(t *testing.T) (*build.Issue, string) {
	t.Helper()
	return cachedSample(t)
}

// buildSampleFresh builds the sample issue anew into the test's temp dir.
func buildSampleFresh(t *testing.T) (*build.Issue, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "issue.pdf")
	is, _, err := build.Build(sample, out)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return is, out
}

var folioRE = regexp.MustCompile(`—\d+—`)

// bodyText is the text of the body pages, without running heads and folios.
func bodyText(t *testing.T, pdf string, is *build.Issue) string {
	text := runTool(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
	pages := strings.Split(text, "\f")
	front := 0
	for i, p := range is.Book.Pages {
		if p.Folio == 0 {
			front = i + 1
		}
	}
	body := pdfread.Squeeze(strings.Join(pages[front:], ""))
	m := is.Manifest.Issue
	body = strings.ReplaceAll(body, pdfread.Squeeze(m.Gazette.Name+"　2023年第4期"), "")
	for _, s := range m.Sections {
		body = strings.ReplaceAll(body, s.Title, "")
	}
	return folioRE.ReplaceAllString(body, "")
}

func blockText(b model.Block) string {
	if b.Kind == model.DocNumber {
		return "（" + b.Text + "）"
	}
	return b.Text
}

func TestSampleTextComesBackOut(t *testing.T) {
	is, pdf := buildSample(t)
	body := bodyText(t, pdf, is)
	pos := 0
	for _, d := range is.Documents() {
		for _, b := range d.Blocks {
			if b.Kind == model.TableBlock {
				for _, c := range b.Table.Cells {
					if !strings.Contains(body, pdfread.Squeeze(c.Text)) {
						t.Errorf("%s: table cell %q not in the PDF", d.Source, c.Text)
					}
				}
				continue
			}
			want := pdfread.Squeeze(blockText(b))
			if want == "" {
				continue
			}
			i := strings.Index(body[pos:], want)
			if i < 0 {
				t.Errorf("%s line %d: %s text not found after offset %d:\n%s", d.Source, b.Line, b.Kind, pos, want)
				continue
			}
			pos += i + len(want)
		}
	}
}

func TestSampleFontsEmbedded(t *testing.T) {
	_, pdf := buildSample(t)
	out := runTool(t, "pdffonts", pdf)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3+5 {
		t.Fatalf("pdffonts lists %d fonts, want ≥ 5:\n%s", len(lines)-2, out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		if f[len(f)-3] != "yes" {
			t.Errorf("font without ToUnicode: %s", l)
		}
		// A subset's name is its tag and the font's PostScript name
		// (ISO 32000-1 9.6.4); pdffonts says "sub yes" for it.
		if f[len(f)-4] != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(f[0]) {
			t.Errorf("font is no tagged subset: %s", l)
		}
	}
	for _, want := range []string{"FandolFang-Regular", "FandolHei-Regular", "FandolKai-Regular",
		"FandolSong-Bold", "TeXGyreTermes-Regular", "FandolSong-Regular"} {
		if !strings.Contains(out, "+"+want+" ") {
			t.Errorf("no %s font in the PDF:\n%s", want, out)
		}
	}
}

func TestSamplePassesQPDF(t *testing.T) {
	_, pdf := buildSample(t)
	out := runTool(t, "qpdf", "--check", pdf)
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestSampleIsByteIdentical(t *testing.T) {
	_, a := buildSample(t)
	_, b := buildSampleFresh(t)
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if sha256.Sum256(da) != sha256.Sum256(db) {
		t.Error("two builds of the same inputs differ")
	}
}

func TestSamplePageInfo(t *testing.T) {
	is, pdf := buildSample(t)
	out := runTool(t, "pdfinfo", "-box", pdf)
	if !strings.Contains(out, "Title:           昌江区人民政府公报 2023年第4期") {
		t.Errorf("title missing:\n%s", out)
	}
	// The print edition is A4 plus the bleed; the TrimBox is the finished A4.
	m := regexp.MustCompile(`TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no TrimBox:\n%s", out)
	}
	var v [4]float64
	for i := range v {
		v[i], _ = strconv.ParseFloat(m[i+1], 64)
	}
	w, h := v[2]-v[0], v[3]-v[1]
	if math.Abs(w-210/25.4*72) > 0.02 || math.Abs(h-297/25.4*72) > 0.02 {
		t.Errorf("TrimBox is %.3f x %.3f pt, want A4 595.276 x 841.890", w, h)
	}
	if !strings.Contains(out, "Pages:           "+strconv.Itoa(len(is.Book.Pages))) {
		t.Errorf("page count differs from the layout's %d:\n%s", len(is.Book.Pages), out)
	}
}
