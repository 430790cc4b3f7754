package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withFontDirs points the installed-font search at dirs for one test.
func withFontDirs(t *testing.T, dirs ...string) {
	t.Helper()
	old := fontDirs
	fontDirs = func() []string { return dirs }
	t.Cleanup(func() { fontDirs = old })
}

// TestInstalledFontByName: a role given by name only (fang = { name =
// "仿宋_GB2312" }) is found among the installed fonts, in any language of
// the font's names; a name installed nowhere is an error that says where
// gazette looked and how to give the file instead.
func TestInstalledFontByName(t *testing.T) {
	src := needFile(t, microHeiPath, microHeiPkg)
	dir := t.TempDir()
	sub := filepath.Join(dir, "truetype", "wqy")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(src, filepath.Join(sub, "wqy-microhei.ttc")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.ttf"), []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	withFontDirs(t, filepath.Join(dir, "missing"), dir)
	tests := []struct {
		name, want string
		idx        int
	}{
		{"文泉驿等宽微米黑", "WenQuanYiMicroHeiMono", 1},
		{"WenQuanYi Micro Hei", "WenQuanYiMicroHei", 0},
	}
	for _, tt := range tests {
		set, err := Load(Config{Hei: {Name: tt.name}})
		if err != nil {
			t.Fatalf("Load %q: %v", tt.name, err)
		}
		f, err := set.Face(Hei)
		if err != nil {
			t.Fatalf("Face %q: %v", tt.name, err)
		}
		if f.Name() != tt.want || f.Index() != tt.idx || !strings.HasSuffix(f.File(), "wqy-microhei.ttc") {
			t.Errorf("name %q → %s index %d in %s; want %s index %d", tt.name, f.Name(), f.Index(), f.File(), tt.want, tt.idx)
		}
	}
	_, err := Load(Config{Fang: {Name: "仿宋_GB2312"}})
	problem(t, err, "“仿宋_GB2312”在本机的字体文件夹中找不到")
	problem(t, err, dir)
}
