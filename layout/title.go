package layout

import (
	"strings"
	"unicode/utf8"

	"gazette/fonts"
	"gazette/internal/model"
)

// title sets a 标题 in the title face, centred, in balanced lines
// (GB/T 9704-2012 7.3.1: 梯形 or 菱形), followed by a blank line unless a
// 发文字号 or 主持 line comes first. The title is kept whole and with the
// first lines after it.
func (c *composer) title(b, next *model.Block) {
	if b.NewPage {
		c.newPage()
	}
	size := c.st.TitleSize
	first := true
	for _, part := range titleParts(b.Text) {
		for _, l := range c.balanced(part.text, size, part.lines) {
			c.titleLine(l, size, first)
			first = false
		}
	}
	c.blankUnlessNext(next, model.DocNumber, model.Presider, model.Title)
}

// titlePart is a run of a title's source lines set together, and how many
// lines they were.
type titlePart struct {
	text  string
	lines int
}

// titleParts keeps the office's own line breaks in a title, except one that
// falls inside a word ("大兴调查／研究的工作方案", words.go) or that the
// prohibitions forbid (a line starting "》的批复" or ending "《": a title
// obeys the 禁则 of body text, https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end):
// those two lines are set again together, in as many lines as they were, so
// that the word stays whole (GB/T 9704-2012 7.3.1: 词意完整) and no mark
// stands where it may not.
func titleParts(text string) []titlePart {
	var out []titlePart
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n := len(out); n > 0 && (splitsWord(out[n-1].text, line) || breakForbidden(out[n-1].text, line)) {
			out[n-1].text += line
			out[n-1].lines++
			continue
		}
		out = append(out, titlePart{text: line, lines: 1})
	}
	return out
}

// titleLine adds one title line. On the gbt9704 grid a 22 bp title line
// takes one 28.95 bp row; where the pitch is too tight for the title size
// (compact), title lines get 1.3 times their size and only the first sits on
// the grid, so the text after the title snaps back onto it.
func (c *composer) titleLine(l Line, size float64, first bool) {
	h := max(c.st.LinePitch, 1.3*size)
	c.items = append(c.items, item{line: &l, baseline: CentredBaseline(h, size), height: h,
		grid: first || h == c.st.LinePitch, keepNext: true, file: c.doc.Source, srcLine: c.blockLine(), elem: c.elem})
}

// balanced breaks a title part into at least minLines lines chosen by
// their shape and words (Paragraph.Balance), each centred in the measure.
func (c *composer) balanced(text string, size float64, minLines int) []Line {
	full := c.st.TextWidth()
	p := &Paragraph{Spans: []Span{{Text: text, Role: fonts.Title, Size: size}}, Width: full, Align: AlignCenter, KeepNames: true, Balance: minLines}
	lines := c.breakReport(p)
	for i := range lines {
		shiftLine(&lines[i], (full-lineExtent(&lines[i]))/2)
	}
	return lines
}

// breakForbidden reports whether the basic level of the prohibitions
// forbids a line break between a and b: b starts with a mark that may not
// start a line, a ends with one that may not end it, or the break would
// divide —— or …….
func breakForbidden(a, b string) bool {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	return noLineStart[first] || noLineEnd[last] || longMark[last] && last == first
}
