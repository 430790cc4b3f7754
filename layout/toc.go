package layout

import (
	"fmt"

	"gazette/fonts"
)

// TOCEntry is one item of the 目录: a document's title, its 发文字号 and the
// body page it starts on.
type TOCEntry struct {
	Section   string
	Title     string
	DocNumber string
	Folio     int // printed page number
	Page      int // index of that page among the body pages
}

// TOCEntries lists the 目录 entries of a laid-out body, in order.
func tocEntries(plans []*docPlan, sections []string) []TOCEntry {
	out := make([]TOCEntry, 0, len(plans))
	for _, pl := range plans {
		out = append(out, TOCEntry{Section: sections[pl.section], Title: flatTitle(pl.doc.Title()),
			DocNumber: pl.doc.DocNumber(), Folio: pl.anchor.page + 1, Page: pl.anchor.page})
	}
	return out
}

// tocStyle holds the 目录's sizes.
// tocType holds the 目录's sizes: on A4, 四号 (14 bp) entries, 三号 section
// lines and a 26 bp pitch; on a smaller trim, all scaled with the type
// (Style.a4Scale), so the 目录 keeps its proportions and its page.
type tocType struct {
	size, head, pitch, k float64
}

func tocTypeFor(st *Style) tocType {
	_, k := st.a4Scale()
	return tocType{size: 14 * k, head: 16 * k, pitch: 26 * k, k: k}
}

// contents sets the 目录 (GB/T 13417-2009 目次 practice): the gazette's name,
// issue and date, "目　录", the statement, then per section its name in 黑体
// and its entries — title on aligned lines, the 发文字号 in parentheses on the
// next, leader dots, the start page right-aligned, each entry a link to its
// page — and the mottos at the foot. It runs on to more pages if it must.
func (bs *bookSetter) contents(plans []*docPlan) []*Page {
	st := bs.in.Style
	is := bs.in.Issue
	var secNames []string
	for _, s := range is.Sections {
		secNames = append(secNames, s.Title)
	}
	tt := tocTypeFor(st)
	k := tt.k
	p := &Page{Recto: true}
	pages := []*Page{p}
	bs.centred(p, is.Gazette.Name, fonts.Title, 22*k, st.Top-40*k, Red)
	info := fmt.Sprintf("%d年第%d期", is.Year, is.Number)
	if is.Serial > 0 {
		info += fmt.Sprintf("（总第%d期）", is.Serial)
	}
	if is.Gazette.Frequency != "" {
		info += "　" + is.Gazette.Frequency
	}
	bs.centred(p, info+"　"+dateText(is.Date)+"出版", fonts.Song, 12*k, st.Top-18*k, Color{})
	bs.centred(p, "目　　录", fonts.Hei, 22*k, st.Top+24*k, Color{})
	if is.Gazette.Statement != "" {
		bs.centred(p, "● "+is.Gazette.Statement, fonts.Kai, 12*k, st.Top+46*k, Color{})
	}
	left := st.Left(true)
	w := st.TextWidth()
	y := st.Top + 84*k
	bottom := st.Top + st.TextHeight() - 2*tt.pitch
	lastSec := ""
	entries := tocEntries(plans, secNames)
	leaderEnd := left + w - bs.widestFolio(entries, tt) - tt.size/4
	for _, e := range entries {
		need := 3 * tt.pitch
		if y+need > bottom {
			p = &Page{}
			pages = append(pages, p)
			y = st.Top + 20*k
		}
		if e.Section != lastSec {
			lastSec = e.Section
			l := bs.single(e.Section, fonts.Hei, tt.head)
			p.addLine(&l, left, y, bs.in.Metrics)
			y += tt.pitch * 1.2
		}
		y = bs.tocEntry(p, e, tt, left, w, leaderEnd, y)
	}
	bs.mottos(pages[0], k)
	return pages
}

// folioText is a 目录 entry's page number as printed.
func folioText(n int) string { return fmt.Sprintf("（%d）", n) }

// widestFolio is the width of the widest page number of the entries.
func (bs *bookSetter) widestFolio(entries []TOCEntry, tt tocType) float64 {
	w := 0.0
	for _, e := range entries {
		l := bs.single(folioText(e.Folio), fonts.Fang, tt.size)
		w = max(w, l.Right)
	}
	return w
}

// tocEntry sets one entry from baseline y and returns the next baseline. The
// title wraps short of leaderEnd, the column kept for the widest page number;
// the page number is set flush right, and the leader dots run up to a
// quarter em before it, whatever its width.
func (bs *bookSetter) tocEntry(p *Page, e TOCEntry, tt tocType, left, w, leaderEnd, y float64) float64 {
	tocSize, tocPitch := tt.size, tt.pitch
	indent := 2 * tocSize
	num := bs.single(folioText(e.Folio), fonts.Fang, tocSize)
	numW := num.Right
	para := &Paragraph{Spans: []Span{{Text: e.Title, Role: fonts.Fang, Size: tocSize}}, Width: leaderEnd - left - indent - 2*tocSize, Align: Justify, KeepWords: true}
	lines := bs.breakLines(para)
	top := y - tocSize
	for i := range lines {
		p.addLine(&lines[i], left+indent, y, bs.in.Metrics)
		if i < len(lines)-1 {
			y += tocPitch
		}
	}
	lastEnd := left + indent + lines[len(lines)-1].Right
	if e.DocNumber != "" {
		y += tocPitch
		dn := bs.single("（"+e.DocNumber+"）", fonts.Kai, tocSize)
		p.addLine(&dn, left+indent, y, bs.in.Metrics) // its bracket is set flush (startCut)
		lastEnd = left + indent + dn.Right
	}
	numX := left + w - numW
	bs.leader(p, lastEnd+tocSize/2, numX-tocSize/4, y, tocSize)
	p.addLine(&num, numX, y, bs.in.Metrics)
	p.Links = append(p.Links, Link{X: left, Y: top, W: w, H: y - top + tocSize*0.4, Target: e.Page})
	return y + tocPitch*1.3
}

// leaderDot is the mark of the 目录's leaders and leaderPitch their spacing
// in em: middle dots a third of an em apart read as one even dotted line
// (GB/T 13417-2009 "细点线"). The CJK ellipsis is no good here: most faces
// draw its three dots in the middle of the em, so a row of them prints as
// groups of three.
const (
	leaderDot   = '·'
	leaderPitch = 1.0 / 3
)

// leader fills from x0 to x1 with dots, the last one ending flush at x1.
func (bs *bookSetter) leader(p *Page, x0, x1, y, tocSize float64) {
	adv, ok := bs.in.Metrics.Advance(fonts.Fang, leaderDot)
	step := leaderPitch * tocSize
	n := int((x1 - x0) / step)
	if !ok || n <= 0 {
		return
	}
	// a middle dot sits in the middle of its em: the row ends half an em
	// past its last dot's centre, so shift it to end at x1.
	l := Line{Glyphs: make([]Glyph, n)}
	for i := range l.Glyphs {
		l.Glyphs[i] = Glyph{X: float64(i) * step, R: leaderDot, Role: fonts.Fang, Size: tocSize}
	}
	last := float64(n-1)*step + adv*tocSize/2 + step/2
	p.addLine(&l, x1-last, y, bs.in.Metrics)
}

// mottos sets the gazette's mottos at the foot of the 目录 in 楷体.
func (bs *bookSetter) mottos(p *Page, k float64) {
	st := bs.in.Style
	y := st.Top + st.TextHeight() + 10*k
	for _, m := range bs.in.Issue.Gazette.Mottos {
		bs.centred(p, m, fonts.Kai, 16*k, y, Color{})
		y += 26 * k
	}
}
