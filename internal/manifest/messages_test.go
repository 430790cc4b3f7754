package manifest

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"gazette/internal/diag"
)

const sampleDir = "../../samples/changjiang-2023-04"

// copySample copies the sample issue's documents and its issue.toml, with
// the one occurrence of old replaced by new, into a new directory and
// returns the manifest's path.
func copySample(t *testing.T, old, new string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sampleDir, "issue.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		t.Fatalf("%q occurs %d times in the sample manifest, want once", old, n)
	}
	dir := t.TempDir()
	docs, _ := filepath.Glob(filepath.Join(sampleDir, "*.txt"))
	for _, d := range docs {
		b, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		write(t, dir, filepath.Base(d), string(b))
	}
	return write(t, dir, "issue.toml", strings.Replace(string(data), old, new, 1))
}

func TestSampleLoads(t *testing.T) {
	m, err := Load(copySample(t, "\n[issue]\n", "\n[issue]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sections) != 2 || len(m.Sections[1].Documents) != 3 || m.Issue.Serial != 17 {
		t.Errorf("sections %+v, issue %+v", m.Sections, m.Issue)
	}
}

// TestInternalPublicationKeys: the 内部资料 keys reach the model, and a
// nonsensical 印数 is refused at its line.
func TestInternalPublicationKeys(t *testing.T) {
	_, err := Load(copySample(t, "date = 2023-08-30", "date = 2023-08-30\ncopies = 500\n[gazette.x]"))
	if err == nil || !strings.Contains(err.Error(), "gazette.x") {
		t.Fatalf("an unknown table under [gazette] should be refused, got %v", err)
	}
	m, err := Load(copySample(t, `email = "cjqzfb@136.com"`, "email = \"cjqzfb@136.com\"\npermit = \"赣内资准字第0123号\"\nprinter = \"某某印务\""))
	if err != nil {
		t.Fatal(err)
	}
	if g := m.Issue.Gazette; g.Permit != "赣内资准字第0123号" || g.Printer != "某某印务" {
		t.Errorf("permit %q, printer %q", g.Permit, g.Printer)
	}
	m, err = Load(copySample(t, "date = 2023-08-30", "date = 2023-08-30\ncopies = 500"))
	if err != nil || m.Issue.Copies != 500 {
		t.Fatalf("copies = 500: %v, %d", err, m.Issue.Copies)
	}
	_, err = Load(copySample(t, "date = 2023-08-30", "date = 2023-08-30\ncopies = -5"))
	if err == nil || !strings.Contains(err.Error(), "印数必须是正整数") || !strings.Contains(err.Error(), "第50行") {
		t.Errorf("copies = -5: %v", err)
	}
}

// unreadableText must never reach the office: Go's time layout, byte
// escapes, toml's English type names.
var unreadableText = []string{`\x`, "2006-01-02T", "toml:", "incompatible types", "destination", "interface", "struct {"}

func TestSampleProblems(t *testing.T) {
	const layoutLine = "[layout]\npreset"
	tests := []struct {
		name     string
		old, new string
		line     int
		want     []string // each must be in the message
	}{
		// 1. the date
		{"quoted date", "date = 2023-08-30", `date = "2023-08-30"`, 49, []string{"出版日期要写成 2023-08-30（不加引号）"}},
		{"Chinese date", "date = 2023-08-30", `date = "2023年8月30日"`, 49, []string{"出版日期要写成 2023-08-30（不加引号）"}},
		{"Chinese date unquoted", "date = 2023-08-30", `date = 2023年8月30日`, 49, []string{"出版日期要写成 2023-08-30（不加引号）"}},
		{"one-digit month", "date = 2023-08-30", `date = 2023-8-30`, 49, []string{"出版日期要写成", "补 0"}},
		{"date as a number", "date = 2023-08-30", `date = 20230830`, 49, []string{"出版日期要写成 2023-08-30"}},
		{"date in 1900", "date = 2023-08-30", `date = 1900-08-30`, 49, []string{"出版日期的年份 1900 不合理"}},
		// 2. backslashes
		{"Windows font path", layoutLine, "[fonts]\nfang = \"C:\\Windows\\Fonts\\simfang.ttf\"\n" + layoutLine, 52,
			[]string{`路径中的反斜杠“\”请改成“/”，或者用单引号把路径括起来，如 fang = 'C:\Windows\Fonts\simfang.ttf'`}},
		{"Windows emblem path with \\U", `# emblem = "国徽.png"`, `emblem = "C:\Users\国徽.png"`, 13,
			[]string{`如 emblem = 'C:\Users\国徽.png'`}},
		{"escapes that decode", layoutLine, "[fonts]\nfang = \"D:\\fonts\\new\\times.ttf\"\n" + layoutLine, 52,
			[]string{"读出来已经变了样", `如 fang = 'D:\fonts\new\times.ttf'`}},
		{"document in a subfolder", `"01-调查研究工作方案通知.txt",`, `"docs\01.txt",`, 57,
			[]string{`用单引号把路径括起来，如 'docs\01.txt'`}},
		{"backslash in text", `english_name = "GAZETTE OF`, `english_name = "GAZ\qETTE OF`, 7,
			[]string{"反斜杠", "两个“\\\\”"}},
		// 3. types
		{"number in Chinese", "number = 4 ", `number = "四" `, 47, []string{"number（期号）要写阿拉伯数字，不加引号，如 number = 4"}},
		{"number as a fraction", "number = 4 ", `number = 4.5 `, 47, []string{"number（期号）要写阿拉伯数字"}},
		{"serial quoted", "serial = 17 ", `serial = "17" `, 48, []string{"serial（总期号）要写阿拉伯数字，不加引号，如 serial = 17"}},
		{"year as a list", "year = 2023", `year = [2023]`, 46, []string{"year（年份）要写阿拉伯数字"}},
		{"name a number", `name = "昌江区人民政府公报"`, `name = 5`, 6, []string{`name（公报名称）是文字，要用英文双引号括起来，如 name = "昌江区人民政府公报"`}},
		{"postcode a number", `postcode = "333000"`, `postcode = 333000`, 15, []string{"postcode（邮政编码）是文字"}},
		{"mottos one string", `mottos = ["传达政令　宣传政策", "指导工作　服务社会"]`, `mottos = "传达政令"`, 12,
			[]string{"mottos（封面题词）要写成方括号括起来的列表"}},
		{"names a string, not the last committee", "role = \"责任编辑\"\nnames = [\"段守阳\"]", "role = \"责任编辑\"\nnames = \"段守阳\"", 39,
			[]string{"names（姓名）要写成方括号括起来的列表"}},
		{"title a number, first section", `title = "区政府办公室文件"`, `title = 5`, 55, []string{"title（栏目名称）是文字"}},
		{"a number in documents", `"01-调查研究工作方案通知.txt",`, `1,`, 56, []string{"documents（栏目中的文件）要写成方括号括起来的列表"}},
		// 4. sizes
		{"body size too big", `preset = "gbt9704"`, `body_size = 200`, 52,
			[]string{"正文字号 200 磅超出范围", `正文字号应在 5 到 72 磅之间（写数字，不加引号），或写字号名称如 "三号"`, "初号、小初、一号"}},
		{"unknown size name", `preset = "gbt9704"`, `title_size = "大号"`, 52, []string{"标题字号 “大号” 不认识", "标题字号应在 5 到 72 磅之间"}},
		{"size true", `preset = "gbt9704"`, `title_size = true`, 52, []string{"标题字号 true 不合理"}},
		// 5. numbers out of range
		{"number negative", "number = 4 ", "number = -4 ", 47, []string{"期号必须是正整数，这里写的是 -4"}},
		{"number zero", "number = 4 ", "number = 0 ", 47, []string{"期号必须是正整数，这里写的是 0"}},
		{"serial zero", "serial = 17 ", "serial = 0 ", 48, []string{"总期号必须是正整数"}},
		{"serial below number", "serial = 17 ", "serial = 3 ", 48, []string{"总期号 3 小于期号 4"}},
		{"year 23", "year = 2023", "year = 23", 46, []string{"年份 23 不合理", "1949 到 2100"}},
		{"number missing", "number = 4          # 第4期", "", 45, []string{"缺少期号"}},
		// 6. syntax
		{"unterminated string", `title = "政务动态"`, `title = "政务动态`, 62, []string{"格式有误", "引号没有配对", `title = "政务动态"`}},
		{"unterminated multi-line string", `frequency = "双月刊"`, `frequency = """双月刊`, 10, []string{"引号没有配对"}},
		{"missing =", `title = "政务动态"`, `title "政务动态"`, 62, []string{"“title” 后面缺少等号“=”"}},
		{"full-width colon", "year = 2023", "year：2023", 46, []string{"等号要用英文半角“=”"}},
		{"Chinese key", "year = 2023", "年份 = 2023", 46, []string{"设置项名称 “年份” 不能用中文", "英文名称 year"}},
		{"duplicate key", "serial = 17         # 总第17期", "number = 5", 48, []string{"number（期号）写了两次（第47行已经写过）"}},
		{"duplicate table", "[layout]", "[issue]", 51, []string{"表头 [issue] 写了两次（第45行已经写过）"}},
		{"Chinese table header", "\n[issue]\n", "\n[期刊]\n", 45, []string{"表头 [期刊] 不能用中文", "[issue]"}},
		{"unclosed header", "\n[issue]\n", "\n[issue\n", 45, []string{"表头缺少结尾的方括号“]”，应写成 [issue]"}},
		{"Chinese brackets", "\n[issue]\n", "\n【issue】\n", 45, []string{"英文方括号"}},
		{"issue in double brackets", "\n[issue]\n", "\n[[issue]]\n", 45, []string{"要单独一行写表头 [issue]（一层方括号）"}},
		{"section in single brackets", "[[section]]\ntitle = \"区政府", "[section]\ntitle = \"区政府", 54, []string{"[[section]]（两层方括号）"}},
		{"Chinese comma in a list", `"传达政令　宣传政策", "指导`, `"传达政令　宣传政策"，"指导`, 12, []string{"不要用“，”"}},
		{"missing comma in documents", `"01-调查研究工作方案通知.txt",`, `"01-调查研究工作方案通知.txt"`, 58, []string{"两项之间缺少英文逗号"}},
		{"unclosed list", `names = ["王瀚洋"]`, `names = ["王瀚洋"`, 27, []string{"缺少结尾的方括号“]”"}},
		{"text without quotes", `title = "政务动态"`, `title = 政务动态`, 62, []string{"文字没有加英文双引号", `title = "政务动态"`}},
		{"Chinese quotes", `role = "主任"`, `role = “主任”`, 22, []string{"不要用中文引号"}},
		{"unit after a number", "year = 2023", "year = 2023年", 46, []string{"数字后面多了 “年”", "# 后面"}},
		{"full-width digits", "year = 2023", "year = ２０２３", 46, []string{"全角数字"}},
		{"leading zero", "serial = 17 ", "serial = 017 ", 48, []string{"数字 017 前面不能加 0"}},
		{"nothing after =", "year = 2023", "year =", 46, []string{"等号后面没有写内容"}},
		{"GBK", `frequency = "双月刊"`, "frequency = \"\xcb\xab\xd4\xc2\xbf\xaf\"", 10, []string{"不是 UTF-8 编码", "另存为"}},
		// 7. a document listed twice
		{"document twice in a section", `"05-第33次常务会议.txt",`, `"03-第31次常务会议.txt",`, 66,
			[]string{"文件 “03-第31次常务会议.txt” 列出了两次（栏目 “政务动态” 第64行已经列过）"}},
		{"document in two sections", `"05-第33次常务会议.txt",`, `"01-调查研究工作方案通知.txt",`, 66,
			[]string{"列出了两次（栏目 “区政府办公室文件” 第57行已经列过）"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(copySample(t, tt.old, tt.new))
			ps := diag.Problems(err)
			if len(ps) == 0 {
				t.Fatalf("no problem reported (err=%v)", err)
			}
			p, text := ps[0], ps[0].Error()
			if p.Line != tt.line || !strings.Contains(text, "issue.toml") {
				t.Errorf("line %d, want %d: %s", p.Line, tt.line, text)
			}
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("message lacks %q:\n%s", w, text)
				}
			}
			for _, bad := range unreadableText {
				if strings.Contains(err.Error(), bad) {
					t.Errorf("message contains %q:\n%s", bad, err)
				}
			}
		})
	}
}

// TestKeyTableCoversSchema checks that every key of issue.toml has its
// Chinese meaning, so that no type error names a bare key.
func TestKeyTableCoversSchema(t *testing.T) {
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for typ.Kind() == reflect.Slice || typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct {
			return
		}
		for i := range typ.NumField() {
			tag := typ.Field(i).Tag.Get("toml")
			if tag == "" {
				continue
			}
			key := strings.TrimPrefix(prefix+"."+tag, ".")
			if info, ok := keyTable[key]; !ok || info.name == "" {
				t.Errorf("keyTable lacks %q", key)
			} else if info.kind != kTable && info.kind != kTables && info.value == "" {
				t.Errorf("keyTable has no sample value for %q", key)
			}
			if key != "fonts" {
				walk(key, typ.Field(i).Type)
			}
		}
	}
	walk("", reflect.TypeFor[file]())
}

// TestDecodeProblemFallback checks the errors no rule knows: toml's
// English is kept after the hint unless it would only confuse.
func TestDecodeProblemFallback(t *testing.T) {
	data := []byte("[issue]\nyear = 2023\nnumber = 4\n")
	tests := []struct {
		name    string
		err     error
		line    int
		keepErr bool
	}{
		{"new message", errors.New(`toml: line 3 (last key "issue.number"): something new`), 3, true},
		{"Go layout", errors.New(`toml: line 2 (last key "issue.year"): parsing time "x" as "2006-01-02T15:04:05Z07:00"`), 2, false},
		{"byte escapes", errors.New(`toml: bad "\xe5\xb9"`), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := decodeProblem("issue.toml", data, tt.err).(*diag.Problem)
			if p.Line != tt.line || !strings.Contains(p.Msg, "格式有误") || (p.Err != nil) != tt.keepErr {
				t.Errorf("got line %d, %q, err %v", p.Line, p.Msg, p.Err)
			}
		})
	}
}

func TestUTF16Manifest(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sampleDir, "issue.toml"))
	if err != nil {
		t.Fatal(err)
	}
	le := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(string(data))) {
		le = append(le, byte(u), byte(u>>8))
	}
	_, err = Parse("issue.toml", le)
	if ps := diag.Problems(err); len(ps) != 1 || !strings.Contains(ps[0].Error(), "不是 UTF-8 编码") {
		t.Errorf("got %v", err)
	}
}

// TestImpossibleDates: a date written right that is not in the calendar is
// reported as such, not as a slip of the format.
func TestImpossibleDates(t *testing.T) {
	tests := []struct {
		date string
		want string // "" if the date is fine
	}{
		{"2023-02-30", "2023年2月没有30日"},
		{"2023-02-29", "2023年2月没有29日"},
		{"2023-04-31", "2023年4月没有31日"},
		{"2023-13-01", "没有13月"},
		{"2023-00-10", "没有0月"},
		{"2023-08-00", "2023年8月没有0日"},
		{"2024-02-29", ""},
		{"2023-12-31", ""},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			m, err := Load(copySample(t, "date = 2023-08-30", "date = "+tt.date))
			if tt.want == "" {
				if err != nil || m.Issue.Date.Day != atoi(tt.date[8:]) {
					t.Fatalf("date = %s: %v", tt.date, err)
				}
				return
			}
			ps := diag.Problems(err)
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			text := ps[0].Error()
			if ps[0].Line != 49 || !strings.Contains(text, tt.want) || !strings.Contains(text, "请核对出版日期") {
				t.Errorf("line %d, want 49 and %q: %s", ps[0].Line, tt.want, text)
			}
			for _, bad := range append([]string{"补 0", "要写成 2023-08-30（不加引号）"}, unreadableText...) {
				if strings.Contains(text, bad) {
					t.Errorf("message has %q: %s", bad, text)
				}
			}
		})
	}
}

// atoi reads the digits of s.
func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
