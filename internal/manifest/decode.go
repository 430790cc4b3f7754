package manifest

import (
	"cmp"
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/lazyre"
)

// errCtx is one error of toml.Decode with what the manifest's text tells
// about it; the rules of messages.go read it.
type errCtx struct {
	data []byte
	msg  string   // toml's message, without its "toml: line N (last key …): "
	line int      // 1-based line of the error, 0 if unknown
	key  toml.Key // the key the error is about; nil if none
	text string   // the text of line
}

// decodeProblem turns an error of toml.Decode into a Problem in Chinese,
// through parseRules; what no rule knows keeps toml's English after a
// generic hint, unless that English would only confuse (Go layouts, byte
// escapes).
func decodeProblem(path string, data []byte, err error) error {
	c := newErrCtx(data, err)
	for _, r := range parseRules {
		if m := r.re().FindStringSubmatch(c.msg); m != nil {
			if msg, hint := r.fix(c, m); msg != "" {
				return &diag.Problem{File: path, Line: c.line, Msg: msg, Hint: cmp.Or(hint, manifestHint)}
			}
		}
	}
	p := &diag.Problem{File: path, Line: c.line, Msg: "issue.toml 格式有误", Hint: genericSyntax}
	if !unreadable().MatchString(c.msg) {
		p.Err = errors.New(c.msg)
	}
	return p
}

// unreadable matches toml messages not worth showing the office.
var unreadable = lazyre.New(`\\x|2006-01-02|interface|struct \{|map\[`)

// typeErrorPrefix splits toml's plain (non-ParseError) errors:
// `toml: line 47 (last key "issue.number"): incompatible types: …`.
var typeErrorPrefix = lazyre.New(`(?s)^toml: (?:line (\d+) )?(?:\(last key "(.*?)"\): )?(.*)$`)

func newErrCtx(data []byte, err error) *errCtx {
	c := &errCtx{data: data}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		c.msg, c.line = pe.Message, pe.Position.Line
		if c.key = keyOnLine(data, c.line); c.key == nil {
			c.key = splitKey(pe.LastKey)
		}
	} else {
		m := typeErrorPrefix().FindStringSubmatch(err.Error())
		if m == nil {
			m = []string{"", "", "", err.Error()}
		}
		c.line, _ = strconv.Atoi(m[1])
		c.key, c.msg = splitKey(m[2]), m[3]
		if t := typeErrorRE().FindStringSubmatch(c.msg); t != nil {
			if l := typeErrorLine(data, c.key, t[1]); l > 0 {
				c.line = l
			}
		}
	}
	c.text = lineText(data, c.line)
	return c
}

// info describes c.key, from keyTable or, under [fonts], from its role.
func (c *errCtx) info() (keyInfo, bool) {
	if info, ok := keyTable[c.key.String()]; ok {
		return info, true
	}
	if len(c.key) == 2 && c.key[0] == "fonts" {
		if r, ok := fonts.ParseRole(c.key[1]); ok {
			return keyInfo{r.String(), `"fonts/` + c.key[1] + `.ttf"`, kPath}, true
		}
	}
	return keyInfo{}, false
}

// last is the last part of c.key, "" if none.
func (c *errCtx) last() string {
	if len(c.key) == 0 {
		return ""
	}
	return c.key[len(c.key)-1]
}

// label is the key with its meaning: "number（期号）".
func (c *errCtx) label() string {
	if info, ok := c.info(); ok {
		return c.last() + "（" + info.name + "）"
	}
	return c.last()
}

// how says how c.key's value is written, "" for an unknown key.
func (c *errCtx) how() string {
	info, ok := c.info()
	if !ok {
		return ""
	}
	return c.howAs(info.kind)
}

// howOr is how, falling back on how a value of kind k is written.
func (c *errCtx) howOr(k kind) string {
	if s := c.how(); s != "" {
		return s
	}
	return c.howAs(k)
}

// sampleValue is written in examples for keys keyTable does not know.
var sampleValue = map[kind]string{kInt: "1", kNumber: "1", kText: `"…"`, kList: `["…"]`, kBool: "true"}

func (c *errCtx) howAs(k kind) string {
	info, ok := c.info()
	value := info.value
	if !ok {
		value = sampleValue[k]
	}
	return fillHow(kindHow[k], c.key.String(), c.label(), info.name, c.last()+" = "+value)
}

// hint is how, as a sentence, or the generic hint.
func (c *errCtx) hint() string {
	if s := c.how(); s != "" {
		return s + "。"
	}
	return genericSyntax
}

// writtenKey is the key as written on the error line, before "=" or the
// offending character got; it also becomes c.key.
func (c *errCtx) writtenKey(got string) string {
	t := strings.TrimSpace(c.text)
	switch {
	case got != "" && strings.ContainsAny(got, "：:＝"):
		t, _, _ = strings.Cut(t, got)
	case strings.Contains(t, "="):
		t, _, _ = strings.Cut(t, "=")
	case got != "" && strings.Contains(t, got):
		t, _, _ = strings.Cut(t, got)
	}
	name := strings.TrimSpace(t)
	if name != "" {
		c.key = append(splitKey(tableAt(c.data, c.line)), name)
	}
	return name
}

// previousAssignment is the line above c.line, within its table, that
// assigns c.key's last part; 0 if none.
func (c *errCtx) previousAssignment() int {
	ls := strings.Split(string(c.data), "\n")
	for i := c.line - 2; i >= 0 && i < len(ls); i-- {
		if _, ok := headerName(ls[i]); ok {
			break
		}
		if lhs, _, ok := assignment(ls[i]); ok && lhs == c.last() {
			return i + 1
		}
	}
	return 0
}

// splitKey splits a dotted key as toml prints it; "" gives nil.
func splitKey(s string) toml.Key {
	if s == "" {
		return nil
	}
	return toml.Key(strings.Split(s, "."))
}

// unquote reads a character or string toml quoted with %q.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return strings.Trim(s, `'"`)
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
