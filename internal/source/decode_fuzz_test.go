package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gazette/internal/diag"
)

// FuzzDecode: Decode never panics; it returns valid UTF-8 with LF line ends
// or a problem for the office (diag.Problem); and UTF-8 text it accepts comes
// back with no character changed but the line ends.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(sampleDir, "*.txt"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			head := data[:min(len(data), 600)]
			f.Add(head)
			if gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.ToValidUTF8(string(head), ""))); err == nil {
				f.Add(gbk)
			}
			if u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(strings.ToValidUTF8(string(head), ""))); err == nil {
				f.Add(u16)
			}
		}
	}
	for _, s := range []string{"", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF", "a\r\nb\rc", "\x00\x01", "\xB9\xAB\xB1\xA8", "%PDF-1.4", "PK\x03\x04"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := Decode("fuzz.txt", data)
		if err != nil {
			if diag.Problems(err) == nil {
				t.Fatalf("error %T is not a problem for the office: %v", err, err)
			}
			return
		}
		if !utf8.ValidString(text) || strings.Contains(text, "\r") {
			t.Fatalf("Decode returned %q", text)
		}
		if utf8.Valid(data) && !strings.ContainsRune(string(data), 0) && !strings.HasPrefix(string(data), "\xEF\xBB\xBF") {
			want := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")
			if text != want {
				t.Fatalf("UTF-8 text changed: %q became %q", data, text)
			}
		}
	})
}
