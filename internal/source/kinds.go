package source

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"gazette/internal/lazyre"
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
	maxChapterName = 30               // the name of a 章 after "第一章"
	maxOrderHead   = 30               // "某某省人民政府令"
	maxHeadnote    = 8                // source lines of one 题注
	maxRunInNote   = 2 * maxTitleLine // a 题注 run into the first paragraph
	maxContents    = 80               // entries of a 规章's 目录
	maxRosterItem  = 60               // one line of a 出席 or 任命 list
)

// blanks is a run of spaces as offices type them: half-width, full-width,
// no-break, tab.
const blanks = `[ \t\x{00A0}\x{3000}]*`

// bigHanNum is a number in Chinese numerals up to the thousands, as articles
// are numbered (第一百零五条).
const bigHanNum = `[一二三四五六七八九十百千零〇两]+`

var (
	chapterRE     = lazyre.New(`^第` + blanks + `(` + bigHanNum + `|[0-9０-９]{1,3})` + blanks + `(编|章|节)(.*)$`)
	articleRE     = lazyre.New(`^第` + blanks + `(` + bigHanNum + `|[0-9０-９]{1,4})` + blanks + `条`)
	orderNumberRE = lazyre.New(`^[（(]?` + blanks + `([0-9０-９]{4}` + blanks + `年|[〔\[［【（(]` + blanks + `[0-9０-９]{4}` + blanks + `[〕\]］】）)])?` + blanks + `第` + blanks +
		`([0-9０-９]{1,5}|` + bigHanNum + `)` + blanks + `号` + blanks + `[）)]?$`)
	// "（县疫情防控指挥部第1号）": a 通告's number with its issuer, in brackets
	namedNumberRE = lazyre.New(`^[（(][\p{Han}]{1,20}第` + blanks + `([0-9０-９]{1,5}|` + bigHanNum + `)` + blanks + `号[）)]$`)
	// a 令 head and its number on one line: "宁夏回族自治区人民政府令第103号"
	orderLineRE = lazyre.New(`^([\p{Han}]{2,30}?令)` + blanks + `((?:[〔\[［（(]` + blanks + `[0-9]{4}` + blanks + `[〕\]］）)])?` + blanks +
		`第` + blanks + `(?:[0-9０-９]{1,5}|` + bigHanNum + `)` + blanks + `号)$`)
	rosterRE = lazyre.New(`^(出席|列席|请假|缺席|参加|参会|出席人员|列席人员|请假人员|缺席人员|参会人员|参加人员|` +
		`参会单位|列席单位|记录|记录人|主持人|任命|免去|免职|任职|聘任|解聘|提名)` + blanks + `[：:]`)
	qaRE       = lazyre.New(`^(问|答)` + blanks + `([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?` + blanks + `[：:]`)
	headnoteRE = lazyre.New(`[0-9０-９〇○零一二三四五六七八九]{4}` + blanks + `年|通过|公布|发布|修正|修订|施行|颁布|批准`)
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

// chapterOf recognises a 编, 章 or 节 heading (docs/document-kinds.md#chapters; 立法技术规范: 编、章、节 are
// numbered 第一编, 第一章, 第一节 and carry a short name): "第一章　总　　则",
// "第一章 总 则", "第一章总则", "第 一 章　总则". A line that goes on like a
// sentence ("第一章规定的……。") is none.
func chapterOf(s string) (chapterHead, bool) {
	m := chapterRE().FindStringSubmatch(s)
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

// articleOf recognises an article (条, docs/document-kinds.md#articles) at the start of s: "第一条　为了……",
// "第一条 为了……", "第一条为了……", "第 十 条……". It returns the article
// number as it prints ("第一条"), its value and the text after it.
func articleOf(s string) (lead string, num int, rest string, ok bool) {
	m := articleRE().FindStringSubmatch(s)
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
// It is forwardKey(s) == "目录" compared rune by rune as forwardKey would
// keep them, without making the key: it runs on most lines of a document.
func isContentsLabel(s string) bool {
	rest := "目录"
	for _, r := range s {
		if forwardDropped(r) {
			continue
		}
		want, size := utf8.DecodeRuneInString(rest)
		if rest == "" || r != want {
			return false
		}
		rest = rest[size:]
	}
	return rest == ""
}

// headnoteLike recognises a 题注 line under a 规章's title (docs/document-kinds.md#headnote): it opens with a
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
	return headnoteRE().MatchString(s)
}

// orderHeadAt recognises the head of a 令 at line i (docs/document-kinds.md#orders) (GB/T 9704-2012
// 10.2.3.1: 发文机关全称加“令”字): a short line ending in 令 with the order
// number (第N号) right under it, or both on one line
// ("宁夏回族自治区人民政府令第103号"). Where notices may stand — after a
// title, not as one — the head of a 公告 or 通告 with its number is taken
// the same way ("深圳市人民代表大会常务委员会公告" over "第三十七号").
func (p *parser) orderHeadAt(i int, notices bool) bool {
	s := p.lines[i].text
	if orderLineRE().MatchString(s) {
		return true
	}
	if i+1 >= len(p.lines) || runes(s) > maxOrderHead || runes(s) < 2 ||
		strings.ContainsAny(s, sentenceEnds+clauseMarks+"《》“”（）()") {
		return false
	}
	head := strings.HasSuffix(s, "令") || notices && (strings.HasSuffix(s, "公告") || strings.HasSuffix(s, "通告"))
	return head && orderNumberRE().MatchString(p.lines[i+1].text)
}

// issuerMarkAt recognises the 发文机关标志 of a document at line i (docs/document-kinds.md#issuer-marks) (GB/T
// 9704-2012 7.2.3: 发文机关全称或规范化简称加“文件”二字), as offices paste
// it over the 发文字号: "湖南省人民政府办公厅文件" over "湘政办发〔2009〕24号".
// It is set like the head of a 令, and the title under it stays the title.
func (p *parser) issuerMarkAt(i int) bool {
	s := p.lines[i].text
	if !strings.HasSuffix(s, "文件") || runes(s) > maxOrderHead || !titleLike(s) || i+1 >= len(p.lines) {
		return false
	}
	_, ok := docNumber(p.lines[i+1].text)
	return ok
}

// orderNumberLike recognises "第12号" or "〔2010〕第15号" under a 令 head,
// or a 公告's number "（第1号）", "2024年第3号" under its title.
func orderNumberLike(s string) bool {
	return orderNumberRE().MatchString(s) || namedNumberRE().MatchString(s)
}

// rosterLabel returns the label of a list line ("出席：", "任命："), or "".
func rosterLabel(s string) string {
	if !startsWithAny(s, rosterFirsts) {
		return "" // most lines: the regexp is not run
	}
	return rosterRE().FindString(s)
}

// rosterFirsts are the characters rosterRE's labels start with, and
// qaFirsts qaRE's: a line that starts with none of them is not run through
// the regexp (TestLabelFirsts).
const (
	rosterFirsts = "出列请缺参记主任免聘解提"
	qaFirsts     = "问答"
)

// startsWithAny reports whether s starts with one of the characters of set.
func startsWithAny(s, set string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && strings.ContainsRune(set, r)
}

// qaLabel (docs/document-kinds.md#policy-explanations) returns "问：" or "答：" (with the number some write: "问1："), or ""
// and the kind it opens.
func qaLabel(s string) (string, model.Kind) {
	if !startsWithAny(s, qaFirsts) {
		return "", model.Paragraph
	}
	m := qaRE().FindStringSubmatch(s)
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
	if _, ok := decimalHeadOf(s); ok {
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
	if n := len(p.doc.Blocks); n > 0 && p.doc.Blocks[n-1].Kind == model.Title {
		if k := p.outlineSpan(p.i); k > 0 {
			p.outline(k)
			return true
		}
	}
	if p.decimalHead() {
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

// contents reads a 规章's own 目录 (docs/document-kinds.md#contents): the label and the 章/节 lines under it,
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
		if key == firstKey || !isChapter && !contentsEntry(s) {
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

// sectionNumberRE is the number of a section as plans number them: "1.1",
// "2.3.1", "8 ".
var sectionNumberRE = lazyre.New(`^[0-9]{1,2}(\.[0-9]{1,2})*[.．、 ]?` + blanks + `\p{Han}`)

// contentsEntry reports a line that can be an entry of a 目录 other than
// a chapter: a short name with no sentence in it, numbered ("1.总则",
// "1.1 编制目的") or not ("附则").
func contentsEntry(s string) bool {
	if runes(s) > maxChapterName || strings.ContainsAny(s, sentenceEnds+"，,：:") || isDate(s) {
		return false
	}
	if _, ok := parseHead(s); ok || sectionNumberRE().MatchString(s) {
		return true
	}
	return titleLike(s)
}

// roster reads a labelled list (docs/document-kinds.md#minutes, #appointments): "出席：" and the names after it (GB/T
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

// headnoteSpan reports how many lines from i make a 题注: a headnoteLike
// line whose brackets close at its end, or that goes on, line by line
// (no blank line between, each short), to a line where they close at its
// end. 0 when the brackets close inside a line with text after them
// ("(1985年5月4日皖政〔1985〕38号)  根据……") or never close.
func (p *parser) headnoteSpan(i int) int {
	if !headnoteLike(p.lines[i].text) {
		return 0
	}
	depth := 0
	for k := 0; k < maxHeadnote && i+k < len(p.lines); k++ {
		l := p.lines[i+k]
		if k > 0 && (l.blank || runes(l.text) > maxTitleLine) {
			return 0
		}
		for j, r := range l.text {
			switch r {
			case '（', '(':
				depth++
			case '）', ')':
				depth--
				if depth == 0 {
					if j+utf8.RuneLen(r) != len(l.text) {
						return 0
					}
					return k + 1
				}
			}
		}
	}
	return 0
}

// runInHeadnote splits a 题注 that a web page ran into the text's first
// paragraph, white space between them: "(1985年5月4日皖政〔1985〕38号)  根据
// ……通知如下:" is the 题注 "(1985年5月4日皖政〔1985〕38号)" and the
// paragraph "根据……". Without the white space the line is body text
// (docs/document-kinds.md#headnote).
func runInHeadnote(s string) (note, rest string, ok bool) {
	if !headnoteLike(s) {
		return "", "", false
	}
	depth := 0
	for j, r := range s {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			depth--
		default:
			continue
		}
		if depth > 0 {
			continue
		}
		end := j + utf8.RuneLen(r)
		after := s[end:]
		rest = strings.TrimLeftFunc(after, isBlank)
		if rest == "" || rest == after || runes(s[:end]) > maxRunInNote {
			return "", "", false
		}
		return s[:end], rest, true
	}
	return "", "", false
}

// headnote reads the n lines of a 题注 under a title.
func (p *parser) headnote(n int) {
	first := p.cur()
	text := first.text
	for k := 1; k < n; k++ {
		text += "\n" + p.lines[p.i+k].text // the office's break, kept
	}
	p.i += n
	p.add(model.Block{Kind: model.Headnote, Text: text, Line: first.no})
}

// orderHead reads the head of a 令 (or 公告) and its number (GB/T
// 9704-2012 10.2.3); written on one line, the two are set apart.
func (p *parser) orderHead() {
	head := p.cur()
	p.i++
	if m := orderLineRE().FindStringSubmatch(head.text); m != nil {
		p.add(model.Block{Kind: model.OrderHead, Text: m[1], Line: head.no})
		p.add(model.Block{Kind: model.OrderNumber, Text: m[2], Line: head.no})
	} else {
		num := p.cur()
		p.i++
		p.add(model.Block{Kind: model.OrderHead, Text: head.text, Line: head.no})
		p.add(model.Block{Kind: model.OrderNumber, Text: num.text, Line: num.no})
	}
	p.state = stBody
}

// organEnds are the endings of the names of state organs and of the bodies
// that issue documents with them: 人民政府, 办公厅, 委员会, 局, 厅, 委, 部, …
// (the 发文机关 of GB/T 9704-2012 7.2.3 and 7.3.5.2 are named so).
var organEnds = []string{"政府", "办公室", "办公厅", "委员会", "委", "局", "厅", "部", "院", "署", "办", "会",
	"处", "中心", "所", "站", "行", "公司", "集团", "联", "指挥部", "小组", "司", "队", "社", "馆"}

// organLine reports a line that names one issuing body, or several
// separated by spaces ("沧州市发展改革委", "市财政局　市审计局"): short, no
// punctuation or digits, every name ending as organs' names do, and not a
// title (no name of a kind of document at its end), a date or a numbered
// head.
func organLine(s string) bool {
	if !endsAsOrgan(s) {
		return false // the last name does not end as organs' names do: nearly every line
	}
	if !signerLike(s) || endsWithKind(s) || strings.HasPrefix(s, "各") || strings.HasPrefix(s, "关于") ||
		strings.ContainsFunc(s, unicode.IsDigit) {
		return false
	}
	for _, name := range strings.FieldsFunc(s, isBlank) {
		if runes(name) < 2 || runes(name) > maxSigner {
			return false
		}
		ok := false
		for _, e := range organEnds {
			ok = ok || strings.HasSuffix(name, e)
		}
		if !ok {
			return false
		}
	}
	return true
}

// endsAsOrgan reports whether the last of the names organLine splits s into
// ends as organs' names do, as organLine asks of every name; it is asked
// first, as it turns nearly every line away at its last characters.
func endsAsOrgan(s string) bool {
	last := strings.TrimRightFunc(s, isBlank)
	for _, e := range organEnds {
		if strings.HasSuffix(last, e) {
			return true
		}
	}
	return false
}

// maxIssuerLines bounds the issuers of one joint document.
const maxIssuerLines = 20

// issuersAt reports how many lines from i name the issuing bodies of a
// joint document written one a line above its title
// (docs/document-kinds.md#joint-issuers), or 0. Names that end with 文件,
// on the last name's line or alone under it, are a joint 发文机关标志
// (GB/T 9704-2012 7.2.3): the 发文字号 or any title may follow them. The names must be at
// least two (one line of two or more names, or two lines), and a title
// must follow at once: the title of a document the notice said it 印发
// or 转发, or, unless forwardedOnly, a title that does not open with 关于
// and ends with the name of a kind of document within its lines. A title
// that opens with 关于 is one the office wrote in the GB/T 9704-2012 7.3.1
// form (发文机关 + 关于 + 事由 + 文种), split after the names: the names are
// part of it ("济宁市人民政府" / "关于……的意见").
func (p *parser) issuersAt(i int, forwardedOnly bool) int {
	n, names, mark := 0, 0, false
	for i+n < len(p.lines) && n < maxIssuerLines && !mark {
		l := p.lines[i+n]
		if n > 0 && l.blank {
			break
		}
		text := l.text
		if rest, ok := strings.CutSuffix(text, "文件"); ok && (rest == "" && n > 0 || organLine(rest)) {
			text, mark = rest, true // the 文件 of a joint 发文机关标志 (7.2.3), alone or after the last name
		} else if !organLine(text) {
			break
		}
		names += len(strings.FieldsFunc(text, isBlank))
		n++
	}
	j := i + n
	if n == 0 || names < 2 || j >= len(p.lines) {
		return 0
	}
	if mark {
		// a joint head: the 发文字号 or the title, a 关于 title too, follows it
		if _, ok := docNumber(p.lines[j].text); ok || titleLike(p.lines[j].text) {
			return n
		}
		return 0
	}
	if p.forwardedSpan(j) > 0 {
		return n
	}
	if forwardedOnly || !p.titleAt(j) {
		return 0
	}
	return n
}

// titleAt reports a title in the GB/T 9704-2012 7.3.1 sense starting at
// line j that is not a 关于 title: title-like lines, the last of them
// ending with the name of a kind of document.
func (p *parser) titleAt(j int) bool {
	for k := 0; k < maxTitleLines && j+k < len(p.lines); k++ {
		l := p.lines[j+k]
		if k > 0 && l.blank || !titleLike(l.text) || k == 0 && strings.HasPrefix(l.text, "关于") {
			return false
		}
		if endsWithKind(l.text) {
			return true
		}
	}
	return false
}

// issuers reads n lines of issuing bodies as one block; newPage when they
// head a document that starts a page.
func (p *parser) issuers(n int, newPage bool) {
	first := p.cur()
	var names []string
	for k := 0; k < n; k++ {
		names = append(names, p.cur().text)
		p.i++
	}
	p.add(model.Block{Kind: model.Issuers, Text: strings.Join(names, "\n"), NewPage: newPage, Line: first.no})
}

// bylineAt reports the issuing body named alone on the line right under a
// title (docs/document-kinds.md#joint-issuers), as a forwarded 办法 carries
// it ("厦门市市级财政专项支出预算绩效考评试行办法" / "市财政局"), or under
// the dated 题注 of a release ("（2016年10月19日）" / "中华人民共和国国家统计
// 局"): an organ's name with no date under it (that is a 署名) and no colon
// (a 主送机关).
func (p *parser) bylineAt(i int) bool {
	n := len(p.doc.Blocks)
	if n == 0 || !organLine(p.lines[i].text) || p.signatureAt(i) {
		return false
	}
	last := p.doc.Blocks[n-1].Kind
	if last != model.Title && (last != model.Headnote || n < 2 || p.doc.Blocks[n-2].Kind != model.Title) {
		return false
	}
	return i+1 >= len(p.lines) || !p.titleAt(i+1) && p.forwardedSpan(i+1) == 0
}
