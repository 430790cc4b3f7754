package source

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"gazette/internal/diag"
	"gazette/internal/lazyre"
	"gazette/internal/model"
)

// asIs ends every warning: gazette prints what the office submitted.
const asIs = "本程序按原文照印；如需改正，请修改原文件"

// Check reports the office's slips in a recognised document — numbering out
// of sequence, "2、" for 二、, ASCII punctuation in Chinese text, 发文字号
// written with the wrong brackets or leading zeros, 附件 that do not match
// the 附件说明, a notice without its 成文日期 — as warnings in Chinese with
// the file and line, in the order of the lines. It never changes the text.
func Check(doc *model.Document) []*diag.Problem {
	c := &checker{file: doc.Source, doc: doc, at: map[int][]*diag.Problem{}}
	c.attachments()
	c.noticeDate()
	for i := range doc.Blocks {
		if i > 0 {
			c.sequence(&doc.Blocks[i-1], &doc.Blocks[i])
		}
		c.block(i)
		c.out = append(c.out, c.at[i]...)
	}
	return c.out
}

// checker collects warnings over one document.
type checker struct {
	file    string
	doc     *model.Document
	out     []*diag.Problem
	last    [5]int // last number seen at each level in this section
	article int    // last 第N条 in this section (立法技术规范: numbered through the text)
	chapter [4]int // last 第N编/章/节, by level; a 节 restarts in each 章
	// at holds the warnings about the document as a whole, by the index of
	// the block they point at, so that they print in line order.
	at map[int][]*diag.Problem
}

func (c *checker) warn(line int, msg, hint string) {
	c.out = append(c.out, diag.New(c.file, line, msg, hint))
}

// warnAt records a whole-document warning at block i.
func (c *checker) warnAt(i int, msg, hint string) {
	c.at[i] = append(c.at[i], diag.New(c.file, c.doc.Blocks[i].Line, msg, hint))
}

// block checks block i.
func (c *checker) block(i int) {
	b := &c.doc.Blocks[i]
	switch b.Kind {
	case model.Title, model.AttachmentLabel:
		c.last = [5]int{}
		c.article, c.chapter = 0, [4]int{}
	case model.Article:
		c.articleNumber(b)
	case model.Chapter:
		c.chapterNumber(b)
	case model.Heading, model.Paragraph:
		c.numbering(b)
		c.brokenLine(i)
	case model.DocNumber:
		c.docNumber(b)
	case model.SignDate:
		c.signDate(b)
	case model.TableBlock:
		c.table(b.Table)
		return
	}
	c.punctuation(c.file, b.Line, b.Text[headSkip(b):])
	c.docRefs(b)
	c.whiteCircle(b)
}

// headSkip is the length of a head number in ASCII parentheses, which
// numbering reports already.
func headSkip(b *model.Block) int {
	if b.Kind != model.Heading && b.Kind != model.Paragraph {
		return 0
	}
	if h, ok := parseHead(b.Text); ok && (h.style == styleASCIIParen || h.style == styleCloseOnly) {
		return h.size
	}
	return 0
}

// numbering checks a head's number against the sequence of its level and
// the form of the number (GB/T 9704-2012 7.3.3).
func (c *checker) numbering(b *model.Block) {
	h, ok := parseHead(b.Text)
	if !ok || len(b.Text) == h.size {
		return
	}
	level := h.level
	if b.Level > 0 {
		level = b.Level
	}
	prefix := b.Text[:h.size]
	c.form(b.Line, prefix, h, level)
	want := c.last[level] + 1
	switch {
	case h.num == c.last[level]:
		c.warn(b.Line, fmt.Sprintf("序号“%s”与上一项重复，按顺序应为“%s”", prefix, number(level, want)), asIs)
	case h.num != want:
		c.warn(b.Line, fmt.Sprintf("序号“%s”不连续，按顺序应为“%s”", prefix, number(level, want)), asIs)
	}
	c.last[level] = h.num
	if b.Kind == model.Paragraph && (b.Lead == "" || b.Lead == prefix) { // no run-in head
		c.last[level] = lastInline(b.Text, h.num)
	}
	for l := level + 1; l < len(c.last); l++ {
		c.last[l] = 0
	}
}

var inlineItemRE = lazyre.New(`[；;。]\s*([0-9]{1,2})[.．、]`)

// lastInline is the number of the last inline item in a paragraph of items
// ("1.……；2.……；3.……" → 3), so that a next paragraph "4.……" is in sequence.
func lastInline(text string, first int) int {
	n := first
	for _, k := range inlineItems(text) {
		if k == n+1 {
			n = k
		}
	}
	return n
}

// inlineItems returns the numbers inlineItemRE's matches in text capture,
// in order: a hand scanner, as the regexp would run over every paragraph
// with a head number (TestInlineItemsAsRegexp, FuzzPrechecks). A match is
// ；, ; or 。, white space (\s), one or two ASCII digits (two if . ． or 、
// follows them) and . ． or 、; the next is looked for after it. The scanner
// goes from digit to digit, fewer than marks in Chinese text, and looks
// back for the mark; it finds the marks by their bytes, whose first bytes
// never continue a character.
func inlineItems(text string) []int {
	var out []int
	end := 0 // where the last match ended
	for j := 0; j < len(text); j++ {
		if !isASCIIDigit(text[j]) {
			continue
		}
		p := j
		for p > end && isRegexpSpace(text[p-1]) {
			p--
		}
		if n := itemMarkBefore(text[:p]); n == 0 || p-n < end {
			continue
		}
		digits := 1
		if j+1 < len(text) && isASCIIDigit(text[j+1]) && itemSeparatorAt(text, j+2) > 0 {
			digits = 2
		} else if itemSeparatorAt(text, j+1) == 0 {
			continue
		}
		k, _ := strconv.Atoi(text[j : j+digits])
		out = append(out, k)
		end = j + digits + itemSeparatorAt(text, j+digits)
		j = end - 1
	}
	return out
}

// itemMarkBefore is the length of the ；, ; or 。 that s ends with, or 0.
func itemMarkBefore(s string) int {
	for _, m := range [...]string{";", "；", "。"} {
		if strings.HasSuffix(s, m) {
			return len(m)
		}
	}
	return 0
}

// itemSeparatorAt is the length of the . ． or 、 at byte i of text, or 0.
func itemSeparatorAt(text string, i int) int {
	rest := text[min(i, len(text)):]
	for _, sep := range [...]string{".", "．", "、"} {
		if strings.HasPrefix(rest, sep) {
			return len(sep)
		}
	}
	return 0
}

// form reports a head number written in a non-standard form.
func (c *checker) form(line int, prefix string, h head, level int) {
	switch h.style {
	case styleArabicComma:
		c.warn(line, fmt.Sprintf("序号“%s”写法不规范，%s应写作“%s”（GB/T 9704-2012 7.3.3）",
			prefix, levelName(level), number(level, h.num)), asIs)
	case styleASCIIParen:
		c.warn(line, fmt.Sprintf("序号“%s”用了半角括号，应写作“%s”（全角括号）", prefix, number(h.level, h.num)), asIs)
	case styleCloseOnly:
		c.warn(line, fmt.Sprintf("序号“%s”只有右括号，应写作“%s”（GB/T 9704-2012 7.3.3）", prefix, number(h.level, h.num)), asIs)
	}
}

// number writes n as a head of the given level.
func number(level, n int) string {
	switch level {
	case 1:
		return hanDigits(n) + "、"
	case 2:
		return "（" + hanDigits(n) + "）"
	case 4:
		return "（" + strconv.Itoa(n) + "）"
	}
	return strconv.Itoa(n) + "."
}

func levelName(level int) string {
	return [...]string{"", "一级标题", "二级标题", "三级标题", "四级标题"}[level]
}

var docNumberPartsRE = lazyre.New(`([〔\[（(【［„])\s*([0-9]{4})\s*([〕\]）)】］‟“])\s*(第?)([0-9]+)\s*号$`)

// docNumber checks a 发文字号 (GB/T 9704-2012 7.2.4): the year in 〔〕, the
// number without 第 and without leading zeros.
func (c *checker) docNumber(b *model.Block) {
	m := docNumberPartsRE().FindStringSubmatch(b.Text)
	if m == nil {
		return
	}
	if m[1] != "〔" || m[3] != "〕" {
		c.warn(b.Line, fmt.Sprintf("发文字号中的年份应使用六角括号“〔%s〕”，这里写成了“%s%s%s”（GB/T 9704-2012 7.2.4）", m[2], m[1], m[2], m[3]),
			"六角括号可用输入法的符号表输入，或复制“〔〕”。"+asIs)
	}
	if m[4] != "" {
		c.warn(b.Line, "发文字号的序号前不加“第”（GB/T 9704-2012 7.2.4）", asIs)
	}
	if len(m[5]) > 1 && m[5][0] == '0' {
		n, _ := strconv.Atoi(m[5])
		c.warn(b.Line, fmt.Sprintf("发文字号的序号不编虚位：“%s号”应写作“%d号”（GB/T 9704-2012 7.2.4）", m[5], n), asIs)
	}
}

// docRefWindow is how far before the bracket a 发文字号's organ may start:
// 15 Han characters of 3 bytes.
const docRefWindow = 15 * 3

// findDocRefs returns docRefRE's matches in s, looking only around the
// bracketed years.
func findDocRefs(s string) []string {
	var refs []string
	end := 0 // matches do not overlap
	for _, at := range bracketedYears(s) {
		from := max(end, at[0]-docRefWindow)
		for from > 0 && !utf8.RuneStart(s[from]) {
			from++
		}
		if !strings.Contains(s[from:], "号") {
			break // every match ends with 号; nor for the later years: from only grows
		}
		m := docRefRE().FindStringIndex(s[from:])
		if m == nil || from+m[0] > at[0] {
			continue
		}
		refs = append(refs, s[from+m[0]:from+m[1]])
		end = from + m[1]
	}
	return refs
}

// bracketedYears returns where each year in brackets starts and ends: an
// opening bracket ([（(【［„), blanks (\s), four ASCII digits; the cheap anchors
// findDocRefs looks around, since docRefRE on its own, starting with 2–15
// Han characters, is tried at every position of every paragraph. It is a
// hand scanner returning what FindAllStringIndex(s, -1) of the regexp
// `[\[（(【［„]\s*[0-9]{4}` returns (FuzzPrechecks), which also ran on every
// paragraph. It goes from digit to digit, far fewer in Chinese text than
// the first bytes of brackets, and looks back over the blanks for the
// bracket: a match's digits are the first non-blank after its bracket, so
// each digit belongs to one bracket at most, and the next match is looked
// for after the last.
func bracketedYears(s string) [][]int {
	var at [][]int
	end := 0 // where the last match ended
	for j := 0; j+4 <= len(s); j++ {
		if !isASCIIDigit(s[j]) {
			continue
		}
		p := j
		for p > end && isRegexpSpace(s[p-1]) {
			p--
		}
		n := openingBracketBefore(s[:p])
		if n == 0 || p-n < end || !allDigits(s[j:j+4]) {
			continue
		}
		at = append(at, []int{p - n, j + 4})
		end = j + 4
		j = end - 1
	}
	return at
}

// openingBracketBefore is the length of the bracket [ ( （ 【 ［ or „ that s
// ends with, or 0. The first bytes of the full-width ones never continue
// another character, so where one stands a decoder starts a character:
// looking at bytes finds what decoding finds.
func openingBracketBefore(s string) int {
	for _, b := range [...]string{"[", "(", "（", "【", "［", "„"} {
		if strings.HasSuffix(s, b) {
			return len(b)
		}
	}
	return 0
}

// isRegexpSpace reports the bytes \s matches in Go's regexp.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// allDigits reports whether s is ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var docRefRE = lazyre.New(`\p{Han}{2,15}[\[（(【［„]\s*[0-9]{4}\s*[\]）)】］‟“]\s*第?[0-9]+\s*号`)

// docRefs reports 发文字号 quoted in the text with the wrong brackets.
func (c *checker) docRefs(b *model.Block) {
	if b.Kind == model.DocNumber {
		return
	}
	for _, ref := range findDocRefs(b.Text) {
		c.warn(b.Line, fmt.Sprintf("文中的发文字号“%s”，年份应使用六角括号〔〕（GB/T 9704-2012 7.2.4）", ref), asIs)
	}
}

var signDateRE = lazyre.New(`年0[0-9]月|月0[0-9]日`)

// signDate reports a 成文日期 with leading zeros, or written with dots or
// dashes for 年月日 (GB/T 9704-2012 7.3.5.4: 用阿拉伯数字将年、月、日标全).
func (c *checker) signDate(b *model.Block) {
	if slipDate(b.Text) {
		f := strings.FieldsFunc(b.Text, func(r rune) bool { return r < '0' || r > '9' })
		y, _ := strconv.Atoi(f[0])
		m, _ := strconv.Atoi(f[1])
		d, _ := strconv.Atoi(f[2])
		c.warn(b.Line, fmt.Sprintf("成文日期“%s”应写作“%d年%d月%d日”：年、月、日要标全（GB/T 9704-2012 7.3.5.4）；已按成文日期排印", b.Text, y, m, d), asIs)
	}
	if strings.ContainsAny(b.Text, "OoΟ") { // ○ for 〇: whiteCircle
		c.warn(b.Line, "日期中的“O”是拉丁字母，应为“〇”（如“二〇〇六年”）", asIs)
	}
	if signDateRE().MatchString(b.Text) {
		c.warn(b.Line, "成文日期的月、日不编虚位（如“2023年6月9日”，不写“06月09日”）（GB/T 9704-2012 7.3.5.4）", asIs)
	}
}

// articleNumber (docs/document-kinds.md#slips-check-names) checks that articles run 第一条, 第二条, … through the whole
// text without a gap or a repeat (立法技术规范: 条 are numbered
// continuously, not afresh in each 章).
func (c *checker) articleNumber(b *model.Block) {
	_, n, _, ok := articleOf(b.Text)
	if !ok {
		return
	}
	want := c.article + 1
	switch {
	case n == c.article:
		c.warn(b.Line, fmt.Sprintf("“%s”与上一条重复，按顺序应为“第%s条”", b.Lead, hanArticle(want)), asIs)
	case n != want:
		c.warn(b.Line, fmt.Sprintf("“%s”不连续，按顺序应为“第%s条”（条的序号全文连续编排）", b.Lead, hanArticle(want)), asIs)
	}
	c.article = n
}

// chapterNumber checks the sequence of 编, 章 and 节 headings; a 节 is
// numbered afresh in each 章, a 章 in each 编 only when the text says so,
// so only a repeat or a gap within one level is reported.
func (c *checker) chapterNumber(b *model.Block) {
	h, ok := chapterOf(b.Text)
	if !ok {
		return
	}
	want := c.chapter[h.level] + 1
	unit := string([]rune("编章节")[h.level-1])
	if h.num != want && !(h.level == 3 && h.num == 1) {
		c.warn(b.Line, fmt.Sprintf("“%s”不连续或重复，按顺序应为“第%s%s”", h.number, hanArticle(want), unit), asIs)
	}
	c.chapter[h.level] = h.num
	for l := h.level + 1; l < len(c.chapter); l++ {
		c.chapter[l] = 0
	}
}

// hanArticle writes n (1–999) as articles are numbered: 一, 十二, 一百零五.
func hanArticle(n int) string {
	if n < 100 {
		return hanDigits(n)
	}
	d := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	s := d[n/100] + "百"
	switch r := n % 100; {
	case r == 0:
	case r < 10:
		s += "零" + d[r]
	case r < 20:
		s += "一" + hanDigits(r)
	default:
		s += hanDigits(r)
	}
	return s
}

// table checks the text of a table's cells.
func (c *checker) table(t *model.Table) {
	if t == nil {
		return
	}
	for _, cell := range t.Cells {
		c.punctuation(t.Source, cell.Line, cell.Text)
	}
}

// punctuation reports ASCII punctuation used in Chinese text (GB/T 15834):
// , ; : ( ) ! ? next to a Chinese character, and " anywhere in a text that
// holds Chinese.
func (c *checker) punctuation(file string, line int, text string) {
	counts, order := asciiMarks(text)
	if len(order) == 0 {
		return
	}
	var parts []string
	for _, r := range order {
		parts = append(parts, fmt.Sprintf("“%c”%d处", r, counts[r]))
	}
	c.out = append(c.out, diag.New(file, line, "中文里用了半角（英文）标点："+strings.Join(parts, "，"),
		"中文应使用全角标点，如“，”“；”“：”“（）”和弯引号“”（GB/T 15834）。"+asIs))
}

// asciiMarkSet are the marks asciiMarks counts.
const asciiMarkSet = ",;:()!?\""

// asciiMarks counts the ASCII marks of text that stand in Chinese text, and
// lists them in the order they first occur.
func asciiMarks(text string) (map[rune]int, []rune) {
	if !containsAnyByte(text, asciiMarkSet) {
		return nil, nil // most paragraphs: none to count
	}
	counts := map[rune]int{}
	var order []rune
	hasHan := strings.IndexFunc(text, isHan) >= 0
	var prev rune
	for i, r := range text {
		_, size := utf8.DecodeRuneInString(text[i:])
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		bad := false
		switch r {
		case ',', ';', ':', '(', ')', '!', '?':
			bad = chinese(prev) || chinese(next)
		case '"':
			bad = hasHan
		}
		if bad {
			if counts[r] == 0 {
				order = append(order, r)
			}
			counts[r]++
		}
		prev = r
	}
	return counts, order
}

// containsAnyByte is strings.ContainsAny for a set of ASCII characters:
// a search for each byte, which the strings package does many bytes at a
// time, is quicker than its loop over every byte testing the set.
func containsAnyByte(s, set string) bool {
	for i := 0; i < len(set); i++ {
		if strings.IndexByte(s, set[i]) >= 0 {
			return true
		}
	}
	return false
}

// chinese reports a Chinese character or a Chinese punctuation mark.
func chinese(r rune) bool { return isHan(r) || isCJKPunct(r) }

// attachmentHint ends the 附件 warnings.
const attachmentHint = "附件说明写在正文之后、署名之前，如“附件：1.××××”，另起一行“2.××××”；" +
	"附件的顺序号和标题应与附件说明一致。请核对原件。" + asIs

// attachments checks each 附件 label against the 附件说明 before it
// (GB/T 9704-2012 7.3.4, 7.3.7: the number and title of an attachment
// match the 附件说明): a label with no 附件说明 before it, a number beyond
// the items the 附件说明 lists, and items of it that no label carries. The
// last 附件说明 before a label governs it. A 附件说明 no label follows is
// left alone: a gazette may print a notice without its attachments.
func (c *checker) attachments() {
	type group struct {
		note   int   // block index of the 附件说明, -1 for none
		labels []int // block indexes of the labels it governs
	}
	var groups []*group
	var cur *group
	for i, b := range c.doc.Blocks {
		switch b.Kind {
		case model.AttachmentNote:
			cur = &group{note: i}
			groups = append(groups, cur)
		case model.AttachmentLabel:
			if cur == nil {
				cur = &group{note: -1}
				groups = append(groups, cur)
			}
			cur.labels = append(cur.labels, i)
		}
	}
	for _, g := range groups {
		if len(g.labels) > 0 {
			c.attachmentGroup(g.note, g.labels)
		}
	}
}

// attachmentGroup checks the labels one 附件说明 (note, or -1) governs.
func (c *checker) attachmentGroup(note int, labels []int) {
	blocks := c.doc.Blocks
	have := map[int]bool{}
	numbered := true
	maxNum := 0
	for _, i := range labels {
		n := attachmentNumber(blocks[i].Text)
		have[n] = true
		numbered = numbered && n > 0
		maxNum = max(maxNum, n)
	}
	if note < 0 {
		msg := fmt.Sprintf("“%s”前面没有附件说明", blocks[labels[0]].Text)
		if missing := missingAttachments(have, maxNum); missing != "" {
			msg += "，文件里也没有" + missing
		}
		c.warnAt(labels[0], msg+"（GB/T 9704-2012 7.3.4、7.3.7）", attachmentHint)
		return
	}
	items := attachmentItems(blocks[note].Text)
	for _, i := range labels {
		n := attachmentNumber(blocks[i].Text)
		switch {
		case n > items:
			c.warnAt(i, fmt.Sprintf("“%s”与第%d%s的附件说明不符：附件说明只列了%d项（GB/T 9704-2012 7.3.7）",
				blocks[i].Text, blocks[note].Line, diag.LineUnit(c.file), items), attachmentHint)
		case n == 0 && items > 1:
			c.warnAt(i, fmt.Sprintf("第%d%s的附件说明列了%d项，这里的“%s”没有顺序号，应写明是附件几（GB/T 9704-2012 7.3.7）",
				blocks[note].Line, diag.LineUnit(c.file), items, blocks[i].Text), attachmentHint)
		}
	}
	// One item is 附件 without a number (7.3.4); a wrong number on it is
	// reported above.
	if numbered && items > 1 {
		if missing := missingAttachments(have, items); missing != "" {
			c.warnAt(note, fmt.Sprintf("附件说明列了%d项，文件里却没有%s（GB/T 9704-2012 7.3.7）", items, missing), attachmentHint)
		}
	}
}

// attachmentNumber is the number of an 附件 label ("附件2" → 2, "附件２" → 2),
// 0 for a label without one.
func attachmentNumber(label string) int {
	n := 0
	for _, r := range strings.TrimPrefix(label, "附件") {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		}
	}
	return n
}

// attachmentItems counts the items of a 附件说明: one a line, the line
// "附件：" itself not one when the items start under it.
func attachmentItems(note string) int {
	lines := strings.Split(note, "\n")
	rest := strings.TrimLeft(strings.TrimPrefix(lines[0], "附件"), "：: \u3000")
	if rest == "" {
		return len(lines) - 1
	}
	return len(lines)
}

// missingAttachments names the labels 附件1 … 附件n not in have:
// "“附件1”", "“附件1”“附件3”", or "".
func missingAttachments(have map[int]bool, n int) string {
	var b strings.Builder
	for k := 1; k <= n; k++ {
		if !have[k] {
			fmt.Fprintf(&b, "“附件%d”", k)
		}
	}
	return b.String()
}

// noticeDate reports a notice — a document whose title ends with 通知, or
// one with a 主送机关 — without a 成文日期 (GB/T 9704-2012 7.3.5: 公文应有
// 成文日期). The notice ends where the document it forwards or its first
// attachment begins; its date is looked for there, not in what it forwards.
func (c *checker) noticeDate() {
	blocks := c.doc.Blocks
	end := len(blocks)
	for i := 1; i < len(blocks); i++ {
		if b := blocks[i]; b.Kind == model.AttachmentLabel || (b.Kind == model.Title || b.Kind == model.Issuers) && b.NewPage {
			end = i
			break
		}
	}
	kind := "公文"
	if strings.HasSuffix(strings.TrimSpace(c.doc.Title()), "通知") {
		kind = "通知"
	}
	notice := kind == "通知"
	signer := -1
	for i, b := range blocks[:end] {
		switch b.Kind {
		case model.SignDate:
			return
		case model.Addressee:
			notice = true
		case model.Signer:
			signer = i
		}
	}
	if !notice || end == 0 {
		return
	}
	const hint = "成文日期写在正文之后、署名之下，如“2023年6月29日”；请核对原件。" + asIs
	if signer >= 0 {
		c.warnAt(signer, "署名之下没有成文日期；公文应有成文日期（GB/T 9704-2012 7.3.5）", hint)
		return
	}
	c.warnAt(end-1, "这份"+kind+"的正文到本行结束，后面没有成文日期；公文应有成文日期（GB/T 9704-2012 7.3.5）", hint)
}

var (
	// a 发文字号 whose closing bracket and 号 were lost: "牟政办发〔201746"
	brokenDocNumberRE = lazyre.New(`^(\p{Han}{2,15})[ \x{3000}]*[〔\[【（(［„]\s*([0-9]{4})\s*([0-9]{0,5})$`)
	// a 成文日期 whose 年月日 were lost: "{ 2017 6 23", "2020126"
	brokenDateRE = lazyre.New(`^[{（(\[【]?\s*((?:19|20)[0-9]{2})\s+([0-9]{1,2})\s+([0-9]{1,2})\s*[}）)\]】]?$|^(?:19|20)[0-9]{5,6}$`)
)

// brokenTail reports whether s ends as every match of brokenDocNumberRE
// and brokenDateRE ends: with an ASCII digit, a space \s matches, or one of
// the closing brackets brokenDateRE allows. brokenLine runs on every
// paragraph, and nearly all of them end with a punctuation mark, so this
// test saves running the two regexps on them.
func brokenTail(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[len(s)-1]; {
	case c >= '0' && c <= '9', strings.IndexByte(brokenTailBytes, c) >= 0:
		return true
	}
	return strings.HasSuffix(s, "）") || strings.HasSuffix(s, "】")
}

// brokenTailBytes are the ASCII bytes besides digits a brokenLine match
// may end with: \s as Go's regexp has it, and brokenDateRE's closing
// brackets.
const brokenTailBytes = "\t\n\f\r })]"

// brokenLine names a line set as body text that is a 发文字号 or a
// 成文日期 with parts lost (docs/document-kinds.md#slips-check-names): it is
// printed as written, and what stands right above a date so lost is not
// set as a 署名 either, unless a 附注 under it shows it is one.
func (c *checker) brokenLine(i int) {
	b := &c.doc.Blocks[i]
	if b.Kind != model.Paragraph || b.Lead != "" {
		return
	}
	if !brokenTail(b.Text) {
		return
	}
	if m := brokenDocNumberRE().FindStringSubmatch(b.Text); m != nil {
		guess := ""
		if m[3] != "" {
			guess = fmt.Sprintf("，也许是“%s〔%s〕%s号”", m[1], m[2], m[3])
		}
		c.warn(b.Line, fmt.Sprintf("“%s”像是缺了“〕”和“号”的发文字号%s，已按正文排印（GB/T 9704-2012 7.2.4）", b.Text, guess),
			"发文字号写作“机关代字〔年份〕××号”，如“昌府办字〔2023〕25号”；请核对原件。"+asIs)
		return
	}
	if m := brokenDateRE().FindStringSubmatch(b.Text); m != nil {
		msg := fmt.Sprintf("“%s”像是缺了“年月日”的成文日期", b.Text)
		if m[1] != "" {
			msg += fmt.Sprintf("（应为“%s年%s月%s日”？）", m[1], m[2], m[3])
		}
		msg += "，已按正文排印"
		if i > 0 && c.doc.Blocks[i-1].Kind == model.Paragraph {
			msg += "，它上面的署名也按正文排印"
		}
		c.warn(b.Line, msg+"（GB/T 9704-2012 7.3.5.4）",
			"成文日期用阿拉伯数字将年、月、日标全，如“2023年6月29日”；请核对原件。"+asIs)
	}
}
