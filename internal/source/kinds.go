package source

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"gazette/internal/model"
)

// This file recognises the elements that particular kinds of document carry
// (docs/document-kinds.md): the 立法技术规范 structure of a 规章 (题注, its
// own 目录, 编/章/节, 条), the 命令（令） format (GB/T 9704-2012 10.2), the
// attendance lists of a 纪要 (10.3), the 任命/免去 lists of a 人事任免, the
// 问/答 of a 政策解读 and the number of a 公告/通告. Each recogniser is
// tolerant of how offices type these (half-width spaces, spaces inside
// 第一章, none after 第一条); what it does not recognise stays body text.

// Limits of the elements below, in characters.
const (
	maxChapterName = 30 // the name of a 章 after "第一章"
	maxOrderHead   = 30 // "某某省人民政府令"
	maxHeadnote    = 8  // source lines of one 题注
	maxContents    = 80 // entries of a 规章's 目录
	maxRosterItem  = 60 // one line of a 出席 or 任命 list
)

// blanks is a run of spaces as offices type them: half-width, full-width,
// no-break, tab.
const blanks = `[ \t\x{00A0}\x{3000}]*`

// bigHanNum is a number in Chinese numerals up to the thousands, as articles
// are numbered (第一百零五条).
const bigHanNum = `[一二三四五六七八九十百千零〇两]+`

var (
	chapterRE     = regexp.MustCompile(`^第` + blanks + `(` + bigHanNum + `|[0-9０-９]{1,3})` + blanks + `(编|章|节)(.*)$`)
	articleRE     = regexp.MustCompile(`^第` + blanks + `(` + bigHanNum + `|[0-9０-９]{1,4})` + blanks + `条`)
	orderNumberRE = regexp.MustCompile(`^[（(]?` + blanks + `([0-9０-９]{4}` + blanks + `年|[〔\[［【（(]` + blanks + `[0-9０-９]{4}` + blanks + `[〕\]］】）)])?` + blanks + `第` + blanks +
		`([0-9０-９]{1,5}|` + bigHanNum + `)` + blanks + `号` + blanks + `[）)]?$`)
	rosterRE = regexp.MustCompile(`^(出席|列席|请假|缺席|参加|参会|出席人员|列席人员|请假人员|缺席人员|参会人员|参加人员|` +
		`参会单位|列席单位|记录|记录人|主持人|任命|免去|免职|任职|聘任|解聘|提名)` + blanks + `[：:]`)
	qaRE       = regexp.MustCompile(`^(问|答)` + blanks + `([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?` + blanks + `[：:]`)
	headnoteRE = regexp.MustCompile(`[0-9０-９〇○零一二三四五六七八九]{4}` + blanks + `年|通过|公布|发布|修正|修订|施行|颁布|批准`)
)

// chineseNumber reads a number in Chinese numerals up to 9999 (十二, 一百零五,
// 两百); 0 if s is not one.
func chineseNumber(s string) int {
	total, digit := 0, -1
	for _, r := range s {
		if d := strings.IndexRune("零一二三四五六七八九", r); d >= 0 {
			digit = d / 3
			continue
		}
		switch r {
		case '〇':
			digit = 0
			continue
		case '两':
			digit = 2
			continue
		}
		unit := map[rune]int{'十': 10, '百': 100, '千': 1000}[r]
		if unit == 0 {
			return 0
		}
		if digit < 0 {
			digit = 1 // 十二
		}
		total += digit * unit
		digit = -1
	}
	if digit > 0 {
		total += digit
	}
	return total
}

// number reads the article or chapter number m as written: Chinese numerals
// or (full-width) digits.
func numberOf(m string) int {
	if n := chineseNumber(m); n > 0 {
		return n
	}
	n := 0
	for _, r := range m {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return 0
		}
	}
	return n
}

// chapterHead is a recognised 编/章/节 heading.
type chapterHead struct {
	level  int    // 1 编, 2 章, 3 节
	num    int    // its number
	number string // "第一章", without the spaces the source had inside it
	name   string // "总　则", half-width spaces made full-width
}

// chapterOf recognises a 编, 章 or 节 heading (立法技术规范: 编、章、节 are
// numbered 第一编, 第一章, 第一节 and carry a short name): "第一章　总　　则",
// "第一章 总 则", "第一章总则", "第 一 章　总则". A line that goes on like a
// sentence ("第一章规定的……。") is none.
func chapterOf(s string) (chapterHead, bool) {
	m := chapterRE.FindStringSubmatch(s)
	if m == nil {
		return chapterHead{}, false
	}
	name := strings.TrimFunc(m[3], isBlank)
	n := numberOf(m[1])
	if n == 0 || runes(name) > maxChapterName || strings.ContainsAny(name, sentenceEnds+"，,、：:") {
		return chapterHead{}, false
	}
	level := strings.Index("编章节", m[2])/3 + 1
	name = strings.Map(func(r rune) rune {
		if isBlank(r) {
			return '\u3000'
		}
		return r
	}, name)
	return chapterHead{level: level, num: n, number: "第" + m[1] + m[2], name: name}, true
}

// text is the heading as it prints: the number, one full-width space, the
// name (GB/T 9704 practice and the 立法技术规范 set "第一章　总　　则").
func (c chapterHead) text() string {
	if c.name == "" {
		return c.number
	}
	return c.number + "\u3000" + c.name
}

// articleOf recognises an article (条) at the start of s: "第一条　为了……",
// "第一条 为了……", "第一条为了……", "第 十 条……". It returns the article
// number as it prints ("第一条"), its value and the text after it.
func articleOf(s string) (lead string, num int, rest string, ok bool) {
	m := articleRE.FindStringSubmatch(s)
	if m == nil {
		return "", 0, "", false
	}
	n := numberOf(m[1])
	if n == 0 {
		return "", 0, "", false
	}
	rest = strings.TrimLeftFunc(s[len(m[0]):], isBlank)
	// "第三条规定的……" quotes an article, it does not open one; an article
	// head is followed by a space or by the start of a sentence, and
	// "第一条规定" without a space is ambiguous only for 规定/所/中/的.
	if s[len(m[0]):] == rest {
		for _, w := range []string{"规定", "所", "中", "的", "第", "、", "，", "和", "至", "或"} {
			if strings.HasPrefix(rest, w) {
				return "", 0, "", false
			}
		}
	}
	return "第" + m[1] + "条", n, rest, true
}

// contentsLabel is the label of a 规章's 目录 as it prints, whatever spaces
// the source has in it.
const contentsLabel = "目\u3000\u3000录"

// isContentsLabel recognises the "目　　录" line over a 规章's own 目录.
func isContentsLabel(s string) bool { return forwardKey(s) == "目录" }

// headnoteLike recognises a 题注 line under a 规章's title: it opens with a
// parenthesis and says when and by whom the text was adopted, promulgated
// or amended ("（2024年1月5日省人民政府第30次常务会议通过）"). A bracket with
// no date or such word ("（试行）") is part of the title; a 发文字号 is none.
func headnoteLike(s string) bool {
	if !strings.HasPrefix(s, "（") && !strings.HasPrefix(s, "(") {
		return false
	}
	if _, ok := docNumber(s); ok || strings.Contains(s, "此件") {
		return false
	}
	return headnoteRE.MatchString(s)
}

// closesParen reports whether s ends the parenthesis a 题注 opened.
func closesParen(s string) bool {
	r := lastRune(s)
	return r == '）' || r == ')'
}

// orderHeadAt recognises the head of a 令 at line i (GB/T 9704-2012
// 10.2.3.1: 发文机关全称加“令”字): a short line ending in 令, with the order
// number (第N号) right under it.
func (p *parser) orderHeadAt(i int) bool {
	if i+1 >= len(p.lines) {
		return false
	}
	s := p.lines[i].text
	if !strings.HasSuffix(s, "令") || runes(s) > maxOrderHead || runes(s) < 2 ||
		strings.ContainsAny(s, sentenceEnds+clauseMarks+"《》“”") {
		return false
	}
	return orderNumberLike(p.lines[i+1].text)
}

// orderNumberLike recognises "第12号" or "〔2010〕第15号" under a 令 head,
// or a 公告's number "（第1号）", "2024年第3号" under its title.
func orderNumberLike(s string) bool { return orderNumberRE.MatchString(s) }

// rosterLabel returns the label of a list line ("出席：", "任命："), or "".
func rosterLabel(s string) string { return rosterRE.FindString(s) }

// qaLabel returns "问：" or "答：" (with the number some write: "问1："), or ""
// and the kind it opens.
func qaLabel(s string) (string, model.Kind) {
	m := qaRE.FindStringSubmatch(s)
	if m == nil {
		return "", model.Paragraph
	}
	if m[1] == "问" {
		return m[0], model.Question
	}
	return m[0], model.Answer
}

// startsKindElement reports a line that opens one of the elements of this
// file, so that no paragraph swallows it.
func startsKindElement(s string) bool {
	if _, ok := chapterOf(s); ok || isContentsLabel(s) || rosterLabel(s) != "" {
		return true
	}
	if _, _, _, ok := articleOf(s); ok {
		return true
	}
	l, _ := qaLabel(s)
	return l != ""
}

// kindElement reads an element of this file at the current line of the
// body; false if the line opens none.
func (p *parser) kindElement() bool {
	l := p.cur()
	if isContentsLabel(l.text) {
		p.contents()
		return true
	}
	if c, ok := chapterOf(l.text); ok {
		p.i++
		p.add(model.Block{Kind: model.Chapter, Text: c.text(), Level: c.level, Line: l.no})
		p.inRules = true
		return true
	}
	if lead, _, rest, ok := articleOf(l.text); ok {
		p.article(lead, rest)
		return true
	}
	if label := rosterLabel(l.text); label != "" {
		p.roster(label)
		return true
	}
	if label, kind := qaLabel(l.text); label != "" {
		p.i++
		b := model.Block{Kind: kind, Text: l.text, Lead: label, Line: l.no}
		b.Text = p.joinBroken(b.Text)
		p.add(b)
		return true
	}
	return false
}

// joinBroken joins the lines after the one just read while they continue it
// (continues), and returns the whole.
func (p *parser) joinBroken(text string) string {
	last := text
	for p.i < len(p.lines) && p.continues(last, p.i) {
		last = p.cur().text
		text = joinLines(text, last)
		p.i++
	}
	return text
}

// article reads an article: its number as a run-in head, one full-width
// space, the text (the 立法技术规范 and printed gazettes set
// "第一条　为了……", so the space is set even where the source has none).
func (p *parser) article(lead, rest string) {
	l := p.cur()
	p.i++
	text := lead
	if rest != "" {
		text += "\u3000" + rest
	}
	p.add(model.Block{Kind: model.Article, Text: p.joinBroken(text), Lead: lead, Line: l.no})
	p.inRules = true
}

// contents reads a 规章's own 目录: the label and the 章/节 lines under it,
// up to the line where the body's first chapter repeats the first entry.
func (p *parser) contents() {
	first := p.cur()
	p.i++
	entries := []string{contentsLabel}
	firstKey := ""
	for p.i < len(p.lines) && len(entries) <= maxContents {
		s := p.cur().text
		key := forwardKey(s)
		c, isChapter := chapterOf(s)
		if key == firstKey || !isChapter && !(len(entries) > 1 && runes(s) <= maxChapterName && titleLike(s)) {
			break
		}
		if firstKey == "" {
			firstKey = key
		}
		if isChapter {
			s = c.text()
		}
		entries = append(entries, s)
		p.i++
	}
	p.add(model.Block{Kind: model.Contents, Text: strings.Join(entries, "\n"), Line: first.no})
}

// roster reads a labelled list: "出席：" and the names after it (GB/T
// 9704-2012 10.3), or "任命：" and the appointments under it, one a line.
// A line after the label line belongs to the list when the line before it
// leaves the list open: the bare label, or a line ending in 、，；. A line
// ending in 、 or ， is continued by the next (the source broke a list of
// names); one ending in ； is followed by the next item.
func (p *parser) roster(label string) {
	first := p.cur()
	p.i++
	items := []string{first.text}
	bare := strings.TrimFunc(first.text[len(label):], isBlank) == ""
	for p.i < len(p.lines) && p.rosterItem(p.cur()) {
		l := p.cur()
		prev := items[len(items)-1]
		r := lastRune(prev)
		switch {
		case len(items) == 1 && bare, strings.ContainsRune("；;", r):
			items = append(items, l.text)
		case strings.ContainsRune("、，,", r):
			items[len(items)-1] = prev + l.text
		default:
			p.add(model.Block{Kind: model.Roster, Text: strings.Join(items, "\n"), Lead: label, Line: first.no})
			return
		}
		p.i++
	}
	p.add(model.Block{Kind: model.Roster, Text: strings.Join(items, "\n"), Lead: label, Line: first.no})
}

// rosterItem reports a line that can be an item of a list: short, with no
// sentence end inside it, not opening an element of its own.
func (p *parser) rosterItem(l line) bool {
	if runes(l.text) > maxRosterItem || p.startsElement(p.i) {
		return false
	}
	body := l.text[:len(l.text)-utf8.RuneLen(lastRune(l.text))]
	return !strings.ContainsAny(body, "。！？!?")
}

// headnote reads a 题注 under a title: from the line opening the bracket to
// the one closing it.
func (p *parser) headnote() {
	first := p.cur()
	p.i++
	text := first.text
	for k := 1; !closesParen(text) && k < maxHeadnote && p.i < len(p.lines); k++ {
		text = joinLines(text, p.cur().text)
		p.i++
	}
	p.add(model.Block{Kind: model.Headnote, Text: text, Line: first.no})
}

// orderHead reads the head of a 令 and its number (GB/T 9704-2012 10.2.3).
func (p *parser) orderHead() {
	head, num := p.cur(), p.lines[p.i+1]
	p.i += 2
	p.add(model.Block{Kind: model.OrderHead, Text: head.text, Line: head.no})
	p.add(model.Block{Kind: model.OrderNumber, Text: num.text, Line: num.no})
	p.state = stBody
}
