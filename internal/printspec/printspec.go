// Package printspec holds the tables of print that several packages read:
// the Chinese type-size names (字号), the named trim sizes (开本) and the
// registered printing conditions a PDF/X output intent may name. The
// manifest checks the office's choices against them, layout sets type by
// them, the renderer writes them and preflight names what it finds with
// them — one table each, so the packages cannot disagree. It imports
// nothing of ours.
package printspec

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// Zihao maps the Chinese type-size names to bp (ctex's table; GB/T 9704-2012
// 5.2.2 names sizes this way: 三号 = 16 bp).
var Zihao = map[string]float64{
	"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
	"三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
	"六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5,
}

// ZihaoNames lists the 字号 names from the largest, 初号 … 八号.
func ZihaoNames() []string {
	names := slices.Collect(maps.Keys(Zihao))
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(Zihao[b], Zihao[a]), strings.Compare(a, b))
	})
	return names
}

// TrimSize is a named finished page size (开本), portrait.
type TrimSize struct {
	Name          string   // the name printed in messages: "A4", "大16开"
	Aliases       []string // other names issue.toml accepts
	Width, Height float64  // mm
}

// A4 is the 公文 paper (GB/T 9704-2012 5.1), for which every preset is
// designed.
const (
	A4WidthMM  = 210.0
	A4HeightMM = 297.0
)

// TrimSizes are the named trims (docs/pdfx.md#trim-sizes): A4, 大度 and 正度
// 16开, the first the default.
var TrimSizes = []TrimSize{
	{"A4", []string{"a4"}, A4WidthMM, A4HeightMM},
	{"大16开", []string{"大度16开", "da16"}, 210, 285},
	{"正16开", []string{"正度16开", "zheng16"}, 185, 260},
}

// TrimByName returns the trim size named name (or one of its aliases).
func TrimByName(name string) (TrimSize, bool) {
	for _, t := range TrimSizes {
		if t.Name == name || slices.Contains(t.Aliases, name) {
			return t, true
		}
	}
	return TrimSize{}, false
}

// OutputCondition is a printing condition registered with the ICC, which a
// PDF/X output intent may name without embedding its profile
// (docs/pdfx.md#output-conditions).
type OutputCondition struct {
	Identifier string // OutputConditionIdentifier, as registered
	Info       string // a human-readable description
}

// OutputConditions are the conditions [print] output_condition accepts and
// the renderer writes, the first the default.
var OutputConditions = []OutputCondition{
	{"FOGRA39", "Coated FOGRA39 (ISO 12647-2:2004)"},
	{"JC200103", "Japan Color 2001 Coated"},
	{"CGATS TR 001", "CGATS TR 001-1995 (SWOP)"},
}

// OutputConditionNames lists the identifiers of OutputConditions in order.
func OutputConditionNames() []string {
	out := make([]string, len(OutputConditions))
	for i, c := range OutputConditions {
		out[i] = c.Identifier
	}
	return out
}

// OutputConditionByName returns the registered condition with identifier
// name.
func OutputConditionByName(name string) (OutputCondition, bool) {
	for _, c := range OutputConditions {
		if c.Identifier == name {
			return c, true
		}
	}
	return OutputCondition{}, false
}
