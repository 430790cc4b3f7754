// Command gen writes the hand-built Word and Excel test files of
// testdata/docx: small files made directly (WordprocessingML written out
// part by part, workbooks written with excelize), so the tests read files
// from a second producer besides LibreOffice. make-fixtures.sh runs it.
//
//	go run ./testdata/docx/gen OUTDIR SAMPLE_CSV
package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: gen OUTDIR SAMPLE_CSV")
	}
	out, sample := os.Args[1], os.Args[2]
	must(writeDocx(filepath.Join(out, "hand", "编号修订.docx"), handDocument()))
	must(writeDocx(filepath.Join(out, "hand", "炸弹-嵌套.docx"), nestingBomb()))
	must(writeEntityBomb(filepath.Join(out, "hand", "炸弹-实体.docx")))
	must(writeWorkbook(filepath.Join(out, "hand", "指标.xlsx")))
	must(sampleWorkbook(sample, filepath.Join(out, "sample", strings.TrimSuffix(filepath.Base(sample), ".csv")+".xlsx")))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// part is one file of a package.
type part struct {
	name string
	data []byte
}

// docx is the parts of a hand-built Word document.
type docx struct {
	body, numbering, styles, footnotes, comments string
	media                                        []part
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`

// writeDocx writes the package with its content types and relationships.
func writeDocx(path string, d docx) error {
	rels := `<Relationship Id="rStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
	types := `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`
	parts := []part{
		{"word/document.xml", []byte(xmlHead + `<w:document ` + wNS + `><w:body>` + d.body + `<w:sectPr/></w:body></w:document>`)},
		{"word/styles.xml", []byte(xmlHead + `<w:styles ` + wNS + `>` + d.styles + `</w:styles>`)},
	}
	add := func(id, typ, name, root, content, ctype string) {
		if content == "" {
			return
		}
		rels += fmt.Sprintf(`<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, id, typ, name)
		types += fmt.Sprintf(`<Override PartName="/word/%s" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.%s+xml"/>`, name, ctype)
		parts = append(parts, part{"word/" + name, []byte(xmlHead + `<w:` + root + ` ` + wNS + `>` + content + `</w:` + root + `>`)})
	}
	add("rNum", "numbering", "numbering.xml", "numbering", d.numbering, "numbering")
	add("rFoot", "footnotes", "footnotes.xml", "footnotes", d.footnotes, "footnotes")
	add("rComm", "comments", "comments.xml", "comments", d.comments, "comments")
	for i, m := range d.media {
		rels += fmt.Sprintf(`<Relationship Id="rImg%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="%s"/>`, i+1, strings.TrimPrefix(m.name, "word/"))
		parts = append(parts, m)
	}
	parts = append(parts,
		part{"[Content_Types].xml", []byte(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` + types + `</Types>`)},
		part{"_rels/.rels", []byte(xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rDoc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)},
		part{"word/_rels/document.xml.rels", []byte(xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`)},
	)
	return writeZip(path, parts)
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// writeZip writes parts with a fixed time, so the files are the same on
// every run.
func writeZip(path string, parts []part) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if _, err := w.Write(p.data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// p writes a paragraph: props inside w:pPr, then content (runs).
func p(props, content string) string {
	if props != "" {
		props = "<w:pPr>" + props + "</w:pPr>"
	}
	return "<w:p>" + props + content + "</w:p>"
}

// r writes a run of text.
func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

func num(id, lvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, lvl, id)
}

const (
	center = `<w:jc w:val="center"/>`
	right  = `<w:jc w:val="right"/>`
)

// handDocument is a notice as an office writes it in Word: a Title-styled
// title broken by Shift+Enter, the 发文字号 centred, Word's own list
// numbering (一、 （一） 1. （1）, restarted and overridden, ①, 甲、), tracked
// changes, a comment, hidden text, a footnote, a table with merged cells
// and a header row, an inline picture, and a right-aligned signature.
func handDocument() docx {
	lvl := func(ilvl int, format, text string) string {
		return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>`, ilvl, format, text)
	}
	numbering := `<w:abstractNum w:abstractNumId="0">` +
		lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）") +
		lvl(2, "decimal", "%3.") + lvl(3, "decimal", "（%4）") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1">` + lvl(0, "decimalEnclosedCircle", "%1") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2">` + lvl(0, "ideographTraditional", "%1、") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="3">` + lvl(0, "chineseCountingThousand", "%1、") + `</w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>`
	styles := `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>`
	ins := func(text string) string {
		return `<w:ins w:id="10" w:author="审核" w:date="2024-02-05T00:00:00Z">` + r(text) + `</w:ins>`
	}
	del := func(text string) string {
		return `<w:del w:id="11" w:author="审核" w:date="2024-02-05T00:00:00Z"><w:r><w:delText>` + text + `</w:delText></w:r></w:del>`
	}
	hidden := `<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部草稿勿印）</w:t></w:r>`
	cell := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + p("", r(text)) + `</w:tc>`
	}
	table := `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		`<w:tr><w:trPr><w:tblHeader/></w:trPr>` + cell("", "区域") + cell(`<w:gridSpan w:val="2"/>`, "汛期值守（人）") + `</w:tr>` +
		`<w:tr>` + cell(`<w:vMerge w:val="restart"/>`, "城区") + cell("", "白班") + cell("", "12") + `</w:tr>` +
		`<w:tr>` + cell(`<w:vMerge/>`, "") + cell("", "夜班") + cell("", "8") + `</w:tr>` +
		`<w:tr><w:trPr><w:del w:id="12" w:author="审核" w:date="2024-02-05T00:00:00Z"/></w:trPr>` + cell("", "删去的行") + cell("", "不印") + cell("", "0") + `</w:tr>` +
		`<w:tr>` + cell("", "乡镇") + cell("", "全天") + cell("", "30") + `</w:tr></w:tbl>`
	picture := `<w:r><w:drawing><wp:inline><wp:extent cx="1800000" cy="600000"/><wp:docPr id="1" name="图1"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill>` +
		`<a:blip r:embed="rImg1"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
	body := p(`<w:pStyle w:val="Title"/>`, r("昌江区人民政府办公室关于做好")+`<w:r><w:br/></w:r>`+r("2024年防汛工作的通知")) +
		p(center, r("昌府办字〔2024〕3号")) +
		p("", "") +
		p("", r("各乡（镇）人民政府，区政府各部门：")) +
		p("", r("为做好")+ins("今年")+del("去年")+r("防汛工作")+hidden+
			`<w:commentRangeStart w:id="0"/>`+r("，现将有关事项通知如下：")+`<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`) +
		p(num(1, 0), r("总体要求")) +
		p(num(1, 1), r("压实防汛责任。各单位主要负责同志是本单位防汛第一责任人，要亲自部署、亲自检查。")) +
		p(num(1, 2), r("值班人员要坚守岗位，保持通信畅通。")) +
		p(num(1, 2), r("遇有险情要第一时间报告")+`<w:r><w:footnoteReference w:id="2"/></w:r>`+r("。")) +
		p(num(1, 3), r("报告内容包括时间、地点和险情。")) +
		p(num(1, 0), r("工作措施")) +
		p(num(1, 1), r("加强隐患排查。各乡镇要对辖区内的水库、山塘逐一排查。")) +
		p(`<w:rPr><w:del w:id="13" w:author="审核" w:date="2024-02-05T00:00:00Z"/></w:rPr>`, del("这一段整段删去了。")) +
		p(num(2, 0), r("圩堤巡查到位；")) +
		p(num(2, 0), r("物资储备到位。")) +
		p(num(3, 0), r("甲类险情由区防指处置；")) +
		p(num(3, 0), r("乙类险情由乡镇处置。")) +
		p(num(4, 0), r("第十一项按编号覆盖从十一起。")) +
		p(`<w:pStyle w:val="2"/>`, r("值守安排")) +
		table +
		p(center, picture) +
		p("", r("请各单位认真贯彻执行。")) +
		p("", "") +
		p(right, r("昌江区人民政府办公室")) +
		p(right, r("2024年2月5日"))
	footnotes := `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>` + r("报告电话：0798-8332255。") + `</w:p></w:footnote>`
	comments := `<w:comment w:id="0" w:author="审核">` + p("", r("批注：这句要不要改")) + `</w:comment>`
	return docx{body: body, numbering: numbering, styles: styles, footnotes: footnotes, comments: comments,
		media: []part{{"word/media/image1.png", pngPicture(600, 200)}}}
}

// pngPicture is a plain two-colour picture of w × h pixels.
func pngPicture(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{0xC0, 0x20, 0x20, 0xFF}
			if (x/40+y/40)%2 == 0 {
				c = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

// nestingBomb nests elements far deeper than any document does.
func nestingBomb() docx {
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 5000) + p("", r("深")) + strings.Repeat("</w:sdtContent></w:sdt>", 5000)
	return docx{body: p("", r("标题")) + deep}
}

// writeEntityBomb writes a document whose XML declares entities that
// expand to a billion characters ("billion laughs").
func writeEntityBomb(path string) error {
	dtd := `<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">`
	prev := "a"
	for i := 0; i < 9; i++ {
		name := fmt.Sprintf("e%d", i)
		dtd += fmt.Sprintf(`<!ENTITY %s "%s">`, name, strings.Repeat("&"+prev+";", 10))
		prev = name
	}
	dtd += "]>"
	doc := xmlHead + dtd + `<w:document ` + wNS + `><w:body>` + p("", r("&"+prev+";")) + `</w:body></w:document>`
	return writeZip(path, []part{
		{"_rels/.rels", []byte(xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rDoc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)},
		{"word/document.xml", []byte(doc)},
	})
}

// writeWorkbook writes an indicator table as an office keeps it in Excel: a
// hidden draft sheet first, number formats (0.00, 0.0%, #,##0, a date),
// merged cells, a hidden row and column, a formula with its value saved and
// one without.
func writeWorkbook(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetSheetName("Sheet1", "草稿"))
	must(f.SetCellValue("草稿", "A1", "草稿表不应印出"))
	idx, err := f.NewSheet("指标")
	if err != nil {
		return err
	}
	f.SetActiveSheet(idx) // Excel keeps the active sheet visible
	must(f.SetSheetVisible("草稿", false))
	s := "指标"
	rows := [][]any{
		{"项目", "2024年", nil, "内部备注", "完成日期"},
		{nil, "目标", "占比", nil, nil},
		{"稻米产值（亿元）", 1.5, 0.1234, "不印", 45327.0},
		{"隐藏行", 9, 9, "不印", nil},
		{"蔬菜产值（亿元）", 12345.678, 0.5, "不印", 45352.0},
		{"合计", nil, nil, "不印", nil},
	}
	for i, row := range rows {
		for j, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			must(f.SetCellValue(s, cell, v))
		}
	}
	must(f.MergeCell(s, "A1", "A2"))
	must(f.MergeCell(s, "B1", "C1"))
	must(f.MergeCell(s, "E1", "E2"))
	two, _ := f.NewStyle(&excelize.Style{NumFmt: 2})              // 0.00
	pct := "0.0%"                                                 //
	pctID, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &pct})   //
	thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 3})        // #,##0
	date := `yyyy"年"m"月"d"日"`                                     //
	dateID, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &date}) //
	short, _ := f.NewStyle(&excelize.Style{NumFmt: 14})           // m/d/yy, shown as a Chinese date
	must(f.SetCellStyle(s, "B3", "B3", two))
	must(f.SetCellStyle(s, "C3", "C5", pctID))
	must(f.SetCellStyle(s, "B5", "B5", thousands))
	must(f.SetCellStyle(s, "E3", "E3", dateID))
	must(f.SetCellStyle(s, "E5", "E5", short))
	// B6 keeps the value Excel saved with it; C6 was saved without one.
	must(f.SetCellFormula(s, "B6", "B3+B5"))
	must(f.SetCellValue(s, "B6", 12347.178))
	must(f.SetCellFormula(s, "B6", "B3+B5"))
	must(f.SetCellStyle(s, "B6", "B6", two))
	must(f.SetCellFormula(s, "C6", "C3+C5"))
	must(f.SetRowVisible(s, 4, false))
	must(f.SetColVisible(s, "D", false))
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	// excelize marks a formula's saved value as text (t="str"); Excel saves
	// a number there, which its number format applies to.
	return rewriteZip(path, buf.Bytes(), "xl/worksheets/sheet2.xml", `<c r="B6" s="1" t="str">`, `<c r="B6" s="1">`)
}

// rewriteZip writes the archive data to path with old replaced by new in
// the part named name.
func rewriteZip(path string, data []byte, name, old, new string) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	var parts []part
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if f.Name == name {
			found = bytes.Contains(b, []byte(old))
			b = bytes.ReplaceAll(b, []byte(old), []byte(new))
		}
		parts = append(parts, part{f.Name, b})
	}
	if !found {
		return fmt.Errorf("%s: no %s in %s", path, old, name)
	}
	return writeZip(path, parts)
}

// sampleWorkbook turns the sample's CSV table (merges written ^ and <) into
// the workbook an office would have kept it in, with real merged cells.
func sampleWorkbook(csvPath, out string) error {
	data, err := os.ReadFile(csvPath)
	if err != nil {
		return err
	}
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
	rd.FieldsPerRecord = -1
	rows, err := rd.ReadAll()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	must(f.SetSheetName(s, "指标分解"))
	s = "指标分解"
	// owner of each cell: its own position, or the merge it joins.
	type pos struct{ r, c int }
	owner := map[pos]pos{}
	end := map[pos]pos{}
	for i, row := range rows {
		for j, v := range row {
			here := pos{i, j}
			switch strings.TrimSpace(v) {
			case "^":
				owner[here] = owner[pos{i - 1, j}]
			case "<":
				owner[here] = owner[pos{i, j - 1}]
			default:
				owner[here] = here
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				must(f.SetCellStr(s, cell, strings.TrimSpace(v)))
			}
			o := owner[here]
			e := end[o]
			end[o] = pos{max(e.r, i), max(e.c, j)}
		}
	}
	var starts []pos
	for o := range end {
		starts = append(starts, o)
	}
	slices.SortFunc(starts, func(a, b pos) int { return (a.r-b.r)*1000 + a.c - b.c })
	for _, o := range starts {
		if e := end[o]; e.r > o.r || e.c > o.c {
			a, _ := excelize.CoordinatesToCellName(o.c+1, o.r+1)
			b, _ := excelize.CoordinatesToCellName(e.c+1, e.r+1)
			must(f.MergeCell(s, a, b))
		}
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return f.SaveAs(out)
}
