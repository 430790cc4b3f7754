package html

import (
	stdhtml "html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"gazette/internal/model"
)

// testIssue is an issue with every kind of block, a table with merged cells
// and a kind the writer does not know.
func testIssue() *model.Issue {
	notice := &model.Document{Source: "01.txt", Blocks: []model.Block{
		{Kind: model.Title, Text: "某区人民政府办公室关于印发\n《某某方案》的通知"},
		{Kind: model.DocNumber, Text: "某府办字〔2023〕25号"},
		{Kind: model.Addressee, Text: "各乡（镇）人民政府，区直有关单位："},
		{Kind: model.Paragraph, Text: "《某某方案》已经区政府同意，现印发给你们，请认真贯彻执行。网址 https://www.example.gov.cn/a?b=1&c=<2>。"},
		{Kind: model.AttachmentNote, Text: "附件：1. 甲表\n2. 乙表"},
		{Kind: model.Signer, Text: "某区人民政府办公室"},
		{Kind: model.SignDate, Text: "2023年6月29日"},
		{Kind: model.Note, Text: "（此件公开发布）"},
		{Kind: model.Title, Text: "某某方案", NewPage: true},
		{Kind: model.Heading, Level: 1, Text: "一、总体要求"},
		{Kind: model.Paragraph, Level: 2, Lead: "（一）强化理论学习。", Text: "（一）强化理论学习。正文正文。"},
		{Kind: model.Heading, Level: 2, Text: "（二）工作目标"},
		{Kind: model.Kind(99), Text: "一种新的块"},
		{Kind: model.PageBreak},
		{Kind: model.AttachmentLabel, Text: "附件2", NewPage: true},
		{Kind: model.Title, Text: "指标分解表"},
		{Kind: model.TableBlock, Table: &model.Table{Columns: 3, Rows: 3, HeaderRows: 1, Cells: []model.Cell{
			{Row: 0, Col: 0, RowSpan: 1, ColSpan: 2, Text: "指标"},
			{Row: 0, Col: 2, RowSpan: 1, ColSpan: 1, Text: "2023年"},
			{Row: 1, Col: 0, RowSpan: 2, ColSpan: 1, Text: "产值"},
			{Row: 1, Col: 1, RowSpan: 1, ColSpan: 1, Text: "稻米"},
			{Row: 1, Col: 2, RowSpan: 1, ColSpan: 1, Text: "1.55"},
			{Row: 2, Col: 1, RowSpan: 1, ColSpan: 1, Text: "油料"},
			{Row: 2, Col: 2, RowSpan: 1, ColSpan: 1, Text: "1.3"},
		}}},
	}}
	report := &model.Document{Source: "02.txt", Blocks: []model.Block{
		{Kind: model.Title, Text: "区政府第31次常务会议召开"},
		{Kind: model.Presider, Text: "某某主持"},
		{Kind: model.Paragraph, Text: "7月11日，会议召开。"},
	}}
	rule := &model.Document{Source: "03.txt", Blocks: []model.Block{
		{Kind: model.OrderHead, Text: "某省人民政府令"},
		{Kind: model.OrderNumber, Text: "第12号"},
		{Kind: model.Title, Text: "某省某某管理办法"},
		{Kind: model.Headnote, Text: "（2024年1月5日省人民政府第30次常务会议通过）"},
		{Kind: model.Contents, Text: "目　　录\n第一章　总　　则\n第二章　附　　则"},
		{Kind: model.Chapter, Level: 2, Text: "第一章　总　　则"},
		{Kind: model.Chapter, Level: 3, Text: "第一节　一般规定"},
		{Kind: model.Article, Lead: "第一条", Text: "第一条　为了规范管理，制定本办法。"},
		{Kind: model.Roster, Lead: "出席：", Text: "出席：张三、李四\n王五"},
		{Kind: model.Question, Lead: "问：", Text: "问：何时施行？"},
		{Kind: model.Answer, Lead: "答：", Text: "答：自公布之日起施行。"},
	}}
	return &model.Issue{
		Gazette: model.Gazette{Name: "某区人民政府公报", Publisher: "某区人民政府办公室"},
		Year:    2023, Number: 4, Serial: 17, Date: model.Date{Year: 2023, Month: 8, Day: 30},
		Sections: []model.Section{
			{Title: "区政府办公室文件", Documents: []*model.Document{notice}},
			{Title: "政务动态", Documents: []*model.Document{report}},
			{Title: "规章", Documents: []*model.Document{rule}},
		},
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// mainText is the text of a page's <main>, tags removed, entities decoded
// and white space dropped: what a reader reads of the document.
func mainText(t *testing.T, page string) string {
	t.Helper()
	start, end := strings.Index(page, "<main>"), strings.Index(page, "</main>")
	if start < 0 || end < start {
		t.Fatalf("page has no <main>:\n%s", page)
	}
	return dropSpace(stdhtml.UnescapeString(tagRE.ReplaceAllString(page[start:end], "")))
}

func dropSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// DocumentText is every character of a document's blocks in reading order,
// white space dropped: table cells row by row, the 发文字号 in the
// parentheses it is printed in, and once where it was typed twice.
func DocumentText(d *model.Document) string {
	var b strings.Builder
	for i, bl := range d.Blocks {
		if bl.Kind == model.DocNumber {
			if i > 0 && d.Blocks[i-1].Kind == model.DocNumber && d.Blocks[i-1].Text == bl.Text {
				continue
			}
			bl.Text = "（" + bl.Text + "）"
		}
		b.WriteString(bl.Text)
		if bl.Table != nil {
			for _, c := range bl.Table.Cells {
				b.WriteString(c.Text)
			}
		}
	}
	return dropSpace(b.String())
}

// CheckEveryCharacter fails t unless each document's page of files holds
// every character of the document, in order, and nothing else in its <main>.
func CheckEveryCharacter(t *testing.T, is *model.Issue, files map[string][]byte) {
	t.Helper()
	for i, d := range documents(is) {
		name := DocumentFile(i)
		got, want := mainText(t, string(files[name])), DocumentText(d)
		if got != want {
			n := 0
			for n < len(got) && n < len(want) && got[n] == want[n] {
				n++
			}
			t.Errorf("%s (%s): text differs from the document at byte %d:\n got …%.60s\nwant …%.60s",
				name, d.Source, n, got[n:], want[n:])
		}
	}
}

func TestEveryCharacterInOrder(t *testing.T) {
	is := testIssue()
	files, err := Files(is, Options{PDF: "issue-web.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	CheckEveryCharacter(t, is, files)
}

// breakMarkupRE matches the markup of line breaking (wrap.go): a <wbr>, a
// number's span, a long run's span.
var breakMarkupRE = regexp.MustCompile(`<wbr>|<span class="(nb|long)">([^<]*)</span>`)

// withoutBreakMarkup is a page without the markup of line breaking, to
// read its structure.
func withoutBreakMarkup(page []byte) string {
	return breakMarkupRE.ReplaceAllString(string(page), "$2")
}

func TestDocumentStructure(t *testing.T) {
	files, err := Files(testIssue(), Options{PDF: "issue-web.pdf", Pages: []int{1, 9}})
	if err != nil {
		t.Fatal(err)
	}
	page := withoutBreakMarkup(files["01.html"])
	for _, want := range []string{
		`<html lang="zh-CN">`,
		`<h1>某区人民政府办公室关于印发<br>《某某方案》的通知</h1>`,
		`<p class="docnumber">（某府办字〔2023〕25号）</p>`,
		`<section class="forwarded">`,
		`<h2>某某方案</h2>`,
		`<h3 class="head-1">一、总体要求</h3>`, // under the forwarded title's h2
		`<h4 class="head-2">（二）工作目标</h4>`,
		`<p><strong class="lead-2">（一）强化理论学习。</strong>正文正文。</p>`,
		`<p>一种新的块</p>`, // an unknown kind is kept as a paragraph
		`<section class="attachment">`,
		`<div class="attachment-note"><span class="label">附件：</span><ul class="items"><li>1. 甲表</li><li>2. 乙表</li></ul></div>`,
		`<div class="signature"><p class="signer">某区人民政府办公室</p><p class="date">2023年6月29日</p></div>`,
		`<th scope="colgroup" colspan="2">指标</th>`,
		`<td rowspan="2">产值</td>`,
		`<td class="num">1.55</td>`,
		`<thead>`, `</tbody>`,
		`&amp;c=&lt;2&gt;`,
		`<a href="index.html">目录</a>`,
		`<a href="../issue-web.pdf">PDF 版</a>`,
		`<a href="02.html">下一篇</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("01.html lacks %s", want)
		}
	}
	if n := strings.Count(page, "<h1>"); n != 1 {
		t.Errorf("01.html has %d h1, want 1", n)
	}
	if strings.Contains(page, `src="http`) || strings.Contains(page, `href="http`) {
		t.Errorf("01.html loads or links something outside the folder")
	}
	index := withoutBreakMarkup(files["index.html"])
	for _, want := range []string{
		`<a href="01.html">某区人民政府办公室关于印发《某某方案》的通知<span class="toc-docnumber">（某府办字〔2023〕25号）</span></a><span class="folio">1</span>`,
		`<a href="02.html">区政府第31次常务会议召开</a><span class="folio">9</span>`,
		`<h3>政务动态</h3>`,
		`<a href="../issue-web.pdf">`,
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	rulePage := withoutBreakMarkup(files["03.html"])
	for _, want := range []string{
		`<h1>某省某某管理办法</h1>`,
		`<h2 class="chapter">第一章　总　　则</h2>`, // 章 is the shallowest level: h2
		`<h3 class="chapter">第一节　一般规定</h3>`,
		`<p><strong class="run-in">第一条</strong>　为了规范管理，制定本办法。</p>`,
		`<p class="headnote">`, `<p class="order-head">某省人民政府令</p>`,
		`<ul class="roster"><li><strong class="run-in">出席：</strong>张三、李四</li><li class="roster-item">王五</li></ul>`,
		`<nav class="contents"><p class="contents-title">目　　录</p><ul><li>第一章　总　　则</li>`,
	} {
		if !strings.Contains(rulePage, want) {
			t.Errorf("03.html lacks %s", want)
		}
	}
	report := withoutBreakMarkup(files["02.html"])
	if !strings.Contains(report, `<p class="presider">某某主持</p>`) {
		t.Errorf("02.html lacks the presider line")
	}
	if !strings.Contains(report, `<a href="01.html">上一篇</a>`) || !strings.Contains(report, `<a href="03.html">下一篇</a>`) {
		t.Errorf("02.html links back to 01 and on to 03")
	}
	if strings.Contains(rulePage, "下一篇") {
		t.Errorf("the last page links on")
	}
}

// A single-title document's numbered heads start at h2.
func TestHeadsUnderTheOnlyTitleAreH2(t *testing.T) {
	d := &model.Document{Blocks: []model.Block{
		{Kind: model.Title, Text: "通知"},
		{Kind: model.Heading, Level: 1, Text: "一、目标"},
		{Kind: model.Heading, Level: 2, Text: "（一）任务"},
	}}
	body, err := documentBody(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h2 class="head-1">一、目标</h2>`, `<h3 class="head-2">（一）任务</h3>`} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s:\n%s", want, body)
		}
	}
}

func TestWriteDirReplacesTheFolderWhole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "issue-html")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "09.html")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(dir, testIssue(), Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a page of the old edition is left: %v", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), "01.html 02.html 03.html index.html style.css"; got != want {
		t.Errorf("folder holds %s, want %s", got, want)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".gazette-*"))
	if len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

// A picture that cannot be read fails the edition, and nothing is written.
func TestWriteDirFailsWhole(t *testing.T) {
	is := testIssue()
	d := is.Sections[1].Documents[0]
	d.Blocks = append(d.Blocks, model.Block{Kind: model.ImageBlock, Image: &model.Image{Path: "/nonexistent/图1.png"}})
	parent := t.TempDir()
	dir := filepath.Join(parent, "issue-html")
	if err := WriteDir(dir, is, Options{}); err == nil || !strings.Contains(err.Error(), "图1.png") {
		t.Fatalf("err = %v, want one naming the picture", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// A picture's description (说明=…) is its alt; one without keeps its file's
// name, as the web PDF's Figure does.
func TestImageAlt(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n")
	d := &model.Document{Blocks: []model.Block{
		{Kind: model.Title, Text: "通知"},
		{Kind: model.ImageBlock, Image: &model.Image{Path: "图1.png", Data: png, Alt: "昌江区\"位置\"示意图"}},
		{Kind: model.ImageBlock, Image: &model.Image{Path: "a/图2.png", Data: png}},
	}}
	body, err := documentBody(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`alt="昌江区&#34;位置&#34;示意图"`, `alt="图2"`} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s:\n%s", want, body)
		}
	}
}

// A 发文字号 typed twice on consecutive lines is written once, as the PDF
// prints it (docs/document-kinds.md); two different numbers are both kept.
func TestDocNumberTypedTwiceWrittenOnce(t *testing.T) {
	for _, tt := range []struct {
		second string
		want   int
	}{
		{"京政办发〔2016〕26号", 1},
		{"京政办发〔2016〕27号", 2},
	} {
		d := &model.Document{Blocks: []model.Block{
			{Kind: model.Title, Text: "关于某某的通知"},
			{Kind: model.DocNumber, Text: "京政办发〔2016〕26号"},
			{Kind: model.DocNumber, Text: tt.second},
			{Kind: model.Paragraph, Text: "正文。"},
		}}
		body, err := documentBody(d)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(body, `class="docnumber"`); got != tt.want {
			t.Errorf("second number %s: %d docnumber lines, want %d:\n%s", tt.second, got, tt.want, body)
		}
	}
}
