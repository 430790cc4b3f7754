package layout

import (
	"strings"

	"gazette/fonts"
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
func (c *composer) composeKind(b, next *model.Block) bool {
	size := c.st.BodySize
	switch b.Kind {
	case model.Headnote:
		// 题注: under the title, in 楷体 a size smaller, centred; never part
		// of the title (docs/document-kinds.md#headnote)
		c.unblank()
		c.paragraph([]Span{{Text: b.Text, Role: fonts.Kai, Size: size * headnoteScale}}, 0, 0, AlignCenter, true)
		c.blankUnlessNext(next, model.Headnote)
	case model.Contents:
		c.contents(b)
	case model.Chapter:
		// 章/节 headings centred on a line of their own, in 黑体, kept with
		// the article under them (docs/document-kinds.md#chapters)
		c.text(Span{Text: b.Text, Role: fonts.Hei, Size: size}, 0, AlignCenter, true)
	case model.Article: // docs/document-kinds.md#articles
		c.paragraph(c.runIn(b, fonts.Hei), c.ch(2), 0, Justify, false)
	case model.OrderHead:
		c.orderHead(b)
	case model.OrderNumber:
		c.unblank()
		c.text(Span{Text: b.Text, Role: fonts.Fang, Size: size}, 0, AlignCenter, true)
		c.blank(true) // GB/T 9704-2012 10.2.3.2: the text one line under the number
	case model.Roster:
		c.roster(b)
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
	}
}

// contents sets a 规章's own 目录 (docs/document-kinds.md#contents): "目　　录" centred in 黑体, then one line
// per entry, two characters in, a wrapped entry aligned with its first
// character; a blank line after it.
func (c *composer) contents(b *model.Block) {
	size := c.st.BodySize
	entries := strings.Split(b.Text, "\n")
	c.text(Span{Text: entries[0], Role: fonts.Hei, Size: size}, 0, AlignCenter, true)
	toc := newElem("TOC", c.sect) // tags.go: an entry a TOCI
	for i, e := range entries[1:] {
		c.elem = newElem("TOCI", toc)
		c.paragraph([]Span{{Text: e, Role: fonts.Kai, Size: size}}, c.ch(2), c.ch(2), AlignLeft, i < len(entries)-2)
	}
	c.blank(false)
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
	c.paragraph(c.runIn(&first, fonts.Hei), c.ch(2), hang, Justify, len(lines) > 1)
	for i, item := range lines[1:] {
		c.listItem(list)
		c.paragraph([]Span{{Text: item, Role: fonts.Fang, Size: size}}, hang, hang, Justify, i < len(lines)-2)
	}
}
