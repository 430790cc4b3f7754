package source

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gazette/internal/model"
)

// This file recognises the decimal numbering of sections that 预案 and
// 方案 take from GB/T 1.1-2020 (7.2, 章条编号: "1", "1.1", "1.1.1", the
// number followed by a space and the section's title; docs/document-kinds.md#decimal-sections),
// and the outline of those sections a plan prints before them without a
// 目录 label.

// Limits of decimal sections.
const (
	maxDecimalDepth = 4  // 1.1.1.1
	maxDecimalTitle = 25 // characters of a section's title
	decimalConfirm  = 8  // lines looked at for the head that confirms a first one
	minOutline      = 3  // entries of an outline
)

// decimalHeadRE is a decimal section head: the number, white space, a
// title that is not a sentence.
var decimalHeadRE = regexp.MustCompile(`^([0-9]{1,2}(?:\.[0-9]{1,2}){0,3})` + `[ \t\x{00A0}\x{3000}]+` + `(\p{Han}.*)$`)

// decimalHeadOf reads a decimal section head: its number's parts and its
// title. A title with sentence punctuation, or too long, is text that
// starts with a number ("3 个工作日内，……。").
func decimalHeadOf(s string) ([]int, string, bool) {
	m := decimalHeadRE.FindStringSubmatch(s)
	if m == nil || runes(m[2]) > maxDecimalTitle || strings.ContainsAny(m[2], sentenceEnds+clauseMarks+"“”") {
		return nil, "", false
	}
	var parts []int
	for _, f := range strings.Split(m[1], ".") {
		n, _ := strconv.Atoi(f)
		if n == 0 {
			return nil, "", false
		}
		parts = append(parts, n)
	}
	return parts, m[2], len(parts) <= maxDecimalDepth
}

// follows reports whether section number cur comes right after prev: its
// first subsection (1 → 1.1), or the next section at prev's depth or above
// (1.2 → 1.3, 1.2 → 2).
func follows(prev, cur []int) bool {
	if len(cur) == len(prev)+1 {
		return cur[len(cur)-1] == 1 && slicesEqual(cur[:len(prev)], prev)
	}
	if len(cur) > len(prev) || len(cur) == 0 {
		return false
	}
	k := len(cur) - 1
	return slicesEqual(cur[:k], prev[:k]) && cur[k] == prev[k]+1
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// decimalHeadAt reports a decimal section head at line i: one that
// continues the numbering of the heads before it in this part of the
// document, or, for the first, a 1 (1.1, 1.1.1) that the next decimal head
// within a few lines continues. So a line that merely starts with a number
// is never taken for a head.
func (p *parser) decimalHeadAt(i int) ([]int, string, bool) {
	cur, title, ok := decimalHeadOf(p.lines[i].text)
	if !ok {
		return nil, "", false
	}
	if p.decimal != nil {
		return cur, title, follows(p.decimal, cur)
	}
	for _, n := range cur {
		if n != 1 {
			return nil, "", false
		}
	}
	for j := i + 1; j < len(p.lines) && j <= i+decimalConfirm; j++ {
		if next, _, ok := decimalHeadOf(p.lines[j].text); ok {
			return cur, title, follows(cur, next)
		}
	}
	return nil, "", false
}

// decimalHead reads a decimal section head as a heading of its depth
// (1 → level 1, 1.1 → level 2, deeper → level 3), the number and the
// title one full-width space apart; the layout keeps it with the lines
// after it.
func (p *parser) decimalHead() bool {
	cur, title, ok := p.decimalHeadAt(p.i)
	if !ok {
		return false
	}
	l := p.cur()
	p.i++
	p.decimal = cur
	number := l.text[:strings.IndexFunc(l.text, isBlank)]
	p.add(model.Block{Kind: model.Heading, Level: min(len(cur), 3), Text: number + "\u3000" + title, Line: l.no})
	return true
}

// outlineKey is an outline entry or a section head compared without its
// number and white space: "1 总则" and "总则" are one section.
func outlineKey(s string) string {
	if m := sectionNumberRE.FindStringIndex(s); m != nil {
		_, size := utf8.DecodeLastRuneInString(s[:m[1]]) // the match ends with the title's first character
		s = s[m[1]-size:]
	}
	return forwardKey(s)
}

// outlineSpan reports how many lines from i make the outline of a plan's
// sections printed under its title without a 目录 label (牟定县突发环境
// 事件应急预案: "总则" / "1.1 编制目的" / … / "8 附则", then "1 总则"
// opens the text): entries of a 目录, some numbered with a dot, up to the
// line where the first entry comes again. 0 if the first entry never
// comes again: then they are no outline.
func (p *parser) outlineSpan(i int) int {
	first := outlineKey(p.lines[i].text)
	dotted := 0
	for k := 0; k < maxContents && i+k < len(p.lines); k++ {
		s := p.lines[i+k].text
		if k > 0 && outlineKey(s) == first {
			if k < minOutline || dotted == 0 {
				return 0
			}
			return k
		}
		if !contentsEntry(s) {
			return 0
		}
		if parts, _, ok := decimalHeadOf(s); ok && len(parts) > 1 {
			dotted++
		}
	}
	return 0
}

// outline reads n lines of an unlabelled outline as a 目录 block with no
// label line: the office wrote none, and none is added.
func (p *parser) outline(n int) {
	first := p.cur()
	var entries []string
	for k := 0; k < n; k++ {
		entries = append(entries, p.cur().text)
		p.i++
	}
	p.add(model.Block{Kind: model.Contents, Text: strings.Join(entries, "\n"), Line: first.no})
}
