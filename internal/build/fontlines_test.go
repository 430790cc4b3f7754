package build

import (
	"os"
	"strings"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/testtool"
)

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
	m := testtool.CopySample(t, "../../samples/changjiang-2023-04", func(b []byte) []byte {
		return append(b, "\n[fonts]\nhei = { path = \""+uming+"\", name = \"没有这个字体\" }\n"...)
	})
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

// TestUninstalledFontAtItsLine: a font given by a name that no installed font
// has is reported at its [fonts] line.
func TestUninstalledFontAtItsLine(t *testing.T) {
	m := testtool.CopySample(t, "../../samples/changjiang-2023-04", func(b []byte) []byte {
		return append(b, "\n[fonts]\nkai = { name = \"没有装的楷体\" }\n"...)
	})
	_, err := Prepare(m)
	ps := diag.Problems(err)
	data, _ := os.ReadFile(m)
	want := strings.Count(string(data), "\n")
	if len(ps) != 1 || ps[0].File != m || ps[0].Line != want || !strings.Contains(ps[0].Msg, "没有装的楷体") {
		t.Errorf("want one problem at %s:%d naming the font, got %v", m, want, err)
	}
}
