package main

// What an editor's review of the test issues found (issue 8, second
// round), built from the real documents and read back from the PDF: a
// 附件说明 printed as written; a 发文字号 and a date with the spaces typed
// inside them closed up; a 公告 set before the 条例 it promulgates; the
// title above a 发文字号 typed before it; decimal section heads kept with
// their text; list titles without letter-spacing; a 发文字号 typed twice
// printed once; ○ named; the items of 出席 and 任命 lists kept whole.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/build"
	"gazette/internal/testtool/pdfread"
)

var fixesBuild rbSharedBuild

// fixesDocs are the documents of the review, in print order.
var fixesDocs = []string{
	"../../testdata/issues/kinds/05-国务院关于烟花爆竹安全监管部际联席会议制度的批复.txt",
	"../../testdata/issues/kinds/09-政协第十三届全国委员会副秘书长任命名单.txt",
	"../../testdata/issues/kinds/10-常务会议纪要.txt",
	"../../testdata/corpus/guizhang/shenzhen-tingzheng-tiaoli.txt",
	"../../testdata/corpus/guizhang/yanchi-gongzuo-guize.txt",
	"../../testdata/corpus/tongzhi/mouding-yingji-yuan.txt",
	"../../testdata/corpus/gonggao/shimen-tonggao-1.txt",
	"../../testdata/corpus/pifu/neimenggu-genhe-guihua.txt",
	"../../testdata/corpus/tongzhi/beijing-zhengwu-gongkai-2016.txt",
}

func cachedFixes(t *testing.T) (*build.Issue, string) {
	t.Helper()
	return fixesBuild.get(t, "fixes", func(dir string) (string, error) {
		return writeTestIssue(dir, fixesDocs)
	})
}

// fixesRows reads the document pages' rows back.
func fixesRows(t *testing.T) (*build.Issue, string, *pdfread.Doc) {
	is, pdf := cachedFixes(t)
	return is, pdf, pdfread.Read(t, pdf, is.Book)
}

// rowAfter is the row under r on its page, or nil.
func rowAfter(p *pdfread.Page, r *pdfread.Row) *pdfread.Row {
	for i := range p.Rows {
		if p.Rows[i] == r && i+1 < len(p.Rows) {
			return p.Rows[i+1]
		}
	}
	return nil
}

// warned reports a warning at file (by its base name) and line saying msg.
func warned(is *build.Issue, file string, line int, msg string) bool {
	for _, w := range is.Warnings {
		if strings.HasSuffix(w.File, file) && w.Line == line && strings.Contains(w.Msg, msg) {
			return true
		}
	}
	return false
}

func TestFixAttachmentNoteAsWritten(t *testing.T) {
	is, pdf, rb := fixesRows(t)
	if _, r := rowWhere(is, rb, func(s string) bool { return strings.HasPrefix(noSpace(s), "附件:烟花爆竹") }); r == nil {
		t.Error("the 附件说明 does not read back as written: 附件:烟花爆竹……")
	}
	if text := noSpace(runTool(t, "pdftotext", "-enc", "UTF-8", pdf, "-")); strings.Contains(text, "附件：附件") {
		t.Error("a label is printed before the office's own: 附件：附件:")
	}
}

func TestFixDocNumberAndDateClosedUp(t *testing.T) {
	is, pdf := cachedFixes(t)
	raw := runTool(t, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-")
	for _, want := range []string{"（国函〔2011〕50号）", "（内政字〔2020〕102号）", "2020年11月30日"} {
		if !strings.Contains(raw, want) {
			t.Errorf("%s is not printed closed up", want)
		}
	}
	for _, typed := range []string{"国函 〔", "〕 50", "2020年 11月"} {
		if strings.Contains(raw, typed) {
			t.Errorf("a space typed inside a 发文字号 or date is printed: %q", typed)
		}
	}
	if !warned(is, "05-国务院关于烟花爆竹安全监管部际联席会议制度的批复.txt", 2, "中间有空格") ||
		!warned(is, "neimenggu-genhe-guihua.txt", 9, "中间有空格") {
		t.Error("the spaces typed inside the 发文字号 and the date are not named at their lines")
	}
}

func TestFixNoticeBeforeItsRegulation(t *testing.T) {
	is, _, rb := fixesRows(t)
	headPage, head := rowIs(is, rb, "深圳市人民代表大会常务委员会公告")
	titlePage, title := rowIs(is, rb, "深圳市人民代表大会常务委员会听证条例")
	_, date := rowIs(is, rb, "2001年12月26日")
	if head == nil || title == nil || date == nil {
		t.Fatal("the 公告 head, the 条例 title or the date is not read back")
	}
	if titlePage.N <= headPage.N {
		t.Errorf("the 条例 title is on page %d, the 公告 head on page %d: want the title on a page after the 公告", titlePage.N, headPage.N)
	}
	under := rowAfter(titlePage, title)
	if under == nil || under.Text() != "(2001年10月17日" {
		t.Fatal("the 题注, broken after its date, is not right under the 条例 title")
	}
	// the 题注's line too long for the measure breaks after its date, not
	// inside the name of the body that adopted the 条例
	if body := rowAfter(titlePage, under); body == nil || body.Text() != "深圳市第三届人民代表大会常务委员会第十一次会议通过" {
		t.Errorf("the 题注's body is not one line under its date")
	}
}

func TestFixTitleAboveDocNumber(t *testing.T) {
	is, _, rb := fixesRows(t)
	p, title := rowIs(is, rb, "盐池县人民政府工作规则")
	q, number := rowIs(is, rb, "（盐政发〔2017〕40号）")
	if title == nil || number == nil {
		t.Fatal("the title or the 发文字号 is not read back")
	}
	if p != q || rowAfter(p, title) != number {
		t.Error("the 发文字号 is not right under the title")
	}
}

func TestFixDecimalHeadsKeptWithText(t *testing.T) {
	is, _, rb := fixesRows(t)
	p, h1 := rowWhere(is, rb, func(s string) bool { return noSpace(s) == "1总则" })
	if h1 == nil {
		t.Fatal("the head 1 总则 is not read back")
	}
	h2 := rowAfter(p, h1)
	if h2 == nil || noSpace(h2.Text()) != "1.1编制目的" {
		t.Fatal("1.1 编制目的 is not right under 1 总则 on its page")
	}
	if text := rowAfter(p, h2); text == nil || !strings.HasPrefix(text.Text(), "建立健全") {
		t.Error("1.1 编制目的 is not kept with its text")
	}
}

func TestFixListTitleWithoutLetterSpacing(t *testing.T) {
	_, pdf := cachedFixes(t)
	found := false
	for _, bm := range kindsOutline(t, pdf) {
		if strings.Contains(bm.Title, "指挥部通") {
			found = true
			if bm.Title != "石门县新型冠状病毒感染的肺炎疫情防控指挥部通告" {
				t.Errorf("bookmark %q keeps the title's letter-spacing", bm.Title)
			}
		}
	}
	if !found {
		t.Error("no bookmark of the 石门县 通告")
	}
	if text := runTool(t, "pdftotext", "-raw", "-enc", "UTF-8", "-l", "4", pdf, "-"); !strings.Contains(text, "指挥部通告") {
		t.Error("the 目录 does not list the 通告 without its letter-spacing")
	}
}

func TestFixDocNumberTypedTwice(t *testing.T) {
	is, _, rb := fixesRows(t)
	n := 0
	for pi, p := range rb.Pages {
		if is.Book.Pages[pi].Folio == 0 {
			continue
		}
		for _, r := range p.Rows {
			if r.Text() == "（京政办发〔2016〕26号）" {
				n++
			}
		}
	}
	if n != 1 {
		t.Errorf("the 发文字号 typed twice is printed %d times, want once", n)
	}
	if !warned(is, "beijing-zhengwu-gongkai-2016.txt", 3, "重复") {
		t.Error("the repeated 发文字号 is not named at line 3")
	}
	if !warned(is, "beijing-zhengwu-gongkai-2016.txt", 8, "没有“附件”标识和标题") {
		t.Error("the attachment with no label or title is not named at line 8")
	}
}

func TestFixWhiteCircleNamed(t *testing.T) {
	is, _ := cachedFixes(t)
	if !warned(is, "05-国务院关于烟花爆竹安全监管部际联席会议制度的批复.txt", 11, "应写作“二〇一一年五月三日”") {
		t.Error("○ typed for 〇 in the date is not named with what to write")
	}
}

func TestFixRosterItemsWhole(t *testing.T) {
	is, _, rb := fixesRows(t)
	items := []string{"王某某", "张某某", "李某某", "赵某某", "钱某某", "孙某某", "周某某", "吴某某", "郑某某", "冯某某",
		"县政府办公室", "县发展改革局", "县财政局", "县司法局", "县水利局", "县住房城乡建设局",
		"蒋作君（兼职）", "冉万祥（兼职）", "李惠东（兼职，回族）", "张道宏（兼职）", "李世杰（兼职）", "曲凤宏（兼职）", "赖明（兼职）", "杨健（兼职）"}
	for _, item := range items {
		if _, r := rowWith(is, rb, item); r == nil {
			t.Errorf("%s is split across lines", item)
		}
	}
}

// writeTestIssue writes, in dir, an issue.toml of one section listing docs
// (made absolute) and returns its path.
func writeTestIssue(dir string, docs []string) (string, error) {
	var b strings.Builder
	b.WriteString("[gazette]\nname = \"测试公报\"\nsponsor = \"测试\"\npublisher = \"测试\"\n\n[issue]\nyear = 2024\nnumber = 1\ndate = 2024-01-15\n\n[[section]]\ntitle = \"文件\"\ndocuments = [\n")
	for _, f := range docs {
		abs, err := filepath.Abs(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "  %q,\n", abs)
	}
	b.WriteString("]\n")
	manifest := filepath.Join(dir, "issue.toml")
	return manifest, os.WriteFile(manifest, []byte(b.String()), 0o644)
}
