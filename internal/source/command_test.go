package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// docIn writes files into a temp dir and returns the path a document there
// would have.
func docIn(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "文件.txt")
}

func TestCommands(t *testing.T) {
	name := docIn(t, map[string]string{
		"t.csv":      "a,b\n1,2\n",
		"图/图1.png":   "png",
		"照片 1.JPG":   "jpg",
		"sub/表2.csv": "h1\th2\nx\ty\n^\tz\n",
	})
	text := lines(
		"通知",
		"",
		"正文第一段。",
		"【分页】",
		"【表格：t.csv】",
		"【表格:t.csv 表头=1】",
		"【 表格 ： sub\\表2.csv　表头＝1 】",
		"【图片：图/图1.png】",
		"【图片：照片 1.JPG 宽=120毫米】",
		"【图片：图/图1.png 宽=12cm】",
		"【正文】一、这一行不是标题",
		"【典型经验】这一行是普通正文。",
		"【署名】昌江区人民政府办公室",
		"【日期】2023年6月29日",
		"【附注】此件公开发布",
		"【标题】另一份文件的标题",
		"【标题】第二行",
		"【发文字号】（昌府发〔2023〕1号）",
		"【主送】各单位",
		"【主持】伊文斌",
	)
	doc, err := Parse(name, text)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkSummaries(t, doc, []string{
		"1 标题", "3 正文", "4 分页 新页", "5 表格", "6 表格", "7 表格", "8 图片", "9 图片", "10 图片",
		"11 正文", "12 正文", "13 署名", "14 成文日期", "15 附注", "16 标题 新页", "18 发文字号", "19 主送机关", "20 主持",
	})
	texts := map[int]string{
		11: "一、这一行不是标题",
		12: "【典型经验】这一行是普通正文。",
		13: "昌江区人民政府办公室",
		14: "2023年6月29日",
		15: "此件公开发布",
		16: "另一份文件的标题\n第二行",
		18: "昌府发〔2023〕1号",
		19: "各单位",
		20: "伊文斌",
	}
	for line, want := range texts {
		if got := blockAt(t, doc, line).Text; got != want {
			t.Errorf("line %d text = %q, want %q", line, got, want)
		}
	}
	dir := filepath.Dir(name)
	if tb := blockAt(t, doc, 5).Table; tb.HeaderRows != 0 || tb.Rows != 2 || tb.Source != filepath.Join(dir, "t.csv") {
		t.Errorf("line 5 table = %+v", tb)
	}
	if tb := blockAt(t, doc, 6).Table; tb.HeaderRows != 1 {
		t.Errorf("line 6 header rows = %d, want 1", tb.HeaderRows)
	}
	if tb := blockAt(t, doc, 7).Table; tb.HeaderRows != 1 || tb.Source != filepath.Join(dir, "sub", "表2.csv") || tb.Cells[2].Text != "x" || tb.Cells[2].RowSpan != 2 {
		t.Errorf("line 7 table = %+v", tb)
	}
	images := map[int]model.Image{
		8:  {Path: filepath.Join(dir, "图", "图1.png")},
		9:  {Path: filepath.Join(dir, "照片 1.JPG"), WidthMM: 120},
		10: {Path: filepath.Join(dir, "图", "图1.png"), WidthMM: 120},
	}
	for line, want := range images {
		if got := blockAt(t, doc, line).Image; got == nil || got.Path != want.Path || got.WidthMM != want.WidthMM || got.Data != nil {
			t.Errorf("line %d image = %+v, want %+v", line, got, want)
		}
	}
}

func TestCommandProblems(t *testing.T) {
	name := docIn(t, map[string]string{"t.csv": "a,b\n1,2\n", "a.gif": "gif"})
	tests := []struct {
		line string
		msg  string
	}{
		{"【分业】", "无法识别的命令“【分业】”"},
		{"【表单：t.csv】", "无法识别的命令"},
		{"【表格：无此文件.csv】", "找不到表格文件“无此文件.csv”"},
		{"【表格：】", "缺少文件名"},
		{"【表格：t.csv 表头=一】", "表头行数“一”无法识别"},
		{"【表格：t.csv 表头=5】", "表头行数5超出了表格的行数2"},
		{"【表格：t.csv 行高=2】", "不认识选项“行高”"},
		{"【表格：t.csv】后面有字", "须单独占一行"},
		{"【图片：无此图.png】", "找不到图片文件"},
		{"【图片：a.gif】", "不是 PNG 或 JPEG"},
		{"【图片：a.png 宽=很宽】", "图片宽度“很宽”无法识别"},
		{"【分页】还有字", "须单独占一行"},
		{"【署名】", "后面应直接写正文"},
		{"【表格：t.csv", "缺少右括号"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			_, err := Parse(name, lines("通知", "", "正文。", tt.line))
			ps := diag.Problems(err)
			if len(ps) != 1 {
				t.Fatalf("problems = %v, want one", err)
			}
			p := ps[0]
			if !strings.Contains(p.Msg, tt.msg) {
				t.Errorf("message %q does not say %q", p.Msg, tt.msg)
			}
			if p.File == name && p.Line != 4 {
				t.Errorf("problem at line %d, want 4", p.Line)
			}
		})
	}
}

func TestUnknownCommandListsTheKnownOnes(t *testing.T) {
	_, err := Parse("a.txt", lines("通知", "【分业】", "正文。", "【插图】"))
	ps := diag.Problems(err)
	if len(ps) != 2 || ps[0].Line != 2 || ps[1].Line != 4 {
		t.Fatalf("problems = %v, want lines 2 and 4", err)
	}
	for _, cmd := range []string{"【分页】", "【表格：", "【图片：", "【标题】", "【正文】", "【署名】", "【日期】", "【附注】", "【主持】"} {
		if !strings.Contains(ps[0].Hint, cmd) {
			t.Errorf("hint %q does not list %s", ps[0].Hint, cmd)
		}
	}
	if !strings.Contains(ps[0].Error(), "文件 a.txt 第2行：无法识别的命令“【分业】”") {
		t.Errorf("Error() = %q", ps[0].Error())
	}
}

// TestPictureDescription: 说明=… describes a picture in words, spaces and
// all, before or after 宽=; a picture without one is read as before, with a
// note at its line that the web and HTML editions want one.
func TestPictureDescription(t *testing.T) {
	name := docIn(t, map[string]string{"图1.png": "png", "照片 2.jpg": "jpg"})
	text := lines(
		"通知",
		"",
		"正文。",
		"【图片：图1.png 宽=120毫米 说明=昌江区位置示意图】",
		"【图片：照片 2.jpg 说明＝Map of 昌江区, 2023 宽=8厘米】",
		"【图片：图1.png】",
		"【图片：图1.png 说明= 昌江区　位置示意图 】",
	)
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, notes, err := ReadDocument(name)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(name)
	want := map[int]model.Image{
		4: {Path: filepath.Join(dir, "图1.png"), WidthMM: 120, Alt: "昌江区位置示意图"},
		5: {Path: filepath.Join(dir, "照片 2.jpg"), WidthMM: 80, Alt: "Map of 昌江区, 2023"},
		6: {Path: filepath.Join(dir, "图1.png")},
		7: {Path: filepath.Join(dir, "图1.png"), Alt: "昌江区　位置示意图"},
	}
	for line, w := range want {
		if got := blockAt(t, doc, line).Image; got == nil || got.Path != w.Path || got.WidthMM != w.WidthMM || got.Alt != w.Alt {
			t.Errorf("line %d image = %+v, want %+v", line, got, w)
		}
	}
	if len(notes) != 1 || notes[0].File != name || notes[0].Line != 6 ||
		!strings.Contains(notes[0].Msg, "图1.png") || !strings.Contains(notes[0].Msg, "网页版") || !strings.Contains(notes[0].Hint, "说明=") {
		t.Errorf("notes %v, want one at line 6 asking for 说明", notes)
	}
	_, err = Parse(name, lines("通知", "", "正文。", "【图片：图1.png 说明=】"))
	if ps := diag.Problems(err); len(ps) != 1 || !strings.Contains(ps[0].Msg, "说明=”后面缺少文字") {
		t.Errorf("an empty 说明: %v", err)
	}
}
