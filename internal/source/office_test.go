package source

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/docx"
	"gazette/internal/model"
	"gazette/internal/testtool"
)

// docxFixture is a file of testdata/docx (see make-fixtures.sh).
func docxFixture(name string) string {
	return filepath.Join("..", "..", "testdata", "docx", name)
}

// blockList writes the blocks as kind:level:text lines, for comparison.
func blockList(doc *model.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		fmt.Fprintf(&b, "%s:%d:%s", bl.Kind, bl.Level, strings.ReplaceAll(bl.Text, "\n", "/"))
		if bl.Lead != "" {
			fmt.Fprintf(&b, " [%s]", bl.Lead)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestWordDocumentRecognised(t *testing.T) {
	want := `标题:0:昌江区人民政府办公室关于做好/2024年防汛工作的通知
发文字号:0:昌府办字〔2024〕3号
主送机关:0:各乡（镇）人民政府，区政府各部门：
正文:0:为做好今年防汛工作，现将有关事项通知如下：
标题层次:1:一、总体要求
正文:2:（一）压实防汛责任。各单位主要负责同志是本单位防汛第一责任人，要亲自部署、亲自检查。 [（一）压实防汛责任。]
正文:0:1.值班人员要坚守岗位，保持通信畅通。
标题层次:3:2.遇有险情要第一时间报告①。
正文:0:（1）报告内容包括时间、地点和险情。
标题层次:1:二、工作措施
正文:2:（一）加强隐患排查。各乡镇要对辖区内的水库、山塘逐一排查。 [（一）加强隐患排查。]
正文:0:①圩堤巡查到位；
正文:0:②物资储备到位。
正文:0:甲、甲类险情由区防指处置；
正文:0:乙、乙类险情由乡镇处置。
标题层次:1:十一、第十一项按编号覆盖从十一起。
标题层次:2:值守安排
表格:0:
图片:0:
正文:0:请各单位认真贯彻执行。
署名:0:昌江区人民政府办公室
成文日期:0:2024年2月5日
正文:0:注：①报告电话：0798-8332255。
`
	for _, name := range []string{"hand/编号修订.docx", "lo/编号修订.docx"} {
		doc, notes, err := ReadDocument(docxFixture(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// the fixture's picture has no alternative text: the one note
		if len(notes) != 1 || notes[0].Line != 17 || !strings.Contains(notes[0].Msg, "没有替代文字") {
			t.Errorf("%s: notes %v, want one asking for the picture's alternative text", name, notes)
		}
		if got := blockList(doc); got != want {
			t.Errorf("%s blocks:\n%s\nwant\n%s", name, got, want)
		}
		for _, b := range doc.Blocks {
			switch b.Kind {
			case model.ImageBlock:
				if b.Image.Data == nil || b.Image.WidthMM < 49 || b.Image.WidthMM > 51 || b.Line != 17 {
					t.Errorf("%s: picture %s %.1f mm at 第%d段", name, b.Image.Path, b.Image.WidthMM, b.Line)
				}
			case model.SignDate:
				if b.Line != 20 {
					t.Errorf("%s: date at 第%d段, want 第20段", name, b.Line)
				}
			}
		}
	}
}

func TestWordMessagesCountParagraphs(t *testing.T) {
	p := diag.New("通知.docx", 12, "这里有问题", "")
	if got := p.Error(); !strings.Contains(got, "第12段") {
		t.Errorf("docx message = %q", got)
	}
	if got := diag.New("通知.txt", 12, "x", "").Error(); !strings.Contains(got, "第12行") {
		t.Errorf("txt message = %q", got)
	}
	// Check finds the slips of a Word file as of a .txt, at its paragraph.
	dir := t.TempDir()
	path := filepath.Join(dir, "slip.docx")
	copyFile(t, docxFixture("sample/03-第31次常务会议.docx"), path)
	doc, _, err := ReadDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	txt, err := ParseDocument(filepath.Join("..", "..", "samples", "changjiang-2023-04", "03-第31次常务会议.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if a, b := blockList(doc), blockList(txt); a != b {
		t.Errorf("the .docx and .txt of one document differ:\n%s\n%s", a, b)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// cellGrid writes a table's cells as row,col,rowspan×colspan:text lines.
func cellGrid(tb *model.Table) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d×%d header %d\n", tb.Rows, tb.Columns, tb.HeaderRows)
	for _, c := range tb.Cells {
		fmt.Fprintf(&b, "%d,%d %d×%d %s\n", c.Row, c.Col, c.RowSpan, c.ColSpan, c.Text)
	}
	return b.String()
}

func TestExcelTable(t *testing.T) {
	want := `5×4 header 2
0,0 2×1 项目
0,1 1×2 2024年
0,3 2×1 完成日期
1,1 1×1 目标
1,2 1×1 占比
2,0 1×1 稻米产值（亿元）
2,1 1×1 1.50
2,2 1×1 12.3%
2,3 1×1 2024年2月5日
3,0 1×1 蔬菜产值（亿元）
3,1 1×1 12,346
3,2 1×1 50.0%
3,3 1×1 2024年3月1日
4,0 1×1 合计
4,1 1×1 12347.18
4,2 1×1 %s
4,3 1×1 
`
	// The formula in C6 was saved without a value; LibreOffice computes it
	// when it saves the file again.
	for name, c6 := range map[string]string{"hand/指标.xlsx": "", "lo/指标.xlsx": "0.6234"} {
		tb, notes, err := ReadSheet(docxFixture(name), "", 2)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, want := cellGrid(tb), strings.Replace(want, "4,2 1×1 %s", "4,2 1×1 "+c6, 1); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", name, got, want)
		}
		// LibreOffice computes the formula Excel left without a value.
		if name == "hand/指标.xlsx" && (len(notes) != 1 || notes[0].Line != 6 || !strings.Contains(notes[0].Msg, "C6")) {
			t.Errorf("%s: notes %v, want one about C6 at row 6", name, notes)
		}
	}
	tb, _, err := ReadSheet(docxFixture("hand/指标.xlsx"), "草稿", 0)
	if err != nil || tb.Cells[0].Text != "草稿表不应印出" {
		t.Errorf("工作表=草稿: %v %v", tb, err)
	}
	if _, _, err := ReadSheet(docxFixture("hand/指标.xlsx"), "没有", 0); err == nil || !strings.Contains(err.Error(), "草稿、指标") {
		t.Errorf("unknown sheet: %v", err)
	}
	if _, _, err := ReadSheet(docxFixture("hand/指标.xlsx"), "", 1); err == nil || !strings.Contains(err.Error(), "从表头合并到了表身") {
		t.Errorf("a merge across the header: %v", err)
	}
}

func TestTableCommandReadsExcel(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, docxFixture("hand/指标.xlsx"), filepath.Join(dir, "指标.xlsx"))
	text := "关于指标的通知\n\n各单位：\n【表格：指标.xlsx 表头=2 工作表=指标】\n"
	doc, notes, err := parseLines(filepath.Join(dir, "a.txt"), splitLines(text))
	if err != nil {
		t.Fatal(err)
	}
	if b := doc.Blocks[len(doc.Blocks)-1]; b.Kind != model.TableBlock || b.Table.Rows != 5 {
		t.Errorf("table block %+v", b)
	}
	if len(notes) != 1 {
		t.Errorf("notes %v", notes)
	}
	_, _, err = parseLines(filepath.Join(dir, "a.txt"), splitLines("关于指标的通知\n\n【表格：指标.csv 工作表=指标】\n"))
	if err == nil {
		t.Error("工作表= on a CSV accepted")
	}
}

func TestBinaryOfficeFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"通知.doc", "通知.wps", "表.xls", "表.et"} {
		os.WriteFile(filepath.Join(dir, name), []byte("\xD0\xCF\x11\xE0"), 0o644)
	}
	t.Run("refused without LibreOffice", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		for _, name := range []string{"通知.doc", "通知.wps"} {
			_, _, err := ReadDocument(filepath.Join(dir, name))
			if err == nil || !strings.Contains(err.Error(), "另存为") || !strings.Contains(err.Error(), ".docx") {
				t.Errorf("%s: %v", name, err)
			}
		}
		for _, name := range []string{"表.xls", "表.et"} {
			_, _, err := readTableFile(filepath.Join(dir, name), "", 0)
			if err == nil || !strings.Contains(err.Error(), ".xlsx") {
				t.Errorf("%s: %v", name, err)
			}
		}
	})
	t.Run("converted by LibreOffice", func(t *testing.T) {
		testtool.Need(t, "soffice")
		doc, notes, err := ReadDocument(docxFixture("lo/编号修订.doc"))
		if err != nil {
			t.Fatal(err)
		}
		if len(notes) != 2 || !strings.Contains(notes[0].Msg, "LibreOffice 自动转换") || !strings.Contains(notes[1].Msg, "没有替代文字") {
			t.Errorf("notes %v", notes)
		}
		if got := blockList(doc); !strings.Contains(got, "标题层次:1:一、总体要求") || strings.Contains(got, "去年") {
			t.Errorf(".doc read as\n%s", got)
		}
		tb, notes, err := readTableFile(docxFixture("lo/指标.xls"), "指标", 2)
		if err != nil || tb.Rows != 5 || len(notes) < 1 {
			t.Errorf(".xls: %v %v %v", tb, notes, err)
		}
	})
}

// What Word says besides the text helps only where the text alone does
// not: a centred opening line that ends in ？, a Title-styled line in the
// body, a Heading-styled line without a number; a centred 题注 stays one.
func TestWordHints(t *testing.T) {
	para := func(n int, text string, align docx.Align, style docx.Style) docx.Block {
		if text == "" {
			n = 0
		}
		return docx.Block{Para: &docx.Paragraph{Number: n, Text: text, Align: align, Style: style}}
	}
	const c, r, l = docx.AlignCenter, docx.AlignRight, docx.AlignDefault
	const normal, title, h2 = docx.StyleNormal, docx.StyleTitle, docx.StyleHeading1 + 1
	d := &docx.Document{Blocks: []docx.Block{
		para(1, "汛期到了，我们准备好了吗？", c, normal),
		para(2, "关于防汛准备情况的调查报告", c, normal),
		para(3, "（2024年1月5日区政府第3次常务会议审议通过）", c, normal),
		para(0, "", l, normal),
		para(4, "区应急管理局", c, normal), // after a blank line: no longer the title
		para(0, "", l, normal),
		para(4, "各乡（镇）人民政府：", l, normal),
		para(5, "现将调查情况报告如下。", l, normal),
		para(6, "基本情况", l, h2),
		para(7, "全区共有水库十二座。", l, normal),
		para(0, "", l, normal),
		para(8, "昌江区应急管理局　昌江区水务局", r, normal),
		para(9, "2024年2月5日", r, normal),
		para(10, "防汛物资储备清单。", c, title),
		para(11, "一、沙袋", l, normal),
	}}
	lines, _ := docxLines("报告.docx", d)
	doc, _, err := parseLines("报告.docx", lines)
	if err != nil {
		t.Fatal(err)
	}
	got := blockList(doc)
	for _, want := range []string{
		"标题:0:汛期到了，我们准备好了吗？/关于防汛准备情况的调查报告\n",
		"标题层次:2:基本情况\n",
		"署名:0:昌江区应急管理局　昌江区水务局\n成文日期:0:2024年2月5日\n",
		"标题:0:防汛物资储备清单。\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "标题:0:区应急管理局") {
		t.Errorf("a centred line after a blank line under the title was taken for a title:\n%s", got)
	}
	if strings.Contains(got, "标题:0:（2024年1月5日") || strings.Contains(got, "/（2024年1月5日") {
		t.Errorf("the centred 题注 was taken for the title:\n%s", got)
	}
	for _, b := range doc.Blocks {
		if b.Kind == model.Title && b.Line == 10 && !b.NewPage {
			t.Error("a Title-styled line after the date does not start a page")
		}
	}
	// A 署名 too long for the text alone to tell, set at the right by a
	// left indent, over a date pushed right with ideographic spaces.
	signer := "景德镇市昌江区农业农村局、景德镇市昌江区财政局、景德镇市昌江区发展和改革委员会"
	d = &docx.Document{Blocks: []docx.Block{
		para(1, "关于下达资金的通知", c, normal),
		para(0, "", l, normal),
		para(2, "现将资金下达给你们。", l, normal),
		para(0, "", l, normal),
		{Para: &docx.Paragraph{Number: 3, Text: signer, IndentLeft: 4600}},
		para(4, strings.Repeat("\u3000", 14)+"2024年2月5日", l, normal),
	}}
	lines, _ = docxLines("通知.docx", d)
	doc, _, err = parseLines("通知.docx", lines)
	if err != nil {
		t.Fatal(err)
	}
	if got := blockList(doc); !strings.Contains(got, "署名:0:"+signer+"\n成文日期:0:2024年2月5日\n") {
		t.Errorf("an indented signer over a date pushed right:\n%s", got)
	}
}

// BenchmarkReadDocumentDocx reads and recognises the sample's longest
// document from its .docx, with the Excel table it names.
func BenchmarkReadDocumentDocx(b *testing.B) {
	path := docxFixture("sample/02-农业产业化三年行动方案通知.docx")
	for b.Loop() {
		if _, _, err := ReadDocument(path); err != nil {
			b.Fatal(err)
		}
	}
}

// A workbook that unpacks to more than it may is refused before it is
// unpacked, with a message to the office, not an out-of-memory crash.
func TestExcelZipBombRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "炸弹.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	zero := make([]byte, 1<<20)
	for i := 0; i < maxXlsxUnzipped>>20+1; i++ {
		w.Write(zero)
	}
	zw.Close()
	f.Close()
	_, _, err = ReadSheet(path, "", 0)
	if ps := diag.Problems(err); len(ps) != 1 || !strings.Contains(ps[0].Msg, "无法作为 Excel 工作簿") || !strings.Contains(fmt.Sprint(ps[0].Err), "size") {
		t.Errorf("zip bomb: %v", err)
	}
}

// Word's alignment only adds to what the text says: each real document of
// the kinds issue and the corpus, laid out as an office lays it out in Word
// (title, 令 head and number, 题注, chapters, 机关标志, issuers centred;
// 署名 and 日期 right), is recognised exactly as its text.
func TestWordAlignmentAgreesWithText(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "issues", "kinds", "*.txt"))
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*", "*.txt"))
	files = append(files, corpus...)
	if len(files) < 60 {
		t.Fatalf("only %d real documents", len(files))
	}
	centred := map[model.Kind]bool{model.Title: true, model.Headnote: true, model.Chapter: true,
		model.OrderHead: true, model.OrderNumber: true, model.DocNumber: true, model.Issuers: true}
	right := map[model.Kind]bool{model.Signer: true, model.SignDate: true}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text, err := Decode(path, data)
		if err != nil {
			t.Fatal(err)
		}
		txt, _, err := parseLines(path, splitLines(text))
		if err != nil {
			continue // a document the recogniser refuses (no title) is refused from Word too
		}
		align := map[int]docx.Align{}
		for _, b := range txt.Blocks {
			// a block's later lines (a title's second line) share its alignment
			for k := range strings.Count(b.Text, "\n") + 1 {
				switch {
				case centred[b.Kind]:
					align[b.Line+k] = docx.AlignCenter
				case right[b.Kind]:
					align[b.Line+k] = docx.AlignRight
				}
			}
		}
		d := &docx.Document{}
		for i, l := range strings.Split(text, "\n") {
			d.Blocks = append(d.Blocks, docx.Block{Para: &docx.Paragraph{Number: i + 1, Text: l, Align: align[i+1]}})
		}
		lines, _ := docxLines(path, d)
		doc, _, err := parseLines(path, lines)
		if err != nil {
			t.Fatalf("%s as Word: %v", path, err)
		}
		if got, want := blockList(doc), blockList(txt); got != want {
			t.Errorf("%s: aligned as in Word, read as\n%s\nas text\n%s", filepath.Base(path), got, want)
		}
	}
}

// FuzzWordLines: lines from a Word document, each with any alignment,
// style and indent, are recognised without a panic, every block at a
// paragraph of the document.
func FuzzWordLines(f *testing.F) {
	f.Add("关于防汛的通知\n\n各单位：\n一、总体要求\n昌江区人民政府办公室\n2024年2月5日", []byte{1, 1, 0, 0, 2, 2}, []byte{1, 0, 0, 2, 0, 0})
	f.Add("某省人民政府令\n第1号\n\n办法\n第一章 总则\n附件\n名单", []byte{1, 1, 0, 1, 1, 0, 1}, []byte{3, 0, 1, 2, 2, 0, 1})
	f.Fuzz(func(t *testing.T, text string, aligns, styles []byte) {
		d := &docx.Document{}
		n := 0
		for i, l := range strings.Split(text, "\n") {
			pa := &docx.Paragraph{Text: l}
			if strings.TrimSpace(l) != "" {
				n++
				pa.Number = n
			}
			if i < len(aligns) {
				pa.Align = docx.Align(aligns[i] % 4)
				pa.IndentLeft = int(aligns[i]) * 40
			}
			if i < len(styles) {
				pa.Style = docx.Style(styles[i] % 6)
			}
			d.Blocks = append(d.Blocks, docx.Block{Para: pa})
		}
		lines, _ := docxLines("a.docx", d)
		doc, _, err := parseLines("a.docx", lines)
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if b.Line < 0 || b.Line > n {
				t.Fatalf("block %v at 第%d段 of %d", b.Kind, b.Line, n)
			}
		}
	})
}
