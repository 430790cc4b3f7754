package source

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gazette/internal/lazyre"
)

// The length limits below are in characters (runes). A 公文 line holds 28.
const (
	maxTitleLine   = 60  // one source line of a title
	maxTitleLines  = 5   // lines of one title
	maxHeading     = 60  // a heading standing alone on its line
	maxLead        = 25  // a run-in head, after its number
	maxSigner      = 30  // an organisation name over the date
	maxPresider    = 20  // "伊文斌主持"
	maxAddressee   = 100 // the 主送机关 line
	minJoinedLine  = 15  // a line shorter than this is joined only if it holds a comma
	maxLookahead   = 400 // lines scanned ahead for the next level-1 head
	maxForwardSpan = 4   // source lines a forwarded title may span
)

// headStyle says how a head number is written, to report slips.
type headStyle int

const (
	styleStandard    headStyle = iota // 一、 （一） 1. （1）
	styleArabicComma                  // 2、 — should be 二、 or 2.
	styleASCIIParen                   // (一) or (1) — should be （一） or （1）
	styleCloseOnly                    // 1) — should be （1）
)

// head is the number that opens a heading or a numbered paragraph
// (GB/T 9704-2012 7.3.3: 一、 （一） 1. （1）).
type head struct {
	level int // 1–4; 3 for "2、" until the context decides
	num   int
	size  int // bytes of the number, including 、 . or the parentheses
	style headStyle
	han   bool // numbered with Chinese numerals (一、 （一）)
}

var (
	hanHeadRE    = lazyre.New(`^([一二三四五六七八九十]{1,3})、`)
	hanParenRE   = lazyre.New(`^([（(])([一二三四五六七八九十]{1,3})([）)])`)
	digitParenRE = lazyre.New(`^([（(])([0-9]{1,2})([）)])`)
	digitDotRE   = lazyre.New(`^([0-9]{1,2})[.．]`)
	digitCommaRE = lazyre.New(`^([0-9]{1,2})、`)
	// "1)" or "1）" with no opening bracket, a slip for （1）
	digitCloseRE = lazyre.New(`^([0-9]{1,2})[)）]`)
)

// parseHead reads the head number at the start of s, if any. Only the
// regexps whose matches can start as s starts are tried (headStartOf).
func parseHead(s string) (head, bool) {
	start := headStartOf(s)
	if start == startOther {
		return head{}, false
	}
	s = headPrefix(s)
	switch start {
	case startHanNumeral:
		if m := hanHeadRE().FindStringSubmatch(s); m != nil {
			if n := hanNumber(m[1]); n > 0 {
				return head{level: 1, num: n, size: len(m[0]), han: true}, true
			}
		}
	case startParen:
		if m := hanParenRE().FindStringSubmatch(s); m != nil {
			if n := hanNumber(m[2]); n > 0 {
				return head{level: 2, num: n, size: len(m[0]), style: parenStyle(m), han: true}, true
			}
		}
		if m := digitParenRE().FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[2])
			return head{level: 4, num: n, size: len(m[0]), style: parenStyle(m)}, true
		}
	case startDigits:
		return digitHead(s)
	}
	return head{}, false
}

// maxHeadBytes bounds the head numbers parseHead's regexps match: the
// longest, "（十二）" of hanParenRE, is 15 bytes. They are anchored at the
// start and need nothing after the number, so they give the same on the
// first maxHeadBytes bytes of a line as on all of it, and a regexp costs
// in proportion to the text it is given.
const maxHeadBytes = 32

// headPrefix is s up to the first character that starts at or after
// maxHeadBytes (TestHeadPrefix).
func headPrefix(s string) string {
	n := maxHeadBytes
	for n < len(s) && !utf8.RuneStart(s[n]) {
		n++
	}
	return s[:min(n, len(s))]
}

// digitHead reads a head that starts with one or two digits: "1." "1、" "1）".
// s is the line's headPrefix: the test for a digit after "1." looks within
// it, as the regexps match at most 5 bytes.
func digitHead(s string) (head, bool) {
	if m := digitDotRE().FindStringSubmatch(s); m != nil && !digitAt(s, len(m[0])) {
		n, _ := strconv.Atoi(m[1])
		return head{level: 3, num: n, size: len(m[0])}, true
	}
	if m := digitCommaRE().FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return head{level: 3, num: n, size: len(m[0]), style: styleArabicComma}, true
	}
	if m := digitCloseRE().FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return head{level: 4, num: n, size: len(m[0]), style: styleCloseOnly}, true
	}
	return head{}, false
}

// headStart is how a line starts, as far as parseHead's regexps care.
type headStart int

const (
	startOther      headStart = iota // no head regexp matches
	startHanNumeral                  // hanHeadRE may match
	startParen                       // hanParenRE or digitParenRE may
	startDigits                      // one or two digits: digitDotRE, digitCommaRE or digitCloseRE may
)

// headStartOf says which of parseHead's regexps can match s, from how it
// starts: a Han numeral up to 十, a parenthesis, or one or two ASCII digits
// and no third (the digit regexps take at most two, then a mark).
// parseHead runs on most lines; this spares them the regexps.
func headStartOf(s string) headStart {
	if s == "" {
		return startOther
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		if len(s) >= 3 && isASCIIDigit(s[1]) && isASCIIDigit(s[2]) {
			return startOther
		}
		return startDigits
	case c == '(':
		return startParen
	}
	switch r, _ := utf8.DecodeRuneInString(s); {
	case r == '（':
		return startParen
	case strings.ContainsRune(headHanDigits, r):
		return startHanNumeral
	}
	return startOther
}

// isASCIIDigit reports 0–9.
func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// headHanDigits are the numerals hanHeadRE and hanParenRE take.
const headHanDigits = "一二三四五六七八九十"

// parenStyle flags a head written with ASCII parentheses.
func parenStyle(m []string) headStyle {
	if m[1] == "(" || m[len(m)-1] == ")" {
		return styleASCIIParen
	}
	return styleStandard
}

// digitAt reports whether s has an ASCII digit at byte i ("1.5万亩" is no head).
func digitAt(s string, i int) bool {
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// hanNumber reads 一 … 九十九; 0 if s is not such a number.
func hanNumber(s string) int {
	digit := func(r rune) int { return strings.IndexRune("〇一二三四五六七八九", r) / 3 }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit(rs[0])
	case len(rs) == 2 && rs[0] == '十' && digit(rs[1]) > 0:
		return 10 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十' && digit(rs[0]) > 1:
		return digit(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十' && digit(rs[0]) > 1 && digit(rs[2]) > 0:
		return digit(rs[0])*10 + digit(rs[2])
	}
	return 0
}

// hanDigits writes 1–99 in Chinese numerals, for messages.
func hanDigits(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n-10]
	}
	return d[n/10] + "十" + d[n%10]
}

// Punctuation classes.
const (
	sentenceEnds = "。！？；…!?;" // a line holding one is not a title or a bare head
	leadEnds     = "。！？：:"    // what closes a run-in head
	clauseMarks  = "，、；：,;:"  // a line holding one is sentence text
	openers      = "“‘《（(〔【「『〈［"
	closers      = "”’》）)〕】」』〉］"
)

// runes counts the characters of s.
func runes(s string) int { return utf8.RuneCountInString(s) }

// moreRunes reports runes(s) > n without counting a long paragraph's
// runes: a rune takes one to four bytes (an invalid byte counts as one).
func moreRunes(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > 4*n:
		return true
	}
	return runes(s) > n
}

// lastRune is the last character of s, or 0.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// endsOpen reports whether s stops in mid-sentence: its last character is a
// letter, a Chinese character or a digit, not a punctuation mark.
func endsOpen(s string) bool {
	r := lastRune(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isCJKPunct reports the punctuation and full-width forms of Chinese text.
func isCJKPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		strings.ContainsRune("“”‘’—…·", r)
}

// isHan reports a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// titleLike reports a line that can be (part of) a title (GB/T 9704-2012
// 7.3.1): short, with no sentence-final punctuation, not ending in a comma or
// colon, and not one of the other elements that look alike.
func titleLike(s string) bool {
	if s == "" || runes(s) > maxTitleLine || strings.ContainsAny(s, sentenceEnds) {
		return false
	}
	if strings.ContainsRune("，、：,:", lastRune(s)) {
		return false
	}
	if _, ok := parseHead(s); ok {
		return false
	}
	_, isDoc := docNumber(s)
	return !isDoc && !presiderLike(s) && !isDate(s) && !isAttachmentLabel(s) && !imprintRE().MatchString(s) &&
		!isAttachmentNote(s) && !strings.HasPrefix(s, "【") && !headnoteLike(s) &&
		!orderNumberLike(s) && !startsKindElement(s) && !brokenDocNumberRE().MatchString(s) && !brokenDateRE().MatchString(s)
}

// imprintRE matches the 版记 line "…办公室 2015年3月5日印发" (GB/T
// 9704-2012 7.4.3: 印发机关和印发日期), which is no title.
var imprintRE = lazyre.New(`[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日` + blanks + `印发$`)

// kindWords are the names of the kinds of document a title ends with: the
// 15 文种 of 《党政机关公文处理工作条例》 art. 8, the names of 规章 and
// normative documents, and what else a gazette carries.
var kindWords = []string{"决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
	"请示", "批复", "议案", "函", "纪要", "条例", "规定", "办法", "细则", "规则", "方案", "计划", "规划",
	"要点", "预案", "名单", "解读", "制度", "标准", "清单", "指南", "目录"}

// endsWithKind reports a title line that ends with the name of a kind of
// document, before a bracketed "（试行）".
func endsWithKind(s string) bool {
	s = strings.TrimRightFunc(s, isBlank)
	if i := strings.LastIndexAny(s, "（("); i > 0 && strings.ContainsRune("）)", lastRune(s)) {
		s = strings.TrimRightFunc(s[:i], isBlank)
	}
	for _, w := range kindWords {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// splitTitle reports a title the source split with a blank line (docs/document-kinds.md#titles): the lines
// so far do not end with the name of a kind of document, the line after the
// blank does ("南县住房和城乡建设局2018年度整体支出" / "" / "绩效评价报告").
func splitTitle(parts []string, next string) bool {
	return !endsWithKind(parts[len(parts)-1]) && endsWithKind(next) && titleLike(next)
}

// docNumberRE matches a 发文字号 (GB/T 9704-2012 7.2.4): 机关代字, the year in
// brackets, the number and 号. Wrong brackets and a 第 or leading zeros are
// accepted here and reported by Check.
// Spaces typed around the brackets ("国函 〔2011〕 50 号") are tolerated.
var docNumberRE = lazyre.New(`^[\p{Han}A-Za-z]{1,15}` + blanks + `[〔\[（(【［„]` + blanks + `[0-9]{4}` + blanks +
	`[〕\]）)】］‟“]` + blanks + `第?[0-9]{1,5}` + blanks + `号$`)

// oldDocNumberRE matches a 发文字号 in the form used before GB/T 9704
// fixed the bracketed year after the 机关代字: the year's last two digits
// in parentheses first, "(78)交公路字412号".
var oldDocNumberRE = lazyre.New(`^[（(]` + blanks + `[0-9]{2,4}` + blanks + `[）)]` + blanks + `[\p{Han}A-Za-z]{1,15}` + blanks + `第?[0-9]{1,5}` + blanks + `号$`)

// docNumber recognises a 发文字号 line and returns it without the parentheses
// a gazette prints around it: "（昌府办字〔2023〕25号）" → "昌府办字〔2023〕25号".
func docNumber(s string) (string, bool) {
	inner := s
	if trimmed, ok := unwrapParens(s); ok {
		inner = strings.TrimFunc(trimmed, isBlank)
	}
	if docNumberRE().MatchString(inner) || oldDocNumberRE().MatchString(inner) {
		return inner, true
	}
	return "", false
}

// unwrapParens strips one pair of parentheses around the whole of s.
func unwrapParens(s string) (string, bool) {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}, {"（", ")"}, {"(", "）"}} {
		if strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) && len(s) > len(p[0])+len(p[1]) {
			return s[len(p[0]) : len(s)-len(p[1])], true
		}
	}
	return "", false
}

var (
	dateRE = lazyre.New(`^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日$`)
	// the Latin letter O typed for 〇 ("二OO六年") is tolerated; Check names it
	hanDateRE = lazyre.New(`^[〇○零OoΟ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$`)
)

// slipDateRE matches a date written with dots, dashes or slashes for 年月日
// ("2020.1.26", "2020-01-26", "2020/1/26"), as offices type it in haste;
// Check names the slip.
var slipDateRE = lazyre.New(`^[0-9]{4}\s*([.．/／\-－])\s*[0-9]{1,2}\s*([.．/／\-－])\s*[0-9]{1,2}$`)

// isDate recognises a 成文日期 line (GB/T 9704-2012 7.3.5.4): 2023年6月29日,
// the older 二〇二三年六月二十九日, or the slips slipDate reads.
func isDate(s string) bool {
	if !strings.HasSuffix(s, "日") && (s == "" || !isASCIIDigit(s[len(s)-1])) {
		return false // as every match of the three regexps ends: most lines
	}
	return dateRE().MatchString(s) || hanDateRE().MatchString(s) || slipDate(s)
}

// slipDate reports a date written "2020.1.26" or "2020-01-26": one
// separator throughout, a month and a day that can be.
func slipDate(s string) bool {
	m := slipDateRE().FindStringSubmatch(s)
	if m == nil || m[1] != m[2] {
		return false
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	mo, _ := strconv.Atoi(f[1])
	d, _ := strconv.Atoi(f[2])
	return len(f) == 3 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31
}

// signerLike reports a line that can be the 发文机关署名 above a date
// (GB/T 9704-2012 7.3.5.2): a short organisation name without punctuation.
func signerLike(s string) bool {
	if moreRunes(s, maxSigner) {
		return jointSigners(s)
	}
	if s == "" || strings.ContainsAny(s, "。，；：！？,;:!?“”\"《》【") {
		return false
	}
	for _, p := range []string{"特此", "此复", "此致", "专此"} {
		if strings.HasPrefix(s, p) {
			return false
		}
	}
	if _, ok := parseHead(s); ok || isDate(s) {
		return false
	}
	return strings.IndexFunc(s, isHan) >= 0
}

// jointSigners reports a line of several organisation names separated by
// spaces, each one a signer, as a joint document is signed (GB/T 9704-2012
// 7.3.5.2: "联合行文时，应当先编排主办机关署名，其余发文机关署名依次向下编排").
func jointSigners(s string) bool {
	if !strings.Contains(s, " ") && !strings.Contains(s, "\u3000") {
		return false // one part at most; most paragraphs have no space
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\u3000' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if runes(p) > maxSigner || !signerLike(p) {
			return false
		}
	}
	return true
}

// noteLike reports a 附注 (GB/T 9704-2012 7.3.6): a short line wholly in
// parentheses, such as （此件公开发布）.
func noteLike(s string) bool {
	inner, ok := unwrapParens(s)
	if !ok || runes(s) > maxTitleLine || strings.ContainsAny(inner, "（）()") {
		return false
	}
	_, isDoc := docNumber(s)
	return !isDoc
}

// releaseNote reports the 附注 that says how far a document goes (GB/T
// 9704-2012 7.3.6): a 附注 line whose words open with 此件 — （此件公开发布）,
// （此件发至县级）, （此件不公开）. Nothing else is written so, so it is a
// 附注 wherever it stands.
func releaseNote(s string) bool {
	inner, ok := unwrapParens(s)
	return ok && noteLike(s) && strings.HasPrefix(strings.TrimSpace(inner), "此件")
}

// presiderLike reports the "伊文斌主持" line under a 政务动态 title.
func presiderLike(s string) bool {
	return strings.HasSuffix(s, "主持") && runes(s) <= maxPresider &&
		!strings.ContainsAny(s, "。，；：！？,;:")
}

// addresseeLike reports a 主送机关 line (GB/T 9704-2012 7.3.2): organisation
// names ending in a colon. A line that ends in a colon but is the text's
// opening sentence — "现将有关事项通知如下：", "……第三次会议决定：" — is
// body text, not one (docs/document-kinds.md#addressee).
func addresseeLike(s string) bool {
	r := lastRune(s)
	if (r != '：' && r != ':') || runes(s) > maxAddressee || strings.ContainsAny(s, "。！？；;!?") {
		return false
	}
	if _, ok := parseHead(s); ok {
		return false
	}
	return !openingSentence(s) && !isAttachmentNote(s)
}

// actVerbs are the verbs with which a body announces what it does at the
// end of a document's opening sentence, just before the colon: "……会议
// 决定：", "经研究，现批复：". A 主送机关 names bodies: it ends with a
// noun (政府, 部门, 单位, 管委会), never with one of these.
var actVerbs = []string{
	"决定", "决议", "通知", "通告", "公告", "通报", "批复", "函复", "函告",
	"答复", "命令", "宣布", "指出", "强调", "要求", "认为", "议定", "明确",
}

// openingSentence reports a line ending in a colon that is the first
// sentence of the text, a body acting: it says 如下 ("通知如下：",
// "特作如下决定：") or ends with a verb of deciding or telling
// (docs/document-kinds.md#addressee).
func openingSentence(s string) bool {
	if strings.Contains(s, "如下") {
		return true
	}
	s = strings.TrimRight(s, "：: \t\u3000")
	for _, v := range actVerbs {
		if strings.HasSuffix(s, v) {
			return true
		}
	}
	return false
}

var attachmentLabelRE = lazyre.New(`^附件[ \x{3000}]*[0-9０-９]*$`)

// isAttachmentLabel recognises the "附件" / "附件2" line over an attachment
// (GB/T 9704-2012 7.3.7).
func isAttachmentLabel(s string) bool { return attachmentLabelRE().MatchString(s) }

// isAttachmentNote recognises the 附件说明 "附件：…" (GB/T 9704-2012 7.3.4).
func isAttachmentNote(s string) bool {
	return strings.HasPrefix(s, "附件：") || strings.HasPrefix(s, "附件:")
}

// forwardKey is a title compared without 《》 and white space.
func forwardKey(s string) string {
	return strings.Map(func(r rune) rune {
		if forwardDropped(r) {
			return -1
		}
		return r
	}, s)
}

// forwardDropped reports the runes forwardKey leaves out.
func forwardDropped(r rune) bool { return isBlank(r) || strings.ContainsRune("《》〈〉", r) }

var bookTitleRE = lazyre.New(`《([^《》]+)》`)

// containsEndingIn reports whether s contains one of words, which end in
// the same byte. It looks for that byte first: the last byte of a Chinese
// character spreads over 64 values, where the first bytes of most are among
// six, on which strings.Contains would stop at nearly every character.
func containsEndingIn(s string, words ...string) bool {
	last := words[0][len(words[0])-1]
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], last)
		if k < 0 {
			return false
		}
		i += k
		for _, w := range words {
			if strings.HasSuffix(s[:i+1], w) {
				return true
			}
		}
	}
	return false
}

// forwardedNames returns the 《X》 a notice says it 印发 or 转发: the plan
// that follows it in the same file, with X as its title.
func forwardedNames(text string) []string {
	text = strings.ReplaceAll(text, "\n", "")
	if !containsEndingIn(text, "印发", "转发") {
		return nil
	}
	var out []string
	for _, m := range bookTitleRE().FindAllStringSubmatch(text, -1) {
		if k := forwardKey(m[1]); k != "" {
			out = append(out, k)
		}
	}
	return out
}
