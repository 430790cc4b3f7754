package layout

import (
	"strings"
	"unicode"

	"gazette/fonts"
	"gazette/internal/lazyre"
	"gazette/internal/model"
)

// This file sets the elements particular kinds of document carry (see
// docs/document-kinds.md): a 规章's 题注, own 目录, 章/节 headings and
// articles; the head of a 令 (GB/T 9704-2012 10.2); the lists of a 纪要
// (10.3) and of a 人事任免; the 问/答 of a 政策解读.

// Type sizes of these elements relative to the body and title sizes, so
// that they scale with the preset and the trim.
const (
	// headnoteScale sets the 题注 a size smaller than the body: 四号 under
	// 三号 text on the 公文 grid.
	headnoteScale = 14.0 / 16.0
	// orderHeadScale sets the 令 head larger than a title: 一号 over 二号
	// titles; GB/T 9704-2012 10.2.3.1 names no size, and 一号 keeps a
	// 13-character 自治区人民政府令 on one line.
	orderHeadScale = 26.0 / 22.0
	// orderHeadBlanks is how many empty lines stand between the 令 head and
	// its number (GB/T 9704-2012 10.2.3.1: 发文机关标志下空二行).
	orderHeadBlanks = 2
)

// composeKind sets a block of the kinds above; false for any other kind.
func (c *composer) composeKind(b, prev, next *model.Block) bool {
	size := c.st.BodySize
	switch b.Kind {
	case model.Headnote:
		// 题注: under the title, in 楷体 a size smaller, centred; never part
		// of the title (docs/document-kinds.md#headnote) nor run together
		// across the office's line break, so that it copies out as written
		c.unblank()
		for _, l := range strings.Split(b.Text, "\n") {
			for _, part := range c.headnoteParts(l, size*headnoteScale) {
				c.addLines(c.centredBalanced(Span{Text: part, Role: fonts.Kai, Size: size * headnoteScale}), size*headnoteScale, true)
			}
		}
		c.blankUnlessNext(next, model.Headnote)
	case model.Contents:
		c.contents(b)
	case model.Chapter:
		// 章/节 headings centred on a line of their own, in 黑体, kept with
		// the article under them (docs/document-kinds.md#chapters)
		c.chapter(b.Text)
	case model.Article: // docs/document-kinds.md#articles
		c.article(b)
	case model.OrderHead:
		c.orderHead(b)
	case model.OrderNumber:
		c.unblank()
		c.text(Span{Text: b.Text, Role: fonts.Fang, Size: size}, 0, AlignCenter, true)
		c.blank(true) // GB/T 9704-2012 10.2.3.2: the text one line under the number
	case model.Roster:
		c.roster(b)
	case model.Issuers:
		c.issuers(b, prev)
	case model.Question:
		c.paragraph([]Span{{Text: b.Text, Role: fonts.Hei, Size: size}}, c.ch(2), 0, Justify, false)
		c.keepLast() // a question keeps with its answer
	case model.Answer:
		c.paragraph(c.runIn(b, fonts.Hei), c.ch(2), 0, Justify, false)
	default:
		return false
	}
	return true
}

// runIn splits a block into its Lead, in the face given, and the rest in
// 仿宋.
func (c *composer) runIn(b *model.Block, role fonts.Role) []Span {
	size := c.st.BodySize
	if b.Lead == "" || !strings.HasPrefix(b.Text, b.Lead) || len(b.Text) == len(b.Lead) {
		return []Span{{Text: b.Text, Role: role, Size: size}}
	}
	return []Span{{Text: b.Lead, Role: role, Size: size}, {Text: b.Text[len(b.Lead):], Role: fonts.Fang, Size: size}}
}

// unblank takes back the blank line the element before left under it, for
// what belongs right under a title (its 题注, a 公告's number).
func (c *composer) unblank() {
	if n := len(c.items); n > 0 && c.items[n-1].blank && !c.items[n-1].newPage {
		c.items = c.items[:n-1]
		c.truncated(n - 1)
	}
}

// contents sets a 规章's own 目录 (docs/document-kinds.md#contents): "目　　录" centred in 黑体, then one line
// per entry, two characters in, a wrapped entry aligned with its first
// character; a blank line after it.
func (c *composer) contents(b *model.Block) {
	size := c.st.BodySize
	entries := strings.Split(b.Text, "\n")
	if isContentsLabel(entries[0]) {
		c.text(Span{Text: entries[0], Role: fonts.Hei, Size: size}, 0, AlignCenter, true)
		entries = entries[1:]
	} // an outline the office printed with no label gets none
	toc := newElem("TOC", c.sect) // tags.go: an entry a TOCI
	for i, e := range entries {
		c.elem = newElem("TOCI", toc)
		c.paragraph([]Span{{Text: e, Role: fonts.Kai, Size: size}}, c.ch(2), c.ch(2), AlignLeft, i < len(entries)-1)
	}
	c.blank(false)
}

// isContentsLabel reports the "目　　录" label line of a Contents block,
// whatever white space it has.
func isContentsLabel(s string) bool {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "") == "目录"
}

// orderHead sets the head of a 令 (GB/T 9704-2012 10.2.3.1; docs/document-kinds.md#orders): the issuing
// body's name and 令, centred in the title face, larger than a title, two
// empty lines over its number.
func (c *composer) orderHead(b *model.Block) {
	size := c.st.TitleSize * orderHeadScale
	for i, l := range c.balanced(b.Text, size, 1) {
		c.titleLine(l, size, i == 0)
	}
	for range orderHeadBlanks {
		c.blank(true)
	}
}

// roster sets a labelled list (docs/document-kinds.md#minutes; GB/T 9704-2012 10.3: "出席" two characters
// in, in 黑体, a full-width colon, the names in 仿宋; a wrapped line aligns
// with the first character after the colon). The items a 任命： or 免去：
// line heads, one a line, align there too.
func (c *composer) roster(b *model.Block) {
	size := c.st.BodySize
	lines := strings.Split(b.Text, "\n")
	label := c.single(b.Lead, size)
	hang := c.ch(2) + lineExtent(&label)
	first := model.Block{Text: lines[0], Lead: b.Lead}
	list := newElem("L", c.sect) // tags.go: a line a list item
	c.listItem(list)
	c.rosterLines(c.runIn(&first, fonts.Hei), c.ch(2), hang, len(lines) > 1)
	for i, item := range lines[1:] {
		c.listItem(list)
		c.rosterLines([]Span{{Text: item, Role: fonts.Fang, Size: size}}, hang, hang, i < len(lines)-2)
	}
}

// rosterLines sets one line of a list, flush left, breaking between its
// items — a name, a body, a note in brackets, each between 、，；— wherever
// the item fits the line (Paragraph.KeepItems), so that no name reads
// "孙某／某" and no body "县司法／局" across two lines.
func (c *composer) rosterLines(spans []Span, indent, hang float64, keepAll bool) {
	size := spans[0].Size
	p := &Paragraph{Spans: spans, Width: c.st.TextWidth(), Indent: indent, Hang: hang, Align: AlignLeft, Track: c.track(size), KeepItems: true, KeepWords: true}
	c.addLines(c.breakKept(p), size, keepAll)
}

// chapterForm is a 编/章/节 heading in the house form
// (docs/document-kinds.md#chapters): the number, one full-width space, the
// name without the spaces the source typed inside it, a name of two
// characters spread over four ("第一章　总　　则", "第七章　附　　则", as
// the printed texts of laws and regulations set them). Only white space
// changes; every character of the heading is kept.
func chapterForm(text string) string {
	number, name, ok := strings.Cut(text, "\u3000")
	if !ok {
		return text
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, name)
	if rs := []rune(name); len(rs) == 2 {
		name = string(rs[0]) + "\u3000\u3000" + string(rs[1])
	}
	return number + "\u3000" + name
}

// chapter sets a 章/节 heading in the house form, centred on a line of
// its own, in 黑体, kept with the article under it
// (docs/document-kinds.md#chapters). Its two-em gap reads back in order
// because the article under it is not split at its own space (article).
func (c *composer) chapter(text string) {
	c.text(Span{Text: chapterForm(text), Role: fonts.Hei, Size: c.st.BodySize}, 0, AlignCenter, true)
}

// issuers sets the issuing bodies of a joint document
// (docs/document-kinds.md#joint-issuers): one name a line, centred, in
// 楷体 at the body size, as GB/T 9704-2012 7.2.3 stacks the names of a
// 联合行文's 发文机关标志 over its title, the lead body first; names the
// office put on one line stay on one. Over a title they keep with it,
// with a blank line between; right under a title (a byline) they follow
// it with no blank line, and one under them.
func (c *composer) issuers(b, prev *model.Block) {
	if b.NewPage {
		c.newPage()
	}
	if prev != nil && prev.Kind == model.Title && !b.NewPage {
		c.unblank()
	}
	for _, name := range strings.Split(b.Text, "\n") {
		c.text(Span{Text: name, Role: fonts.Kai, Size: c.st.BodySize}, 0, AlignCenter, true)
	}
	c.blank(true)
}

// article sets an article: its number as a run-in head in 黑体, the
// full-width space, the text in 仿宋, justified (docs/document-kinds.md#articles).
// The space after the number keeps its width when the first line is
// justified: what the line must gain is spread over its other gaps. A
// space stretched to an em or more is where text extractors see a column
// gutter, and the number would then read back as a block of its own —
// after the second half of a "第一章　总　　则" above it.
func (c *composer) article(b *model.Block) {
	size := c.st.BodySize
	p := &Paragraph{Spans: c.runIn(b, fonts.Hei), Width: c.st.TextWidth(), Indent: c.ch(2), Align: Justify, Track: c.track(size)}
	lines := c.breakReport(p)
	if len(lines) > 1 && b.Lead != "" {
		c.keepSpaceAfterLead(&lines[0], len([]rune(b.Lead)))
	}
	c.addLines(lines, size, false)
}

// keepSpaceAfterLead takes back from the gap around the glyph after a
// run-in head of n glyphs (the full-width space) what justification added
// to it, and spreads that over the gaps after it, so that the line still
// ends where it did.
func (c *composer) keepSpaceAfterLead(l *Line, n int) {
	gs := l.Glyphs
	if len(gs) < n+3 || !unicode.IsSpace(gs[n].R) {
		return
	}
	natural := c.advance(gs[n-1]) + c.advance(gs[n]) + 2*c.track(gs[n].Size)
	excess := gs[n+1].X - gs[n-1].X - natural
	last := len(gs) - 1
	if excess <= 0 || last <= n+1 {
		return
	}
	for k := n + 1; k < last; k++ {
		gs[k].X -= excess * float64(last-k) / float64(last-n-1)
	}
}

// advance is a placed glyph's advance width.
func (c *composer) advance(g Glyph) float64 {
	a, _ := c.lb.Metrics.Advance(g.Role, g.R)
	return a * g.Size
}

// headnoteDateRE is the date a 题注 line opens with, after its bracket:
// "(2001年10月17日", "（二〇〇一年十月十七日".
var headnoteDateRE = lazyre.New(`^[（(]?[0-9〇○零一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日`)

// headnoteParts splits a 题注 line too long for one line after the date it
// opens with, when what follows the date fits a line of its own: the line
// then breaks between the date and the body that acted
// ("（2001年10月17日" / "深圳市第三届人民代表大会常务委员会第十一次会议通过"),
// never inside the body's name, as balancing alone would break it
// ("……深圳市第三届" / "人民代表大会……"). Otherwise the line is one part.
func (c *composer) headnoteParts(line string, size float64) []string {
	m := headnoteDateRE().FindString(line)
	if m == "" || m == line {
		return []string{line}
	}
	fits := func(s string) bool {
		p := &Paragraph{Spans: []Span{{Text: s, Role: fonts.Kai, Size: size}}, Width: c.st.TextWidth(), Align: AlignCenter, Track: c.track(size)}
		return len(c.breakKept(p)) == 1
	}
	if fits(line) || !fits(line[len(m):]) {
		return []string{line}
	}
	return []string{m, line[len(m):]}
}

// centredBalanced breaks a span into centred lines of nearly equal length:
// a source line of a 题注 too long for the measure is not left with a word
// alone on its second line ("…第十一次会议" / "通过"). The measure narrows
// while the number of lines stays the same.
func (c *composer) centredBalanced(s Span) []Line {
	p := &Paragraph{Spans: []Span{s}, Width: c.st.TextWidth(), Align: AlignCenter, Track: c.track(s.Size), KeepWords: true}
	best := c.breakReport(p)
	if len(best) < 2 {
		return best
	}
	for w := p.Width - s.Size/2; w > p.Width/2; w -= s.Size / 2 {
		p.Width = w
		l := c.breakReport(p)
		if len(l) != len(best) {
			break
		}
		best = l
	}
	for i := range best {
		shiftLine(&best[i], (c.st.TextWidth()-lineExtent(&best[i]))/2)
	}
	return best
}
