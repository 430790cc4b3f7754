package layout

import (
	"fmt"
	"strconv"

	"gazette/fonts"
	"gazette/internal/model"
)

// A 合订本 (bound volume) binds a year's issues as they were printed behind a
// volume cover and a 年度总目录 (docs/volume.md). The issues keep their own
// pages and folios; every page of them also carries its volume page number,
// small in the foot, since the 总目录 cites volume pages — one sequence
// that runs through the whole book, where the issues' folios start again
// at 1 in each issue.

// VolumeInput is what LayVolume needs: the issues laid out, in binding
// order, and the style and metrics they were laid out with.
type VolumeInput struct {
	Title   string // the volume's title: 昌江区人民政府公报2023年合订本
	Issues  []VolumeIssue
	Style   *Style // the issues' style (they share trim and preset)
	Metrics Metrics
	Kinsoku Kinsoku
	Punct   PunctStyle
	// GroupOf names the heading of the 总目录 a document is listed under;
	// nil lists every document under its section's title.
	GroupOf func(section string, d *model.Document) string
	// OrderNote says in a few words how the 总目录 is arranged ("按栏目编排").
	OrderNote string
	// ManifestPath and TitleLine place a character of the title no face
	// has at its line of volume.toml.
	ManifestPath string
	TitleLine    int
}

// VolumeIssue is one issue laid out on its own (Lay), padded as printed.
type VolumeIssue struct {
	Issue *model.Issue
	Book  *Book
}

// VolumeEntry is one entry of the 年度总目录.
type VolumeEntry struct {
	Group      string // section title, or kind of document
	Title      string
	DocNumber  string
	Issue      *model.Issue
	VolumePage int // the volume page number printed in the foot of the page the document starts on
	Page       int // index of that page in the volume's Book.Pages
}

// Volume is a laid-out 合订本.
type Volume struct {
	Book       *Book
	Entries    []VolumeEntry // in the 总目录's order
	FrontPages int           // the volume cover and the 总目录, padded to an even count
	IssueStart []int         // index in Book.Pages of each issue's first page
}

// The volume page number in the foot: 六号 (7.5 bp on A4) in a grey that
// reads as a reference, not as the folio (K 60 %: one ink, no registration
// to fail), its baseline volumeFootMM above the trim's foot — below the
// issue's own folio (GB/T 9704-2012 7.5 puts that 7 mm under the type area),
// well inside the trim.
const (
	volumeFootSize = 7.5
	volumeFootMM   = 10.0
	volumeFootGrey = 0.6
)

// volumeFootText is a page's volume number as printed in its foot.
func volumeFootText(n int) string { return "合订本 " + strconv.Itoa(n) }

// LayVolume binds the issues: the volume cover and its blank verso, the
// 年度总目录, then every issue's pages in order, each numbered in the volume
// from 1. The outline has a bookmark for the 总目录 and one per issue with
// the issue's own sections and documents under it.
func LayVolume(in VolumeInput) (*Volume, error) {
	if len(in.Issues) == 0 {
		return nil, fmt.Errorf("合订本中没有任何一期")
	}
	first := in.Issues[0].Issue
	lb := &LineBreaker{Metrics: in.Metrics, Kinsoku: in.Kinsoku, Punct: in.Punct}
	bs := &bookSetter{in: Input{Issue: first, Style: in.Style, Metrics: in.Metrics, Kinsoku: in.Kinsoku,
		Punct: in.Punct, ManifestPath: in.ManifestPath, ManifestLine: func(rune) int { return in.TitleLine }},
		lb: lb, book: &Book{Title: in.Title, Width: in.Style.PageWidth, Height: in.Style.PageHeight}}

	var body []*Page
	var outline []Bookmark
	var entries []VolumeEntry
	starts := make([]int, len(in.Issues))
	oneYear := sameYear(in.Issues)
	for i, vi := range in.Issues {
		offset := len(body)
		starts[i] = offset
		for _, p := range vi.Book.Pages {
			body = append(body, bs.volumePage(p, offset, len(body)+1))
		}
		outline = append(outline, Bookmark{Title: issueName(vi.Issue, true), Page: offset})
		section := ""
		for _, bm := range vi.Book.Outline {
			bm.Level++
			bm.Page += offset
			outline = append(outline, bm)
			if bm.Doc == nil {
				section = bm.Title
				continue
			}
			group := section
			if in.GroupOf != nil {
				group = in.GroupOf(section, bm.Doc)
			}
			entries = append(entries, VolumeEntry{Group: group, Title: bm.Title, DocNumber: bm.Doc.DocNumber(),
				Issue: vi.Issue, VolumePage: bm.Page + 1, Page: bm.Page})
		}
	}
	entries = groupEntries(entries)

	cover := &Page{}
	bs.volumeCover(cover, in)
	front := []*Page{cover, {}}
	contents := bs.volumeContents(in, entries, oneYear)
	front = append(front, contents...)
	if len(front)%2 == 1 {
		front = append(front, &Page{})
	}
	for i, p := range front {
		p.Label = roman(i + 1)
		p.Recto = i%2 == 0
		for j := range p.Links {
			p.Links[j].Target += len(front)
		}
	}
	bs.probs = append(bs.probs, bs.missingProblems()...)
	if err := bs.probs.Err(); err != nil {
		return nil, err
	}
	b := bs.book
	b.Pages = append(front, body...)
	b.Outline = append([]Bookmark{{Title: "年度总目录", Page: 2}}, outline...)
	for i := 1; i < len(b.Outline); i++ {
		b.Outline[i].Page += len(front)
	}
	for i := range entries {
		entries[i].Page += len(front)
	}
	for i := range starts {
		starts[i] += len(front)
	}
	return &Volume{Book: b, Entries: entries, FrontPages: len(front), IssueStart: starts}, nil
}

// volumePage copies an issue's page into the volume: its links point into
// the volume, and, unless it is a blank page of the binding, it carries its
// volume page number n in the foot. The issue's page is left as it was.
func (bs *bookSetter) volumePage(p *Page, offset, n int) *Page {
	q := *p
	q.Label = strconv.Itoa(n)
	q.Links = make([]Link, len(p.Links))
	for i, l := range p.Links {
		l.Target += offset
		q.Links[i] = l
	}
	if p.Blank {
		return &q
	}
	q.Runs = append(make([]Run, 0, len(p.Runs)+1), p.Runs...)
	st := bs.in.Style
	_, k := st.a4Scale()
	l := bs.single(volumeFootText(n), fonts.Song, volumeFootSize*k)
	q.addColoredLine(&l, (st.PageWidth-l.Right)/2, st.PageHeight-volumeFootMM*MM*k, bs.in.Metrics,
		CMYK(0, 0, 0, volumeFootGrey))
	return &q
}

// groupEntries orders the entries by group, the groups in the order they
// first appear in the volume and each group's entries in volume order.
func groupEntries(entries []VolumeEntry) []VolumeEntry {
	var order []string
	byGroup := map[string][]VolumeEntry{}
	for _, e := range entries {
		if _, ok := byGroup[e.Group]; !ok {
			order = append(order, e.Group)
		}
		byGroup[e.Group] = append(byGroup[e.Group], e)
	}
	out := make([]VolumeEntry, 0, len(entries))
	for _, g := range order {
		out = append(out, byGroup[g]...)
	}
	return out
}

// sameYear reports whether every issue is of one year.
func sameYear(issues []VolumeIssue) bool {
	for _, vi := range issues {
		if vi.Issue.Year != issues[0].Issue.Year {
			return false
		}
	}
	return true
}

// issueName is "2023年第4期", with "（总第17期）" when withSerial and the
// issue has a serial number.
func issueName(is *model.Issue, withSerial bool) string {
	s := fmt.Sprintf("%d年第%d期", is.Year, is.Number)
	if withSerial && is.Serial > 0 {
		s += fmt.Sprintf("（总第%d期）", is.Serial)
	}
	return s
}

// volumeCover: the gazette's name in red as on an issue's cover, its
// English name and the double rule, then the volume's title, the year (or
// years), which issues it binds, and the sponsor and publisher (from the
// first issue). Places are those of the A4 design, scaled to the trim.
func (bs *bookSetter) volumeCover(p *Page, in VolumeInput) {
	st := bs.in.Style
	issues := in.Issues
	first, last := issues[0].Issue, issues[len(issues)-1].Issue
	g := &first.Gazette
	sy, k := st.a4Scale()
	at := func(mm float64) float64 { return mm * MM * sy }
	bs.coverName(p, g.Name, k, at(100))
	bs.centred(p, g.EnglishName, fonts.Latin, 12*k, at(112), Color{})
	left, right := st.Inner, st.PageWidth-st.Outer
	p.Rules = append(p.Rules,
		Rule{X1: left, Y1: at(124), X2: right, Y2: at(124), Width: 2, Color: Red},
		Rule{X1: left, Y1: at(125.5), X2: right, Y2: at(125.5), Width: 0.6, Color: Red})
	bs.centred(p, in.Title, fonts.Hei, 26*k, at(150), Color{})
	years := strconv.Itoa(first.Year)
	if last.Year != first.Year {
		years += "—" + strconv.Itoa(last.Year)
	}
	bs.centred(p, years, fonts.Latin, 36*k, at(178), Color{})
	bs.centred(p, boundIssues(issues), fonts.Song, 18*k, at(195), Color{})
	y := at(255)
	if g.Sponsor != "" {
		bs.centred(p, g.Sponsor+"　主管主办", fonts.Song, 16*k, y, Color{})
		y += 24 * k
	}
	if g.Publisher != "" {
		bs.centred(p, g.Publisher+"　编辑出版", fonts.Song, 16*k, y, Color{})
	}
}

// boundIssues says which issues the volume binds: "第1—6期（总第14—19期）"
// for a run of one year, else "共60期（总第1—60期）".
func boundIssues(issues []VolumeIssue) string {
	first, last := issues[0].Issue, issues[len(issues)-1].Issue
	s := fmt.Sprintf("共%d期", len(issues))
	if sameYear(issues) {
		s = fmt.Sprintf("第%d期", first.Number)
		if last.Number != first.Number {
			s = fmt.Sprintf("第%d—%d期", first.Number, last.Number)
		}
	}
	if first.Serial > 0 && last.Serial >= first.Serial {
		if last.Serial > first.Serial {
			s += fmt.Sprintf("（总第%d—%d期）", first.Serial, last.Serial)
		} else {
			s += fmt.Sprintf("（总第%d期）", first.Serial)
		}
	}
	return s
}

// volumeTOCType is the 总目录's type: a year's documents take many pages,
// so it is set a size smaller than an issue's 目录 — 小四 (12 bp on A4)
// entries, 四号 group heads, a 20 bp pitch.
func volumeTOCType(st *Style) tocType {
	_, k := st.a4Scale()
	return tocType{size: 12 * k, head: 14 * k, pitch: 20 * k, k: k}
}

// volumeContents sets the 年度总目录 as the issue's 目录 is set (GB/T
// 13417-2009 目次 practice: entries on aligned lines, leader dots, the page
// flush right), with each entry's issue after its 发文字号 and the volume
// page — the number in the foot — as its page. It runs on over as many pages
// as it needs; the links point at body pages, moved past the front matter
// by the caller.
func (bs *bookSetter) volumeContents(in VolumeInput, entries []VolumeEntry, oneYear bool) []*Page {
	st := bs.in.Style
	tt := volumeTOCType(st)
	k := tt.k
	p := &Page{}
	bs.centred(p, in.Issues[0].Issue.Gazette.Name, fonts.Title, 22*k, st.Top-40*k, Red)
	bs.centred(p, in.Title, fonts.Song, 12*k, st.Top-18*k, Color{})
	bs.centred(p, "年 度 总 目 录", fonts.Hei, 22*k, st.Top+24*k, Color{})
	note := "页码为合订本页码（每页下方正中的小号数字）"
	if in.OrderNote != "" {
		note = in.OrderNote + "；" + note
	}
	bs.centred(p, note, fonts.Kai, 10.5*k, st.Top+46*k, Color{})
	tw := &tocWriter{bs: bs, tt: tt, pages: []*Page{p}, p: p, y: st.Top + 76*k,
		left: st.Left(true), w: st.TextWidth(), bottom: st.Top + st.TextHeight(), nextTop: st.Top + 20*k,
		nextBottom: st.Top + st.TextHeight()}
	widest := 0.0
	if n := len(entries); n > 0 {
		widest = bs.single(folioText(maxVolumePage(entries)), fonts.Fang, tt.size).Right
	}
	leaderEnd := tw.left + tw.w - widest - tt.size/4
	lastGroup := ""
	for i, e := range entries {
		var head []Line
		if i == 0 || e.Group != lastGroup {
			lastGroup = e.Group
			if e.Group != "" {
				head = bs.breakLines(&Paragraph{Spans: []Span{{Text: e.Group, Role: fonts.Hei, Size: tt.head}},
					Width: tw.w, Align: AlignLeft, KeepWords: true})
			}
		}
		rows := bs.volumeRows(e, tt, tw.left, leaderEnd, oneYear)
		need := float64(len(head)+len(rows)-1) * tt.pitch
		if len(head) > 0 {
			need += 0.2 * tt.pitch
		}
		if tw.y+need > tw.bottom && !tw.fresh {
			tw.newPage()
		}
		for j := range head {
			tw.p.addLine(&head[j], tw.left, tw.y, bs.in.Metrics)
			tw.y += tt.pitch
		}
		if len(head) > 0 {
			tw.y += 0.2 * tt.pitch
		}
		tw.entry(TOCEntry{Title: e.Title, DocNumber: e.DocNumber, Folio: e.VolumePage, Page: e.Page}, rows)
	}
	// a 总目录 of many pages says on each page after the first what it is
	for _, p := range tw.pages[1:] {
		bs.centred(p, "年度总目录（续）", fonts.Hei, 12*k, st.Top-16*k, Color{})
	}
	return tw.pages
}

func maxVolumePage(entries []VolumeEntry) int {
	n := 0
	for _, e := range entries {
		n = max(n, e.VolumePage)
	}
	return n
}

// volumeRows composes a 总目录 entry: the title on aligned lines in 仿宋,
// then, in 楷体, its 发文字号 in parentheses and the issue it was published
// in ("第4期", with the year when the volume spans years).
func (bs *bookSetter) volumeRows(e VolumeEntry, tt tocType, left, leaderEnd float64, oneYear bool) []tocRow {
	indent := 2 * tt.size
	para := &Paragraph{Spans: []Span{{Text: e.Title, Role: fonts.Fang, Size: tt.size}},
		Width: leaderEnd - left - indent - 2*tt.size, Align: Justify, KeepWords: true}
	var rows []tocRow
	for _, l := range bs.breakLines(para) {
		rows = append(rows, tocRow{line: l, x: left + indent})
	}
	issue := fmt.Sprintf("第%d期", e.Issue.Number)
	if !oneYear {
		issue = issueName(e.Issue, false)
	}
	ref := issue
	if e.DocNumber != "" {
		ref = "（" + e.DocNumber + "）　" + issue
	}
	rows = append(rows, tocRow{line: bs.single(ref, fonts.Kai, tt.size), x: left + indent})
	return rows
}
