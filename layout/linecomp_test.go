package layout

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"gazette/fonts"
	"gazette/internal/model"
)

// Tests of the line-composition fixes found on real issues
// (docs/line-composition.md): the prohibitions in titles, word breaks on the
// cover and in table cells, full-width numbers never spread, and the runs
// of a compressed pair.

// TestTitleOfficeBreakObeysProhibitions: an office's line break before 》
// (a title pasted as "…（2019—2030）" / "》的批复") is not kept: no title line
// starts with a mark that may not start a line, nor ends with one that may
// not end it (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end).
func TestTitleOfficeBreakObeysProhibitions(t *testing.T) {
	for _, title := range []string{
		"内蒙古自治区人民政府关于《根河市城市总体规划（2019—2030）\n》的批复",
		"内蒙古自治区人民政府关于《\n根河市城市总体规划（2019—2030）》的批复",
		"内蒙古自治区人民政府关于《根河市城市总体规划（2019—2030）》的批复",
	} {
		lines := titleLines(t, title)
		if got, want := strings.Join(lines, ""), strings.ReplaceAll(title, "\n", ""); got != want {
			t.Fatalf("title set as %q, want the text %q", lines, want)
		}
		for _, l := range lines {
			first, _ := utf8.DecodeRuneInString(l)
			last, _ := utf8.DecodeLastRuneInString(l)
			if noLineStart[first] || noLineEnd[last] {
				t.Errorf("%q: the line %q starts or ends with a mark the prohibitions forbid there", lines, l)
			}
		}
	}
}

// TestRunsOfACompressedPairDoNotOverlap: in every line of a paragraph full
// of compressed pairs (）》, 。”, 》、), no glyph's pen advance (its advance plus
// its run's spacing) reaches past where the next glyph starts: a reader
// such as pdftotext then takes the pair for one word on one line.
func TestRunsOfACompressedPairDoNotOverlap(t *testing.T) {
	m := gridMetrics{}
	text := strings.Repeat("关于《根河市城市总体规划（2019—2030）》的批复（“《总体规划》”）。你市《关于〈规划〉的请示》收悉。", 6)
	for _, size := range []float64{16, 22} {
		lb := &LineBreaker{Metrics: m, Kinsoku: KinsokuGB}
		lines, _ := lb.Break(&Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: size}}, Width: 28 * size, Align: Justify})
		pairs := 0
		for _, l := range lines {
			runs := packRuns(l.Glyphs, 0, 0, m)
			for i, r := range runs {
				rs := []rune(r.Text)
				x := r.X
				for k, c := range rs {
					a, _ := m.Advance(r.Role, c)
					x += a*r.Size + r.Spacing
					if k+1 == len(rs) && i+1 < len(runs) && x > runs[i+1].X+0.01 {
						t.Errorf("%g pt: run %q ends at %.2f, over the next run %q at %.2f", size, r.Text, x, runs[i+1].Text, runs[i+1].X)
					}
				}
				if r.Spacing < -size/4 {
					pairs++
				}
			}
		}
		if pairs == 0 {
			t.Errorf("%g pt: no compressed pair set: the test sets none", size)
		}
	}
}

// TestTableCellBreaksBetweenWords: a header cell that wraps breaks between
// dictionary words ("比去年同月／增长(%)", not "比去年同月增／长(%)") when
// that takes no more lines.
func TestTableCellBreaksBetweenWords(t *testing.T) {
	head := []string{"指标", "本月", "比去年同月增长(%)", "1-本月", "比去年同期增长(%)"}
	body := []string{"社会消费品零售总额(亿元)", "1475.21", "4.3", "12289.78", "18.3"}
	tb := &model.Table{Columns: 5, HeaderRows: 1, Rows: 2}
	for c := range head {
		tb.Cells = append(tb.Cells, model.Cell{Row: 0, Col: c, RowSpan: 1, ColSpan: 1, Text: head[c]},
			model.Cell{Row: 1, Col: c, RowSpan: 1, ColSpan: 1, Text: body[c] + strings.Repeat("　", 0)})
	}
	b, st := layDocs(t, tableDoc(tb))
	rows := tableRuns(st, b.Pages[4])
	var ys []float64
	for y := range rows {
		ys = append(ys, y)
	}
	sort.Float64s(ys)
	cols := verticalRules(b.Pages[4])
	wrapped := 0
	for c := 2; c <= 4; c += 2 {
		var lines []string
		for _, y := range ys {
			line := ""
			for _, r := range rows[y] {
				if x0, _ := runExtent(r); x0 > cols[c] && x0 < cols[c+1] {
					line += r.Text
				}
			}
			if line != "" {
				lines = append(lines, line)
			}
		}
		if len(lines) < 3 {
			continue // the header did not wrap: nothing to see
		}
		wrapped++
		for i := 0; i+1 < len(lines)-1; i++ {
			if w := wordAt(lines[i], lines[i+1]); w != "" {
				t.Errorf("column %d reads %q: the break cuts %q", c, lines, w)
			}
		}
	}
	if wrapped == 0 {
		t.Fatal("no header cell wrapped: the test shows nothing")
	}
}

// TestFullWidthNumberNeverSpread: a justified line spread to the measure
// adds no space inside a number in full-width digits ("１２．５％" stays as
// close as it was typed) and never splits it.
func TestFullWidthNumberNeverSpread(t *testing.T) {
	lb := &LineBreaker{Metrics: gridMetrics{}, Kinsoku: KinsokuGB}
	const size = 16.0
	number := []rune("１２．５％")
	text := "保护经费投入同比增长１２．５％，传承场所面积达到１，２５０平方米。abcdefghijklmnopqrstuvwxyz abcdefghijklm"
	spread := 0
	for chars := 14; chars <= 24; chars++ {
		lines, _ := lb.Break(&Paragraph{Spans: []Span{{Text: text, Role: fonts.Fang, Size: size}}, Width: float64(chars) * size, Align: Justify})
		for _, l := range lines {
			gs := l.Glyphs
			for i := 0; i+len(number) <= len(gs); i++ {
				if string(runesOf(gs[i:i+len(number)])) != string(number) {
					continue
				}
				for k := i + 1; k < i+len(number); k++ {
					if d := gs[k].X - gs[k-1].X - size; d > 0.01 { // a squeezed ． may come closer

						t.Errorf("%d chars: %q spread by %.2f pt inside the number", chars, l.Text(), d)
					}
				}
				if i > 0 && gs[i].X-gs[i-1].X > size+0.01 {
					spread++
				}
			}
			if s := l.Text(); strings.HasSuffix(s, "１２") || strings.HasSuffix(s, "１２．") {
				t.Errorf("%d chars: the number is split after %q", chars, s)
			}
		}
	}
	if spread == 0 {
		t.Error("no line with the number was spread: the test shows nothing")
	}
}

func runesOf(gs []Glyph) []rune {
	rs := make([]rune, len(gs))
	for i, g := range gs {
		rs[i] = g.R
	}
	return rs
}

// TestCoverNameBreaksBetweenWords: a gazette's name too long for one line on
// the cover is set on two lines broken between dictionary words
// ("省人民政府／公报（测试样刊）" or "省人民政府公报／（测试样刊）", never
// "公／报").
func TestCoverNameBreaksBetweenWords(t *testing.T) {
	st, _ := Preset("gbt9704")
	for _, name := range []string{
		"省人民政府公报（测试样刊）",
		"鹤庆县人民政府公报（测试样刊）",
		"新疆维吾尔自治区人民政府公报",
		"西双版纳傣族自治州人民政府公报",
		"黑龙江省人民政府办公厅公报（测试样刊）",
	} {
		is := &model.Issue{Gazette: model.Gazette{Name: name}, Year: 2024, Number: 11,
			Sections: []model.Section{{Title: "文件", Documents: []*model.Document{{Blocks: []model.Block{{Kind: model.Title, Text: "通知"}, para("正文。")}}}}}}
		b, err := Lay(Input{Issue: is, Style: st, Metrics: gridMetrics{}, Kinsoku: KinsokuGB})
		if err != nil {
			t.Fatal(err)
		}
		lines := map[float64]string{}
		var ys []float64
		for _, r := range b.Pages[0].Runs {
			if r.Size < 30 || r.Color != Red { // the name is set in red, 36 pt or more
				continue
			}
			if _, ok := lines[r.Y]; !ok {
				ys = append(ys, r.Y)
			}
			lines[r.Y] += r.Text
		}
		sort.Float64s(ys)
		var got []string
		for _, y := range ys {
			got = append(got, lines[y])
		}
		if strings.Join(got, "") != name {
			t.Fatalf("the cover reads %q, want %q", got, name)
		}
		for i := 0; i+1 < len(got); i++ {
			if w := wordAt(got[i], got[i+1]); w != "" {
				t.Errorf("the cover's name %q breaks inside %q", got, w)
			}
		}
	}
}
