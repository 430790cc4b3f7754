// Package nextissue writes the manifest of a gazette's next issue from the
// manifest of the last one, as the office would by hand: the issue number
// and the 总期号 one up, the year rolled over after the year's last issue,
// every section kept with an empty document list, the publication date left
// for the office to fill in, and everything else — comments included — as
// it was.
//
// It edits the TOML text line by line rather than decoding and encoding it,
// because an encoder would drop the office's comments and reorder its keys.
package nextissue

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// perYear gives the number of issues a year for the 刊期 names offices write
// in [gazette] frequency. A gazette with another rhythm says so with
// issues_per_year.
var perYear = map[string]int{
	"年刊":  1,
	"半年刊": 2,
	"季刊":  4,
	"双月刊": 6,
	"月刊":  12,
	"半月刊": 24,
	"旬刊":  36,
	"周刊":  52,
}

// Issue identifies one issue of the gazette.
type Issue struct {
	Year, Number, Serial int // Serial is 0 when the manifest has none
}

// Result is the next issue's manifest and what changed.
type Result struct {
	Manifest []byte
	Prev     Issue
	Next     Issue
	PrevDate time.Time // the last issue's publication date
	// SuggestedDate is the last date moved on by one period: written into a
	// comment for the office, never as the date itself.
	SuggestedDate time.Time
	Sections      int // sections whose document lists were emptied
}

// prevFile is the part of issue.toml that Next reads.
type prevFile struct {
	Gazette struct {
		Frequency     string `toml:"frequency"`
		IssuesPerYear int    `toml:"issues_per_year"`
	} `toml:"gazette"`
	Issue struct {
		Year   int       `toml:"year"`
		Number int       `toml:"number"`
		Serial int       `toml:"serial"`
		Date   time.Time `toml:"date"`
	} `toml:"issue"`
}

// Next returns the manifest of the issue after the one data describes.
func Next(data []byte) (*Result, error) {
	var f prevFile
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, fmt.Errorf("上一期的清单无法读取，请先用 gazette check 检查它：%w", err)
	}
	n, err := issuesPerYear(f.Gazette.Frequency, f.Gazette.IssuesPerYear)
	if err != nil {
		return nil, err
	}
	if f.Issue.Year == 0 || f.Issue.Number == 0 {
		return nil, errors.New("上一期的清单没有 [issue] 的 year 和 number，无法推算下一期")
	}
	if f.Issue.Number > n {
		return nil, fmt.Errorf("上一期是第 %d 期，但%s每年只有 %d 期；请检查 number，或在 [gazette] 中写明 issues_per_year",
			f.Issue.Number, frequencyName(f.Gazette.Frequency), n)
	}
	r := &Result{Prev: Issue{f.Issue.Year, f.Issue.Number, f.Issue.Serial}, PrevDate: f.Issue.Date}
	r.Next = advance(r.Prev, n)
	if md.IsDefined("issue", "date") {
		r.SuggestedDate = nextDate(f.Issue.Date, n)
	}
	out, sections, err := rewrite(data, r)
	if err != nil {
		return nil, err
	}
	r.Manifest, r.Sections = out, sections
	if err := verify(out, r.Next); err != nil {
		return nil, err
	}
	return r, nil
}

// issuesPerYear is the explicit count, or the one the 刊期 name implies.
func issuesPerYear(frequency string, explicit int) (int, error) {
	if explicit != 0 {
		if explicit < 1 || explicit > 366 {
			return 0, fmt.Errorf("issues_per_year = %d 不合理：每年的期数应在 1 到 366 之间", explicit)
		}
		return explicit, nil
	}
	if n, ok := perYear[strings.TrimSpace(frequency)]; ok {
		return n, nil
	}
	return 0, fmt.Errorf("无法从刊期%s推算每年出几期；请在 [gazette] 中加一行，如 issues_per_year = 6",
		frequencyName(frequency))
}

func frequencyName(f string) string {
	if strings.TrimSpace(f) == "" {
		return "（没有填写 frequency）"
	}
	return "“" + f + "”"
}

// advance is the issue after prev: the year rolls over after its last issue.
func advance(prev Issue, perYear int) Issue {
	next := Issue{Year: prev.Year, Number: prev.Number + 1}
	if prev.Number >= perYear {
		next.Year, next.Number = prev.Year+1, 1
	}
	if prev.Serial > 0 {
		next.Serial = prev.Serial + 1
	}
	return next
}

// nextDate moves d on by one period: whole months when the year divides
// evenly into them (双月刊: two months), otherwise the year's days shared out.
func nextDate(d time.Time, perYear int) time.Time {
	if 12%perYear == 0 {
		return d.AddDate(0, 12/perYear, 0)
	}
	return d.AddDate(0, 0, 365/perYear)
}

// verify decodes the new manifest and checks it says what was meant.
func verify(out []byte, want Issue) error {
	var f prevFile
	if _, err := toml.Decode(string(out), &f); err != nil {
		return fmt.Errorf("生成的清单无法读取（gazette 的缺陷，请报告维护人员）：%w", err)
	}
	got := Issue{f.Issue.Year, f.Issue.Number, f.Issue.Serial}
	if got != want {
		return fmt.Errorf("无法在清单中改写期号：改写后是 %d 年第 %d 期（总第 %d 期），应为 %d 年第 %d 期；"+
			"请把 [issue] 的 year、number、serial 各写成单独一行，如 number = 4", got.Year, got.Number, got.Serial,
			want.Year, want.Number)
	}
	return nil
}

var tableHeader = regexp.MustCompile(`^\s*\[\[?\s*([A-Za-z0-9_."-]+?)\s*\]\]?\s*(#.*)?$`)

// rewrite edits the manifest's lines; it returns the text and how many
// document lists it emptied.
func rewrite(data []byte, r *Result) ([]byte, int, error) {
	lines := strings.SplitAfter(string(data), "\n")
	var out bytes.Buffer
	table, sections := "", 0
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if m := tableHeader.FindStringSubmatch(line); m != nil {
			table = m[1]
			out.WriteString(line)
			continue
		}
		key, value, comment, ok := splitKeyLine(line)
		switch {
		case !ok:
			out.WriteString(renumberComment(line, r))
		case table == "issue":
			out.WriteString(issueLine(line, key, value, comment, r))
		case table == "section" && key == "documents":
			end, err := arrayEnd(lines, i, len(line)-len(strings.TrimLeft(line, " \t"))+len(key))
			if err != nil {
				return nil, 0, err
			}
			out.WriteString(indentOf(line) + "documents = []" + trailingComment(lines[end]) + eol(lines[end]))
			i = end
			sections++
		default:
			out.WriteString(line)
		}
	}
	return out.Bytes(), sections, nil
}

// issueLine rewrites one key line of [issue], keeping the spacing before
// its comment so that the comments stay in their column.
func issueLine(line, key, value, comment string, r *Result) string {
	set := func(v int) string {
		return replaceValue(line, value, strconv.Itoa(v), r)
	}
	switch key {
	case "year":
		return set(r.Next.Year)
	case "number":
		return set(r.Next.Number)
	case "serial":
		if r.Next.Serial > 0 {
			return set(r.Next.Serial)
		}
	case "date":
		hint := fmt.Sprintf("# 出版日期：请填写后去掉行首的 #（上期 %s）", value)
		return indentOf(line) + "# date = " + r.SuggestedDate.Format("2006-01-02") + "   " + hint + eol(line)
	}
	return line
}

// replaceValue puts neu where value stands in line; the spaces after it grow
// or shrink by the difference, keeping at least one before a comment.
func replaceValue(line, value, neu string, r *Result) string {
	at := strings.Index(line, "=") + 1
	at += strings.Index(line[at:], value)
	rest := line[at+len(value):]
	pad := len(rest) - len(strings.TrimLeft(rest, " \t"))
	if pad > 0 {
		pad = max(1, pad-(len(neu)-len(value)))
	}
	return line[:at] + neu + strings.Repeat(" ", pad) + renumberComment(strings.TrimLeft(rest, " \t"), r)
}

// renumberComment updates the issue's own numbers where a comment spells
// them (“2023年第4期”, “第4期”, “总第17期”), so that comments stay true.
func renumberComment(s string, r *Result) string {
	if !strings.Contains(s, "#") {
		return s
	}
	at := strings.Index(s, "#")
	head, c := s[:at], s[at:]
	old := []string{
		fmt.Sprintf("%d年第%d期", r.Prev.Year, r.Prev.Number),
		fmt.Sprintf("总第%d期", r.Prev.Serial),
	}
	neu := []string{
		fmt.Sprintf("%d年第%d期", r.Next.Year, r.Next.Number),
		fmt.Sprintf("总第%d期", r.Next.Serial),
	}
	for i := range old {
		if r.Prev.Serial == 0 && i == 1 {
			continue
		}
		c = strings.ReplaceAll(c, old[i], neu[i])
	}
	c = bareIssue(c, r)
	return head + c
}

// bareIssue rewrites “第4期” not preceded by 年 or 总 (handled above).
func bareIssue(c string, r *Result) string {
	pat := regexp.MustCompile(`(^|[^年总])第` + strconv.Itoa(r.Prev.Number) + `期`)
	return pat.ReplaceAllString(c, "${1}第"+strconv.Itoa(r.Next.Number)+"期")
}

var keyLine = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=\s*(.*)$`)

// splitKeyLine splits `key = value   # comment` into its parts.
func splitKeyLine(line string) (key, value, comment string, ok bool) {
	m := keyLine.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
	if m == nil {
		return "", "", "", false
	}
	v := m[2]
	if at := commentStart(v); at >= 0 {
		return m[1], strings.TrimSpace(v[:at]), v[at:], true
	}
	return m[1], strings.TrimSpace(v), "", true
}

// outsideStrings calls visit with the index of each byte of s that stands
// outside a TOML string, until visit returns false.
func outsideStrings(s string, visit func(i int) bool) {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
		case c == '"' || c == '\'':
			quote = c
		default:
			if !visit(i) {
				return
			}
		}
	}
}

// commentStart is the index of the # that starts a comment in s, outside
// any string, or -1.
func commentStart(s string) int {
	at := -1
	outsideStrings(s, func(i int) bool {
		if s[i] == '#' {
			at = i
		}
		return at < 0
	})
	return at
}

// arrayEnd finds the line on which the array that starts after the key on
// line i closes, skipping brackets inside strings and comments.
func arrayEnd(lines []string, i, from int) (int, error) {
	depth, started, closed := 0, false, false
	for j := i; j < len(lines); j++ {
		s := lines[j]
		if j == i {
			s = s[from:]
		}
		outsideStrings(s, func(k int) bool {
			switch s[k] {
			case '#':
				return false
			case '[':
				depth, started = depth+1, true
			case ']':
				depth--
				closed = started && depth == 0
			}
			return !closed
		})
		if closed {
			return j, nil
		}
	}
	return 0, fmt.Errorf("第 %d 行的 documents 列表没有以 ] 结束", i+1)
}

func indentOf(line string) string { return line[:len(line)-len(strings.TrimLeft(line, " \t"))] }

func trailingComment(line string) string {
	t := strings.TrimRight(line, "\r\n")
	if at := commentStart(t[strings.LastIndex(t, "]")+1:]); at >= 0 {
		return "  " + t[strings.LastIndex(t, "]")+1+at:]
	}
	return ""
}

func spaced(comment string) string {
	if comment == "" {
		return ""
	}
	return "  " + comment
}

// eol keeps the line's own ending (CRLF from Windows editors, or none).
func eol(line string) string {
	switch {
	case strings.HasSuffix(line, "\r\n"):
		return "\r\n"
	case strings.HasSuffix(line, "\n"):
		return "\n"
	}
	return ""
}
