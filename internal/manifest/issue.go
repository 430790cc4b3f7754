package manifest

import (
	"fmt"
	"math"

	"github.com/BurntSushi/toml"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// Plausible publication years: the People's Republic to the end of the
// century.
const (
	minYear = 1949
	maxYear = 2100
)

// issueNumber is one whole number of [issue] and what it must be.
type issueNumber struct {
	key      string
	value    int
	lo, hi   int
	required string // message when the key is missing; "" if optional
	bad      string // message for a value outside [lo, hi]; %d is the value
	hint     string
}

// checkIssue fills the issue's numbers and date from [issue] and reports
// each one missing or implausible at its line.
func (m *Manifest) checkIssue(f *file, md toml.MetaData, data []byte, probs *diag.List) {
	is := &f.Issue
	m.Issue.Year, m.Issue.Number, m.Issue.Serial, m.Issue.Copies = is.Year, is.Number, is.Serial, is.Copies
	d := is.Date
	m.Issue.Date = model.Date{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}
	for _, n := range []issueNumber{
		{"year", is.Year, minYear, maxYear, "缺少出版年份", "年份 %d 不合理",
			fmt.Sprintf("year 要写 %d 到 %d 之间的四位数年份，如 year = 2023。", minYear, maxYear)},
		{"number", is.Number, 1, math.MaxInt, "缺少期号（第几期）", "期号必须是正整数，这里写的是 %d", "如第4期写 number = 4。"},
		{"serial", is.Serial, 1, math.MaxInt, "", "总期号必须是正整数，这里写的是 %d",
			"如总第17期写 serial = 17；不印总期号请删除这一行。"},
		{"copies", is.Copies, 1, 10_000_000, "", "印数必须是正整数，这里写的是 %d",
			"如印 500 册写 copies = 500；不印印数请删除这一行。"},
	} {
		m.checkNumber(n, md, data, probs)
	}
	if md.IsDefined("issue", "serial") && is.Serial > 0 && is.Number > is.Serial {
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: keyLine(data, toml.Key{"issue", "serial"}),
			Msg:  fmt.Sprintf("总期号 %d 小于期号 %d", is.Serial, is.Number),
			Hint: "总期号是创刊以来的累计期数，不会小于当年的期号；请检查 number 和 serial 是否写反。"})
	}
	m.checkDate(md, data, probs)
	m.checkPerYear(f, md, data, probs)
}

// checkPerYear checks issues_per_year (read by `gazette new`) and that the
// issue number does not pass it.
func (m *Manifest) checkPerYear(f *file, md toml.MetaData, data []byte, probs *diag.List) {
	if !md.IsDefined("gazette", "issues_per_year") {
		return
	}
	n, line := f.Gazette.IssuesPerYear, keyLine(data, toml.Key{"gazette", "issues_per_year"})
	switch {
	case n < 1 || n > 366:
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
			Msg:  fmt.Sprintf("每年期数 issues_per_year = %d 不合理", n),
			Hint: "写每年出版的期数，1 到 366 之间，如双月刊写 issues_per_year = 6。"})
	case f.Issue.Number > n:
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: keyLine(data, toml.Key{"issue", "number"}),
			Msg:  fmt.Sprintf("期号 %d 大于每年期数 %d（issues_per_year）", f.Issue.Number, n),
			Hint: "请检查 number，或改正 [gazette] 的 issues_per_year。"})
	}
}

func (m *Manifest) checkNumber(n issueNumber, md toml.MetaData, data []byte, probs *diag.List) {
	if !md.IsDefined("issue", n.key) {
		if n.required != "" {
			m.require(probs, data, false, "issue."+n.key, n.required)
		}
		return
	}
	if n.value < n.lo || n.value > n.hi {
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: keyLine(data, toml.Key{"issue", n.key}),
			Msg: fmt.Sprintf(n.bad, n.value), Hint: n.hint})
	}
}

func (m *Manifest) checkDate(md toml.MetaData, data []byte, probs *diag.List) {
	if !md.IsDefined("issue", "date") {
		m.require(probs, data, false, "issue.date", "缺少出版日期，例如 date = 2023-08-30")
		return
	}
	if d := m.Issue.Date; d.Year < minYear || d.Year > maxYear {
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: keyLine(data, toml.Key{"issue", "date"}),
			Msg:  fmt.Sprintf("出版日期的年份 %d 不合理", d.Year),
			Hint: fmt.Sprintf("出版日期要写成 2023-08-30（不加引号），年份在 %d 到 %d 之间。", minYear, maxYear)})
	}
}
