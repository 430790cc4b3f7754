package manifest

// The files issue.toml names besides the documents — the cover emblem and
// the fonts — checked as the manifest loads, so that `check` finds what
// `build` would stumble on and every message names the line to correct.

import (
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the emblem may be a JPEG
	_ "image/png"  // or a PNG
	"io/fs"
	"os"
	"runtime"
	"strings"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/lazyre"
)

// statFile looks up the file written as w (resolved against the manifest)
// for the key at line and reports, in the office's terms, that it is
// missing or a folder. what names the file ("封面图标"); folderHint says
// what to write instead of a folder; also ends the hint of either. It
// reports whether the file is there.
func (m *Manifest) statFile(w, what, folderHint, also string, line int, probs *diag.List) bool {
	st, err := os.Stat(m.resolve(w))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
			Msg: fmt.Sprintf("找不到%s “%s”", what, w), Hint: notFoundHint(w) + also})
		return false
	case err != nil:
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
			Msg: fmt.Sprintf("无法读取%s “%s”", what, w), Hint: "请检查文件是否被其他程序占用，或是否有权限打开。", Err: err})
		return false
	case st.IsDir():
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
			Msg: fmt.Sprintf("%s “%s” 是一个文件夹，不是文件", what, w), Hint: folderHint + also})
		return false
	}
	return true
}

// notFoundHint says what to do about a file written as w that is not
// there: a Windows path on another system gets "/" for "\".
func notFoundHint(w string) string {
	if runtime.GOOS == "windows" || !strings.Contains(w, `\`) {
		return notFoundFix
	}
	if windowsDrive().MatchString(w) {
		return windowsDriveFix
	}
	return fmt.Sprintf(slashFix, strings.ReplaceAll(w, `\`, "/"))
}

// windowsDrive matches a path on a Windows drive: C:\Windows\Fonts\….
var windowsDrive = lazyre.New(`^[A-Za-z]:[\\/]`)

// checkEmblem checks the cover emblem written as w at line: that it is
// there, is a file, and is a PNG or JPEG picture, as the renderer needs.
func (m *Manifest) checkEmblem(w string, line int, probs *diag.List) {
	if !m.statFile(w, "封面图标", `emblem 要写图片文件本身的路径，如 emblem = "国徽.png"。`, "", line, probs) {
		return
	}
	f, err := os.Open(m.resolve(w))
	if err != nil {
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
			Msg: fmt.Sprintf("无法读取封面图标 “%s”", w), Hint: "请检查文件是否被其他程序占用，或是否有权限打开。", Err: err})
		return
	}
	defer f.Close()
	if _, format, err := image.DecodeConfig(f); err != nil || (format != "png" && format != "jpeg") {
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
			Msg:  fmt.Sprintf("封面图标 “%s” 不是 PNG 或 JPEG 图片", w),
			Hint: "请用看图或画图软件把图标另存为 PNG 或 JPEG 格式（只改文件扩展名不行），再把新文件名写在 emblem 中。"})
	}
}

// checkFont checks the font file of role written as w at line: that it is
// there and is a file. What is inside is fonts.Load's to judge.
func (m *Manifest) checkFont(role fonts.Role, w string, line int, probs *diag.List) {
	m.statFile(w, role.String()+"所用的字体文件", fmt.Sprintf(
		`请写字体文件本身的路径（.ttf、.otf、.ttc 或 .otc），如 %s = "fonts/%s.ttf"。`, role.Key(), role.Key()),
		"删去这一项即改用内置字体。", line, probs)
}

// checkFontChoice warns when a [fonts] entry gives both name and index:
// name picks the face and index is ignored (fonts.Source).
func (m *Manifest) checkFontChoice(key string, src fontSource, line int) {
	if src.Name == "" || !src.indexSet {
		return
	}
	m.Warnings = append(m.Warnings, &diag.Problem{File: m.Path, Line: line,
		Msg: fmt.Sprintf("字体 %s 同时写了 name 和 index，只能写其中一个；现在按 name = \"%s\" 选字体，index = %d 不起作用",
			key, src.Name, src.Index),
		Hint: "请删去 index（按名称选），或删去 name（按编号选）。"})
}
