package manifest

// The messages that issue.toml's syntax and type errors become, in one
// place: what each key means and how its value is written (keyTable,
// kindHow), and the BurntSushi/toml messages the office can trigger,
// translated into Chinese (parseRules). decode.go applies them.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gazette/internal/lazyre"
)

// kind is how a key's value is written in issue.toml.
type kind int

const (
	kText   kind = iota // "文字"
	kPath               // "文件路径"
	kList               // ["文字", "文字"]
	kInt                // 4
	kNumber             // 3 or 2.5
	kBool               // true / false
	kDate               // 2023-08-30
	kSize               // "三号" or 16
	kTrim               // "A4" or [148, 210]
	kTable              // [issue]
	kTables             // [[section]]
)

// keyInfo says what one key of issue.toml means and how it is written.
type keyInfo struct {
	name  string // the key's Chinese meaning: "期号"
	value string // a sample value as written after "=": "4", `"双月刊"`
	kind  kind
}

// keyTable describes every key of the schema (file in manifest.go; a test
// checks that none is missing). Keys under [fonts] are looked up by role in
// lookupKey.
var keyTable = map[string]keyInfo{
	"gazette":                 {"公报信息", "", kTable},
	"gazette.name":            {"公报名称", `"昌江区人民政府公报"`, kText},
	"gazette.english_name":    {"英文名称", `"GAZETTE OF …"`, kText},
	"gazette.sponsor":         {"主管主办单位", `"昌江区人民政府"`, kText},
	"gazette.publisher":       {"编辑出版单位", `"昌江区人民政府办公室"`, kText},
	"gazette.frequency":       {"刊期", `"双月刊"`, kText},
	"gazette.issues_per_year": {"每年期数", "6", kInt},
	"gazette.statement":       {"效力声明", `"本刊所登文件与正式文件具有同等效力"`, kText},
	"gazette.mottos":          {"封面题词", `["传达政令　宣传政策", "指导工作　服务社会"]`, kList},
	"gazette.emblem":          {"封面图标", `"国徽.png"`, kPath},
	"gazette.address":         {"地址", `"景德镇市昌江区瓷都大道836号"`, kText},
	"gazette.postcode":        {"邮政编码", `"333000"`, kText},
	"gazette.website":         {"网址", `"http://www.jdzcjq.gov.cn"`, kText},
	"gazette.telephone":       {"电话", `"（0798）8332255"`, kText},
	"gazette.email":           {"电子邮箱", `"cjqzfb@136.com"`, kText},
	"gazette.permit":          {"准印证号", `"赣内资准字第0123号"`, kText},
	"gazette.printer":         {"印刷单位", `"景德镇市某某印务有限公司"`, kText},
	"gazette.committee":       {"编辑委员会的每个职务", "", kTables},
	"gazette.committee.role":  {"职务", `"主任"`, kText},
	"gazette.committee.names": {"姓名", `["李镒岚"]`, kList},
	"issue":                   {"本期信息", "", kTable},
	"issue.year":              {"年份", "2023", kInt},
	"issue.number":            {"期号", "4", kInt},
	"issue.serial":            {"总期号", "17", kInt},
	"issue.date":              {"出版日期", "2023-08-30", kDate},
	"issue.copies":            {"印数", "500", kInt},
	"layout":                  {"版式设置", "", kTable},
	"layout.preset":           {"版式", `"gbt9704"`, kText},
	"layout.punctuation":      {"标点样式", `"quanjiao"`, kText},
	"layout.kinsoku":          {"避头尾规则", `"gb"`, kText},
	"layout.body_size":        {"正文字号", `"三号"`, kSize},
	"layout.title_size":       {"标题字号", `"二号"`, kSize},
	"print":                   {"印刷设置", "", kTable},
	"print.trim":              {"成品尺寸", `"A4"`, kTrim},
	"print.bleed":             {"出血（毫米）", "3", kNumber},
	"print.crop_marks":        {"裁切线", "true", kBool},
	"print.images":            {"图片的印刷色", `"cmyk"`, kText},
	"print.output_condition":  {"印刷条件", `"FOGRA39"`, kText},
	"print.saddle_max_pages":  {"骑马钉的页数上限", "64", kInt},
	"fonts":                   {"字体设置", "", kTable},
	"section":                 {"栏目", "", kTables},
	"section.title":           {"栏目名称", `"政务动态"`, kText},
	"section.short_title":     {"栏目简称（用于书眉）", `"政务动态"`, kText},
	"section.documents":       {"栏目中的文件", `["01-通知.txt", "02-方案.txt"]`, kList},
}

// kindHow says how a value of each kind is written. {label} is the key
// with its meaning ("number（期号）"), {name} the meaning alone, {example}
// the key with its sample value ("number = 4"), {key} the dotted key.
var kindHow = map[kind]string{
	kText:   "{label}是文字，要用英文双引号括起来，如 {example}",
	kPath:   "{label}是文件路径，要用英文双引号括起来，路径中用“/”分隔，如 {example}",
	kList:   "{label}要写成方括号括起来的列表，每一项加英文双引号，项与项之间用英文逗号隔开，如 {example}",
	kInt:    "{label}要写阿拉伯数字，不加引号，如 {example}",
	kNumber: "{label}要写数字，不加引号和单位，如 {example}",
	kBool:   "{label}只能写 true（是）或 false（否），不加引号，如 {example}",
	kDate:   "{name}要写成 2023-08-30（不加引号）",
	kSize:   "{label}要写字号名称（加引号）或磅数（不加引号），如 {example} 或 {key} = 16",
	kTrim:   `{label}可写 "A4"、"大16开"、"正16开"，或写成 [宽, 高] 的毫米数，如 {example}`,
	kTable:  "{name}要单独一行写表头 [{key}]（一层方括号），下面逐行写设置项",
	kTables: "{name}要以单独一行的 [[{key}]]（两层方括号）开头，每个一段",
}

// destKind maps the destination types named in toml's "incompatible
// types" message to a kind, for keys keyTable does not describe.
var destKind = map[string]kind{
	"integer": kInt, "float": kNumber, "string": kText, "slice": kList, "boolean": kBool, "map": kTable,
}

// Hints shared by several messages.
const (
	manifestHint    = "请对照 README 中 issue.toml 的示例修改。"
	syntaxPrefix    = "issue.toml 格式有误："
	genericSyntax   = "请检查这一行的引号、等号和方括号是否成对。" + manifestHint
	dateHint        = "年、月、日之间用半角减号“-”连接，月和日不足两位时前面补 0，如 2023-08-05。"
	backslashFix    = "路径中的反斜杠“\\”请改成“/”，或者用单引号把路径括起来，如 %s。"
	commentHint     = "如果要写说明，请写在 # 后面。"
	notFoundFix     = "请检查文件名是否写对、文件是否放在 issue.toml 所在的文件夹（或写明相对路径）。"
	slashFix        = "路径中的反斜杠“\\”是 Windows 的写法，这里认不出；请改用“/”分隔，写成 \"%s\"。"
	windowsDriveFix = "这是 Windows 电脑上的位置，在这台电脑上找不到；请把文件复制到 issue.toml 所在的文件夹（或其中的子文件夹），改写成相对路径，用“/”分隔，如 \"fonts/simfang.ttf\"。"
)

// typeErrorRE matches toml's message for a value of the wrong type; its
// submatches are the value's type ("string", "int64", "[]any") and the
// destination's ("integer", "slice").
var typeErrorRE = lazyre.New(`^incompatible types: TOML value has type (\S+); destination has type (.+)$`)

// rule turns one BurntSushi/toml message, matched by re, into Msg and
// Hint; m holds re's submatches.
type rule struct {
	re  func() *regexp.Regexp
	fix func(c *errCtx, m []string) (msg, hint string)
}

// parseRules are tried in order on the message of a toml error; the first
// whose re matches and whose fix returns a message wins. Their expressions
// are compiled when first tried: most runs have no error.
var parseRules = []rule{
	{lazyre.New(`(?s).`), dateProblem},
	{typeErrorRE, func(c *errCtx, m []string) (string, string) { return c.howOr(destKind[m[2]]), "" }},
	{lazyre.New(`^type mismatch for .*: expected (table|array) but found`), bracketsProblem},
	{lazyre.New(`invalid escape in string|hexadecimal digits after '\\`), backslashProblem},
	{lazyre.New(`^Key '(.+)' has already been defined`), duplicateProblem},
	{lazyre.New(`^Key '(.+)' was already created and cannot be used as an array`),
		func(c *errCtx, m []string) (string, string) { c.key = splitKey(m[1]); return bracketsProblem(c, m) }},
	{lazyre.New(`^strings cannot contain newlines|^unexpected EOF; expected '("""|''')'`),
		func(c *errCtx, m []string) (string, string) {
			if l := keyLine(c.data, c.key); m[1] != "" && l > 0 { // toml names the file's end
				c.line = l
			}
			return syntaxPrefix + "引号没有配对，文字缺少结尾的英文引号", c.hint()
		}},
	{lazyre.New(`^expected '\.' or '=', but got (.+) instead`), keyProblem},
	{lazyre.New(`^expected '\.' or '\]' to end table name, but got (.+) instead`), headerProblem},
	{lazyre.New(`^expected value but found (.+) instead`), valueProblem},
	{lazyre.New(`^expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead`), trailingProblem},
	{lazyre.New(`^expected a comma \(','\) or array terminator \('\]'\), but got (.+)$`), listProblem},
	{lazyre.New(`^expected a comma or an inline table terminator '\}'`),
		func(c *errCtx, m []string) (string, string) {
			return syntaxPrefix + "花括号 { } 没有写完整", "花括号里的各项用英文逗号隔开，最后以“}”结束，如 song = { path = \"simsun.ttc\", index = 1 }。"
		}},
	{lazyre.New(`^unexpected EOF`),
		func(c *errCtx, m []string) (string, string) {
			return syntaxPrefix + "文件在这里意外结束", "请检查前面的方括号“]”、花括号“}”和引号是否写完整。"
		}},
	{lazyre.New(`^Invalid integer "(.+)": cannot have leading zeroes`),
		func(c *errCtx, m []string) (string, string) {
			return syntaxPrefix + fmt.Sprintf("数字 %s 前面不能加 0", m[1]), c.hint()
		}},
	{lazyre.New(`is out of range for int64`),
		func(c *errCtx, m []string) (string, string) { return syntaxPrefix + "数字太大", c.hint() }},
	{lazyre.New(`invalid UTF-8 byte|UTF-16|NULL bytes`),
		func(c *errCtx, m []string) (string, string) {
			return "issue.toml 不是 UTF-8 编码（可能是 GBK 或 UTF-16）",
				"请用记事本打开 issue.toml，点“另存为”，在“编码”中选“UTF-8”后保存。"
		}},
	{lazyre.New(`control characters`),
		func(c *errCtx, m []string) (string, string) {
			return syntaxPrefix + "这一行有看不见的控制字符", "请删除这一行后重新输入。"
		}},
	{lazyre.New(`\p{Han}`), // from this package's UnmarshalTOML methods
		func(c *errCtx, m []string) (string, string) { return c.label() + "写法不对：" + c.msg, "" }},
}

// fillHow replaces the placeholders of a kindHow template.
func fillHow(tmpl, key, label, name, example string) string {
	return strings.NewReplacer("{key}", key, "{label}", label, "{name}", name, "{example}", example).Replace(tmpl)
}

// dateProblem answers every error about the date but a repeated key:
// toml's own words quote Go's layout and escape the Chinese bytes.
func dateProblem(c *errCtx, _ []string) (string, string) {
	info, ok := c.info()
	if !ok || info.kind != kDate || strings.Contains(c.msg, "already") {
		return "", ""
	}
	if msg, hint := impossibleDate(c.msg); msg != "" {
		return msg, hint
	}
	return syntaxPrefix + c.how(), dateHint
}

// wellFormedDate matches toml's message for a date written right that
// does not exist; the submatches are its year, month and day.
var wellFormedDate = lazyre.New(`^invalid datetime: "(\d{4})-(\d{2})-(\d{2})(?:$|[T t"])`)

// impossibleDate answers a date written right that is not in the calendar,
// 2023-02-30 or 2023-13-01: what is wrong is the day, not the format.
func impossibleDate(msg string) (string, string) {
	m := wellFormedDate().FindStringSubmatch(msg)
	if m == nil {
		return "", ""
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	const check = "请核对出版日期。"
	if month < 1 || month > 12 {
		return fmt.Sprintf("出版日期 %s-%s-%s 不存在：月份只有 1 到 12 月，没有%d月", m[1], m[2], m[3], month),
			"日期按“年-月-日”的顺序写，如 2023-08-30；" + check
	}
	days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day >= 1 && day <= days {
		return "", "" // the time of day is wrong, not the date
	}
	return fmt.Sprintf("出版日期 %s-%s-%s 不存在：%d年%d月没有%d日", m[1], m[2], m[3], year, month, day),
		fmt.Sprintf("%d年%d月只有 %d 天；%s", year, month, days, check)
}

// backslashProblem answers a "\W" or "\U…" escape: a Windows path in
// double quotes, as a rule.
func backslashProblem(c *errCtx, _ []string) (string, string) {
	key, value := rawAssignment(c.text)
	info, _ := c.info()
	if info.kind != kPath && c.key.String() != "section.documents" && !pathLike().MatchString(value) {
		return syntaxPrefix + "双引号里的反斜杠“\\”有特殊含义",
			"如果要写反斜杠本身，请写成两个“\\\\”，或者改用单引号把文字括起来。"
	}
	return syntaxPrefix + "双引号里的反斜杠“\\”有特殊含义", backslashHint(key, value)
}

// pathLike matches a value that looks like a Windows path.
var pathLike = lazyre.New(`^[A-Za-z]:\\|\.[A-Za-z0-9]{2,4}$`)

// backslashHint says how to write the path value of key (key may be "",
// for an item of a list on a line of its own).
func backslashHint(key, value string) string {
	example := "'" + value + "'"
	if key != "" {
		example = key + " = " + example
	}
	return fmt.Sprintf(backslashFix, example)
}

// escapedPathMsg is the message for a path that decoded with control
// characters: "D:\fonts\new.ttf" read as form feed and newline.
const escapedPathMsg = "双引号里的反斜杠“\\”有特殊含义，这个路径读出来已经变了样"

// duplicateProblem answers "Key 'x' has already been defined".
func duplicateProblem(c *errCtx, m []string) (string, string) {
	c.key = splitKey(m[1])
	info, _ := c.info()
	switch info.kind {
	case kTables: // [section] written twice
		return bracketsProblem(c, m)
	case kTable:
		return syntaxPrefix + fmt.Sprintf("表头 [%s] 写了两次%s", m[1], earlier(firstHeaderLine(c.data, m[1]), c.line)),
			"同一个表头只能写一次，请把两处的设置项合并到第一处。"
	}
	return syntaxPrefix + fmt.Sprintf("%s写了两次%s", c.label(), earlier(c.previousAssignment(), c.line)),
		"同一个设置项只能写一次，请删除多余的一行。"
}

// bracketsProblem answers a table written with the wrong brackets,
// [section] or [[issue]], at the first such header.
func bracketsProblem(c *errCtx, _ []string) (string, string) {
	info, ok := c.info()
	if !ok || (info.kind != kTable && info.kind != kTables) {
		return "", ""
	}
	if l := headerLineWith(c.data, c.key.String(), info.kind == kTable); l > 0 {
		c.line = l
	}
	return syntaxPrefix + c.how(), ""
}

// earlier names the line where something was first written, if known.
func earlier(line, at int) string {
	if line <= 0 || line >= at {
		return ""
	}
	return fmt.Sprintf("（第%d行已经写过）", line)
}

// keyProblem answers "expected '.' or '=', but got X": a key without "=",
// with a full-width "＝" or "：", or in Chinese.
func keyProblem(c *errCtx, m []string) (string, string) {
	got := unquote(m[1])
	name := c.writtenKey(got)
	switch {
	case strings.ContainsAny(got, "：:＝"):
		return syntaxPrefix + "等号要用英文半角“=”，不要用“" + got + "”", c.hint()
	case strings.ContainsAny(got, "【［"):
		return syntaxPrefix + "表头要用英文方括号 [ ]，不要用“【】”或“［］”", headerHint
	case hasHan(name) || hasHan(got):
		return syntaxPrefix + fmt.Sprintf("设置项名称 “%s” 不能用中文", name), c.suggestKey(name)
	}
	return syntaxPrefix + fmt.Sprintf("“%s” 后面缺少等号“=”", name), c.hint()
}

// headerHint lists the table headers of issue.toml.
const headerHint = "表头只能是 [gazette]、[[gazette.committee]]、[issue]、[layout]、[print]、[fonts] 或 [[section]]。"

// suggestKey names the English key of the current table whose meaning
// contains the Chinese name written, if one does.
func (c *errCtx) suggestKey(name string) string {
	table := tableAt(c.data, c.line)
	for k, info := range keyTable {
		t, last, _ := strings.Cut(k, ".")
		if name != "" && t == table && !strings.Contains(last, ".") &&
			(strings.Contains(info.name, name) || strings.Contains(name, info.name)) {
			return fmt.Sprintf("%s要写成英文名称 %s，如 %s = %s；中文说明请写在 # 后面。", info.name, last, last, info.value)
		}
	}
	return "设置项名称只能用英文字母、数字和下划线（可用的名称见 README）；中文说明请写在 # 后面。"
}

// headerProblem answers "expected '.' or ']' to end table name".
func headerProblem(c *errCtx, m []string) (string, string) {
	got := unquote(m[1])
	if _, ok := headerName(c.text); !ok && c.line > 1 { // toml counts the newline as the next line's
		c.line--
		c.text = lineText(c.data, c.line)
	}
	name := strings.Trim(strings.TrimSpace(c.text), "[] ")
	switch {
	case got == "\n" || got == "\r":
		return syntaxPrefix + fmt.Sprintf("表头缺少结尾的方括号“]”，应写成 [%s]", name), headerHint
	case hasHan(got) || hasHan(name):
		return syntaxPrefix + fmt.Sprintf("表头 [%s] 不能用中文", name), headerHint
	}
	return syntaxPrefix + "表头的写法不对", headerHint
}

// valueProblem answers "expected value but found X": nothing after "=",
// Chinese quotes, full-width digits, text without quotes.
func valueProblem(c *errCtx, m []string) (string, string) {
	got := unquote(m[1])
	info, _ := c.info()
	switch {
	case strings.TrimSpace(got) == "":
		return syntaxPrefix + "等号后面没有写内容", c.hint()
	case strings.ContainsAny(got, "“”‘’"):
		return syntaxPrefix + "引号要用英文引号 \"，不要用中文引号 “ ”", c.hint()
	case strings.ContainsAny(got, "０１２３４５６７８９"):
		return syntaxPrefix + "数字要用半角阿拉伯数字 0–9，不要用全角数字", c.hint()
	case got == "=":
		return syntaxPrefix + "多写了一个等号“=”", c.hint()
	case info.kind == kInt || info.kind == kNumber:
		return syntaxPrefix + c.how(), ""
	}
	return syntaxPrefix + "文字没有加英文双引号", c.hint()
}

// trailingProblem answers "expected a top-level item to end with a
// newline…, but got X": something after the value or the header.
func trailingProblem(c *errCtx, m []string) (string, string) {
	got := unquote(m[1])
	info, _ := c.info()
	switch {
	case strings.HasPrefix(strings.TrimSpace(c.text), "["):
		return syntaxPrefix + fmt.Sprintf("表头这一行多了 “%s”", got), "表头要单独一行，写成 [issue] 或 [[section]]；" + commentHint
	case info.kind == kInt || info.kind == kNumber:
		return syntaxPrefix + fmt.Sprintf("数字后面多了 “%s”", got), c.how() + "；" + commentHint
	case info.kind == kText:
		return syntaxPrefix + fmt.Sprintf("引号后面多了 “%s”", got), c.how() + "；文字里如果要用引号，请用中文引号“”。"
	}
	return syntaxPrefix + fmt.Sprintf("这一行的内容后面多了 “%s”", got), c.hint() + commentHint
}

// listProblem answers "expected a comma (',') or array terminator (']')".
func listProblem(c *errCtx, m []string) (string, string) {
	switch got := unquote(m[1]); got {
	case "，", "、":
		return syntaxPrefix + "列表中的逗号要用英文半角逗号“,”，不要用“" + got + "”", ""
	case "[":
		if l := c.previousAssignment(); l > 0 {
			c.line = l
		}
		return syntaxPrefix + "列表缺少结尾的方括号“]”", c.hint()
	}
	return syntaxPrefix + "列表中两项之间缺少英文逗号“,”", "请检查这一行和上一行的末尾是否少了逗号。"
}
