package build

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/testtool"
)

const sampleDir = "../../samples/changjiang-2023-04"

// withPicture copies the sample with a 【图片】 line added to its first
// document (at its line 3) and the picture's bytes as 图.png.
func withPicture(t *testing.T, pic []byte) string {
	t.Helper()
	m := testtool.CopySample(t, sampleDir, nil)
	dir := filepath.Dir(m)
	doc := filepath.Join(dir, "01-调查研究工作方案通知.txt")
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	lines = append(lines[:2], append([]string{"【图片：图.png】\n"}, lines[2:]...)...)
	if err := os.WriteFile(doc, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "图.png"), pic, 0o644); err != nil {
		t.Fatal(err)
	}
	return m
}

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bomb is a PNG header of 50,000 × 50,000 pixels and nothing more.
func bomb() []byte {
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], 50000)
	binary.BigEndian.PutUint32(ihdr[4:], 50000)
	ihdr[8] = 8
	chunk := append([]byte("IHDR"), ihdr[:]...)
	b := append([]byte("\x89PNG\r\n\x1a\n"), 0, 0, 0, 13)
	b = append(b, chunk...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(chunk))
}

// TestCheckEqualsBuild: `check` runs everything `build` runs but writing
// the file, so each input either passes both or fails both with the same
// message naming the file and line — a character no font has in
// issue.toml, a picture copied only in part, a pixel bomb — and a good
// input passes both.
func TestCheckEqualsBuild(t *testing.T) {
	good := pngBytes(t, 1900, 600)
	tests := []struct {
		name string
		path func(t *testing.T) string
		want string // "" for an input that builds
	}{
		{"sample with a picture", func(t *testing.T) string { return withPicture(t, good) }, ""},
		{"emoji in the gazette's name", func(t *testing.T) string {
			return testtool.CopySample(t, sampleDir, func(b []byte) []byte {
				return bytes.Replace(b, []byte(`name = "昌江区人民政府公报"`), []byte(`name = "昌江区😀人民政府公报"`), 1)
			})
		}, "issue.toml 第6行"},
		{"half-copied picture", func(t *testing.T) string { return withPicture(t, good[:len(good)/2]) }, "01-调查研究工作方案通知.txt 第3行"},
		{"pixel bomb", func(t *testing.T) string { return withPicture(t, bomb()) }, "50000 × 50000 像素"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.path(t)
			_, checkErr := Check(m)
			out := filepath.Join(t.TempDir(), "x.pdf")
			_, _, buildErr := Build(m, out)
			if (checkErr == nil) != (buildErr == nil) {
				t.Fatalf("check and build disagree: check %v, build %v", checkErr, buildErr)
			}
			if tt.want == "" {
				if checkErr != nil {
					t.Fatal(checkErr)
				}
				return
			}
			if checkErr == nil || !strings.Contains(checkErr.Error(), tt.want) || checkErr.Error() != buildErr.Error() {
				t.Errorf("want both to fail with %q; check: %v; build: %v", tt.want, checkErr, buildErr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a failed build left %s", out)
			}
		})
	}
}
