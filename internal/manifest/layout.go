package manifest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"gazette/internal/diag"
	"gazette/internal/printspec"
)

// Layout holds the typesetting choices of [layout] in issue.toml.
type Layout struct {
	Preset      string // "gbt9704" (default) or "compact"
	Punctuation string // "quanjiao" (default), "kaiming" or "banjiao" (https://www.w3.org/TR/clreq/#punctuation_width_adjustment)
	Kinsoku     string // "gb" (default), "basic" or "strict" (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end)
	BodySize    Size   // body type: a 字号 name ("三号") or bp; 0 = the preset's
	TitleSize   Size   // document titles, likewise
}

// Size is a type size in bp, written in issue.toml either as a Chinese 字号
// name ("三号", "小四") or as a number of bp (16, 10.5).
type Size float64

// The sizes [layout] accepts, in bp.
const (
	minSize = 5
	maxSize = 72
)

// layoutFile mirrors [layout] for decoding; sizes are checked in
// checkLayout, so that a slip is reported in Chinese with its line.
type layoutFile struct {
	Preset      string `toml:"preset"`
	Punctuation string `toml:"punctuation"`
	Kinsoku     string `toml:"kinsoku"`
	BodySize    any    `toml:"body_size"`
	TitleSize   any    `toml:"title_size"`
}

// size reads the size key of [layout]: a 字号 name or a number of bp in
// [minSize, maxSize]; absent is 0.
func (m *Manifest) size(key string, v any, data []byte, probs *diag.List) Size {
	name := keyTable["layout."+key].name
	var msg string
	switch v := v.(type) {
	case nil:
		return 0
	case string:
		if bp, ok := printspec.Zihao[strings.TrimSpace(v)]; ok {
			return Size(bp)
		}
		msg = fmt.Sprintf("%s “%s” 不认识", name, v)
	default:
		n, ok := toFloat(v)
		if ok && n >= minSize && n <= maxSize {
			return Size(n)
		}
		msg = fmt.Sprintf("%s %v 不合理", name, v)
		if ok {
			msg = fmt.Sprintf("%s %g 磅超出范围", name, n)
		}
	}
	*probs = append(*probs, &diag.Problem{File: m.Path, Line: keyLine(data, toml.Key{"layout", key}), Msg: msg,
		Hint: fmt.Sprintf("%s应在 %d 到 %d 磅之间（写数字，不加引号），或写字号名称如 \"三号\"（可用：%s）。",
			name, minSize, maxSize, zihaoNames())})
	return 0
}

// zihaoNames lists the 字号 names from the largest, 初号 … 八号.
func zihaoNames() string { return strings.Join(printspec.ZihaoNames(), "、") }

// choice is one [layout] key with a closed set of values; the first is the
// default.
type choice struct {
	key    string
	value  *string
	values []string
	what   string
}

// checkLayout fills m.Layout from [layout] with its defaults and reports
// values outside their sets, naming the key's line.
func (m *Manifest) checkLayout(f *layoutFile, data []byte, probs *diag.List) {
	l := &m.Layout
	*l = Layout{Preset: f.Preset, Punctuation: f.Punctuation, Kinsoku: f.Kinsoku,
		BodySize: m.size("body_size", f.BodySize, data, probs), TitleSize: m.size("title_size", f.TitleSize, data, probs)}
	for _, c := range []choice{
		{"preset", &l.Preset, []string{"gbt9704", "compact"}, "版式"},
		{"punctuation", &l.Punctuation, []string{"quanjiao", "kaiming", "banjiao"}, "标点样式"},
		{"kinsoku", &l.Kinsoku, []string{"gb", "basic", "strict"}, "避头尾规则"},
	} {
		if *c.value == "" {
			*c.value = c.values[0]
			continue
		}
		if !slices.Contains(c.values, *c.value) {
			*probs = append(*probs, &diag.Problem{File: m.Path, Line: keyLine(data, toml.Key{"layout", c.key}),
				Msg:  fmt.Sprintf("%s “%s” 不存在", c.what, *c.value),
				Hint: fmt.Sprintf("[layout] 的 %s 可选：%s（默认 %s）。", c.key, strings.Join(c.values, "、"), c.values[0])})
		}
	}
}
