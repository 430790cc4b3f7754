package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtures are the same notice from two producers: written part by part
// (testdata/docx/gen) and as LibreOffice saves it.
var fixtures = []string{"hand/编号修订.docx", "lo/编号修订.docx"}

func readFixture(t testing.TB, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "docx", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

// texts lists the text of the document's paragraphs.
func texts(d *Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Para != nil {
			out = append(out, b.Para.Text)
		}
	}
	return out
}

func TestParagraphsAsWordShowsThem(t *testing.T) {
	want := []string{
		"昌江区人民政府办公室关于做好\n2024年防汛工作的通知", // Shift+Enter kept
		"昌府办字〔2024〕3号",
		"",
		"各乡（镇）人民政府，区政府各部门：",
		"为做好今年防汛工作，现将有关事项通知如下：", // insertion kept, deletion, hidden text and comment dropped
		"一、总体要求",
		"（一）压实防汛责任。各单位主要负责同志是本单位防汛第一责任人，要亲自部署、亲自检查。",
		"1.值班人员要坚守岗位，保持通信畅通。",
		"2.遇有险情要第一时间报告①。",
		"（1）报告内容包括时间、地点和险情。",
		"二、工作措施",
		"（一）加强隐患排查。各乡镇要对辖区内的水库、山塘逐一排查。", // level 2 restarts under a new level 1
		"①圩堤巡查到位；", // a deleted paragraph leaves no blank line
		"②物资储备到位。",
		"甲、甲类险情由区防指处置；",
		"乙、乙类险情由乡镇处置。",
		"十一、第十一项按编号覆盖从十一起。", // w:startOverride
		"值守安排",
		"请各单位认真贯彻执行。",
		"",
		"昌江区人民政府办公室",
		"2024年2月5日",
	}
	for _, name := range fixtures {
		got := texts(readFixture(t, name))
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s paragraphs:\n got %q\nwant %q", name, got, want)
		}
	}
}

func TestHintsTablesPicturesNotes(t *testing.T) {
	for _, name := range fixtures {
		d := readFixture(t, name)
		var table *Table
		var pics []*Picture
		paras := map[string]*Paragraph{}
		for _, b := range d.Blocks {
			switch {
			case b.Table != nil:
				table = b.Table
			case b.Picture != nil:
				pics = append(pics, b.Picture)
			default:
				paras[b.Para.Text] = b.Para
			}
		}
		if p := paras["昌江区人民政府办公室关于做好\n2024年防汛工作的通知"]; p == nil || p.Style != StyleTitle || p.Align != AlignCenter || p.Number != 1 {
			t.Errorf("%s: title paragraph %+v", name, p)
		}
		if p := paras["2024年2月5日"]; p == nil || p.Align != AlignRight || p.Number != 20 {
			t.Errorf("%s: date paragraph %+v", name, p)
		}
		if p := paras["值守安排"]; p == nil || p.Style.HeadingLevel() != 2 {
			t.Errorf("%s: heading paragraph %+v", name, p)
		}
		if p := paras["一、总体要求"]; p == nil || p.Label != "一、" {
			t.Errorf("%s: numbered paragraph %+v", name, p)
		}
		if len(d.Footnotes) != 1 || d.Footnotes[0].Mark != "①" || d.Footnotes[0].Text != "报告电话：0798-8332255。" {
			t.Errorf("%s: footnotes %+v", name, d.Footnotes)
		}
		if len(pics) != 1 || !bytes.HasPrefix(pics[0].Data, []byte("\x89PNG")) || pics[0].WidthEMU < 1790000 || pics[0].WidthEMU > 1810000 {
			t.Errorf("%s: pictures %+v", name, pics)
		}
		if table == nil {
			t.Fatalf("%s: no table", name)
		}
		cells := map[string]Cell{}
		for _, c := range table.Cells {
			cells[c.Text] = c
		}
		if c := cells["汛期值守（人）"]; c.ColSpan != 2 || c.RowSpan != 1 {
			t.Errorf("%s: gridSpan cell %+v", name, c)
		}
		if c := cells["城区"]; c.RowSpan != 2 || c.Row != 1 {
			t.Errorf("%s: vMerge cell %+v", name, c)
		}
		if table.Columns != 3 || table.HeaderRows != 1 {
			t.Errorf("%s: table %d columns, %d header rows", name, table.Columns, table.HeaderRows)
		}
	}
	// LibreOffice drops a tracked row deletion when it saves; Word's own
	// file (the hand-built one) has it, and the row is left out.
	if c := cellTexts(readFixture(t, "hand/编号修订.docx")); strings.Contains(c, "删去的行") {
		t.Errorf("a row deleted as a tracked change is read: %s", c)
	}
}

func cellTexts(d *Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		if bl.Table != nil {
			for _, c := range bl.Table.Cells {
				b.WriteString(c.Text + " ")
			}
		}
	}
	return b.String()
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		format string
		n      int
		want   string
	}{
		{"decimal", 7, "7"},
		{"chineseCounting", 1, "一"},
		{"chineseCounting", 10, "十"},
		{"chineseCounting", 11, "十一"},
		{"chineseCounting", 20, "二十"},
		{"chineseCounting", 35, "三十五"},
		{"chineseCountingThousand", 101, "一百零一"},
		{"chineseCountingThousand", 110, "一百一十"},
		{"chineseCountingThousand", 1005, "一千零五"},
		{"chineseCountingThousand", 10001, "一万零一"},
		{"chineseLegalSimplified", 11, "壹拾壹"},
		{"ideographDigital", 2023, "二〇二三"},
		{"ideographTraditional", 1, "甲"},
		{"ideographTraditional", 10, "癸"},
		{"ideographTraditional", 11, "甲"},
		{"ideographZodiac", 2, "丑"},
		{"decimalEnclosedCircle", 1, "①"},
		{"decimalEnclosedCircle", 20, "⑳"},
		{"decimalEnclosedCircle", 21, "㉑"},
		{"decimalEnclosedCircleChinese", 3, "③"},
		{"decimalEnclosedParen", 2, "⑵"},
		{"decimalFullWidth", 12, "１２"},
		{"decimalZero", 5, "05"},
		{"upperRoman", 1994, "MCMXCIV"},
		{"lowerLetter", 27, "aa"},
		{"somethingNew", 3, "3"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("FormatNumber(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

// numberedDoc writes a document with the given numbering.xml and body.
func numberedDoc(t testing.TB, numbering, body string) []byte {
	t.Helper()
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	return zipOf(t, map[string]string{
		"word/document.xml":            `<w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml":           `<w:numbering ` + ns + `>` + numbering + `</w:numbering>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="n" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
	})
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(text))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func numP(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, ilvl, numID, text)
}

func TestNumberingRestarts(t *testing.T) {
	lvl := func(ilvl int, format, text, extra string) string {
		return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>%s</w:lvl>`, ilvl, format, text, extra)
	}
	numbering := `<w:abstractNum w:abstractNumId="7">` + lvl(0, "chineseCounting", "%1、", "") +
		lvl(1, "decimal", "%1.%2", `<w:isLgl/>`) + lvl(2, "decimal", "（%3）", `<w:lvlRestart w:val="0"/>`) + `</w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`
	body := numP(1, 0, "a") + numP(1, 1, "b") + numP(1, 2, "c") + numP(1, 0, "d") + numP(1, 1, "e") + numP(1, 2, "f") +
		numP(2, 0, "g") + // another instance of the same list continues it
		numP(3, 0, "h") + // a start override restarts it
		numP(0, 0, "i") // numId 0: no number
	d, err := Read(numberedDoc(t, numbering, body))
	if err != nil {
		t.Fatal(err)
	}
	// A label ending in a digit is followed by a space, one ending in a
	// hanzi by an ideographic space (Word's tab after the number), one
	// ending in punctuation by nothing.
	want := "一、a|1.1 b|（1）c|二、d|2.1 e|（2）f|三、g|一、h|i"
	if got := strings.Join(texts(d), "|"); got != want {
		t.Errorf("numbering:\n got %s\nwant %s", got, want)
	}
}

// A paragraph whose mark was deleted runs on into the next paragraph of
// the body, never into a table cell.
func TestDeletedParagraphMark(t *testing.T) {
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	gone := `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>`
	cell := `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	for body, want := range map[string]string{
		gone + `<w:p><w:r><w:t>后半</w:t></w:r></w:p>`: "前半后半",
		gone + cell: "前半|[格]",
		gone:        "前半",
	} {
		d, err := Read(zipOf(t, map[string]string{"word/document.xml": `<w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`}))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range d.Blocks {
			if b.Para != nil {
				got = append(got, b.Para.Text)
			} else if b.Table != nil {
				got = append(got, "["+b.Table.Cells[0].Text+"]")
			}
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%s read as %q, want %s", body, got, want)
		}
	}
}

func TestLabelSeparators(t *testing.T) {
	lvl := func(id int, format, text, suff string) string {
		return fmt.Sprintf(`<w:abstractNum w:abstractNumId="%d"><w:lvl w:ilvl="0"><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>%s</w:lvl></w:abstractNum>`+
			`<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, id, format, text, suff, id, id)
	}
	numbering := lvl(1, "chineseCountingThousand", "第%1条", "") + lvl(2, "chineseCounting", "第%1章", `<w:suff w:val="nothing"/>`) +
		lvl(3, "decimal", "%1", `<w:suff w:val="space"/>`) + lvl(4, "decimalEnclosedCircle", "%1", "")
	d, err := Read(numberedDoc(t, numbering, numP(1, 0, "为了")+numP(2, 0, "总则")+numP(3, 0, "项")+numP(4, 0, "项")))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(texts(d), "|"), "第一条\u3000为了|第一章总则|1 项|①项"; got != want {
		t.Errorf("labels %q, want %q", got, want)
	}
}

func TestHostileFilesRefused(t *testing.T) {
	for _, name := range []string{"hand/炸弹-实体.docx", "hand/炸弹-嵌套.docx"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "docx", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Read(data); !errors.Is(err, ErrHostile) {
			t.Errorf("%s: err = %v, want ErrHostile", name, err)
		}
	}
	// A zip bomb: a few kilobytes that unpack to more than a part may hold.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	zero := make([]byte, 1<<20)
	for i := 0; i < maxXMLPart>>20+1; i++ {
		w.Write(zero)
	}
	zw.Close()
	if _, err := Read(buf.Bytes()); !errors.Is(err, ErrTooLarge) {
		t.Errorf("zip bomb (%d bytes): err = %v, want ErrTooLarge", buf.Len(), err)
	}
	// An archive of very many entries.
	files := map[string]string{}
	for i := 0; i <= maxEntries; i++ {
		files[fmt.Sprintf("x/%d", i)] = ""
	}
	if _, err := Read(zipOf(t, files)); !errors.Is(err, ErrHostile) {
		t.Errorf("%d entries: err = %v, want ErrHostile", len(files), err)
	}
	for _, data := range [][]byte{nil, []byte("PK\x03\x04junk"), []byte("纯文本")} {
		if _, err := Read(data); !errors.Is(err, ErrNotDocx) {
			t.Errorf("%q: err = %v, want ErrNotDocx", data, err)
		}
	}
}

// thirtyPages is a document of some 30 printed pages (22 lines of 28
// characters each): 400 numbered paragraphs of about 50 characters and a
// table.
func thirtyPages(t testing.TB) []byte {
	numbering := `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
	var b strings.Builder
	sentence := strings.Repeat("各单位要加强组织领导，压实工作责任，确保各项任务落到实处。", 2)
	for i := 0; i < 400; i++ {
		switch i % 10 {
		case 0:
			b.WriteString(numP(1, 0, "工作要求"))
		case 1:
			b.WriteString(numP(1, 1, sentence))
		default:
			b.WriteString(`<w:p><w:r><w:t>` + sentence + `</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r></w:p>`)
		}
	}
	b.WriteString(`<w:tbl>` + strings.Repeat(`<w:tr>`+strings.Repeat(`<w:tc><w:p><w:r><w:t>12.5</w:t></w:r></w:p></w:tc>`, 5)+`</w:tr>`, 30) + `</w:tbl>`)
	return numberedDoc(t, numbering, b.String())
}

func BenchmarkRead30Pages(b *testing.B) {
	data := thirtyPages(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"hand/编号修订.docx", "lo/编号修订.docx", "sample/03-第31次常务会议.docx"} {
		if data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "docx", name)); err == nil {
			f.Add(data)
		}
	}
	f.Add(numberedDoc(f, `<w:num w:numId="1"><w:abstractNumId w:val="9"/></w:num>`, numP(1, 8, "x")))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err == nil && d == nil {
			t.Fatal("no document and no error")
		}
	})
}

// FuzzDocumentXML fuzzes the XML inside a well-formed archive, where a
// fuzzed archive mostly stops at the zip layer: no input may panic, and
// the paragraphs with text are numbered 1, 2, 3….
func FuzzDocumentXML(f *testing.F) {
	f.Add(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>`,
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	f.Add(`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="3"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="999"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`, ``)
	f.Add(`<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:ins><w:r><w:footnoteReference w:id="1"/><w:sym w:char="F0B7"/></w:r></w:ins></w:p>`, ``)
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	f.Fuzz(func(t *testing.T, body, numbering string) {
		d, err := Read(zipOf(t, map[string]string{
			"word/document.xml":            `<w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`,
			"word/numbering.xml":           `<w:numbering ` + ns + `>` + numbering + `</w:numbering>`,
			"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="n" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
		}))
		if err != nil {
			return
		}
		n := 0
		for _, b := range d.Blocks {
			if b.Para != nil && b.Para.Number != 0 {
				if n++; b.Para.Number != n {
					t.Fatalf("paragraph %d numbered %d", n, b.Para.Number)
				}
			}
			if tb := b.Table; tb != nil {
				for _, c := range tb.Cells {
					if c.Row+c.RowSpan > tb.Rows || c.Col+c.ColSpan > tb.Columns || c.RowSpan < 1 || c.ColSpan < 1 {
						t.Fatalf("cell %+v outside a %d×%d table", c, tb.Rows, tb.Columns)
					}
				}
			}
		}
	})
}

// A list linked to the heading styles numbers each heading at the level
// that names its style, though the style's numbering gives no level.
func TestNumberingLinkedToHeadingStyles(t *testing.T) {
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	style := func(id, name string) string {
		return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`
	}
	numbering := `<w:abstractNum w:abstractNumId="0">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:lvlText w:val="%1、"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="2"/><w:lvlText w:val="（%2）"/></w:lvl>` +
		`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
	p := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="n" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
		`<Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	d, err := Read(zipOf(t, map[string]string{
		"word/document.xml":            `<w:document ` + ns + `><w:body>` + p("1", "A") + p("2", "B") + p("2", "C") + p("1", "D") + p("2", "E") + `</w:body></w:document>`,
		"word/numbering.xml":           `<w:numbering ` + ns + `>` + numbering + `</w:numbering>`,
		"word/styles.xml":              `<w:styles ` + ns + `>` + style("1", "heading 1") + style("2", "heading 2") + `</w:styles>`,
		"word/_rels/document.xml.rels": rels,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(texts(d), "|"), "一、A|（一）B|（二）C|二、D|（一）E"; got != want {
		t.Errorf("headings numbered %q, want %q", got, want)
	}
	if lv := d.Blocks[1].Para.Style.HeadingLevel(); lv != 2 {
		t.Errorf("heading 2 read as level %d", lv)
	}
}

// TestPictureAltText: a picture's alternative text is its wp:docPr descr,
// else its title, else none; the name Word gives every picture ("图片 1")
// is not a description.
func TestPictureAltText(t *testing.T) {
	pic := func(id, docPr string) string {
		return `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="3600000" cy="1800000"/>` + docPr +
			`<a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="` + id + `"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
	}
	ns := `xmlns:w="` + nsW + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`
	rel := func(id, target string) string {
		return `<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="` + target + `"/>`
	}
	data := zipOf(t, map[string]string{
		"word/document.xml": `<w:document ` + ns + `><w:body>` +
			pic("i1", `<wp:docPr id="1" name="图片 1" descr=" 昌江区位置示意图 " title="位置图"/>`) +
			pic("i2", `<wp:docPr id="2" name="图片 2" title="指标走势图"/>`) +
			pic("i3", `<wp:docPr id="3" name="图片 3"/>`) +
			`</w:body></w:document>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			rel("i1", "media/image1.png") + rel("i2", "media/image2.png") + rel("i3", "media/image3.png") + `</Relationships>`,
		"word/media/image1.png": "png", "word/media/image2.png": "png", "word/media/image3.png": "png",
	})
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	var alts []string
	for _, b := range d.Blocks {
		if b.Picture != nil {
			alts = append(alts, b.Picture.Alt)
		}
	}
	if got, want := strings.Join(alts, "|"), "昌江区位置示意图|指标走势图|"; got != want {
		t.Errorf("pictures' alternative texts %q, want %q", got, want)
	}
}
