package fonts

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// FontError is a problem with a font the office chose — a file missing or
// damaged, no such face in a collection, embedding forbidden, a font name
// installed nowhere — said in Chinese for the office: the file (if any),
// what is wrong and what to do. The fonts package does not know issue.toml's
// lines; build turns a FontError into a message at the line that names the
// font. Load joins several with errors.Join.
type FontError struct {
	Role Role   // the role (or Fallback) the font was chosen for
	File string // the font file, "" for a font named but not found
	Msg  string // what is wrong
	Hint string // what to do; may be ""
	Err  error  // the underlying cause, if any
}

func (e *FontError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString("文件 " + e.File + "：")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("。" + e.Hint)
	}
	if e.Err != nil {
		b.WriteString("（" + e.Err.Error() + "）")
	}
	return b.String()
}

// Unwrap returns the underlying cause.
func (e *FontError) Unwrap() error { return e.Err }

// configHint tells the staff where a role's font is configured.
func configHint(role Role) string {
	return fmt.Sprintf("请检查 issue.toml 的 [fonts] 中 %s 一项（%s）；删去这一项即改用内置字体。", role.Key(), role)
}

// errMissing reports a font file that does not exist or cannot be read.
func errMissing(role Role, path string, err error) *FontError {
	return &FontError{Role: role, File: path, Msg: fmt.Sprintf("找不到%s所用的字体文件，或无法读取", role),
		Hint: configHint(role), Err: err}
}

// errNotFont reports a file that is not a font gazette can read.
func errNotFont(role Role, path string, err error) *FontError {
	return &FontError{Role: role, File: path,
		Msg:  fmt.Sprintf("这不是可用的字体文件（%s只能使用 TTF、OTF、TTC 或 OTC 字体）", role),
		Hint: "请确认文件完整、未损坏，且不是 WOFF 网页字体或点阵字体。" + configHint(role), Err: err}
}

// errFaceIndex reports a face index outside the collection.
func errFaceIndex(role Role, path string, index int, faces []faceLabel) *FontError {
	return &FontError{Role: role, File: path,
		Msg: fmt.Sprintf("%s指定了字体集中编号为 %d 的字体（index = %d），但该文件只有 %d 个字体（编号 %s）",
			role, index, index, len(faces), indexRange(len(faces))),
		Hint: "可用的字体：" + listFaces(faces) + "。请改用其中的 index 或 name。"}
}

// indexRange is "0" or "0–n-1".
func indexRange(n int) string {
	if n == 1 {
		return "0"
	}
	return fmt.Sprintf("0–%d", n-1)
}

// errFaceName reports a face name that no face of the file has.
func errFaceName(role Role, path, name string, faces []faceLabel) *FontError {
	return &FontError{Role: role, File: path,
		Msg:  fmt.Sprintf("%s指定的字体名“%s”在该文件中找不到", role, name),
		Hint: "可用的字体：" + listFaces(faces) + "。name 可写 PostScript 名或字族名（不分大小写）。"}
}

// errUnusable reports a font gazette can read but not embed.
func errUnusable(role Role, path, why string) *FontError {
	return &FontError{Role: role, File: path, Msg: fmt.Sprintf("%s所用的字体无法使用：%s", role, why),
		Hint: "请换用其他字体。" + configHint(role)}
}

// faceLabel names one face of a font file in messages.
type faceLabel struct {
	index          int
	psName, family string
}

// String is "0 WenQuanYiMicroHei（WenQuanYi Micro Hei）".
func (l faceLabel) String() string {
	switch {
	case l.psName == "" && l.family == "":
		return fmt.Sprintf("%d（无名称）", l.index)
	case l.family == "" || l.family == l.psName:
		return fmt.Sprintf("%d %s", l.index, l.psName)
	case l.psName == "":
		return fmt.Sprintf("%d %s", l.index, l.family)
	}
	return fmt.Sprintf("%d %s（%s）", l.index, l.psName, l.family)
}

// listFaces joins face labels for a hint.
func listFaces(faces []faceLabel) string {
	parts := make([]string, len(faces))
	for i, f := range faces {
		parts[i] = f.String()
	}
	return strings.Join(parts, "、")
}

// runeList prints runes for a message: 𠀀（U+20000）、…, at most max of them.
func runeList(rs []rune, max int) string {
	var parts []string
	for i, r := range rs {
		if i == max {
			parts = append(parts, fmt.Sprintf("等共 %d 个", len(rs)))
			break
		}
		if !utf8.ValidRune(r) {
			parts = append(parts, "无效字符")
			continue
		}
		parts = append(parts, fmt.Sprintf("%c（U+%04X）", r, r))
	}
	return strings.Join(parts, "、")
}
