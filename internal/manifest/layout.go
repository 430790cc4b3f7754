package manifest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"gazette/internal/diag"
	"gazette/layout"
)

// Layout holds the typesetting choices of [layout] in issue.toml.
type Layout struct {
	Preset      string `toml:"preset"`      // "gbt9704" (default) or "compact"
	Punctuation string `toml:"punctuation"` // "quanjiao" (default), "kaiming" or "banjiao" (clreq §3.1.6)
	Kinsoku     string `toml:"kinsoku"`     // "gb" (default), "basic" or "strict" (clreq §3.1.7)
	BodySize    Size   `toml:"body_size"`   // body type: a 字号 name ("三号") or bp; 0 = the preset's
	TitleSize   Size   `toml:"title_size"`  // document titles, likewise
}

// Size is a type size in bp, written in issue.toml either as a Chinese 字号
// name ("三号", "小四") or as a number of bp (16, 10.5).
type Size float64

// UnmarshalTOML implements toml.Unmarshaler.
func (s *Size) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		bp, ok := layout.Zihao[strings.TrimSpace(v)]
		if !ok {
			return fmt.Errorf("字号 “%s” 不认识（可写 三号、小四、五号 等，或直接写磅数如 16）", v)
		}
		*s = Size(bp)
	case int64:
		*s = Size(v)
	case float64:
		*s = Size(v)
	default:
		return fmt.Errorf("字号应写成 “三号” 这样的名称或磅数")
	}
	if *s < 5 || *s > 72 {
		return fmt.Errorf("字号 %.1f 磅不合理（应在 5 到 72 磅之间）", float64(*s))
	}
	return nil
}

// choice is one [layout] key with a closed set of values; the first is the
// default.
type choice struct {
	key    string
	value  *string
	values []string
	what   string
}

// checkLayout fills in the defaults of [layout] and reports values outside
// their sets, naming the key's line.
func (m *Manifest) checkLayout(data []byte, probs *diag.List) {
	l := &m.Layout
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
