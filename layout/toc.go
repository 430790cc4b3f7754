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
	n := len(p.Runs)
	bs.centred(p, "目　　录", fonts.Hei, 22*k, st.Top+24*k, Color{})
	p.tagRuns(n, headingElem("目录"))
	if is.Gazette.Statement != "" {
		bs.centred(p, "● "+is.Gazette.Statement, fonts.Kai, 12*k, st.Top+46*k, Color{})
	}
	tw := &tocWriter{bs: bs, tt: tt, pages: pages, p: p, y: st.Top + 84*k, toc: newElem("TOC", nil),
		left: st.Left(true), w: st.TextWidth(), bottom: st.Top + st.TextHeight() - 2*tt.pitch, nextTop: st.Top + 20*k,
		nextBottom: st.Top + st.TextHeight()}
	lastSec := ""
	entries := tocEntries(plans, secNames)
	leaderEnd := tw.left + tw.w - bs.widestFolio(entries, tt) - tt.size/4
	for _, e := range entries {
		var head []Line
		if e.Section != lastSec {
			lastSec = e.Section
			head = bs.breakLines(&Paragraph{Spans: []Span{{Text: e.Section, Role: fonts.Hei, Size: tt.head}}, Width: tw.w, Align: AlignLeft, KeepWords: true})
		}
		rows := bs.tocRows(e, tt, tw.left, leaderEnd)
		// the entry's real height, with its section's name when it opens
		// one: it goes to the next page when it does not fit, unless the
		// page has no entry yet (an entry taller than a page runs on)
		need := float64(len(head)+len(rows)-1) * tt.pitch
		if len(head) > 0 {
			need += 0.2 * tt.pitch
		}
		if tw.y+need > tw.bottom && !tw.fresh {
			tw.newPage()
		}
		secItem := newElem("TOCI", tw.toc) // the section's name: an item without a link
		for i := range head {
			n := len(tw.p.Runs)
			tw.p.addLine(&head[i], tw.left, tw.y, bs.in.Metrics)
			tw.p.tagRuns(n, secItem)
			tw.y += tt.pitch
		}
		if len(head) > 0 {
			tw.y += 0.2 * tt.pitch
		}
		tw.entry(e, rows)
	}
	bs.mottos(tw.pages[0], k)
	return tw.pages
}

// tocWriter places the 目录's lines down its pages.
type tocWriter struct {
	bs      *bookSetter
	tt      tocType
	pages   []*Page
	p       *Page
	y       float64 // the next baseline
	left, w float64 // the measure
	bottom  float64 // the last baseline the page takes (the first keeps room for the mottos)
	nextTop float64 // the first baseline of a continuation page
	// nextBottom is a continuation page's last baseline
	nextBottom float64
	fresh      bool  // the page holds no entry yet
	toc        *Elem // the 目录's structure element (tags.go): a TOCI per entry
}

func (tw *tocWriter) newPage() {
	tw.p = &Page{}
	tw.pages = append(tw.pages, tw.p)
	tw.y, tw.bottom, tw.fresh = tw.nextTop, tw.nextBottom, true
}

// tocRow is a line of a 目录 entry: a line of its title or its 发文字号.
type tocRow struct {
	line Line
	x    float64
}

// tocRows composes an entry: the title on aligned lines wrapped short of
// leaderEnd (the column kept for the widest page number), then the 发文字号
// in parentheses on a line of its own.
func (bs *bookSetter) tocRows(e TOCEntry, tt tocType, left, leaderEnd float64) []tocRow {
	indent := 2 * tt.size
	para := &Paragraph{Spans: []Span{{Text: e.Title, Role: fonts.Fang, Size: tt.size}}, Width: leaderEnd - left - indent - 2*tt.size, Align: Justify, KeepWords: true}
	var rows []tocRow
	for _, l := range bs.breakLines(para) {
		rows = append(rows, tocRow{line: l, x: left + indent})
	}
	if e.DocNumber != "" {
		dn := bs.single("（"+e.DocNumber+"）", fonts.Kai, tt.size)
		rows = append(rows, tocRow{line: dn, x: left + indent}) // its bracket is set flush (startCut)
	}
	return rows
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

// entry sets one entry's rows from the current baseline. The page number
// is set flush right on the last row, and the leader dots run up to a
// quarter em before it, whatever its width. An entry that reaches the
// bottom continues on a new page; each page's part of it links to the
// entry's page.
func (tw *tocWriter) entry(e TOCEntry, rows []tocRow) {
	bs, size := tw.bs, tw.tt.size
	num := bs.single(folioText(e.Folio), fonts.Fang, size)
	top := tw.y - size
	item := newElem("TOCI", tw.toc)
	link := func(lastBase float64) {
		tw.p.Links = append(tw.p.Links, Link{X: tw.left, Y: top, W: tw.w, H: lastBase - top + size*0.4, Target: e.Page, Elem: item})
	}
	for i := range rows {
		if i > 0 {
			if tw.y+tw.tt.pitch > tw.bottom+0.01 {
				link(tw.y)
				tw.newPage()
				top = tw.y - size
			} else {
				tw.y += tw.tt.pitch
			}
		}
		n := len(tw.p.Runs)
		tw.p.addLine(&rows[i].line, rows[i].x, tw.y, bs.in.Metrics)
		tw.p.tagRuns(n, item)
	}
	last := rows[len(rows)-1]
	numX := tw.left + tw.w - num.Right
	n := len(tw.p.Runs)
	bs.leader(tw.p, last.x+last.line.Right+size/2, numX-size/4, tw.y, size)
	tw.p.markArtifacts(n) // leader dots are decoration
	n = len(tw.p.Runs)
	tw.p.addLine(&num, numX, tw.y, bs.in.Metrics)
	tw.p.tagRuns(n, item)
	link(tw.y)
	tw.y += tw.tt.pitch * 1.3
	tw.fresh = false
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
