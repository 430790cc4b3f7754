package volume

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"gazette/internal/diag"
	"gazette/internal/preflight"
	"gazette/internal/testtool"
)

const (
	sampleDir = "../../samples/changjiang-2023-04"
	kindsDir  = "../../testdata/issues/kinds"
)

var (
	numberRE = regexp.MustCompile(`(?m)^number = [0-9]+`)
	serialRE = regexp.MustCompile(`(?m)^serial = [0-9]+`)
	yearRE   = regexp.MustCompile(`(?m)^year = [0-9]+`)
)

// copyIssue copies the issue in src (its files, not its PDFs) to
// root/name, giving it the year, number and serial, and returns the
// manifest's path relative to root.
func copyIssue(t testing.TB, src, root, name string, year, number, serial int, edit func(string) string) string {
	t.Helper()
	dst := filepath.Join(root, name)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".pdf") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "issue.toml" {
			s := yearRE.ReplaceAllString(string(data), "year = "+strconv.Itoa(year))
			s = numberRE.ReplaceAllString(s, "number = "+strconv.Itoa(number))
			s = serialRE.ReplaceAllString(s, "serial = "+strconv.Itoa(serial))
			if edit != nil {
				s = edit(s)
			}
			data = []byte(s)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return name + "/issue.toml"
}

// sampleName gives an issue the sample gazette's name: a volume binds one
// gazette.
func sampleName(s string) string {
	return regexp.MustCompile(`(?m)^name = ".*"`).ReplaceAllString(s, `name = "昌江区人民政府公报"`)
}

// writeVolume writes root/volume.toml listing issues.
func writeVolume(t testing.TB, root string, issues []string, extra string) string {
	t.Helper()
	q := make([]string, len(issues))
	for i, p := range issues {
		q[i] = strconv.Quote(p)
	}
	text := "[volume]\ntitle = \"昌江区人民政府公报2023年合订本\"\nissues = [\n  " + strings.Join(q, ",\n  ") + ",\n]\n" + extra
	path := filepath.Join(root, "volume.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// fourIssues is a year of three copies of the sample, numbered 1 to 3, and
// the issue of ten kinds of document as number 4.
func fourIssues(t testing.TB, root string) string {
	var issues []string
	for n := 1; n <= 3; n++ {
		issues = append(issues, copyIssue(t, sampleDir, root, fmt.Sprintf("2023-%02d", n), 2023, n, 10+n, nil))
	}
	issues = append(issues, copyIssue(t, kindsDir, root, "2023-04", 2023, 4, 14, sampleName))
	return writeVolume(t, root, issues, "")
}

// cut removes white space, so that a title the page wraps reads whole.
func cut(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

type bookmark struct {
	Title string     `json:"title"`
	Page  int        `json:"destpageposfrom1"`
	Kids  []bookmark `json:"kids"`
}

func TestVolumeReadBack(t *testing.T) {
	testtool.Need(t, "pdftotext")
	root := t.TempDir()
	path := fourIssues(t, root)
	v, err := Prepare(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "合订本.pdf")
	if err := v.Write(out); err != nil {
		t.Fatal(err)
	}

	// pages: the front matter, every issue as printed, the padding
	sum := 0
	for _, is := range v.Issues {
		sum += len(is.Book.Pages)
	}
	want := v.Layout.FrontPages + sum + v.Padding.Added
	info := testtool.Run(t, "pdfinfo", out)
	if m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info); m == nil || m[1] != strconv.Itoa(want) {
		t.Fatalf("pdfinfo pages = %v, want %d front + %d of the issues + %d blank", m, v.Layout.FrontPages, sum, v.Padding.Added)
	}
	if want%4 != 0 {
		t.Errorf("%d pages, not a multiple of four", want)
	}

	// every 总目录 entry: its volume page shows its title and that number in the foot
	pages := strings.Split(testtool.Run(t, "pdftotext", "-enc", "UTF-8", out, "-"), "\f")
	if len(v.Layout.Entries) != 3*5+10 {
		t.Errorf("%d entries in the 总目录, want 25", len(v.Layout.Entries))
	}
	toc := cut(strings.Join(pages[:v.Layout.FrontPages], ""))
	for _, e := range v.Layout.Entries {
		page := cut(pages[v.Layout.FrontPages+e.VolumePage-1])
		if !strings.Contains(page, cut(e.Title)) {
			t.Errorf("volume page %d lacks the title %q of its 总目录 entry", e.VolumePage, e.Title)
		}
		if !strings.Contains(page, "合订本"+strconv.Itoa(e.VolumePage)) {
			t.Errorf("volume page %d does not carry its number in the foot", e.VolumePage)
		}
		ref := fmt.Sprintf("第%d期", e.Issue.Number)
		if e.DocNumber != "" {
			ref = "（" + e.DocNumber + "）" + ref
		}
		if !strings.Contains(toc, cut(ref)) {
			t.Errorf("the 总目录 lacks %q", ref)
		}
		if !strings.Contains(toc, fmt.Sprintf("（%d）", e.VolumePage)) {
			t.Errorf("the 总目录 lacks the page （%d）", e.VolumePage)
		}
	}

	// bookmarks: the 总目录, then one per issue with its documents under it
	var doc struct {
		Outlines []bookmark `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(testtool.Run(t, "qpdf", "--json", "--json-key=outlines", out)), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Outlines) != 1+len(v.Issues) {
		t.Fatalf("%d top-level bookmarks, want the 总目录 and %d issues", len(doc.Outlines), len(v.Issues))
	}
	for i, is := range v.Issues {
		bm := doc.Outlines[i+1]
		if wantTitle := fmt.Sprintf("2023年第%d期", i+1); !strings.HasPrefix(bm.Title, wantTitle) {
			t.Errorf("bookmark %q, want it to name %s", bm.Title, wantTitle)
		}
		if bm.Page != v.Layout.IssueStart[i]+1 {
			t.Errorf("issue %d's bookmark goes to page %d, want %d", i+1, bm.Page, v.Layout.IssueStart[i]+1)
		}
		var titles []string
		var walk func([]bookmark)
		walk = func(bs []bookmark) {
			for _, b := range bs {
				titles = append(titles, b.Title)
				walk(b.Kids)
			}
		}
		walk(bm.Kids)
		for _, d := range is.Documents() {
			if !contains(titles, cut(d.Title())) {
				t.Errorf("issue %d's bookmark has no %q under it (%q)", i+1, d.Title(), titles)
			}
		}
	}

	// fonts embedded; the print shop's check passes
	for _, l := range strings.Split(testtool.Run(t, "pdffonts", out), "\n")[2:] {
		// columns: name, type (may be two words), encoding, emb, sub, uni, object, generation
		if f := strings.Fields(l); len(f) >= 8 && f[len(f)-5] != "yes" {
			t.Errorf("a font is not embedded: %s", l)
		}
	}
	rep, err := preflight.Check(out, preflight.Options{MaxSaddle: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if rep.HasErrors() {
		for _, f := range rep.Findings {
			t.Log(f)
		}
		t.Error("preflight finds errors in the volume")
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if cut(x) == s {
			return true
		}
	}
	return false
}

// TestVolumeByKind groups the 总目录 by the kind each title names.
func TestVolumeByKind(t *testing.T) {
	root := t.TempDir()
	a := copyIssue(t, sampleDir, root, "a", 2023, 1, 1, nil)
	b := copyIssue(t, kindsDir, root, "b", 2023, 2, 2, sampleName)
	v, err := Prepare(writeVolume(t, root, []string{a, b}, "order = \"kind\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var groups []string
	for _, e := range v.Layout.Entries {
		if len(groups) == 0 || groups[len(groups)-1] != e.Group {
			for _, g := range groups {
				if g == e.Group {
					t.Fatalf("group %q comes twice in the 总目录", g)
				}
			}
			groups = append(groups, e.Group)
		}
	}
	for _, g := range []string{"通知", "批复", otherKind} {
		if !contains(groups, g) {
			t.Errorf("no group %q in %q", g, groups)
		}
	}
}

// TestVolumeSameBytes builds the volume with one and with two workers: the
// PDF must not depend on which issue finished first.
func TestVolumeSameBytes(t *testing.T) {
	root := t.TempDir()
	path := fourIssues(t, root)
	build := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		v, err := Prepare(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(root, fmt.Sprintf("v%d.pdf", procs))
		if err := v.Write(out); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	one, two := build(1), build(2)
	if !bytes.Equal(one, two) {
		t.Error("the volume built with GOMAXPROCS=1 and 2 differs")
	}
}

// TestVolumeProgress sees each issue counted once, up to n.
func TestVolumeProgress(t *testing.T) {
	root := t.TempDir()
	path := fourIssues(t, root)
	var seen []int
	if _, err := Prepare(path, func(done, n int) {
		if n != 4 {
			t.Errorf("n = %d, want 4", n)
		}
		seen = append(seen, done)
	}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != "[1 2 3 4]" {
		t.Errorf("progress %v, want [1 2 3 4]", seen)
	}
}

// TestVolumeRefusesOtherSettings: an issue on another trim, or with other
// fonts, is named with the key and its line.
func TestVolumeRefusesOtherSettings(t *testing.T) {
	for _, tc := range []struct {
		name, edit, key string
		line            int
	}{
		{"trim", "[print]\ntrim = \"正16开\"\n", "[print] trim", 0},
		{"fonts", "[fonts]\nfang = " + strconv.Quote(kaiFile(t)) + "\n", "[fonts] fang", 0},
		{"preset", "", "[layout] preset", 52},
		{"gazette", "", "[gazette] name", 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			a := copyIssue(t, sampleDir, root, "a", 2023, 1, 1, nil)
			b := copyIssue(t, sampleDir, root, "b", 2023, 2, 2, func(s string) string {
				switch tc.name {
				case "preset":
					return strings.Replace(s, `preset = "gbt9704"`, `preset = "compact"`, 1)
				case "gazette":
					return strings.Replace(s, `name = "昌江区人民政府公报"`, `name = "某某县人民政府公报"`, 1)
				}
				return s + tc.edit
			})
			_, err := Prepare(writeVolume(t, root, []string{a, b}, ""), nil)
			if err == nil {
				t.Fatal("no error")
			}
			ps := diag.Problems(err)
			if len(ps) != 1 || !strings.Contains(ps[0].Msg, tc.key) || !strings.HasSuffix(ps[0].File, "b/issue.toml") || ps[0].Line == 0 {
				t.Fatalf("error %v, want one problem naming %s in b/issue.toml at its line", err, tc.key)
			}
			if tc.line != 0 && ps[0].Line != tc.line {
				t.Errorf("line %d, want %d", ps[0].Line, tc.line)
			}
			if !strings.Contains(err.Error(), "第2期") {
				t.Errorf("%v does not say which issue", err)
			}
		})
	}
}

func TestConfigProblems(t *testing.T) {
	root := t.TempDir()
	a := copyIssue(t, sampleDir, root, "a", 2023, 1, 1, nil)
	for _, tc := range []struct {
		name, text, want string
		line             int
	}{
		{"unknown key", "[volume]\ntitle = \"合订本\"\nissues = [\"a/issue.toml\"]\norde = \"kind\"\n", "orde", 4},
		{"no title", "[volume]\nissues = [\"a/issue.toml\"]\n", "title", 0},
		{"bad order", "[volume]\ntitle = \"合订本\"\nissues = [\"a/issue.toml\"]\norder = \"date\"\n", "date", 4},
		{"missing issue", "[volume]\ntitle = \"合订本\"\nissues = [\n  \"a/issue.toml\",\n  \"b/issue.toml\",\n]\n", "b/issue.toml", 5},
		{"twice", "[volume]\ntitle = \"合订本\"\nissues = [\"a/issue.toml\", \"./a/issue.toml\"]\n", "两次", 3},
		{"no issues", "[volume]\ntitle = \"合订本\"\nissues = []\n", "issues", 3},
		{"syntax", "[volume]\ntitle = \"合订本\nissues = []\n", "格式有误", 2},
		{"issues not a list", "[volume]\ntitle = \"合订本\"\nissues = \"a/issue.toml\"\n", "列表", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig(filepath.Join(root, "volume.toml"), []byte(tc.text))
			ps := diag.Problems(err)
			if len(ps) == 0 {
				t.Fatalf("err = %v, want a problem", err)
			}
			p := ps[0]
			if !strings.Contains(p.Error(), tc.want) {
				t.Errorf("%v does not name %q", p, tc.want)
			}
			if tc.line != 0 && p.Line != tc.line {
				t.Errorf("line %d, want %d (%v)", p.Line, tc.line, p)
			}
			if !containsHan(p.Msg) {
				t.Errorf("message %q is not in Chinese", p.Msg)
			}
		})
	}
	_ = a
}

// kaiFile is the bundled 楷体 file, to name as another role's face.
func kaiFile(t *testing.T) string {
	p, err := filepath.Abs("../../fonts/data/FandolKai-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func containsHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("[volume]\ntitle = \"合订本\"\nissues = [\"a/issue.toml\"]\norder = \"kind\"\n"))
	f.Add([]byte("[volume]\ntitle = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ParseConfig(filepath.Join(t.TempDir(), "volume.toml"), data)
	})
}

func TestSafely(t *testing.T) {
	if err := safely(func() error { panic("boom") }); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("safely lost the panic: %v", err)
	}
	if err := safely(func() error { return nil }); err != nil {
		t.Error(err)
	}
}
