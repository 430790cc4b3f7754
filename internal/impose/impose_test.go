package impose

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"gazette/internal/testtool"
)

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	return testtool.Run(t, name, args...)
}

// numbered writes an A4 PDF of n pages, each showing its page number large.
func numbered(t *testing.T, dir string, n int) string {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 96)
	for i := 1; i <= n; i++ {
		pdf.AddPage()
		pdf.Text(80, 150, strconv.Itoa(i))
	}
	path := filepath.Join(dir, fmt.Sprintf("book%d.pdf", n))
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	return path
}

var numberRE = regexp.MustCompile(`\d+`)

// pageNumbers returns the numbers pdftotext reads on sheet side p, in
// reading order.
func pageNumbers(t *testing.T, pdf string, p int) []int {
	t.Helper()
	text := runTool(t, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdf, "-")
	var out []int
	for _, s := range numberRE.FindAllString(text, -1) {
		n, _ := strconv.Atoi(s)
		out = append(out, n)
	}
	return out
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)"[^>]*>(\d+)</word>`)

// leftToRight returns the numbers on sheet side p ordered by their x
// position on the page as displayed (pdftotext applies /Rotate).
func leftToRight(t *testing.T, pdf string, p int) []int {
	t.Helper()
	html := runTool(t, "pdftotext", "-bbox", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdf, "-")
	type word struct {
		x float64
		n int
	}
	var words []word
	for _, m := range wordRE.FindAllStringSubmatch(html, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		n, _ := strconv.Atoi(m[2])
		words = append(words, word{x, n})
	}
	slices.SortFunc(words, func(a, b word) int { return cmp.Compare(a.x, b.x) })
	out := make([]int, len(words))
	for i, w := range words {
		out[i] = w.n
	}
	return out
}

func TestImposeEightPages(t *testing.T) {
	dir := t.TempDir()
	in := numbered(t, dir, 8)
	out := filepath.Join(dir, "proof.pdf")
	res, err := File(in, out)
	if err != nil {
		t.Fatalf("File: %v", err)
	}
	if want := (Result{Out: out, Pages: 8, Padded: 0, SheetSides: 4}); res != want {
		t.Errorf("result %+v, want %+v", res, want)
	}
	info := runTool(t, "pdfinfo", out)
	if !strings.Contains(info, "Pages:           4") {
		t.Errorf("want 4 sheet sides:\n%s", info)
	}
	// pdfinfo gives the MediaBox before /Rotate: portrait A3 turned a quarter
	// turn is A3 landscape.
	if !strings.Contains(info, "842 x 1191 pts (A3)") || !strings.Contains(info, "Page rot:        270") {
		t.Errorf("want A3 shown landscape (842 x 1191 pts, rot 270):\n%s", info)
	}
	if got := leftToRight(t, out, 1); !slices.Equal(got, []int{8, 1}) {
		t.Errorf("sheet side 1 from left to right: %v, want [8 1]", got)
	}
	// Every side, read upright, carries n,1 / 2,n−1 / n−2,3 / 4,5; the backs
	// are upside down for a duplex printer flipping on the long edge.
	want := [][]int{{8, 1}, {2, 7}, {6, 3}, {4, 5}}
	for i, w := range want {
		if got := pageNumbers(t, out, i+1); !slices.Equal(got, w) {
			t.Errorf("sheet side %d reads %v, want %v", i+1, got, w)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".gazette-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestImposePadsToMultipleOfFour(t *testing.T) {
	dir := t.TempDir()
	res, err := File(numbered(t, dir, 6), "")
	if err != nil {
		t.Fatalf("File: %v", err)
	}
	if res.Pages != 6 || res.Padded != 2 || res.SheetSides != 4 || res.Sheets() != 2 {
		t.Errorf("result %+v", res)
	}
	if res.Out != filepath.Join(dir, "book6-拼版.pdf") {
		t.Errorf("default output %q", res.Out)
	}
	// Pages 7 and 8 are the blanks pdfcpu adds at the end.
	want := [][]int{{1}, {2}, {6, 3}, {4, 5}}
	for i, w := range want {
		if got := pageNumbers(t, res.Out, i+1); !slices.Equal(got, w) {
			t.Errorf("sheet side %d reads %v, want %v", i+1, got, w)
		}
	}
}

func TestImposeFailuresLeaveNoFile(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.pdf")
	if err := os.WriteFile(junk, []byte("这不是 PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	book := numbered(t, dir, 4)
	tests := []struct {
		in, out, want string
	}{
		{junk, filepath.Join(dir, "a.pdf"), "不是可以读取的 PDF"},
		{filepath.Join(dir, "none.pdf"), filepath.Join(dir, "b.pdf"), "无法打开"},
		{book, book, "不能与输入文件相同"},
		{book, filepath.Join(dir, "no-such-dir", "c.pdf"), "创建临时文件"},
	}
	for _, tt := range tests {
		_, err := File(tt.in, tt.out)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("File(%s, %s) = %v, want %q", filepath.Base(tt.in), filepath.Base(tt.out), err, tt.want)
		}
		if tt.out != book {
			if _, err := os.Stat(tt.out); err == nil {
				t.Errorf("a failed run wrote %s", tt.out)
			}
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".gazette-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestDefaultOut(t *testing.T) {
	for in, want := range map[string]string{
		"issue.pdf":        "issue-拼版.pdf",
		"a/b/第4期.PDF":      "a/b/第4期-拼版.pdf",
		"noext":            "noext-拼版.pdf",
		"dir.v2/issue.pdf": "dir.v2/issue-拼版.pdf",
	} {
		if got := DefaultOut(in); got != want {
			t.Errorf("DefaultOut(%q) = %q, want %q", in, got, want)
		}
	}
}

// dated writes an A4 PDF of 4 pages whose CreationDate is created, or that
// has none when created is zero.
func dated(t *testing.T, dir string, created time.Time) string {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 96)
	if !created.IsZero() {
		pdf.SetCreationDate(created)
	}
	for i := 1; i <= 4; i++ {
		pdf.AddPage()
		pdf.Text(80, 150, strconv.Itoa(i))
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if created.IsZero() { // an unknown key of the same length keeps the xref right
		data = bytes.ReplaceAll(data, []byte("/CreationDate"), []byte("/CreationDatX"))
	}
	path := filepath.Join(dir, "dated.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImposeIsReproducible imposes the same input twice: the proofs must be
// the same bytes, a valid PDF, dated from the input, else SOURCE_DATE_EPOCH,
// else the Unix epoch.
func TestImposeIsReproducible(t *testing.T) {
	issued := time.Date(2023, 4, 30, 9, 15, 0, 0, time.FixedZone("CST", 8*3600))
	tests := []struct {
		name    string
		created time.Time // the input's CreationDate; zero: none
		epoch   string    // SOURCE_DATE_EPOCH
		want    string    // the proof's CreationDate
	}{
		{name: "input CreationDate", created: issued, epoch: "1700000000", want: "D:20230430091500"}, // fpdf writes no time zone
		{name: "SOURCE_DATE_EPOCH", epoch: "1700000000", want: "D:20231114221320+00'00'"},
		{name: "neither: the epoch", want: "D:19700101000000+00'00'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(epochVar, tt.epoch)
			dir := t.TempDir()
			in := dated(t, dir, tt.created)
			var proofs [][]byte
			for _, name := range []string{"a.pdf", "b.pdf"} {
				out := filepath.Join(dir, name)
				if _, err := File(in, out); err != nil {
					t.Fatalf("File: %v", err)
				}
				data, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				proofs = append(proofs, data)
			}
			if !bytes.Equal(proofs[0], proofs[1]) {
				t.Fatalf("two proofs of the same input differ (%d and %d bytes)", len(proofs[0]), len(proofs[1]))
			}
			ctx, err := readAndValidate(bytes.NewReader(proofs[0]), model.NewDefaultConfiguration())
			if err != nil {
				t.Fatalf("the proof does not read back: %v", err)
			}
			if got, ok := infoDate(ctx); !ok || got != tt.want {
				t.Errorf("CreationDate %q (%v), want %q", got, ok, tt.want)
			}
			if len(ctx.ID) != 2 || ctx.ID[1] != proofID(mustRead(t, in)) {
				t.Errorf("file ID %v, want the input's digest second", ctx.ID)
			}
			if qpdf := runTool(t, "qpdf", "--check", filepath.Join(dir, "a.pdf")); !strings.Contains(qpdf, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", qpdf)
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
