package fonts

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	ot "github.com/go-text/typesetting/font/opentype"
)

// fontDirs lists the folders searched for a font given by name only; a
// variable so that tests can point it at a folder of their own.
var fontDirs = systemFontDirs

// FontDirsEnv names the environment variable that, when set, replaces the
// folders searched for installed fonts (a list separated like PATH; empty:
// search none), so that a build does not depend on what a machine has.
const FontDirsEnv = "GAZETTE_FONT_DIRS"

// systemFontDirs is where Windows, macOS and Linux keep installed fonts, for
// all users and for the current one, or FontDirsEnv's folders.
func systemFontDirs() []string {
	if v, ok := os.LookupEnv(FontDirsEnv); ok {
		return filepath.SplitList(v)
	}
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		return []string{filepath.Join(win, "Fonts"),
			filepath.Join(os.Getenv("LOCALAPPDATA"), "Microsoft", "Windows", "Fonts")}
	case "darwin":
		return []string{"/System/Library/Fonts", "/Library/Fonts", filepath.Join(home, "Library", "Fonts")}
	}
	return []string{"/usr/share/fonts", "/usr/local/share/fonts",
		filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts")}
}

// isFontFile reports a file name gazette can read as a font.
func isFontFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ttf", ".otf", ".ttc", ".otc":
		return true
	}
	return false
}

// findInstalled looks through the installed fonts for a face named name (its
// PostScript, family or full name, in any language of the font's 'name'
// table, such as "仿宋_GB2312" or "FangSong"). Folders are read in a fixed
// order, files in lexical order, and the first file holding such a face wins.
func findInstalled(name string) (path string, found bool) {
	for _, dir := range fontDirs() {
		if dir == "" {
			continue
		}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if found || err != nil || d.IsDir() || !isFontFile(p) {
				return nil
			}
			if fileHasFace(p, name) {
				path, found = p, true
				return fs.SkipAll
			}
			return nil
		})
		if found {
			return path, true
		}
	}
	return "", false
}

// fileHasFace reports whether the font file at p has a face named name.
func fileHasFace(p, name string) bool {
	file, err := os.Open(p)
	if err != nil {
		return false
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return false
	}
	lds, err := ot.NewLoaders(file)
	if err != nil {
		return false
	}
	f := &opened{loaders: lds, file: file, size: st.Size(), dirs: map[int]map[string]tableLoc{}}
	return findFace(f, name) >= 0
}

// errNotInstalled reports a font name found in none of the font folders.
func errNotInstalled(role Role, name string) *FontError {
	return &FontError{Role: role, Msg: fmt.Sprintf("%s指定的字体“%s”在本机的字体文件夹中找不到", role, name),
		Hint: "请确认这个字体已经安装，或直接写出字体文件的位置，如 path = \"C:/Windows/Fonts/simfang.ttf\"（找过的文件夹：" +
			strings.Join(nonEmpty(fontDirs()), "、") + "）。" + configHint(role)}
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
