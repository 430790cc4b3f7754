package manifest

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gazette/internal/diag"
)

// encoded is a 2 × 2 picture in the format of enc.
func encoded(t *testing.T, enc func(*bytes.Buffer, image.Image) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := enc(&b, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// loadGood loads the good manifest edited by replacing old with new, in a
// folder holding its files and files (name → content).
func loadGood(t *testing.T, old, new string, files map[string]string) (*Manifest, error) {
	t.Helper()
	if !strings.Contains(good, old) {
		t.Fatalf("%q is not in the good manifest", old)
	}
	dir := t.TempDir()
	writeGoodFiles(t, dir, "x")
	for name, text := range files {
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		write(t, dir, name, text)
	}
	return Load(write(t, dir, "issue.toml", strings.Replace(good, old, new, 1)))
}

// fileCase is one edit of the good manifest and the one problem (or
// warning) it must cause: at line, with every text of want and none of
// unwanted. line 0 means no problem at all.
type fileCase struct {
	name     string
	old, new string
	files    map[string]string // extra files beside issue.toml; a name ending in "/" is a folder
	line     int
	want     []string
	unwanted []string
}

// checkOne loads tt and checks the problems (warnings with warn) it gives.
func checkOne(t *testing.T, tt fileCase, warn bool) {
	t.Helper()
	m, err := loadGood(t, tt.old, tt.new, tt.files)
	ps := diag.Problems(err)
	if warn {
		if err != nil {
			t.Fatalf("want warnings only, got %v", err)
		}
		ps = m.Warnings
	} else if err == nil && len(m.Warnings) > 0 {
		t.Errorf("unexpected warnings %v", m.Warnings)
	}
	if tt.line == 0 {
		if len(ps) > 0 {
			t.Fatalf("want nothing reported, got %v", diag.List(ps))
		}
		return
	}
	if len(ps) != 1 {
		t.Fatalf("want one problem, got %d: %v (err %v)", len(ps), diag.List(ps), err)
	}
	text := ps[0].Error()
	if ps[0].Line != tt.line || !strings.Contains(text, "issue.toml") {
		t.Errorf("line %d, want %d: %s", ps[0].Line, tt.line, text)
	}
	for _, w := range tt.want {
		if !strings.Contains(text, w) {
			t.Errorf("message lacks %q:\n%s", w, text)
		}
	}
	for _, w := range tt.unwanted {
		if strings.Contains(text, w) {
			t.Errorf("message has %q:\n%s", w, text)
		}
	}
}

// TestNamedFiles: the emblem and the font files are looked up as the
// manifest loads, and whatever is wrong is reported at their line.
func TestNamedFiles(t *testing.T) {
	const emblem, fang = "mottos =", `fang = "my/fangsong.ttf"`
	tests := []fileCase{
		{name: "PNG emblem", old: emblem, new: "emblem = \"国徽.png\"\nmottos =",
			files: map[string]string{"国徽.png": encoded(t, func(b *bytes.Buffer, i image.Image) error { return png.Encode(b, i) })}},
		{name: "JPEG emblem in a folder", old: emblem, new: "emblem = \"img/国徽.jpg\"\nmottos =",
			files: map[string]string{"img/国徽.jpg": encoded(t, func(b *bytes.Buffer, i image.Image) error { return jpeg.Encode(b, i, nil) })}},
		{name: "missing emblem", old: emblem, new: "emblem = \"missing.png\"\nmottos =", line: 3,
			want: []string{"找不到封面图标 “missing.png”", "issue.toml 所在的文件夹"}},
		{name: "emblem a folder", old: emblem, new: "emblem = \"img\"\nmottos =", files: map[string]string{"img/": ""}, line: 3,
			want: []string{"封面图标 “img” 是一个文件夹", `emblem = "国徽.png"`}},
		{name: "emblem not a picture", old: emblem, new: "emblem = \"国徽.png\"\nmottos =",
			files: map[string]string{"国徽.png": "GIF89a not really"}, line: 3,
			want: []string{"封面图标 “国徽.png” 不是 PNG 或 JPEG 图片", "另存为"}},
		{name: "empty emblem file", old: emblem, new: "emblem = \"国徽.png\"\nmottos =",
			files: map[string]string{"国徽.png": ""}, line: 3, want: []string{"不是 PNG 或 JPEG 图片"}},
		{name: "missing font", old: fang, new: `fang = "fonts/仿宋.ttf"`, line: 16,
			want: []string{"找不到仿宋所用的字体文件 “fonts/仿宋.ttf”", "删去这一项即改用内置字体"}},
		{name: "missing font in braces", old: "simsun.ttc", new: "nosuch.ttc", line: 17,
			want: []string{"找不到宋体所用的字体文件 “nosuch.ttc”"}},
		{name: "font a folder", old: fang, new: `fang = "my"`, line: 16,
			want: []string{"仿宋所用的字体文件 “my” 是一个文件夹", ".ttf"}},
		{name: "font by name only", old: fang, new: `fang = { name = "No Such Font" }`}, // fonts.Load looks it up
		{name: "document missing", old: `"a.txt"`, new: `"b.txt"`, line: 21,
			want: []string{"找不到栏目 “区政府办公室文件” 中的文件 “b.txt”", "issue.toml 所在的文件夹"}, unwanted: []string{"反斜杠"}},
	}
	if runtime.GOOS != "windows" {
		tests = append(tests,
			fileCase{name: "document with backslashes", old: `"a.txt"`, new: `'sub\a.txt'`,
				files: map[string]string{"sub/a.txt": "x"}, line: 21,
				want: []string{`文件 “sub\a.txt”`, `改用“/”分隔，写成 "sub/a.txt"`}},
			fileCase{name: "emblem with backslashes", old: emblem, new: "emblem = 'img\\国徽.png'\nmottos =", line: 3,
				want: []string{`找不到封面图标 “img\国徽.png”`, `写成 "img/国徽.png"`}},
			fileCase{name: "font with backslashes", old: fang, new: `fang = 'my\fangsong.ttf'`, line: 16,
				want: []string{`写成 "my/fangsong.ttf"`}},
			fileCase{name: "font on a Windows drive", old: fang, new: `fang = 'C:\Windows\Fonts\simfang.ttf'`, line: 16,
				want: []string{"Windows 电脑上的位置", "复制到 issue.toml 所在的文件夹"}},
		)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkOne(t, tt, false) })
	}
}

// TestWarnings: slips that are accepted but reported at their line.
func TestWarnings(t *testing.T) {
	const song = `song = { path = "simsun.ttc", index = 1 }`
	tests := []fileCase{
		{name: "name and index", old: song, new: `song = { path = "simsun.ttc", index = 1, name = "NSimSun" }`, line: 17,
			want: []string{"字体 song 同时写了 name 和 index，只能写其中一个", `按 name = "NSimSun" 选字体，index = 1 不起作用`}},
		{name: "name and index 0", old: song, new: `song = { path = "simsun.ttc", name = "SimSun", index = 0 }`, line: 17,
			want: []string{"index = 0 不起作用"}},
		{name: "name alone", old: song, new: `song = { path = "simsun.ttc", name = "SimSun" }`},
		{name: "index alone", old: song, new: song},
		{name: "bleed 2.5", old: "[[section]]", new: "[print]\nbleed = 2.5\n\n[[section]]", line: 20,
			want: []string{"出血只有 2.5 毫米，少于通常的 3 毫米", "请与印刷厂确认"}},
		{name: "no bleed", old: "[[section]]", new: "[print]\nbleed = 0\n\n[[section]]", line: 20,
			want: []string{"不留出血（bleed = 0）", "请与印刷厂确认"}},
		{name: "bleed 3", old: "[[section]]", new: "[print]\nbleed = 3\n\n[[section]]"},
		{name: "bleed 5", old: "[[section]]", new: "[print]\nbleed = 5\n\n[[section]]"},
		{name: "bleed by default", old: "[[section]]", new: "[[section]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkOne(t, tt, true) })
	}
}

// TestBleedKept: a bleed under 3 mm is warned about, not refused.
func TestBleedKept(t *testing.T) {
	m, err := loadGood(t, "[[section]]", "[print]\nbleed = 2.5\n\n[[section]]", nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Print.BleedMM != 2.5 {
		t.Errorf("bleed %g, want 2.5", m.Print.BleedMM)
	}
}

// TestUnknownKeyEachLine: the same unknown key in several blocks of an
// array of tables is reported once per block, each at its own line.
func TestUnknownKeyEachLine(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		lines []int
	}{
		{"two sections", good + "tittle = \"x\"\n\n[[section]]\ntitle = \"b\"\ndocuments = [\"a.txt\"]\ntittle = \"y\"\n",
			[]int{22, 27}},
		{"first and third section", good + "tittle = \"x\"\n\n[[section]]\ntitle = \"b\"\ndocuments = [\"a.txt\"]\n" +
			"\n[[section]]\ntitle = \"c\"\ndocuments = [\"a.txt\"]\ntittle = \"z\"\n", []int{22, 31}},
		{"two committee roles", strings.Replace(good, "[issue]",
			"rol = \"x\"\n\n[[gazette.committee]]\nrole = \"副主任\"\nnames = [\"王瀚洋\"]\nrol = \"y\"\n\n[issue]", 1),
			[]int{9, 14}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeGoodFiles(t, dir, "x")
			_, err := Load(write(t, dir, "issue.toml", tt.text))
			var lines []int
			for _, p := range diag.Problems(err) {
				if strings.Contains(p.Msg, "无法识别的设置项") {
					lines = append(lines, p.Line)
				}
			}
			if len(lines) != len(tt.lines) {
				t.Fatalf("unknown keys at lines %v, want %v (err %v)", lines, tt.lines, err)
			}
			for i := range lines {
				if lines[i] != tt.lines[i] {
					t.Errorf("unknown keys at lines %v, want %v", lines, tt.lines)
					break
				}
			}
		})
	}
}
