package manifest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"gazette/internal/diag"
)

// FuzzParse: Parse never panics; a manifest it refuses comes back as
// problems for the office (diag), each at a line of the file or at none; one
// it accepts has a finished size and a bleed inside their limits.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "samples", "*", "issue.toml"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "issues", "*", "issue.toml"))
	for _, name := range append(seeds, more...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "[gazette]\nname = \"公报\"\n", "[issue]\nyear = 2023\nnumber = 4\ndate = 2023-08-30\n",
		"[print]\ntrim = [148, 210]\nbleed = 2\n", "[print]\ntrim = \"大16开\"\noutput_condition = \"JC200103\"\n",
		"[layout]\nbody_size = \"四号\"\ntitle_size = 20\npunctuation = \"kaiming\"\n",
		"[[section]]\ntitle = \"文件\"\ndocuments = [\"a.txt\"]\n", "a = 1\na = 2\n", "[issue\n", "x = \"\\u00\"",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	path := filepath.Join(dir, "issue.toml")
	f.Fuzz(func(t *testing.T, data []byte) {
		if unsafeToLoad(data) {
			t.Skip()
		}
		m, err := Parse(path, data)
		if err != nil {
			var p *diag.Problem
			var l diag.List
			if !errors.As(err, &p) && !errors.As(err, &l) {
				t.Fatalf("error %T is not a problem for the office: %v", err, err)
			}
			lines := bytes.Count(data, []byte("\n")) + 1
			for _, p := range diag.Problems(err) {
				if p.Line < 0 || p.Line > lines {
					t.Fatalf("problem at line %d of %d: %v", p.Line, lines, p)
				}
			}
			return
		}
		if tr := m.Print.Trim; tr.W <= 0 || tr.H <= 0 {
			t.Fatalf("accepted a trim of %g × %g mm", tr.W, tr.H)
		}
		if b := m.Print.BleedMM; b < 0 || b > maxBleedMM {
			t.Fatalf("accepted a bleed of %g mm", b)
		}
	})
}

// unsafeToLoad reports a manifest the fuzzer should not load: one naming
// fonts (a font given by name scans the machine's fonts) or a device or
// kernel file (reading /dev/zero never ends), or spelling keys with escapes
// that could hide either.
func unsafeToLoad(data []byte) bool {
	for _, s := range []string{"fonts", "/dev", "/proc", "/sys", `\u`, `\U`} {
		if bytes.Contains(data, []byte(s)) {
			return true
		}
	}
	return false
}
