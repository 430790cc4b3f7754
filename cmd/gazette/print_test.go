package main

// End-to-end tests of the print edition (issue.toml [print]) and the web
// edition, read back with poppler's pdfinfo, qpdf and Ghostscript.

import (
	"bytes"
	"crypto/sha256"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"gazette/internal/build"
)

const mmPt = 72 / 25.4

// sampleWithPrint copies the sample issue into a temp dir with table
// appended to its issue.toml and returns the new manifest's path.
func sampleWithPrint(t *testing.T, table string) string {
	t.Helper()
	return copySample(t, func(data []byte) []byte { return append(data, "\n"+table+"\n"...) })
}

// buildEditions builds the print edition (and the web edition beside it).
func buildEditions(t *testing.T, table string) (is *build.Issue, printPDF, web string) {
	t.Helper()
	m := sampleWithPrint(t, table)
	printPDF = build.DefaultOutput(m)
	web = build.WebOutput(printPDF)
	is, err := build.BuildEditions(m, build.Editions{Print: printPDF, Web: web})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return is, printPDF, web
}

// boxSet are a page's boxes as pdfinfo -box prints them: llx lly urx ury.
type boxSet map[string][4]float64

var pdfinfoBoxRE = regexp.MustCompile(`(?m)^Page\s+(\d+) (MediaBox|CropBox|BleedBox|TrimBox|ArtBox):\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)`)

// readBoxes runs pdfinfo -box over every page.
func readBoxes(t *testing.T, pdf string, pages int) []boxSet {
	t.Helper()
	out := runTool(t, "pdfinfo", "-box", "-f", "1", "-l", strconv.Itoa(pages), pdf)
	boxes := make([]boxSet, pages)
	for _, m := range pdfinfoBoxRE.FindAllStringSubmatch(out, -1) {
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > pages {
			continue
		}
		var b [4]float64
		for i := range b {
			b[i], _ = strconv.ParseFloat(m[3+i], 64)
		}
		if boxes[n-1] == nil {
			boxes[n-1] = boxSet{}
		}
		boxes[n-1][m[2]] = b
	}
	for i, b := range boxes {
		if len(b) < 3 {
			t.Fatalf("pdfinfo -box shows no boxes for page %d:\n%s", i+1, out)
		}
	}
	return boxes
}

func inside(outer, inner [4]float64) bool {
	return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3]
}

func pageCount(t *testing.T, pdf string) int {
	t.Helper()
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(runTool(t, "pdfinfo", pdf))
	if m == nil {
		t.Fatalf("pdfinfo gives no page count for %s", pdf)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestPrintEditionBoxesForEachTrim(t *testing.T) {
	t.Parallel() // three builds of its own, read with pdfinfo
	tests := []struct {
		name  string
		table string
		w, h  float64 // mm
		bleed float64 // mm
		media float64 // mm of media around the trim
	}{
		{"A4 (default)", "", 210, 297, 3, 3},
		{"大16开", "[print]\ntrim = \"大16开\"", 210, 285, 3, 3},
		{"正16开 with crop marks", "[print]\ntrim = \"正16开\"\ncrop_marks = true", 185, 260, 3, 13},
		{"custom 148 × 210, 5 mm bleed", "[print]\ntrim = [148, 210]\nbleed = 5", 148, 210, 5, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is, printPDF, web := buildEditions(t, tt.table)
			n := pageCount(t, printPDF)
			if n != len(is.Book.Pages) || n%4 != 0 {
				t.Errorf("%d pages (layout %d), want a multiple of 4 for saddle stitching", n, len(is.Book.Pages))
			}
			for i, b := range readBoxes(t, printPDF, n) {
				media, bleed, trim := b["MediaBox"], b["BleedBox"], b["TrimBox"]
				if !inside(media, bleed) || !inside(bleed, trim) {
					t.Fatalf("page %d: MediaBox %v ⊇ BleedBox %v ⊇ TrimBox %v does not hold", i+1, media, bleed, trim)
				}
				if w, h := trim[2]-trim[0], trim[3]-trim[1]; math.Abs(w-tt.w*mmPt) > 0.011 || math.Abs(h-tt.h*mmPt) > 0.011 {
					t.Errorf("page %d: TrimBox %.2f × %.2f pt, want %g × %g mm = %.2f × %.2f", i+1, w, h, tt.w, tt.h, tt.w*mmPt, tt.h*mmPt)
				}
				if d := trim[0] - bleed[0]; math.Abs(d-tt.bleed*mmPt) > 0.011 {
					t.Errorf("page %d: bleed %.2f pt, want %g mm", i+1, d, tt.bleed)
				}
				if d := trim[0] - media[0]; math.Abs(d-tt.media*mmPt) > 0.011 {
					t.Errorf("page %d: media %.2f pt around the trim, want %g mm", i+1, d, tt.media)
				}
			}
			for i, b := range readBoxes(t, web, pageCount(t, web)) {
				media, trim := b["MediaBox"], b["TrimBox"]
				if media != trim || math.Abs(media[2]-tt.w*mmPt) > 0.011 || math.Abs(media[3]-tt.h*mmPt) > 0.011 || media[0] != 0 {
					t.Errorf("web page %d: MediaBox %v TrimBox %v, want both the trim %g × %g mm", i+1, media, trim, tt.w, tt.h)
				}
			}
			if out := runTool(t, "qpdf", "--check", printPDF); !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
		})
	}
}

// inkRE matches a line of Ghostscript's inkcov device: C M Y K coverage.
var inkRE = regexp.MustCompile(`(?m)^\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+CMYK OK`)

func TestBodyPagesPrintInBlackOnly(t *testing.T) {
	t.Parallel() // a build of its own and a Ghostscript run
	is, printPDF, _ := buildEditions(t, "")
	out := runTool(t, "gs", "-q", "-o", "-", "-sDEVICE=inkcov", printPDF)
	lines := inkRE.FindAllStringSubmatch(out, -1)
	if len(lines) != len(is.Book.Pages) {
		t.Fatalf("inkcov reports %d pages, the book has %d:\n%s", len(lines), len(is.Book.Pages), out)
	}
	red := 0
	for i, l := range lines {
		p := is.Book.Pages[i]
		cmy := l[1] + " " + l[2] + " " + l[3]
		if p.Folio > 0 && cmy != "0.00000 0.00000 0.00000" {
			t.Errorf("body page %d (folio %d) uses colour ink: C M Y = %s", i+1, p.Folio, cmy)
		}
		if l[1] != "0.00000" {
			t.Errorf("page %d uses cyan (%s): red is M + Y, black is K", i+1, l[1])
		}
		if p.Folio == 0 && l[2] != "0.00000" {
			red++
		}
	}
	if red < 2 {
		t.Errorf("the cover and the 目录 should print red (M + Y); %d front pages do", red)
	}
}

func TestPrintEditionWithCropMarksIsByteIdentical(t *testing.T) {
	m := sampleWithPrint(t, "[print]\ncrop_marks = true\noutput_condition = \"JC200103\"")
	var sums [][32]byte
	for i := 0; i < 2; i++ {
		out := filepath.Join(t.TempDir(), "issue.pdf")
		if _, _, err := build.Build(m, out); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("1 1 1 1 K")) || !bytes.Contains(data, []byte("(JC200103)")) {
			t.Fatal("no crop marks or no JC200103 output intent in the PDF")
		}
		sums = append(sums, sha256.Sum256(data))
	}
	if sums[0] != sums[1] {
		t.Error("two builds with crop marks differ")
	}
}

func TestPrintEditionIsPDFX1a(t *testing.T) {
	t.Parallel() // a build of its own and a Ghostscript run
	_, printPDF, _ := buildEditions(t, "")
	out := runTool(t, "pdfinfo", printPDF)
	for _, want := range []string{"PDF version:     1.3", "PDF subtype:    PDF/X-1:2001", "Standard:      ISO 15930-1"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	data, err := os.ReadFile(printPDF)
	if err != nil {
		t.Fatal(err)
	}
	for _, banned := range []string{"/Transparency", "/SMask", "/DeviceRGB", "/Subtype /Link"} {
		if bytes.Contains(data, []byte(banned)) {
			t.Errorf("the print PDF contains %s", banned)
		}
	}
	model.ConfigPath = "disable" // no pdfcpu config directory in the tester's home
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(data), conf); err != nil {
		t.Errorf("pdfcpu validate (strict): %v", err)
	}
	// Ghostscript only reads: it proves the file renders, not that it conforms.
	gs := exec.Command(tool(t, "gs"), "-q", "-dPDFSTOPONERROR", "-dPDFSTOPONWARNING", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", printPDF)
	if msg, err := gs.CombinedOutput(); err != nil || len(bytes.TrimSpace(msg)) > 0 {
		t.Errorf("Ghostscript: %v\n%s", err, msg)
	}
}

func TestCLIBuildWebAndPadding(t *testing.T) {
	// Without its last report (3 pages) the sample has 4 + 29 pages: three
	// blank pages make it a multiple of 4.
	m := copySample(t, func(data []byte) []byte {
		data = bytes.Replace(data, []byte(`"05-第33次常务会议.txt",`), nil, 1)
		return append(data, "\n[print]\nsaddle_max_pages = 16\n"...)
	})
	var stdout, stderr bytes.Buffer
	if code := run([]string{"gazette", "build", "--web", m}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"骑马钉要求总页数是 4 的倍数：已在末尾补了 3 个空白页（第 34 页起）", "超过骑马钉能订牢的 16 页", "平装胶订",
		"已生成网络版 " + filepath.Join(filepath.Dir(m), "issue-web.pdf"), "成品尺寸 A4"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	web, err := os.ReadFile(filepath.Join(filepath.Dir(m), "issue-web.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(web, []byte("/Subtype /Link")) || !bytes.Contains(web, []byte("/Outlines")) {
		t.Error("the web edition lost its links or bookmarks")
	}
	if bytes.Contains(web, []byte("GTS_PDFX")) || bytes.Contains(web, []byte("1 1 1 1 K")) {
		t.Error("the web edition carries print structure")
	}
}

func TestCLIRejectsATrimTooSmall(t *testing.T) {
	m := sampleWithPrint(t, "[print]\ntrim = [60, 80]")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"gazette", "build", m}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	data, err := os.ReadFile(m)
	if err != nil {
		t.Fatal(err)
	}
	line := strconv.Itoa(strings.Count(string(data[:bytes.Index(data, []byte("trim ="))]), "\n") + 1)
	if msg := stderr.String(); !strings.Contains(msg, "太小") || !strings.Contains(msg, "第"+line+"行") {
		t.Errorf("stderr %q, want the trim's line %s and 太小", msg, line)
	}
	if _, err := os.Stat(build.DefaultOutput(m)); err == nil {
		t.Error("a failed build left a PDF behind")
	}
}
