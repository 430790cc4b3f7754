package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// System fonts the tests use when installed, with their Debian packages.
const (
	gbsnPath      = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf" // fonts-arphic-gbsn00lp
	gbsnPkg       = "fonts-arphic-gbsn00lp"
	microHeiPath  = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc" // fonts-wqy-microhei
	microHeiPkg   = "fonts-wqy-microhei"
	umingPath     = "/usr/share/fonts/truetype/arphic/uming.ttc" // fonts-arphic-uming
	umingPkg      = "fonts-arphic-uming"
	dejavuPath    = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf" // fonts-dejavu-core
	dejavuPkg     = "fonts-dejavu-core"
	popplerPkg    = "poppler-utils"
	sampleHanzi   = "关于印发国务院年度立法工作计划的通知各省自治区直辖市人民政府镒瀚"
	samplePunct   = "，。、“”《》〔〕——……·：；！？（）"
	sampleLatin   = "0123456789 ABCXYZ abcxyz"
	sampleGazette = "国务院关于印发《2024年立法工作计划》的通知〔2024〕3号——各地区、各部门：“要求”……·"
)

// fixedTime makes the test PDFs reproducible.
var fixedTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// needFile returns path, or skips the test when it is absent — except under
// CI=true, where the CI script installs pkg and a missing file is a failure.
func needFile(t testing.TB, path, pkg string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (CI=true): install Debian package %s", path, pkg)
		}
		t.Skipf("%s not installed (Debian package %s); skipping", path, pkg)
	}
	return path
}

// needTool returns the path of a command, under the same rule as needFile.
func needTool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (CI=true): install Debian package %s", name, pkg)
		}
		t.Skipf("%s not installed (Debian package %s); skipping", name, pkg)
	}
	return p
}

// builtinSet is one Set of the bundled faces shared by the tests.
var builtinSet = sync.OnceValue(func() *Set {
	s, err := Load(nil)
	if err != nil {
		panic(err)
	}
	return s
})

// face returns a bundled face.
func face(t testing.TB, r Role) *Face {
	t.Helper()
	f, err := builtinSet().Face(r)
	if err != nil {
		t.Fatalf("Face(%s): %v", r.Key(), err)
	}
	return f
}

// sourcePath is the upstream CFF font the bundled face of role r is
// generated from (data/src), which the tests load as a user's OTF.
func sourcePath(r Role) string { return filepath.Join("data", "src", builtins[r].src) }

// sourceFont reads the upstream CFF font of role r.
func sourceFont(t testing.TB, r Role) []byte {
	t.Helper()
	b, err := os.ReadFile(sourcePath(r))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sourceFace loads the upstream CFF font of role r as a user's font.
func sourceFace(t testing.TB, r Role) *Face {
	t.Helper()
	f, err := userFace(t, Source{Path: sourcePath(r)})
	if err != nil {
		t.Fatalf("loading %s: %v", sourcePath(r), err)
	}
	return f
}

// userFace loads one role from src.
func userFace(t testing.TB, src Source) (*Face, error) {
	t.Helper()
	s, err := Load(Config{Song: src})
	if err != nil {
		return nil, err
	}
	return s.Face(Song)
}

// problem asserts that err is (or wraps) a *FontError whose text holds
// every want string, and returns it.
func problem(t *testing.T, err error, want ...string) *FontError {
	t.Helper()
	var p *FontError
	if !errors.As(err, &p) {
		t.Fatalf("error %v (%T) is not a *FontError", err, err)
	}
	for _, w := range want {
		if !strings.Contains(p.Error(), w) {
			t.Errorf("problem %q lacks %q", p.Error(), w)
		}
	}
	return p
}

// covered keeps the runes of s the face covers, in order.
func covered(f *Face, s string) string {
	var b strings.Builder
	for _, r := range s {
		if f.Covers(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pdfWith embeds font and sets text in it at size points; it fails the test
// if fpdf rejects the font (which fpdf reports only on stdout).
func pdfWith(t *testing.T, font []byte, text string, size float64) *fpdf.Fpdf {
	t.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCreationDate(fixedTime)
	pdf.SetModificationDate(fixedTime)
	pdf.AddUTF8FontFromBytes("sub", "", font)
	if err := pdf.Error(); err != nil {
		t.Fatalf("AddUTF8FontFromBytes: %v", err)
	}
	pdf.AddPage()
	pdf.SetFont("sub", "", size)
	if err := pdf.Error(); err != nil {
		t.Fatalf("SetFont after AddUTF8FontFromBytes (fpdf could not parse the subset): %v", err)
	}
	for i, line := range lines(text, 40) {
		pdf.Text(40, 60+2*size*float64(i), line)
	}
	return pdf
}

// lines cuts text into lines of n runes.
func lines(text string, n int) []string {
	var out []string
	rs := []rune(text)
	for len(rs) > n {
		out = append(out, string(rs[:n]))
		rs = rs[n:]
	}
	return append(out, string(rs))
}

// output writes the PDF and returns its bytes.
func output(t *testing.T, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("Output: %v", err)
	}
	return buf.Bytes()
}

// pdfWidths parses the /W array of an uncompressed fpdf PDF: CID (= rune,
// fpdf uses Identity-H with the rune as CID) → width in 1/1000 em.
func pdfWidths(t *testing.T, pdf []byte) map[int]int {
	t.Helper()
	i := bytes.Index(pdf, []byte("/W ["))
	if i < 0 {
		t.Fatal("no /W array in the PDF")
	}
	rest := string(pdf[i+4:])
	toks := strings.Fields(strings.NewReplacer("[", " [ ", "]", " ] ").Replace(rest))
	num := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("bad /W token %q", s)
		}
		return n
	}
	w := map[int]int{}
	for k := 0; k < len(toks) && toks[k] != "]"; {
		first := num(toks[k])
		if toks[k+1] == "[" { // c [w1 w2 …]
			k += 2
			for c := first; toks[k] != "]"; c, k = c+1, k+1 {
				w[c] = num(toks[k])
			}
			k++
			continue
		}
		last, width := num(toks[k+1]), num(toks[k+2]) // c1 c2 w
		for c := first; c <= last; c++ {
			w[c] = width
		}
		k += 3
	}
	return w
}

// pdftotext extracts the text of a PDF with poppler, without whitespace.
func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	tool := needTool(t, "pdftotext", popplerPkg)
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// pdffontsEmbedded reports whether pdffonts lists every font as embedded.
func pdffontsEmbedded(t *testing.T, pdf []byte) (bool, string) {
	t.Helper()
	tool := needTool(t, "pdffonts", popplerPkg)
	path := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		return false, string(out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type… encoding emb sub uni object ID: emb is the 5th field from the end.
		if len(f) < 6 || f[len(f)-5] != "yes" {
			return false, string(out)
		}
	}
	return true, string(out)
}

// makeCollection joins sfnt font files into one TTC/OTC file.
func makeCollection(t testing.TB, fonts ...[]byte) []byte {
	t.Helper()
	type entry struct {
		tag  string
		data []byte
	}
	var faces [][]entry
	for _, f := range fonts {
		n := int(binary.BigEndian.Uint16(f[4:]))
		var es []entry
		for i := 0; i < n; i++ {
			d := f[12+16*i:]
			off, l := binary.BigEndian.Uint32(d[8:]), binary.BigEndian.Uint32(d[12:])
			es = append(es, entry{string(d[:4]), f[off : off+l]})
		}
		sort.Slice(es, func(i, j int) bool { return es[i].tag < es[j].tag })
		faces = append(faces, es)
	}
	head := 12 + 4*len(fonts)
	dirs := 0
	for _, es := range faces {
		dirs += 12 + 16*len(es)
	}
	out := binary.BigEndian.AppendUint32(nil, 0x74746366) // "ttcf"
	out = binary.BigEndian.AppendUint32(out, 0x00010000)
	out = binary.BigEndian.AppendUint32(out, uint32(len(fonts)))
	dirOff, dataOff := head, head+dirs
	var dirBytes, data []byte
	for i, es := range faces {
		out = binary.BigEndian.AppendUint32(out, uint32(dirOff))
		d := append([]byte(nil), fonts[i][:12]...)
		binary.BigEndian.PutUint16(d[4:], uint16(len(es)))
		for _, e := range es {
			d = append(d, e.tag...)
			d = binary.BigEndian.AppendUint32(d, checksum(e.data))
			d = binary.BigEndian.AppendUint32(d, uint32(dataOff+len(data)))
			d = binary.BigEndian.AppendUint32(d, uint32(len(e.data)))
			data = append(data, e.data...)
			for len(data)%4 != 0 {
				data = append(data, 0)
			}
		}
		dirBytes = append(dirBytes, d...)
		dirOff += len(d)
	}
	return append(append(out, dirBytes...), data...)
}
