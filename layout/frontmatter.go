package layout

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/model"
)

// frontMatter sets the cover, the masthead (编辑委员会) on the inside cover,
// the 目录 and, when needed, a blank verso so that body page 1 is a recto.
// Everything printed here comes from the manifest, once.
func (bs *bookSetter) frontMatter(plans []*docPlan) []*Page {
	cover := &Page{Label: "i", Recto: true}
	bs.cover(cover)
	mast := &Page{Label: "ii"}
	bs.masthead(mast)
	pages := []*Page{cover, mast}
	pages = append(pages, bs.contents(plans)...)
	for len(pages)%2 == 1 {
		pages = append(pages, &Page{Recto: false})
	}
	for i, p := range pages {
		p.Label = roman(i + 1)
		p.Recto = i%2 == 0
	}
	return pages
}

// centred places a line centred on the page at baseline y.
func (bs *bookSetter) centred(p *Page, text string, role fonts.Role, size, y float64, c Color) {
	for _, part := range strings.Split(text, "\n") {
		l := bs.single(strings.TrimSpace(part), role, size)
		p.addColoredLine(&l, (bs.in.Style.PageWidth-l.Right)/2, y, bs.in.Metrics, c)
		y += size * 1.4
	}
}

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
		bs.emblem(p, g.Emblem, 40*MM*k, at(30))
	}
	bs.centred(p, g.Name, fonts.Title, 46*k, at(100), Red)
	bs.centred(p, g.EnglishName, fonts.Latin, 12*k, at(112), Color{})
	left, right := st.Inner, st.PageWidth-st.Outer
	p.Rules = append(p.Rules,
		Rule{X1: left, Y1: at(124), X2: right, Y2: at(124), Width: 2, Color: Red},
		Rule{X1: left, Y1: at(125.5), X2: right, Y2: at(125.5), Width: 0.6, Color: Red})
	bs.centred(p, fmt.Sprint(is.Year), fonts.Latin, 36*k, at(175), Color{})
	bs.centred(p, issueLine(is), fonts.Song, 20*k, at(192), Color{})
	if g.Sponsor != "" {
		bs.centred(p, g.Sponsor+"主管主办", fonts.Song, 18*k, at(262), Color{})
	}
	if g.Permit != "" { // 《内部资料性出版物管理规定》第十四条: both on the cover
		bs.centred(p, "准印证号："+g.Permit, fonts.Song, 12*k, at(274), Color{})
		bs.centred(p, "内部资料　免费交流", fonts.Song, 12*k, at(281), Color{})
	}
}

// emblem places the cover's emblem centred in a box side wide whose top is
// at y, keeping the picture's proportions (a 国徽 must never print
// stretched), and warns when it would print below 300 ppi.
func (bs *bookSetter) emblem(p *Page, path string, side, y float64) {
	pw, ph, err := readPicture(path)
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

// masthead: the 编辑委员会 with each role's names in columns, then the
// publication details; sizes and places scaled from A4 like the cover's.
func (bs *bookSetter) masthead(p *Page) {
	st := bs.in.Style
	g := &bs.in.Issue.Gazette
	sy, k := st.a4Scale()
	bs.centred(p, "编 辑 委 员 会", fonts.Hei, 20*k, st.Top+10*k, Color{})
	size := 14 * k
	x := st.Outer + 3*size
	y := st.Top + 50*k
	for _, cr := range g.Committee {
		label := bs.spread(cr.Role, 4, size, fonts.Hei)
		for i := 0; i < len(cr.Names) || i == 0; i += 2 {
			if i == 0 {
				p.Runs = append(p.Runs, shiftRuns(label, x, y)...)
				colon := bs.single("：", fonts.Fang, size)
				p.addLine(&colon, x+4*size, y, bs.in.Metrics)
			}
			for j := i; j < i+2 && j < len(cr.Names); j++ {
				name := bs.spread(cr.Names[j], 3, size, fonts.Fang)
				p.Runs = append(p.Runs, shiftRuns(name, x+5*size+float64(j-i)*5*size, y)...)
			}
			y += size * 2
		}
	}
	bs.details(p, x, y, size, sy)
}

// details sets the publication details at the foot of the masthead, from
// the bottom up, so that the optional lines of a 内部资料 (印刷单位, 印数,
// 准印证号) fit: the lines close up where they would run into the
// committee above.
func (bs *bookSetter) details(p *Page, x, committeeEnd, size, sy float64) {
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
