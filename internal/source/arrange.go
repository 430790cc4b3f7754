package source

import (
	"fmt"
	"strings"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// This file puts in the order a gazette prints them the elements an office
// pasted in another order (docs/document-kinds.md#order-of-the-head), and
// closes up the white space typed inside a 发文字号 or a 成文日期, which is
// no text the office means.

// closeUp returns text — the 发文字号 or 成文日期 read from line l — without
// the white space typed inside it ("国函 〔2011〕 50 号", "2020年 11月 30日"),
// and tells the office where it was: the parts of a 发文字号 (GB/T
// 9704-2012 7.2.4) and of a date (7.3.5.4) are written closed up, and a
// space between them prints as a gap no reader takes for text. what names
// the element in the message.
func (p *parser) closeUp(l line, text, what string) string {
	closed := strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, text)
	typed := l.raw
	if typed == "" {
		typed = l.text
	}
	if strings.IndexFunc(typed, isBlank) >= 0 {
		p.notes = append(p.notes, diag.New(p.name, l.no,
			fmt.Sprintf("%s“%s”中间有空格，已按“%s”排印（%s各部分之间不空格）", what, typed, closed, closeUpClause[what]),
			"如需改正原文件，删去其中的空格即可"))
	}
	return closed
}

// closeUpClause cites the clause that writes each element closed up.
var closeUpClause = map[string]string{
	"发文字号": "GB/T 9704-2012 7.2.4：",
	"成文日期": "GB/T 9704-2012 7.3.5.4：",
}

// titleOverNumber puts a document's first title above the 发文字号 the
// source typed before it ("盐政发〔2017〕40号" / "盐池县人民政府工作规则"):
// a gazette prints the title first and the 发文字号 in brackets under it
// (GB/T 9704-2012 7.3.1 and 7.2.4 give the 发文字号 its own line; the
// gazette's order is title, then number), as the 目录 already lists it.
// A 发文字号 under a 发文机关标志 (7.2.3) stays where it is.
func (p *parser) titleOverNumber() {
	bs := p.doc.Blocks
	n := 0
	for n < len(bs) && bs[n].Kind == model.DocNumber {
		n++
	}
	if n == 0 || n >= len(bs) || bs[n].Kind != model.Title {
		return
	}
	title := bs[n]
	copy(bs[1:n+1], bs[:n])
	bs[0] = title
}

// promulgatedUnderNotice sets a 条例 after the 公告 or 令 that promulgates
// it, when the source typed the 条例's title first, as a web page heads it
// ("深圳市……听证条例" / "深圳市……常务委员会公告" / "第三十七号" / text /
// 署名 / date / "（……通过……批准）" / "第一章　总　则"): the 公告 is the
// document's head (GB/T 9704-2012 10.2.3 for a 令), and the title moves to
// a new page after its date, over the 题注 and the chapters it names, as
// a 政府令 followed by its 规章 is set. A 令 whose 规章 repeats its title
// after the date is left as it is.
func (p *parser) promulgatedUnderNotice() {
	bs := p.doc.Blocks
	if len(bs) < 4 || bs[0].Kind != model.Title || bs[1].Kind != model.OrderHead {
		return
	}
	date := -1
	for i := 2; i < len(bs); i++ {
		if bs[i].Kind == model.Title {
			return
		}
		if bs[i].Kind == model.SignDate {
			date = i
			break
		}
	}
	if date < 0 || date+1 >= len(bs) {
		return
	}
	switch bs[date+1].Kind {
	case model.Headnote, model.Chapter, model.Contents, model.Article:
	default:
		return
	}
	title := bs[0]
	title.NewPage = true
	copy(bs[0:date], bs[1:date+1])
	bs[date] = title
}
