package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/diag"
)

// copySample copies the sample issue into a temporary folder, with extra
// appended to its issue.toml, and returns the manifest's path.
func copySample(t *testing.T, extra string) string {
	t.Helper()
	src := "../../samples/changjiang-2023-04"
	dir := t.TempDir()
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
			data = append(data, extra...)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "issue.toml")
}

// TestFontProblemsAtTheirManifestLine: a face name that the collection does
// not hold is reported at the [fonts] line that names it, with the font
// file's name in the message.
func TestFontProblemsAtTheirManifestLine(t *testing.T) {
	const uming = "/usr/share/fonts/truetype/arphic/uming.ttc"
	if _, err := os.Stat(uming); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: make tools installs fonts-arphic-uming", uming)
		}
		t.Skipf("%s not installed (Debian package fonts-arphic-uming)", uming)
	}
	m := copySample(t, "\n[fonts]\nhei = { path = \""+uming+"\", name = \"没有这个字体\" }\n")
	_, err := Prepare(m)
	ps := diag.Problems(err)
	if len(ps) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	data, _ := os.ReadFile(m)
	want := strings.Count(string(data), "\n") // the [fonts] entry is the file's last line
	if p := ps[0]; p.File != m || p.Line != want || !strings.Contains(p.Msg, "uming.ttc") || !strings.Contains(p.Msg, "没有这个字体") {
		t.Errorf("problem %s:%d %q, want it at %s:%d naming uming.ttc", p.File, p.Line, p.Msg, m, want)
	}
}
