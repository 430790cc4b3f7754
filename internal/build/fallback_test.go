package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/testtool"
)

const notoSerifCJK = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc" // fonts-noto-cjk

// withNames copies the sample with 王喆 and 吉𠮷 added to its committee
// (the line "names = [\"段守阳\", …" of issue.toml) and a line holding the
// four names appended to its first document, and returns the manifest and
// the committee's line.
func withNames(t *testing.T, extra string) (string, int) {
	t.Helper()
	m := testtool.CopySample(t, "../../samples/changjiang-2023-04", func(b []byte) []byte {
		b = bytes.Replace(b, []byte(`names = ["段守阳",`), []byte(`names = ["王喆", "吉𠮷", "段守阳",`), 1)
		return append(b, extra...)
	})
	data, _ := os.ReadFile(m)
	line := 1 + bytes.Count(data[:bytes.Index(data, []byte("王喆"))], []byte("\n"))
	doc := filepath.Join(filepath.Dir(m), "03-第31次常务会议.txt")
	text, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	text = append(bytes.TrimRight(text, "\n"), "\n会议任命李堃、张䶮为委员。\n"...)
	if err := os.WriteFile(doc, text, 0o644); err != nil {
		t.Fatal(err)
	}
	return m, line
}

// TestManifestTextCheckedAtItsKey: with no font that has them, the names
// in issue.toml are reported at their line and key, and those in a
// document at theirs, naming the role that lacks them.
func TestManifestTextCheckedAtItsKey(t *testing.T) {
	t.Setenv(fonts.FontDirsEnv, "")
	m, line := withNames(t, "")
	_, err := Prepare(m)
	ps := diag.Problems(err)
	var atKey, inDoc int
	for _, p := range ps {
		switch {
		case p.File == m && p.Line == line && strings.Contains(p.Msg, "gazette.committee.names") &&
			(strings.Contains(p.Msg, "“喆”") || strings.Contains(p.Msg, "“𠮷”")):
			atKey++
		case strings.HasSuffix(p.File, "03-第31次常务会议.txt") && p.Line > 0 &&
			strings.Contains(p.Msg, "仿宋（正文）FandolFang-Regular 没有") &&
			(strings.Contains(p.Msg, "“堃”") || strings.Contains(p.Msg, "“䶮”")):
			inDoc++
		}
	}
	if atKey != 2 || inDoc != 2 {
		t.Errorf("%d problems at the committee's line and key, %d in the document; want 2 and 2:\n%v", atKey, inDoc, err)
	}
}

// TestNamesPrintFromInstalledFonts: with Debian's Noto CJK installed and no
// [fonts] setting, the same issue builds; the notes say that Noto Serif CJK
// SC printed the names and how to pin it.
func TestNamesPrintFromInstalledFonts(t *testing.T) {
	if _, err := os.Stat(notoSerifCJK); err != nil {
		testtool.Need(t, "fonts-noto-cjk:"+notoSerifCJK)
	}
	t.Setenv(fonts.FontDirsEnv, filepath.Dir(notoSerifCJK))
	m, _ := withNames(t, "")
	is, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(is.FontNotes, "\n")
	for _, want := range []string{"仿宋（正文）", "Noto Serif CJK SC", "喆", "堃", "䶮", "𠮷", "fallback = [{ path = "} {
		if !strings.Contains(notes, want) {
			t.Errorf("font notes lack %q:\n%s", want, notes)
		}
	}
}

// TestFallbackKeyAtItsLine: [fonts] fallback supplies the names (no folder
// is searched), and a fallback file that is not a font is reported at the
// fallback line.
func TestFallbackKeyAtItsLine(t *testing.T) {
	if _, err := os.Stat(notoSerifCJK); err != nil {
		testtool.Need(t, "fonts-noto-cjk:"+notoSerifCJK)
	}
	t.Setenv(fonts.FontDirsEnv, "")
	m, _ := withNames(t, "\n[fonts]\nfallback = [\""+notoSerifCJK+"\"]\n")
	is, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	if notes := strings.Join(is.FontNotes, "\n"); !strings.Contains(notes, "[fonts] fallback") || !strings.Contains(notes, "𠮷") {
		t.Errorf("font notes:\n%s", notes)
	}

	bad := filepath.Join(t.TempDir(), "坏.ttf")
	if err := os.WriteFile(bad, []byte("not a font at all, just text"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, _ = withNames(t, "\n[fonts]\nfallback = [\""+bad+"\"]\n")
	data, _ := os.ReadFile(m)
	want := bytes.Count(data, []byte("\n")) // the fallback line is the last
	_, err = Prepare(m)
	ps := diag.Problems(err)
	if len(ps) == 0 || ps[0].File != m || ps[0].Line != want || !strings.Contains(ps[0].Msg, "坏.ttf") {
		t.Errorf("want the broken fallback at %s:%d, got %v", m, want, err)
	}
}

// TestCollectionWithoutIndexSaysWhichFace: a role given a collection
// without index serves with its Simplified Chinese face, and the notes say
// which.
func TestCollectionWithoutIndexSaysWhichFace(t *testing.T) {
	if _, err := os.Stat(notoSerifCJK); err != nil {
		testtool.Need(t, "fonts-noto-cjk:"+notoSerifCJK)
	}
	m := testtool.CopySample(t, "../../samples/changjiang-2023-04", func(b []byte) []byte {
		return append(b, "\n[fonts]\nsong = \""+notoSerifCJK+"\"\n"...)
	})
	is, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(is.FontNotes, "\n")
	if !strings.Contains(notes, "宋体（页码、封面）") || !strings.Contains(notes, "NotoSerifCJKsc-Regular（index = 2）") {
		t.Errorf("notes do not say the SC face was taken:\n%s", notes)
	}
}
