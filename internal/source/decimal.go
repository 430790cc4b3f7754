package source

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"gazette/internal/lazyre"
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

// decimalHeadRE is a decimal section head: the number, perhaps a dot after
// it, perhaps white space, a title that is not a sentence. Offices write
// "1 总则" as GB/T 1.1 does, but as often "1.总则", "1总则" and
// "1.1编制目的" with no space.
var decimalHeadRE = lazyre.New(`^([0-9]{1,2}(?:\.[0-9]{1,2}){0,3})([.．]?)([ \t\x{00A0}\x{3000}]*)(\p{Han}.*)$`)

// decimalHeadStart reports whether s starts as every decimalHeadRE match
// does: one or two ASCII digits, then no third ("2023年" never matches).
// decimalHeadOf runs on most lines; this spares them the regexp.
func decimalHeadStart(s string) bool {
	if s == "" || !isASCIIDigit(s[0]) {
		return false
	}
	return len(s) < 3 || !isASCIIDigit(s[1]) || !isASCIIDigit(s[2])
}

// decimalTitleFits reports whether the title a decimalHeadRE match would
// find in s is short and not a sentence, as decimalHeadOf asks of it. The
// number, dot and blanks before the title hold no Han character, so a
// match's title is s from its first Han character on: this tests it without
// the regexp, which on a numbered paragraph ("1.……，……。") would run over the
// whole line only for its title to be turned away.
func decimalTitleFits(s string) bool {
	k := strings.IndexFunc(s, isHan)
	if k < 0 {
		return false // no title: the regexp does not match
	}
	title := s[k:]
	return !moreRunes(title, maxDecimalTitle) && !strings.ContainsAny(title, decimalTitleMarks)
}

// decimalTitleMarks are the marks a decimal section's title never holds.
const decimalTitleMarks = sentenceEnds + clauseMarks + "“”"

// decimalHead is a decimal section head as the office wrote it.
type decimalHead struct {
	parts  []int  // 1.2 → [1 2]
	number string // the number as written, with its dot if any: "1." or "1.2"
	title  string
	// bare is a one-part number with no white space before its title
	// ("1.总则", "1总则"): "1." is also GB/T 9704's level-3 number, so
	// only a "1.1" under it shows a decimal numbering.
	bare bool
}

// decimalHeadOf reads a decimal section head. A title with sentence
// punctuation, or too long, is text that starts with a number ("3 个工作日
// 内，……。").
func decimalHeadOf(s string) (decimalHead, bool) {
	if !decimalHeadStart(s) || !decimalTitleFits(s) {
		return decimalHead{}, false
	}
	m := decimalHeadRE().FindStringSubmatch(s)
	if m == nil || runes(m[4]) > maxDecimalTitle || strings.ContainsAny(m[4], sentenceEnds+clauseMarks+"“”") {
		return decimalHead{}, false
	}
	var parts []int
	for _, f := range strings.Split(m[1], ".") {
		n, _ := strconv.Atoi(f)
		if n == 0 {
			return decimalHead{}, false
		}
		parts = append(parts, n)
	}
	h := decimalHead{parts: parts, number: m[1] + m[2], title: m[4], bare: len(parts) == 1 && m[3] == ""}
	return h, len(parts) <= maxDecimalDepth
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
// within a few lines continues — a 1.1 under it where the 1 is written
// bare ("1.总则", docs/document-kinds.md#decimal-sections). So a line that
// merely starts with a number is never taken for a head.
func (p *parser) decimalHeadAt(i int) (decimalHead, bool) {
	cur, ok := decimalHeadOf(p.lines[i].text)
	if !ok {
		return decimalHead{}, false
	}
	if p.decimal != nil {
		return cur, follows(p.decimal, cur.parts)
	}
	for _, n := range cur.parts {
		if n != 1 {
			return decimalHead{}, false
		}
	}
	for j := i + 1; j < len(p.lines) && j <= i+decimalConfirm; j++ {
		if next, ok := decimalHeadOf(p.lines[j].text); ok {
			deeper := len(next.parts) > len(cur.parts)
			return cur, follows(cur.parts, next.parts) && (deeper || !cur.bare)
		}
	}
	return decimalHead{}, false
}

// decimalHead reads a decimal section head as a heading of its depth
// (1 → level 1, 1.1 → level 2, deeper → level 3), the number and the
// title one full-width space apart — none after a number that ends with
// its dot ("1.总则"), which the dot already sets off; the layout keeps it
// with the lines after it.
func (p *parser) decimalHead() bool {
	h, ok := p.decimalHeadAt(p.i)
	if !ok {
		return false
	}
	l := p.cur()
	p.i++
	p.decimal = h.parts
	sep := "\u3000"
	if r := lastRune(h.number); r == '.' || r == '．' {
		sep = ""
	}
	p.add(model.Block{Kind: model.Heading, Level: min(len(h.parts), 3), Text: h.number + sep + h.title, Line: l.no})
	return true
}

// outlineKey is an outline entry or a section head compared without its
// number and white space: "1 总则" and "总则" are one section.
func outlineKey(s string) string {
	if m := sectionNumberRE().FindStringIndex(s); m != nil {
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
		if h, ok := decimalHeadOf(s); ok && len(h.parts) > 1 {
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
