package source

import (
	"fmt"
	"strings"

	"gazette/internal/model"
)

// This file holds the checks of what an office pasted twice, out of order
// or with a look-alike character (docs/document-kinds.md#slips-check-names).

// sequence checks block b against the block before it: a 发文字号 typed
// twice ("京政办发〔2016〕26号" under the title and again on its own line),
// printed once; text that runs straight on after a 署名 and its 成文日期,
// which is an attachment whose 附件 label and title the source lost
// (GB/T 9704-2012 7.3.7 sets both over it): beyond repair, so it is named.
func (c *checker) sequence(prev, b *model.Block) {
	switch {
	case b.Kind == model.DocNumber && prev.Kind == model.DocNumber && b.Text == prev.Text:
		c.warn(b.Line, fmt.Sprintf("发文字号“%s”与上一行重复，只印一次", b.Text),
			"发文字号只写一次，在标题之下（GB/T 9704-2012 7.2.4）；如需改正原文件，删去重复的一行即可")
	case prev.Kind == model.SignDate && (b.Kind == model.Paragraph || b.Kind == model.Heading) && c.signed(prev):
		c.warn(b.Line, "成文日期之后接着是正文，没有“附件”标识和标题：像是一份附件丢了标识和标题，已接在日期后排印",
			"附件另起一页，左上角写“附件”（多个附件写“附件1”“附件2”），下空一行居中写附件标题（GB/T 9704-2012 7.3.7）；请核对原件。"+asIs)
	}
}

// signed reports a 成文日期 with a 署名 right above it: the end of a
// document, not a date in its head.
func (c *checker) signed(date *model.Block) bool {
	for i := range c.doc.Blocks {
		if &c.doc.Blocks[i] == date {
			return i > 0 && c.doc.Blocks[i-1].Kind == model.Signer
		}
	}
	return false
}

// hanZeroDigits are the Chinese numerals a 〇 stands among.
const hanZeroDigits = "〇○零一二三四五六七八九十"

// whiteCircle names a ○ (U+25CB WHITE CIRCLE, a geometric shape) typed for
// the numeral 〇 (U+3007) among Chinese numerals ("二○一○年"): the shape
// prints from a fallback face as a large circle, out of line with the
// numerals around it. The text is printed as written; the message shows
// the word as it should be written.
func (c *checker) whiteCircle(b *model.Block) {
	if !strings.ContainsRune(b.Text, '○') {
		return
	}
	seen := map[string]bool{}
	rs := []rune(b.Text)
	for i, r := range rs {
		if r != '○' {
			continue
		}
		from, to := i, i+1
		for from > 0 && strings.ContainsRune(hanZeroDigits+"年月日", rs[from-1]) {
			from--
		}
		for to < len(rs) && strings.ContainsRune(hanZeroDigits+"年月日", rs[to]) {
			to++
		}
		word := string(rs[from:to])
		if to-from < 2 || seen[word] {
			continue // a circle alone is a mark of its own (○ 项目), not a numeral
		}
		seen[word] = true
		c.warn(b.Line, fmt.Sprintf("“%s”中的“○”是几何图形符号（U+25CB），不是汉字数字“〇”（U+3007），应写作“%s”", word, strings.ReplaceAll(word, "○", "〇")),
			"“〇”可用输入法输入“ling”选取，或复制这里的“〇”。"+asIs)
	}
}
