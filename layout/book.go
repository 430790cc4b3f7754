package layout

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/model"
)

// Input is what layout needs: the issue with its documents, the style and
// the metrics of the faces the renderer will embed.
type Input struct {
	Issue   *model.Issue
	Style   *Style
	Metrics Metrics
	Kinsoku Kinsoku
	Punct   PunctStyle
	// ManifestPath and EmblemLine place problems with what issue.toml
	// gives the front matter (the emblem, characters no font has).
	ManifestPath string
	EmblemLine   int
	// ManifestLine, if set, finds the line of issue.toml where a character
	// first appears.
	ManifestLine func(r rune) int
}

// docPlan is one document's place in the book.
type docPlan struct {
	section int
	doc     *model.Document
	anchor  *anchor
	items   []item
}

// Lay sets the whole issue: the body first (its folios do not depend on the
// front matter, which always ends on a verso so that body page 1 is a recto),
// then the front matter with the 目录 pointing at the body pages found.
func Lay(in Input) (*Book, error) {
	lb := &LineBreaker{Metrics: in.Metrics, Kinsoku: in.Kinsoku, Punct: in.Punct}
	var probs diag.List
	var missing []missingChar
	var plans []*docPlan
	var body [][]placed
	var forced []forcedBreak
	var warns []string
	// the cover and the masthead come from the manifest alone: they are
	// set by the first worker of composeAll with no document left, by bs,
	// which is Lay's again once composeAll is done (their warnings are
	// kept apart till then)
	bs := &bookSetter{in: in, lb: lb, book: &Book{}}
	var head []*Page
	composed := composeAll(in, lb, func() { head = bs.opening() })
	for _, cd := range composed {
		probs = append(probs, cd.probs...)
		missing = append(missing, cd.missing...)
		c := cd.c
		warns = append(warns, c.warns...)
		if len(c.items) == 0 {
			continue
		}
		a := &anchor{}
		c.items[0].newPage = true
		c.items[firstShown(c.items)].anchor = a
		plans = append(plans, &docPlan{section: cd.section, doc: c.doc, anchor: a, items: c.items})
		// each document starts a page, so the body's pages are the
		// documents' own, one after the other
		for _, f := range c.forced {
			f.page += len(body)
			forced = append(forced, f)
		}
		body = append(body, c.pages...)
	}
	probs = append(missingProblems(missing), probs...)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	for i, page := range body {
		for _, pl := range page {
			if pl.item.anchor != nil {
				pl.item.anchor.page = i // body-relative until the front matter is known
			}
		}
	}
	b := &Book{Title: bookTitle(in.Issue), Width: in.Style.PageWidth, Height: in.Style.PageHeight,
		Warnings: append(append(warns, forcedWarnings(forced)...), bs.book.Warnings...)}
	bs.book = b
	// the body's pages are drawn while the 目录 is set
	var pages []*Page
	var folios []folioSet
	drawn := make(chan struct{})
	go func() {
		pages, folios = bs.drawBody(body)
		close(drawn)
	}()
	front := bs.frontMatter(head, plans)
	<-drawn
	bs.bodyPages(pages, folios, body, plans, len(front))
	bs.probs = append(bs.probs, bs.missingProblems()...)
	if err := bs.probs.Err(); err != nil {
		return nil, err
	}
	for _, p := range front {
		for i := range p.Links {
			p.Links[i].Target += len(front)
		}
	}
	b.Pages = append(front, b.Pages...)
	return b, nil
}

// composedDoc is one document set by composeAll, with what it found wrong.
type composedDoc struct {
	section int
	c       *composer
	probs   diag.List
	missing []missingChar
}

// composeAll sets every document of the issue, several at a time: a
// document's setting depends on nothing outside it (each has its own
// composer, problems and memo; the breaker and the fonts are read-only or
// guard their caches), so the results, kept in the issue's order, are the
// same whatever the scheduling, and so is the PDF. The workers that find
// no document left run the tasks of after, each once, then help the
// documents still being set; all are done when composeAll returns.
func composeAll(in Input, lb *LineBreaker, after ...func()) []composedDoc {
	var out []composedDoc
	for si := range in.Issue.Sections {
		for _, d := range in.Issue.Sections[si].Documents {
			out = append(out, composedDoc{section: si, c: &composer{doc: d}})
		}
	}
	work := make(chan int)
	extra := make(chan func(), len(after))
	for _, task := range after {
		extra <- task
	}
	close(extra)
	help := make(helpers)
	var wg, docs sync.WaitGroup
	docs.Add(len(out))
	for range runtime.GOMAXPROCS(0) { // more workers than documents help those there are
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				cd := &out[i]
				cd.c = composeDoc(in.Style, lb, cd.c.doc, &cd.probs, &cd.missing, help)
				docs.Done()
			}
			for task := range extra {
				task()
			}
			for task := range help { // no document left: help those still being set
				task()
			}
		}()
	}
	for _, i := range longestFirst(out) {
		work <- i
	}
	close(work)
	docs.Wait() // no document asks for help any more
	close(help)
	wg.Wait()
	return out
}

// longestFirst orders the documents for composeAll by how much text they
// hold, the longest first, so that a long document does not start last and
// leave the other cores idle while it is set.
func longestFirst(docs []composedDoc) []int {
	size := make([]int, len(docs))
	order := make([]int, len(docs))
	for i, cd := range docs {
		order[i] = i
		for _, b := range cd.c.doc.Blocks {
			size[i] += len(b.Text)
			if b.Table != nil {
				for _, c := range b.Table.Cells {
					size[i] += len(c.Text)
				}
			}
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return size[b] - size[a] })
	return order
}

// composeDocument lays out one document's vertical list. When its last page
// would be filled to no more than a quarter, the document's last sections
// are set with tight punctuation (Paragraph.Tight), as few of them as save
// the page — found by bisection over the points where a numbered heading
// starts a section, since setting more sections tight never adds a page —
// and the rest keeps its full-width marks. A tight run so begins at a
// heading, and the headings themselves stay full-width, so that one
// section never mixes the two styles. If even a wholly tight setting saves
// nothing, the document is set as usual.
func composeDocument(st *Style, lb *LineBreaker, d *model.Document, probs *diag.List, missing *[]missingChar) *composer {
	return composeDoc(st, lb, d, probs, missing, nil)
}

// composeDoc is composeDocument, asking help's idle workers to break
// paragraphs ahead.
func composeDoc(st *Style, lb *LineBreaker, d *model.Document, probs *diag.List, missing *[]missingChar, help helpers) *composer {
	memo := breakMemo{} // the paragraphs each try sets as before are not broken again
	pics, tables := pictureCache{}, tableCache{}
	starts := sectionStarts(d) // tightLast values, fewest blocks first
	n := len(d.Blocks)
	firsts := make([]int, len(starts)) // the first tight block of each
	for i, s := range starts {
		firsts[i] = n - s
	}
	c := &composer{st: st, lb: lb, doc: d, probs: probs, missing: missing, memo: memo, pictures: pics, tables: tables,
		resume: resumeAt(n, firsts), help: help}
	c.compose()
	c.pages, c.forced = paginate(c.items, st)
	if !nearlyEmptyEnd(c.items, c.pages, st) {
		return c
	}
	try := func(last int) (*composer, bool) {
		t := &composer{st: st, lb: lb, doc: d, probs: &diag.List{}, tightLast: last, memo: memo, pictures: pics, tables: tables, help: help}
		if !t.composeAfter(c, n-last) { // up to its first tight block, as c
			t.compose()
		}
		t.pages, t.forced = paginate(t.items, st)
		return t, len(t.pages) < len(c.pages)
	}
	best, ok := try(starts[len(starts)-1])
	if !ok {
		return c
	}
	lo, hi := -1, len(starts)-1 // starts[hi] saves the page; starts[lo] (none at -1) does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if t, saves := try(starts[mid]); saves {
			best, hi = t, mid
		} else {
			lo = mid
		}
	}
	best.probs = probs
	return best
}

// sectionStarts lists, for each numbered heading of d from the last one
// back, how many blocks there are from it to the end, then the whole
// document's count.
func sectionStarts(d *model.Document) []int {
	n := len(d.Blocks)
	var out []int
	for i := n - 1; i > 0; i-- {
		if d.Blocks[i].Kind == model.Heading {
			out = append(out, n-i)
		}
	}
	return append(out, n)
}

// nearlyEmptyEnd reports a page filled to no more than a quarter that ends a
// run of text going on from the page before: the document's last page, or
// the last page before an 附件 or a forwarded plan starts a new page.
func nearlyEmptyEnd(items []item, pages [][]placed, st *Style) bool {
	asked := askedBreaks(items, pages)
	for i := 1; i < len(pages); i++ {
		ends := i == len(pages)-1 || asked[i+1]
		if ends && !asked[i] && pageFill(pages[i]) <= st.TextHeight()/4 {
			return true
		}
	}
	return false
}

// askedBreaks reports, for each page, whether it starts because the text
// asked for a new page (a newPage item just before its first item), rather
// than because the page before was full.
func askedBreaks(items []item, pages [][]placed) []bool {
	asked := make([]bool, len(pages))
	for i := 1; i < len(pages); i++ {
		k := pages[i][0].index
		if k >= 0 && items[k].newPage {
			asked[i] = true
		}
		for k--; k >= 0 && items[k].blank && !asked[i]; k-- {
			asked[i] = items[k].newPage
		}
	}
	return asked
}

// pageFill is how far down a page its content reaches: a table or a picture
// counts with its height, not as lines of text.
func pageFill(page []placed) float64 {
	fill := 0.0
	for _, pl := range page {
		if !pl.item.blank {
			fill = max(fill, pl.y+pl.item.height)
		}
	}
	return fill
}

// forcedWarnings tells the office where a page had to break against the
// rules (a title, a heading and its lines, or a signature block taller than
// what was left of the page, or than a page).
func forcedWarnings(forced []forcedBreak) []string {
	var out []string
	for _, f := range forced {
		if f.tall {
			out = append(out, (&diag.Problem{File: f.at.file, Line: f.at.srcLine,
				Msg:  fmt.Sprintf("正文第%d页上的这一部分比一页的版心还高，印出来会超出版心下边", f.page+1),
				Hint: "请把它拆成几部分（如把表格中跨很多行的合并格拆开）。"}).Error())
			continue
		}
		p := &diag.Problem{File: f.at.file, Line: f.at.srcLine,
			Msg:  fmt.Sprintf("正文第%d页排满后只能从连排的内容中间换页（标题、标题与其后正文、或署名与日期被分在两页）", f.page+1),
			Hint: "可删减或拆分这一部分，或在前文适当位置加【分页】。"}
		out = append(out, p.Error())
	}
	return out
}

// firstShown is the index of the first item that is not white space dropped
// at a page top, so that its page is where the document starts.
func firstShown(items []item) int {
	for i := range items {
		if !items[i].blank {
			return i
		}
	}
	return 0
}

func bookTitle(is *model.Issue) string {
	return fmt.Sprintf("%s %d年第%d期", is.Gazette.Name, is.Year, is.Number)
}

// bookSetter draws pages.
type bookSetter struct {
	in    Input
	lb    *LineBreaker
	book  *Book
	probs diag.List
	// missing lists, in order, the characters of the front matter, the
	// running heads and the outline no face has (they come from issue.toml)
	missing []rune
	seen    map[rune]bool
	// warnedHead marks the sections whose name the running head cut
	warnedHead map[*model.Section]bool
	// singles keeps the lines single set: every page's running head
	// repeats the gazette's name and its section's
	singles map[singleKey]Line
}

type singleKey struct {
	text string
	role fonts.Role
	size float64
}

// drawBody draws the paginated body, numbering from 1, and sets the
// folios' lines, a worker per core, each page by one worker into its own
// Page. It leaves bs as it is.
func (bs *bookSetter) drawBody(body [][]placed) ([]*Page, []folioSet) {
	pages := make([]*Page, len(body))
	folios := make([]folioSet, len(body))
	inParallel(len(body), func(i int) {
		folio := i + 1
		p := &Page{Folio: folio, Label: strconv.Itoa(folio), Recto: folio%2 == 1}
		bs.drawPlaced(p, body[i])
		pages[i] = p
		folios[i] = bs.folioLine(folio)
	})
	return pages, folios
}

// bodyPages finishes the body's pages drawBody drew, adding the running
// heads and folios, and makes the outline (section → document). The
// running heads, which set each section's name once and warn about it, and
// the characters no face has are taken in page order, so the book and its
// messages are the same whatever the scheduling.
func (bs *bookSetter) bodyPages(pages []*Page, folios []folioSet, body [][]placed, plans []*docPlan, offset int) {
	section := sectionOfPages(body, plans)
	heads := make([][2]Line, len(body))
	for i := range body {
		inner, outer := bs.headLines(pages[i], &bs.in.Issue.Sections[section[i]])
		heads[i] = [2]Line{inner, outer}
		bs.noteMissing(folios[i].missing)
	}
	inParallel(len(body), func(i int) {
		bs.runningHead(pages[i], &heads[i][0], &heads[i][1])
		bs.folio(pages[i], &folios[i].line)
	})
	bs.book.Pages = append(bs.book.Pages, pages...)
	lastSection := -1
	for _, pl := range plans {
		if pl.section != lastSection {
			lastSection = pl.section
			bs.book.Outline = append(bs.book.Outline, Bookmark{Title: bs.in.Issue.Sections[pl.section].Title, Level: 0, Page: offset + pl.anchor.page})
		}
		bs.book.Outline = append(bs.book.Outline, Bookmark{Title: flatTitle(pl.doc.Title()), Level: 1, Page: offset + pl.anchor.page, Doc: pl.doc})
	}
}

// drawPlaced draws the items paginated onto p.
func (bs *bookSetter) drawPlaced(p *Page, placedItems []placed) {
	st := bs.in.Style
	left := st.Left(p.Recto)
	for _, pl := range placedItems {
		it := pl.item
		y := st.Top + pl.y
		n := len(p.Runs)
		if it.line != nil {
			p.addLine(it.line, left+it.x, y+it.baseline, bs.in.Metrics)
			p.tagRuns(n, it.elem)
		}
		if it.draw != nil {
			it.draw(p, left+it.x, y)
		}
		if it.repeated {
			p.markArtifacts(n)
		}
	}
}

// inParallel calls do for each of 0…n-1, a worker per core; do must touch
// nothing another index touches.
func inParallel(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		}()
	}
	wg.Wait()
}

// sectionOfPages finds, for each body page, the section of the document that
// is on it (the last one to start on or before the page).
func sectionOfPages(body [][]placed, plans []*docPlan) []int {
	starts := map[*anchor]int{}
	for _, pl := range plans {
		starts[pl.anchor] = pl.section
	}
	out := make([]int, len(body))
	cur := 0
	for i, page := range body {
		for _, pl := range page {
			if s, ok := starts[pl.item.anchor]; ok && pl.item.anchor != nil {
				cur = s
				break
			}
		}
		out[i] = cur
	}
	return out
}

// runningHead places the gazette's name and issue on the inner side and the
// section on the outer side, above a thin rule (docs/house-design.md#running-heads). The
// section is named by its short_title when it has one; a name too long to
// stand a two-character gap from the inner text is set smaller, down to
// headLeast of the head size, and past that cut with an ellipsis — and the
// office is told to give the section a short_title.
func (bs *bookSetter) runningHead(p *Page, inner, outer *Line) {
	st := bs.in.Style
	left := st.Left(p.Recto)
	w := st.TextWidth()
	ruleY := st.Top - st.HeadRaise
	base := ruleY - 0.35*st.HeadSize
	defer p.markArtifacts(len(p.Runs))
	if p.Recto { // inner (binding) side is on the left of a recto
		p.addLine(inner, left, base, bs.in.Metrics)
		p.addLine(outer, left+w-outer.Right, base, bs.in.Metrics)
	} else {
		p.addLine(outer, left, base, bs.in.Metrics)
		p.addLine(inner, left+w-inner.Right, base, bs.in.Metrics)
	}
	p.Rules = append(p.Rules, Rule{X1: left, Y1: ruleY, X2: left + w, Y2: ruleY, Width: st.HeadRule})
}

// headLines sets the running head of a page of section sec: the gazette's
// name and issue, and the section's name in the room left beside it.
func (bs *bookSetter) headLines(p *Page, sec *model.Section) (inner, outer Line) {
	st := bs.in.Style
	is := bs.in.Issue
	inner = bs.single(fmt.Sprintf("%s　%d年第%d期", is.Gazette.Name, is.Year, is.Number), fonts.Song, st.HeadSize)
	outer = bs.headSection(sec, st.TextWidth()-inner.Right-2*st.HeadSize)
	return inner, outer
}

// headLeast is the smallest a running head's section name is set, as a
// fraction of the head size (六号 for a 五号 head).
const headLeast = 7.5 / 10.5

// headSection sets a section's name for the running head in at most room
// points, warning once per section when it had to be made smaller or cut.
func (bs *bookSetter) headSection(sec *model.Section, room float64) Line {
	st := bs.in.Style
	text := sec.Title
	if sec.ShortTitle != "" {
		text = sec.ShortTitle
	}
	l := bs.single(text, fonts.Hei, st.HeadSize)
	if l.Right <= room {
		return l
	}
	if bs.warnedHead == nil {
		bs.warnedHead = map[*model.Section]bool{}
	}
	if !bs.warnedHead[sec] {
		bs.warnedHead[sec] = true
		bs.book.Warnings = append(bs.book.Warnings, (&diag.Problem{File: bs.in.ManifestPath, Line: sec.Line,
			Msg:  fmt.Sprintf("栏目名称 “%s” 太长，书眉里排不下，已缩小字号或截短", text),
			Hint: "请在这个 [[section]] 中加 short_title = \"…\"，写一个用于书眉的简称。"}).Error())
	}
	if size := math.Floor(st.HeadSize*room/l.Right*4) / 4; size >= st.HeadSize*headLeast {
		return bs.single(text, fonts.Hei, size)
	}
	rs := []rune(text)
	for n := len(rs) - 1; n > 0; n-- {
		l = bs.single(string(rs[:n])+"…", fonts.Hei, st.HeadSize*headLeast)
		if l.Right <= room {
			return l
		}
	}
	return l
}

// folio places "— N —" in 四号 below the type area, the top edge of its 一字线
// 7 mm below it, on the outer side one character in: right on odd pages, left
// on even pages (GB/T 9704-2012 7.5: "一字线上距版心下边缘7 mm").
func (bs *bookSetter) folio(p *Page, l *Line) {
	st := bs.in.Style
	left := st.Left(p.Recto)
	dashTop := inkTop(bs.in.Metrics, fonts.Song, '—', 0.31) * st.FolioSize
	base := st.Top + st.TextHeight() + st.FolioDrop + dashTop
	inset := st.FolioSize
	x := left + inset
	if p.Recto {
		x = left + st.TextWidth() - inset - l.Right
	}
	n := len(p.Runs)
	p.addLine(l, x, base, bs.in.Metrics)
	p.markArtifacts(n)
}

// folioSet is a folio's line and the characters of it no face has.
type folioSet struct {
	line    Line
	missing []rune
}

// folioLine sets "— N —" for folio n. It leaves bs as it is (the pages'
// workers call it side by side): the characters missing are noted later,
// in page order.
func (bs *bookSetter) folioLine(n int) folioSet {
	p := &Paragraph{Spans: []Span{{Text: "— " + strconv.Itoa(n) + " —", Role: fonts.Song, Size: bs.in.Style.FolioSize}},
		Width: 1e6, Align: AlignLeft}
	lines, missing := bs.lb.Break(p)
	return folioSet{line: lines[0], missing: missing}
}

// single sets one unbroken line of text starting at 0.
// A line set before is returned again, as a copy: callers may move its
// glyphs (spread).
func (bs *bookSetter) single(text string, role fonts.Role, size float64) Line {
	key := singleKey{text, role, size}
	l, ok := bs.singles[key]
	if !ok {
		p := &Paragraph{Spans: []Span{{Text: text, Role: role, Size: size}}, Width: 1e6, Align: AlignLeft}
		l = bs.breakLines(p)[0]
		if bs.singles == nil {
			bs.singles = map[singleKey]Line{}
		}
		bs.singles[key] = l
	}
	l.Glyphs = slices.Clone(l.Glyphs)
	return l
}

// breakLines breaks a paragraph of the front matter or a running head,
// noting the characters no face has.
func (bs *bookSetter) breakLines(p *Paragraph) []Line {
	lines, missing := bs.lb.Break(p)
	bs.noteMissing(missing)
	return lines
}

// noteMissing notes the characters no face has, each once.
func (bs *bookSetter) noteMissing(missing []rune) {
	for _, r := range missing {
		if bs.seen == nil {
			bs.seen = map[rune]bool{}
		}
		if !bs.seen[r] {
			bs.seen[r] = true
			bs.missing = append(bs.missing, r)
		}
	}
}

// missingProblems reports each character of issue.toml's text that no
// face has, at its line: `check` finds them as `build` would.
func (bs *bookSetter) missingProblems() []*diag.Problem {
	var out []*diag.Problem
	for _, r := range bs.missing {
		line := 0
		if bs.in.ManifestLine != nil {
			line = bs.in.ManifestLine(r)
		}
		hint := "请安装含有这个字的字体，或在 issue.toml 的 [fonts] 中写 fallback = [\"含有这个字的字体文件\"]；也可改用常用字。"
		if r > 0xFFFF && !isHan(r) {
			hint = "这个字符（如表情符号）印刷字体里一般没有；请删去或改用文字。"
		}
		out = append(out, &diag.Problem{File: bs.in.ManifestPath, Line: line,
			Msg: fmt.Sprintf("“%c”（U+%04X）没有字体能显示", r, r), Hint: hint})
	}
	return out
}

// flatTitle is a title as the outline and the 目录 list it (model.ListTitle:
// lines joined, letter-spacing between hanzi dropped).
func flatTitle(t string) string { return model.ListTitle(t) }
