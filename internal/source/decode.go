package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"gazette/internal/diag"
)

// saveAsUTF8 is the advice every encoding problem ends with.
const saveAsUTF8 = "请用记事本或 WPS 打开该文件，选择“另存为”，编码选“UTF-8”后保存，再重新运行"

// Decode turns the bytes of a text file into a string with "\n" line ends.
//
// It accepts UTF-8 with or without a byte-order mark, UTF-16 with a mark (and
// without one when the zero bytes make it plain), and GB18030/GBK as Notepad
// and Excel save it on a Chinese Windows, provided the bytes decode cleanly
// and mostly to common Chinese characters. CRLF and lone CR become LF, so line
// numbers match what an editor shows. Anything else is a *diag.Problem in
// Chinese naming the first bad line and saying to save the file as UTF-8.
//
// Decode changes no character of the text: white space within lines is left
// to Normalize. The text it returns is valid UTF-8.
func Decode(name string, data []byte) (string, error) {
	if p := notPlainText(name, data); p != nil {
		return "", p
	}
	text, err := decodeBytes(name, data)
	if err != nil {
		return "", err
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if line, ok := firstControl(text); ok {
		return "", diag.New(name, line, "文件含有无法显示的控制字符，可能不是纯文本文件",
			saveAsUTF8+"。如果是从 Word 复制的内容，请粘贴到记事本中再保存")
	}
	return text, nil
}

// decodeBytes picks the encoding: a byte-order mark first, then UTF-8, then
// BOM-less UTF-16, then GB18030.
func decodeBytes(name string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", badBytes(name, data)
		}
		return string(data), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(name, data, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM))
	case utf8.Valid(data) && bytes.IndexByte(data, 0) < 0:
		return string(data), nil
	}
	if s, ok := guessUTF16(data); ok {
		return s, nil
	}
	if s, ok := decodeGB18030(data); ok {
		return s, nil
	}
	return "", badBytes(name, data)
}

// decodeWith decodes data with enc, failing on replacement characters.
func decodeWith(name string, data []byte, enc encoding.Encoding) (string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", &diag.Problem{File: name, Msg: "无法识别文件的编码", Hint: saveAsUTF8, Err: err}
	}
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		line := 1 + bytes.Count(out[:i], []byte("\n"))
		return "", diag.New(name, line, "无法识别文件的编码（这一行有无法解读的字节）", saveAsUTF8)
	}
	return string(out), nil
}

// guessUTF16 recognises UTF-16 saved without a byte-order mark: valid text
// never holds zero bytes, UTF-16 holds one for every ASCII character.
func guessUTF16(data []byte) (string, bool) {
	if len(data) < 2 || len(data)%2 != 0 || bytes.IndexByte(data, 0) < 0 {
		return "", false
	}
	even, odd := 0, 0
	for i, b := range data {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	order := xunicode.LittleEndian
	if even > odd {
		order = xunicode.BigEndian
	}
	out, err := xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	s := string(out)
	if _, bad := firstControl(s); bad || !mostlyText(s) {
		return "", false
	}
	return s, true
}

// mostlyText reports whether s is ordinary text: its non-ASCII characters are
// mostly Chinese characters and punctuation.
func mostlyText(s string) bool {
	cjk, other := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
		case unicode.Is(unicode.Han, r) || isCJKPunct(r):
			cjk++
		default:
			other++
		}
	}
	return cjk >= 4*other
}

// decodeGB18030 decodes data as GB18030 (a superset of GBK and GB 2312) when
// it decodes without replacement characters and at least 80 % of its
// multi-byte characters lie in the GB 2312 area, where nearly every character
// of a real Chinese document lies. Random bytes and other encodings fail that.
func decodeGB18030(data []byte) (string, bool) {
	if !gb2312Mostly(data) {
		return "", false
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) || !utf8.Valid(out) {
		return "", false
	}
	return string(out), true
}

// gb2312Mostly walks data by the GB18030 byte structure and counts how many
// two-byte characters are GB 2312 ones (lead and trail byte 0xA1–0xFE).
func gb2312Mostly(data []byte) bool {
	gb, all := 0, 0
	for i := 0; i < len(data); {
		b := data[i]
		if b < 0x80 {
			i++
			continue
		}
		all++
		if i+1 >= len(data) {
			return false
		}
		t := data[i+1]
		switch {
		case t >= 0x30 && t <= 0x39:
			i += 4
			continue
		case b >= 0xA1 && b <= 0xF7 && t >= 0xA1 && t <= 0xFE:
			gb++
		}
		i += 2
	}
	return all > 0 && gb*5 >= all*4
}

// badBytes is the problem for a file in no encoding we know, at the first
// line that is not valid UTF-8.
func badBytes(name string, data []byte) *diag.Problem {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if (r == utf8.RuneError && size <= 1) || r == 0 {
			break
		}
		i += size
	}
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	return diag.New(name, line, "无法识别文件的编码：从这一行起，文字既不是 UTF-8 也不是 GBK", saveAsUTF8)
}

// notPlainText recognises the files office staff most often pick by mistake.
func notPlainText(name string, data []byte) *diag.Problem {
	const saveAsText = "请在 Word 或 WPS 中选择“另存为”，文件类型选“纯文本（*.txt）”，编码选“UTF-8”；表格请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"
	// gazette reads Word and Excel files by their extension (docx.go, xlsx.go)
	const rename = "gazette 能直接读 Word 和 Excel 文件：请把文件名的扩展名改成它本来的 .docx（表格改成 .xlsx），issue.toml 或【表格：…】中的文件名一并改"
	kinds := []struct {
		magic string
		what  string
		hint  string
	}{
		{"PK\x03\x04", "Word（.docx）、Excel（.xlsx）或压缩包", rename},
		{"\xD0\xCF\x11\xE0", "Word（.doc）或 Excel（.xls）", "请把文件名的扩展名改成它本来的 .doc（表格改成 .xls）；更稳妥的是在 Word 或 Excel 中另存为 .docx 或 .xlsx 后改用新文件"},
		{"%PDF", "PDF", saveAsText},
		{"{\\rtf", "RTF", saveAsText},
	}
	for _, k := range kinds {
		if bytes.HasPrefix(data, []byte(k.magic)) {
			return diag.New(name, 0, fmt.Sprintf("这是%s文件，不是纯文本文件", k.what), k.hint)
		}
	}
	return nil
}

// firstControl finds the first line holding a control character other than
// tab, line feed and form feed. It looks at bytes: a C0 control or DEL is
// one ASCII byte, a C1 control (U+0080–U+009F) the bytes C2 80–C2 9F, and
// neither byte starts or continues any other character, so this finds what
// decoding every character would (FuzzPrechecks).
func firstControl(s string) (int, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !mayControl[c] {
			continue
		}
		if c == 0xC2 && (i+1 >= len(s) || s[i+1] < 0x80 || s[i+1] >= 0xA0) {
			continue
		}
		return 1 + strings.Count(s[:i], "\n"), true
	}
	return 0, false
}

// mayControl marks the bytes that are, or start, a control character
// firstControl reports: C0 controls but tab, line feed, vertical tab and form
// feed; DEL; C2, the first byte of the C1 controls.
var mayControl = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\t' && c != '\n' && c != '\v' && c != '\f'
	}
	t[0x7F], t[0xC2] = true, true
	return t
}()
