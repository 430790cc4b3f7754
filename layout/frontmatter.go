package layout

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/model"
)

// frontMatter sets, after the opening pages (the cover and the masthead),
// the 目录 and, when needed, a blank verso so that body page 1 is a recto.
// Everything printed here comes from the manifest, once.
func (bs *bookSetter) frontMatter(opening []*Page, plans []*docPlan) []*Page {
	pages := append(opening, bs.contents(plans)...)
	for len(pages)%2 == 1 {
		pages = append(pages, &Page{Recto: false})
	}
	for i, p := range pages {
		p.Label = roman(i + 1)
		p.Recto = i%2 == 0
	}
	return pages
}

// opening sets the cover and the masthead (编辑委员会) on the inside
// cover.
func (bs *bookSetter) opening() []*Page {
	cover := &Page{Label: "i", Recto: true}
	bs.cover(cover)
	return append([]*Page{cover}, bs.masthead()...)
}

// centred places a line centred on the page at baseline y ("\n" breaks
// it), each line set smaller if need be to fit the type area's width — a
// long sponsor, statement or motto never runs off the page.
func (bs *bookSetter) centred(p *Page, text string, role fonts.Role, size, y float64, c Color) {
	measure := bs.in.Style.TextWidth()
	for _, part := range strings.Split(text, "\n") {
		part = strings.TrimSpace(part)
		l := bs.single(part, role, size)
		if l.Right > measure {
			l = bs.single(part, role, math.Floor(size*measure/l.Right*4)/4)
		}
		p.addColoredLine(&l, (bs.in.Style.PageWidth-l.Right)/2, y, bs.in.Metrics, c)
		y += size * 1.4
	}
}

// The cover's design on A4 (docs/house-design.md#front-matter): places in mm
// from the top edge of the trimmed page (baselines, the rules' centres, the
// top of the emblem's box), type sizes and rule widths in bp. cover scales
// them to the trim.
const (
	coverEmblemTopMM  = 30.0  // top of the emblem's square box
	coverEmblemSideMM = 40.0  // the box's side
	coverNameMM       = 100.0 // the gazette's name (coverNameSize)
	coverEnglishMM    = 112.0 // its English name
	coverEnglishSize  = 12.0
	coverRuleMM       = 124.0 // the double rule: thick above, thin below
	coverRule2MM      = 125.5
	coverRuleWidth    = 2.0
	coverRule2Width   = 0.6
	coverYearMM       = 175.0 // 2023
	coverYearSize     = 36.0
	coverIssueMM      = 192.0 // 第4期（总第17期）
	coverIssueSize    = 20.0
	coverSponsorMM    = 262.0 // …主管主办
	coverSponsorSize  = 18.0
	coverPermitMM     = 274.0 // 准印证号 and 内部资料　免费交流, one above the other
	coverPermit2MM    = 281.0
	coverPermitSize   = 12.0
)

// cover: emblem, the gazette's name large in red, its English name, a double
// rule, the year, the issue and serial numbers and the sponsor line. The
// places and sizes are those of the A4 design, scaled to the trim (a4Scale).
func (bs *bookSetter) cover(p *Page) {
	st := bs.in.Style
	is := bs.in.Issue
	g := &is.Gazette
	sy, k := st.a4Scale()
	at := func(mm float64) float64 { return mm * MM * sy }
	if g.Emblem != "" {
		bs.emblem(p, g.Emblem, coverEmblemSideMM*MM*k, at(coverEmblemTopMM))
	}
	n := len(p.Runs)
	bs.coverName(p, g.Name, k, at(coverNameMM))
	p.tagRuns(n, newElem("H1", nil)) // the book's title, on one line or two
	bs.centred(p, g.EnglishName, fonts.Latin, coverEnglishSize*k, at(coverEnglishMM), Color{})
	left, right := st.Inner, st.PageWidth-st.Outer
	p.Rules = append(p.Rules,
		Rule{X1: left, Y1: at(coverRuleMM), X2: right, Y2: at(coverRuleMM), Width: coverRuleWidth, Color: Red},
		Rule{X1: left, Y1: at(coverRule2MM), X2: right, Y2: at(coverRule2MM), Width: coverRule2Width, Color: Red})
	bs.centred(p, fmt.Sprint(is.Year), fonts.Latin, coverYearSize*k, at(coverYearMM), Color{})
	bs.centred(p, issueLine(is), fonts.Song, coverIssueSize*k, at(coverIssueMM), Color{})
	if g.Sponsor != "" {
		bs.centred(p, g.Sponsor+"主管主办", fonts.Song, coverSponsorSize*k, at(coverSponsorMM), Color{})
	}
	if g.Permit != "" { // 《内部资料性出版物管理规定》第十四条: both on the cover
		bs.centred(p, "准印证号："+g.Permit, fonts.Song, coverPermitSize*k, at(coverPermitMM), Color{})
		bs.centred(p, "内部资料　免费交流", fonts.Song, coverPermitSize*k, at(coverPermit2MM), Color{})
	}
}

// The gazette's name on the cover is set in 46 bp (on A4) when it fits the
// measure; a longer name is set smaller to fit, down to coverNameLeast;
// past that it is set on two lines (where the office broke it with "\n",
// else balanced by the line breaker, which keeps words whole) in at most
// coverNameTwoLines, its last line on the one-line name's baseline so that
// the English name below keeps its place.
const (
	coverNameSize     = 46.0
	coverNameLeast    = 36.0
	coverNameTwoLines = 40.0
	coverNameLead     = 1.2 // baseline to baseline, in type sizes
)

// coverName sets the gazette's name centred on the cover, its (last)
// baseline at y, never wider than the type area.
func (bs *bookSetter) coverName(p *Page, name string, k, y float64) {
	measure := bs.in.Style.TextWidth()
	parts := strings.Split(name, "\n")
	if len(parts) == 1 {
		w := bs.single(name, fonts.Title, coverNameSize*k).Right
		if w <= measure {
			bs.centred(p, name, fonts.Title, coverNameSize*k, y, Red)
			return
		}
		if size := coverNameSize * k * measure / w; size >= coverNameLeast*k {
			bs.centred(p, name, fonts.Title, math.Floor(size*4)/4, y, Red)
			return
		}
		parts = placeBreak(name)
		if parts == nil {
			parts = bs.balanced(name, fonts.Title, coverNameTwoLines*k, 2)
		}
	}
	size := coverNameTwoLines * k
	if len(parts) == 1 {
		size = coverNameSize * k
	}
	for _, part := range parts {
		if w := bs.single(strings.TrimSpace(part), fonts.Title, size).Right; w > measure {
			size = math.Floor(size*measure/w*4) / 4
		}
	}
	y -= float64(len(parts)-1) * coverNameLead * size
	for _, part := range parts {
		l := bs.single(strings.TrimSpace(part), fonts.Title, size)
		p.addColoredLine(&l, (bs.in.Style.PageWidth-l.Right)/2, y, bs.in.Metrics, Red)
		y += coverNameLead * size
	}
}

// divisionEnds are the last characters of the names of China's
// administrative divisions (省、自治区、市、自治州、地区、盟、县、旗、区、
// 镇、乡): a gazette's name is a place and an organ (新疆维吾尔自治区 ·
// 人民政府公报), and on two lines it reads best broken between them.
const divisionEnds = "省区市州盟县旗镇乡"

// placeBreak breaks a gazette's name in two after the end of a division's
// name — the one that makes the lines most nearly equal, each at least
// three characters — or returns nil when there is none.
func placeBreak(name string) []string {
	rs := []rune(name)
	best, bestDiff := -1, len(rs)
	for i := 3; i <= len(rs)-3; i++ {
		if !strings.ContainsRune(divisionEnds, rs[i-1]) {
			continue
		}
		if d := abs(float64(len(rs) - 2*i)); int(d) < bestDiff {
			best, bestDiff = i, int(d)
		}
	}
	if best < 0 || bestDiff > len(rs)/2 {
		return nil
	}
	return []string{string(rs[:best]), string(rs[best:])}
}

// balanced breaks text into n lines of about equal width, keeping words
// whole where the line breaker can.
func (bs *bookSetter) balanced(text string, role fonts.Role, size float64, n int) []string {
	full := bs.single(text, role, size).Right
	for width := full / float64(n); width <= full+size; width += size / 2 {
		lines := bs.breakLines(&Paragraph{Spans: []Span{{Text: text, Role: role, Size: size}}, Width: width, Align: AlignLeft, KeepWords: true})
		if len(lines) <= n {
			out := make([]string, len(lines))
			for i := range lines {
				out[i] = lineText(&lines[i])
			}
			return out
		}
	}
	return []string{text}
}

// lineText is the characters of a line.
func lineText(l *Line) string {
	rs := make([]rune, len(l.Glyphs))
	for i, g := range l.Glyphs {
		rs[i] = g.R
	}
	return string(rs)
}

// emblem places the cover's emblem centred in a box side wide whose top is
// at y, keeping the picture's proportions (a 国徽 must never print
// stretched), and warns when it would print below 300 ppi.
func (bs *bookSetter) emblem(p *Page, path string, side, y float64) {
	pw, ph, err := readPicture(&model.Image{Path: path})
	if errors.Is(err, os.ErrNotExist) {
		return // issue.toml's loader reports a missing emblem at its line
	}
	if err != nil {
		bs.probs = append(bs.probs, pictureProblem(bs.in.ManifestPath, bs.in.EmblemLine, path, err))
		return
	}
	w, h := side, side*float64(ph)/float64(pw)
	if h > side {
		w, h = side*float64(pw)/float64(ph), side
	}
	p.Images = append(p.Images, Picture{Path: path, X: (bs.in.Style.PageWidth - w) / 2, Y: y + (side-h)/2, W: w, H: h})
	if msg, hint, low := lowResolution(path, pw, w); low {
		bs.book.Warnings = append(bs.book.Warnings, (&diag.Problem{Msg: "封面图标" + msg, Hint: hint}).Error())
	}
}

// issueLine is "第4期（总第17期）".
func issueLine(is *model.Issue) string {
	s := fmt.Sprintf("第%d期", is.Number)
	if is.Serial > 0 {
		s += fmt.Sprintf("（总第%d期）", is.Serial)
	}
	return s
}

// dateText is "2023年8月30日" (GB/T 9704-2012 7.3.5.4: Arabic digits, no
// leading zeros).
func dateText(d model.Date) string { return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day) }

// The 编辑委员会 is set as a list: each role in 黑体 in a label column as
// wide as the longest role (four characters at least, shorter roles spread
// over four: 均排, https://www.w3.org/TR/clreq/#ways_of_alignments), a colon, then its names in columns, two to
// a row as the house design has it. A committee too long for the room
// above the publication details is set with more names to a row (as many
// as the measure holds), then closer rows, then runs on to more pages, the
// details at the foot of the last; nothing is ever set over the details or
// off the page.
const (
	mastheadPitch      = 2.0 // committee rows, in type sizes
	mastheadTightPitch = 1.5 // the closest rows may come
	mastheadPerRow     = 2   // names to a row in the house design
	mastheadNameChars  = 3   // a name is spread over at least three characters
)

// mastLayout is how the committee is set: names to a row, row pitch, the
// label column's width and a name column's width.
type mastLayout struct {
	perRow         int
	pitch          float64
	labelW, nameW  float64
	x, right, size float64
}

// rows is how many rows the committee takes.
func (ml mastLayout) rows(cs []model.CommitteeRole) int {
	n := 0
	for _, cr := range cs {
		n += max(1, (len(cr.Names)+ml.perRow-1)/ml.perRow)
	}
	return n
}

// masthead: the 编辑委员会 with each role's names in columns, then the
// publication details; sizes and places scaled from A4 like the cover's.
// It returns the masthead's pages: one, unless the committee needs more.
func (bs *bookSetter) masthead() []*Page {
	st := bs.in.Style
	g := &bs.in.Issue.Gazette
	sy, k := st.a4Scale()
	size := 14 * k
	ml := bs.mastMeasure(size)
	if need := ml.labelW + size + ml.nameW; need > st.TextWidth() {
		// a role or a name so long that its label, colon and one name do
		// not fit the measure: the committee is set smaller until they do
		ml = bs.mastMeasure(math.Floor(size*st.TextWidth()/need*4) / 4)
		bs.book.Warnings = append(bs.book.Warnings, (&diag.Problem{File: bs.in.ManifestPath,
			Msg:  fmt.Sprintf("编辑委员会中有职务或人名太长，一行排不下，编辑委员会已缩小到 %g 磅字", ml.size),
			Hint: "请检查 [[gazette.committee]] 的 role 和 names 是否写错（职务名称写在 role，人名逐个写在 names）。"}).Error())
	}
	cs := ml.size // the committee's type size
	top := st.Top + 50*k
	detailsTop := bs.detailsTop(size, sy)
	clear := mastheadPitch * size // from the last row's baseline to the first detail's
	room := detailsTop - clear - top
	ml = bs.mastFit(ml, room)
	var pages []*Page
	newPage := func() *Page {
		p := &Page{}
		pages = append(pages, p)
		bs.centred(p, "编 辑 委 员 会", fonts.Hei, 20*k, st.Top+10*k, Color{})
		if len(pages) == 1 {
			p.tagRuns(0, headingElem("编辑委员会"))
		} else {
			p.markArtifacts(0) // the heading repeated on a continuation page
		}
		return p
	}
	list := newElem("L", nil) // the committee: a role and its names an item
	p := newPage()
	y := top
	// a page of the committee alone holds rows down to the foot of the
	// type area; the details need their room only on the last page
	pageEnd := st.Top + st.TextHeight()
	rowsLeft := ml.rows(g.Committee)
	for _, cr := range g.Committee {
		label := bs.spread(cr.Role, 4, cs, fonts.Hei)
		item := newElem("LI", list)
		lbl, body := newElem("Lbl", item), newElem("LBody", item)
		if len(cr.Names) > 1 {
			body.Actual = strings.Join(cr.Names, "　") // read apart, as printed
		}
		putUnder(label, lbl)
		for i := 0; i < len(cr.Names) || i == 0; i += ml.perRow {
			limit := pageEnd
			if float64(rowsLeft-1)*ml.pitch <= room-(y-top)+0.01 {
				limit = detailsTop - clear // the rest fits above the details
			}
			if y > limit+0.01 {
				p, y = newPage(), top
			}
			if i == 0 {
				p.Runs = append(p.Runs, shiftRuns(label, ml.x, y)...)
				colon := bs.single("：", fonts.Fang, cs)
				n := len(p.Runs)
				p.addLine(&colon, ml.x+ml.labelW, y, bs.in.Metrics)
				p.tagRuns(n, lbl)
			}
			for j := i; j < i+ml.perRow && j < len(cr.Names); j++ {
				name := bs.spread(cr.Names[j], mastheadNameChars, cs, fonts.Fang)
				putUnder(name, body)
				p.Runs = append(p.Runs, shiftRuns(name, ml.x+ml.labelW+cs+float64(j-i)*ml.nameW, y)...)
			}
			y += ml.pitch
			rowsLeft--
		}
	}
	last := y - ml.pitch // the last row's baseline
	if last > detailsTop-clear+0.01 {
		p, last = newPage(), top-clear
	}
	bs.details(p, ml.x, last+size, size, sy)
	return pages
}

// mastMeasure finds the committee's columns: the label column as wide as
// the longest role, a name column as wide as the longest name and a
// character's space, the list indented three characters as the house
// design has it — less when a long role needs the room.
func (bs *bookSetter) mastMeasure(size float64) mastLayout {
	st := bs.in.Style
	g := &bs.in.Issue.Gazette
	labelW, nameW := 4*size, float64(mastheadNameChars+2)*size
	for _, cr := range g.Committee {
		labelW = max(labelW, bs.single(cr.Role, fonts.Hei, size).Right)
		for _, n := range cr.Names {
			nameW = max(nameW, bs.single(n, fonts.Fang, size).Right+2*size)
		}
	}
	left := st.Left(false)
	right := left + st.TextWidth()
	x := left + 3*size
	// the label, its colon and one name column must fit the measure
	if over := x + labelW + size + nameW - right; over > 0 {
		x = max(left, x-over)
	}
	return mastLayout{perRow: mastheadPerRow, pitch: mastheadPitch * size, labelW: labelW, nameW: nameW, x: x, right: right, size: size}
}

// mastFit picks the fewest names to a row and the widest pitch that set the
// committee in the room above the details; failing that, the most names to
// a row and the closest pitch (and the committee runs on to more pages).
func (bs *bookSetter) mastFit(ml mastLayout, room float64) mastLayout {
	cs := bs.in.Issue.Gazette.Committee
	most := max(1, int((ml.right-ml.x-ml.labelW-ml.size)/ml.nameW+0.001))
	for per := min(mastheadPerRow, most); per <= most; per++ {
		for _, pitch := range []float64{mastheadPitch, mastheadTightPitch} {
			try := ml
			try.perRow, try.pitch = per, pitch*ml.size
			if float64(try.rows(cs)-1)*try.pitch <= room+0.01 {
				return try
			}
		}
	}
	ml.perRow, ml.pitch = most, mastheadTightPitch*ml.size
	return ml
}

// details sets the publication details at the foot of the masthead, from
// the bottom up, so that the optional lines of a 内部资料 (印刷单位, 印数,
// 准印证号) fit: the lines close up where they would run into the
// committee above.
func (bs *bookSetter) details(p *Page, x, committeeEnd, size, sy float64) {
	lines := bs.detailLines()
	if len(lines) == 0 {
		return
	}
	last := bs.in.Style.PageHeight - 41*MM*sy
	pitch := 2 * size
	if n := float64(len(lines) - 1); n > 0 && last-n*pitch < committeeEnd+size {
		pitch = max(1.5*size, (last-committeeEnd-size)/n)
	}
	y := last - float64(len(lines)-1)*pitch
	for _, d := range lines {
		label := bs.spread(d[0], 4, size, fonts.Hei)
		p.Runs = append(p.Runs, shiftRuns(label, x, y)...)
		l := bs.single("："+d[1], fonts.Fang, size)
		p.addLine(&l, x+4*size, y, bs.in.Metrics)
		y += pitch
	}
}

// detailsTop is the baseline of the first publication detail when the
// details are set as close as they may be (the committee may come down to
// a line above it).
func (bs *bookSetter) detailsTop(size, sy float64) float64 {
	last := bs.in.Style.PageHeight - 41*MM*sy
	n := len(bs.detailLines())
	return last - float64(max(0, n-1))*1.5*size
}

// detailLines are the publication details given, label and value.
func (bs *bookSetter) detailLines() [][2]string {
	g, is := &bs.in.Issue.Gazette, bs.in.Issue
	copies := ""
	if is.Copies > 0 {
		copies = fmt.Sprintf("%d册", is.Copies)
	}
	var lines [][2]string
	for _, d := range [][2]string{
		{"主管主办", g.Sponsor}, {"编辑出版", g.Publisher}, {"地址", g.Address}, {"邮编", g.Postcode},
		{"网站", g.Website}, {"联系电话", g.Telephone}, {"投稿邮箱", g.Email}, {"印刷单位", g.Printer},
		{"出版日期", dateText(is.Date)}, {"印数", copies}, {"准印证号", g.Permit},
	} {
		if d[1] != "" {
			lines = append(lines, d)
		}
	}
	return lines
}

// spread sets text evenly across n characters (均排, https://www.w3.org/TR/clreq/#ways_of_alignments), as the
// labels and two-character names of a masthead are set.
func (bs *bookSetter) spread(text string, n int, size float64, role fonts.Role) []Run {
	rs := []rune(text)
	w := float64(n) * size
	l := bs.single(text, role, size)
	if len(rs) < 2 || len(rs) >= n {
		return packRuns(l.Glyphs, 0, 0, bs.in.Metrics)
	}
	gap := (w - l.Right) / float64(len(rs)-1)
	for i := range l.Glyphs {
		l.Glyphs[i].X += float64(i) * gap
	}
	runs := packRuns(l.Glyphs, 0, 0, bs.in.Metrics)
	e := spreadElem(text)
	for i := range runs {
		runs[i].Elem = e
	}
	return runs
}

// putUnder makes the runs of a word (a label, a name) one Span under
// parent: a spread word's own Span, else a new one.
func putUnder(runs []Run, parent *Elem) {
	word := newElem("Span", parent)
	for i := range runs {
		switch e := runs[i].Elem; {
		case e == nil:
			runs[i].Elem = word
		case e.Parent == nil:
			e.Parent = parent
		}
	}
}

func shiftRuns(runs []Run, x, y float64) []Run {
	out := make([]Run, len(runs))
	for i, r := range runs {
		r.X += x
		r.Y += y
		out[i] = r
	}
	return out
}

// roman is the lower-case roman numeral of n (front-matter page labels).
func roman(n int) string {
	vals := []int{10, 9, 5, 4, 1}
	syms := []string{"x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
