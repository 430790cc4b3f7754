package layout

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// body lines of a page: runs in the body size whose baseline lies in the type area.
func bodyLines(st *Style, p *Page) []float64 {
	seen := map[float64]bool{}
	var ys []float64
	for _, r := range p.Runs {
		if r.Y > st.Top && r.Y < st.Top+st.TextHeight() && r.Size == st.BodySize && !seen[r.Y] {
			seen[r.Y] = true
			ys = append(ys, r.Y)
		}
	}
	return ys
}

func layDocs(t *testing.T, docs ...*model.Document) (*Book, *Style) {
	t.Helper()
	st, _ := Preset("gbt9704")
	is := &model.Issue{Gazette: model.Gazette{Name: "测试公报"}, Year: 2023, Number: 4,
		Sections: []model.Section{{Title: "文件", Documents: docs}}}
	b, err := Lay(Input{Issue: is, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
	if err != nil {
		t.Fatal(err)
	}
	return b, st
}

func para(text string) model.Block { return model.Block{Kind: model.Paragraph, Text: text} }

func TestBodyLinesOnTheGrid(t *testing.T) {
	long := strings.Repeat("全区政府系统要严格按照中央规定的步骤开展调查研究，不断健全完善调查研究工作机制。", 40)
	doc := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "关于测试的通知"}, para(long), para(long)}}
	b, st := layDocs(t, doc)
	body := b.Pages[4:]
	if len(body) < 3 {
		t.Fatalf("only %d body pages", len(body))
	}
	for i, p := range body {
		ys := bodyLines(st, p)
		if len(ys) > st.LinesPerPage {
			t.Errorf("page %d has %d body lines, max %d", i+1, len(ys), st.LinesPerPage)
		}
		for _, y := range ys {
			k := (y - st.Top - st.FirstBaseline()) / st.LinePitch
			if d := k - float64(int(k+0.5)); d > 0.001 || d < -0.001 {
				t.Errorf("page %d: baseline %.3f is off the grid (row %.3f)", i+1, y, k)
			}
		}
		if i > 0 && i < len(body)-1 && len(ys) < st.LinesPerPage-1 {
			t.Errorf("page %d holds only %d lines", i+1, len(ys))
		}
	}
}

func TestHeadingKeepsTwoLinesOfText(t *testing.T) {
	filler := strings.Repeat("甲", 28*19-2) // 19 full lines after a 2-character indent
	longPara := strings.Repeat("乙", 80)
	doc := &model.Document{Blocks: []model.Block{para(filler),
		{Kind: model.Heading, Level: 1, Text: "一、目的意义"}, para(longPara)}}
	b, _ := layDocs(t, doc)
	for i, p := range b.Pages[4:] {
		var last string
		for _, r := range p.Runs {
			if strings.Contains(r.Text, "目的意义") {
				last = r.Text
			}
		}
		if last == "" {
			continue
		}
		// the heading's page must also hold two lines of 乙
		n := 0
		for _, r := range p.Runs {
			if strings.Contains(r.Text, "乙") {
				n++
			}
		}
		if n < 2 {
			t.Errorf("heading on page %d kept with %d lines of its text, want ≥ 2", i+1, n)
		}
	}
}

func TestSignatureKeepsABodyLine(t *testing.T) {
	filler := strings.Repeat("甲", 28*20-2) // 20 lines: the blank + signer + date cannot fit
	doc := &model.Document{Blocks: []model.Block{para(filler),
		{Kind: model.Signer, Text: "昌江区人民政府办公室"}, {Kind: model.SignDate, Text: "2023年6月29日"}}}
	b, _ := layDocs(t, doc)
	for i, p := range b.Pages[4:] {
		hasSigner, hasBody := false, false
		for _, r := range p.Runs {
			hasSigner = hasSigner || strings.Contains(r.Text, "办公室")
			hasBody = hasBody || strings.Contains(r.Text, "甲")
		}
		if hasSigner && !hasBody {
			t.Errorf("page %d holds the signature without a body line (GB/T 9704 7.3.5.5)", i+1)
		}
	}
}

func TestSignaturePositions(t *testing.T) {
	doc := &model.Document{Blocks: []model.Block{para("正文。"),
		{Kind: model.Signer, Text: "昌江区人民政府办公室"}, {Kind: model.SignDate, Text: "2023年6月29日"}}}
	b, st := layDocs(t, doc)
	p := b.Pages[4]
	var signer, date *Run
	for i := range p.Runs {
		switch {
		case p.Runs[i].Size != st.BodySize:
		case strings.HasPrefix(p.Runs[i].Text, "昌江区"):
			signer = &p.Runs[i]
		case strings.HasPrefix(p.Runs[i].Text, "2023"):
			date = &p.Runs[i]
		}
	}
	if signer == nil || date == nil {
		t.Fatalf("signature not found")
	}
	left := st.Left(true)
	pitch := st.CharPitch()
	signerRight := left + st.TextWidth() - 2*pitch
	wantSignerX := signerRight - 10*pitch
	if d := signer.X - wantSignerX; d > 0.01 || d < -0.01 {
		t.Errorf("signer at %.2f, want %.2f (2 characters from the right, GB/T 9704 7.3.5.2)", signer.X, wantSignerX)
	}
	if d := date.X - (signer.X + 2*pitch); d > 0.01 || d < -0.01 {
		t.Errorf("date at %.2f, want 2 characters right of the signer (%.2f)", date.X, signer.X+2*pitch)
	}
	if date.Y-signer.Y < st.LinePitch-0.01 {
		t.Errorf("date not on the line after the signer")
	}
}

func TestEachDocumentStartsAPageAndTOCPointsThere(t *testing.T) {
	d1 := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "第一份通知"}, para(strings.Repeat("甲", 900))}}
	d2 := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "第二份通知"}, para("乙。")}}
	b, _ := layDocs(t, d1, d2)
	if len(b.Pages)%2 != 0 && b.Pages[4].Folio != 1 {
		t.Fatalf("body does not start at folio 1")
	}
	if !b.Pages[4].Recto {
		t.Errorf("body page 1 is not a recto")
	}
	var second int
	for i, p := range b.Pages {
		for _, r := range p.Runs {
			if strings.Contains(r.Text, "第二份通知") && p.Folio > 0 {
				second = i
			}
		}
	}
	if second == 0 {
		t.Fatal("second document not found in the body")
	}
	toc := b.Pages[2]
	var link *Link
	for i := range toc.Links {
		if toc.Links[i].Target == second {
			link = &toc.Links[i]
		}
	}
	if link == nil {
		t.Errorf("no 目录 link points at page index %d (folio %d)", second, b.Pages[second].Folio)
	}
	want := fmt.Sprintf("（%d）", b.Pages[second].Folio)
	if !strings.Contains(strings.Join(pageLines(toc), "\n"), want) {
		t.Errorf("目录 does not print %s", want)
	}
}

// pageLines joins the runs of each baseline, top to bottom.
func pageLines(p *Page) []string {
	byY := map[float64]string{}
	var ys []float64
	for _, r := range p.Runs {
		if _, ok := byY[r.Y]; !ok {
			ys = append(ys, r.Y)
		}
		byY[r.Y] += r.Text
	}
	sort.Float64s(ys)
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = byY[y]
	}
	return out
}

func TestLastPageNeverHoldsOneLine(t *testing.T) {
	// 22 full lines, then a one-line paragraph: without the keep it would
	// stand alone on page 2 (孤行不成页).
	filler := strings.Repeat("甲", 28*22-2)
	doc := &model.Document{Blocks: []model.Block{para(filler), para("会议还研究了其他事项。")}}
	b, st := layDocs(t, doc)
	body := b.Pages[4:]
	if len(body) != 2 {
		t.Fatalf("%d body pages, want 2", len(body))
	}
	if n := len(bodyLines(st, body[1])); n < 2 {
		t.Errorf("the last page holds %d body line(s), want at least 2", n)
	}
}

func TestForcedBreakIsReported(t *testing.T) {
	// A title longer than a page cannot be kept whole: gazette check must
	// say where.
	title := strings.Repeat("关于测试的通知", 100)
	doc := &model.Document{Source: "01-测试.txt", Blocks: []model.Block{{Kind: model.Title, Text: title, Line: 3}, para("正文。")}}
	b, _ := layDocs(t, doc)
	if len(b.Warnings) == 0 {
		t.Fatal("no warning for a title split across pages")
	}
	if w := b.Warnings[0]; !strings.Contains(w, "01-测试.txt 第3行") || !strings.Contains(w, "第1页") {
		t.Errorf("warning %q does not say where", w)
	}
}

// TestTightOnlyWhereItSavesThePage: a document whose last page would hold a
// few lines has as few of its last sections set tight as save that page: the
// tight run starts at a numbered heading, the headings keep their full-width
// marks, and the first sections are set as usual.
func TestTightOnlyWhereItSavesThePage(t *testing.T) {
	st, _ := Preset("gbt9704")
	text := strings.Repeat("甲乙丙丁，", 11) // 55 characters: 3 lines, or 2 in 开明式
	heads := []string{"一、总体要求", "二、重点任务", "三、保障措施", "四、工作要求", "五、其他事项"}
	for _, n := range []int{13, 14, 15} {
		blocks := []model.Block{{Kind: model.Title, Text: "通知"}}
		for i := 0; i < n; i++ {
			if i%3 == 0 {
				blocks = append(blocks, model.Block{Kind: model.Heading, Level: 1, Text: heads[i/3%len(heads)]})
			}
			blocks = append(blocks, para(text))
		}
		doc := &model.Document{Blocks: blocks}
		plain := &composer{st: st, lb: &LineBreaker{Metrics: gridMetrics{}}, doc: doc, probs: &diag.List{}}
		plain.compose()
		before, _ := paginate(plain.items, st)
		if pageFill(before[len(before)-1]) > st.TextHeight()/4 {
			continue // its last page is full enough: nothing to save
		}
		c := composeDocument(st, &LineBreaker{Metrics: gridMetrics{}}, doc, &diag.List{}, nil)
		after, _ := paginate(c.items, st)
		t.Logf("%d paragraphs: %d pages → %d pages, the last %d blocks tight", n, len(before), len(after), c.tightLast)
		if len(after) != len(before)-1 {
			t.Errorf("%d paragraphs: %d pages, want the last one saved (%d)", n, len(after), len(before)-1)
		}
		if first := len(blocks) - c.tightLast; c.tightLast < 1 || blocks[first].Kind != model.Heading || first < 3 {
			t.Errorf("%d paragraphs: the tight run starts at block %d, want a heading after the first section", n, first)
		}
		for _, it := range c.items {
			if it.line == nil {
				continue
			}
			for k, g := range it.line.Glyphs[:len(it.line.Glyphs)-1] {
				next := it.line.Glyphs[k+1].X - g.X
				switch {
				case g.R == '、' && next < st.CharPitch()-0.01:
					t.Errorf("%d paragraphs: a heading's 、 is squeezed in %q", n, it.line.Text())
				case g.R == '，' && next < st.CharPitch()-0.01 && it.srcLine == 0 && c.items[2].line == it.line:
					t.Errorf("%d paragraphs: the first paragraph's comma is squeezed in %q", n, it.line.Text())
				}
			}
		}
	}
}

// TestTightSavesThePageBeforeAnAttachment: the nearly empty page may be the
// last one before an 附件 starts a new page, not the document's last; the
// page is saved there too, and the 附件 is left as it was.
func TestTightSavesThePageBeforeAnAttachment(t *testing.T) {
	st, _ := Preset("gbt9704")
	// paragraphs long enough that 开明式 saves a line in each: a short one
	// the total-fit breaker sets in as few lines by squeezing its last line
	text := strings.Repeat("甲乙丙丁，", 23)
	blocks := []model.Block{{Kind: model.Title, Text: "方案"}}
	for i := 0; i < 8; i++ {
		if i%3 == 0 {
			blocks = append(blocks, model.Block{Kind: model.Heading, Level: 1, Text: "一、总体要求"})
		}
		blocks = append(blocks, para(text))
	}
	blocks = append(blocks, model.Block{Kind: model.AttachmentLabel, Text: "附件"},
		model.Block{Kind: model.Title, Text: "指标表"}, para(strings.Repeat("乙", 300)))
	doc := &model.Document{Blocks: blocks}
	plain := &composer{st: st, lb: &LineBreaker{Metrics: gridMetrics{}}, doc: doc, probs: &diag.List{}}
	plain.compose()
	before, _ := paginate(plain.items, st)
	c := composeDocument(st, &LineBreaker{Metrics: gridMetrics{}}, doc, &diag.List{}, nil)
	after, _ := paginate(c.items, st)
	if len(after) != len(before)-1 {
		t.Fatalf("%d pages → %d, want the page before the 附件 saved", len(before), len(after))
	}
	for _, it := range c.items {
		if it.line != nil && strings.Contains(it.line.Text(), "乙乙") && it.line.Glyphs[0].R == '乙' {
			return // the 附件's text is there, set as usual (it has no marks to squeeze)
		}
	}
	t.Error("the 附件's text is missing")
}

// TestEveryItemKnowsItsSource: blank lines, page breaks and table rows carry
// the file and line of their block, so that a forced page break is reported
// with a place the office can find, whatever item it falls on.
func TestEveryItemKnowsItsSource(t *testing.T) {
	st, _ := Preset("gbt9704")
	tb := &model.Table{Columns: 1, HeaderRows: 1, Rows: 2, Cells: []model.Cell{
		{Row: 0, Col: 0, RowSpan: 1, ColSpan: 1, Text: "指标"}, {Row: 1, Col: 0, RowSpan: 1, ColSpan: 1, Text: "1.5"}}}
	doc := &model.Document{Source: "02-方案.txt", Blocks: []model.Block{{Kind: model.Title, Text: "方案", Line: 1},
		{Kind: model.DocNumber, Text: "昌府办字〔2023〕25号", Line: 2}, {Kind: model.Paragraph, Text: "正文。", Line: 4},
		{Kind: model.AttachmentLabel, Text: "附件", Line: 6}, {Kind: model.TableBlock, Table: tb, Line: 8},
		{Kind: model.Signer, Text: "昌江区人民政府", Line: 9}, {Kind: model.SignDate, Text: "2023年6月29日", Line: 10}}}
	c := &composer{st: st, lb: &LineBreaker{Metrics: gridMetrics{}}, doc: doc, probs: &diag.List{}}
	c.compose()
	for i, it := range c.items {
		if it.file != "02-方案.txt" || it.srcLine == 0 {
			t.Errorf("item %d (blank %v, line %v) has no source: %q line %d", i, it.blank, it.line != nil, it.file, it.srcLine)
		}
	}
}

// TestForcedBreakNamesItsBodyPage: a page broken against the keeps is
// named by its page in the body, counted over the documents before it
// (each document is paginated on its own: it starts a page).
func TestForcedBreakNamesItsBodyPage(t *testing.T) {
	long := strings.Repeat("全区政府系统要严格按照中央规定的步骤开展调查研究，不断健全完善调查研究工作机制。", 40)
	first := &model.Document{Source: "01.txt", Blocks: []model.Block{{Kind: model.Title, Text: "关于测试的通知"}, para(long), para(long)}}
	tall := &model.Document{Source: "02.txt", Blocks: []model.Block{{Kind: model.Title, Text: strings.Repeat("关于开展调查研究工作的通知", 60)}, para(long)}}
	bodyPages := func(b *Book) int {
		n := 0
		for _, p := range b.Pages {
			if p.Folio > 0 {
				n++
			}
		}
		return n
	}
	forcedPage := func(b *Book) string {
		for _, w := range b.Warnings {
			if i := strings.Index(w, "正文第"); i >= 0 {
				return w[i : i+strings.Index(w[i:], "页")]
			}
		}
		t.Fatalf("no forced break reported in %q", b.Warnings)
		return ""
	}
	alone, _ := layDocs(t, tall)
	before, _ := layDocs(t, first)
	both, _ := layDocs(t, first, tall)
	var k int
	if _, err := fmt.Sscanf(forcedPage(alone), "正文第%d", &k); err != nil {
		t.Fatal(err)
	}
	if got, want := forcedPage(both), fmt.Sprintf("正文第%d", bodyPages(before)+k); got != want {
		t.Errorf("the second document's forced break is reported as %s, want %s", got, want)
	}
}
