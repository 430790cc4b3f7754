package main

// The issue of every kind of document (testdata/issues/kinds: a 政府令 with
// its 规章, 规则 and 办法 with chapters and articles, a 批复, a 人事任免, a
// 纪要), built and read back: the titles of the 目录 and the bookmarks, every
// character in order, the 章 headings centred, the 第N条 heads in 黑体, the
// 题注 under its title. Fonts and positions are read from the PDF with
// Ghostscript's txtwrite, which names the font of every run of text.

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"gazette/internal/build"
	"gazette/internal/source"
	"gazette/internal/testtool/pdfread"
)

const kindsIssue = "../../testdata/issues/kinds/issue.toml"

var kindsBuild rbSharedBuild

func cachedKinds(t *testing.T) (*build.Issue, string) {
	t.Helper()
	return kindsBuild.get(t, "kinds", func(string) (string, error) { return kindsIssue, nil })
}

// kindsTitles are the documents' real titles, in print order: no 令 head,
// no 题注, no chapter heading, no 发文字号 in any of them.
var kindsTitles = []string{
	"河北省人工影响天气管理规定",
	"禄丰市人民政府关于印发禄丰市人民政府常务会议议事规则的通知",
	"宁夏回族自治区社会办医和个体行医管理办法",
	"广州市农业技术推广奖励试行办法",
	"关于印发金华市人民政府办理人大代表建议和政协提案工作规则的通知",
	"关于印发《上海市文明工地(场站)管理规定》的通知",
	"镇巴县人民政府工作规则",
	"国务院关于同意建立烟花爆竹安全监管部际联席会议制度的批复",
	"中国人民政治协商会议第十三届全国委员会副秘书长任命名单",
	"某县人民政府第12次常务会议纪要",
}

// noSpace drops white space, which pdftotext puts where it sees gaps.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

type kindsBookmark struct {
	Title string `json:"title"`
	Page  int    `json:"destpageposfrom1"`
	Kids  []kindsBookmark
}

// kindsOutline reads the PDF's bookmarks with qpdf.
func kindsOutline(t *testing.T, pdf string) []kindsBookmark {
	t.Helper()
	var doc struct {
		Outlines []kindsBookmark `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(runTool(t, "qpdf", "--json", "--json-key=outlines", pdf)), &doc); err != nil {
		t.Fatal(err)
	}
	var docs []kindsBookmark
	for _, s := range doc.Outlines {
		docs = append(docs, s.Kids...)
	}
	return docs
}

func TestKindsTitlesInTOCAndBookmarks(t *testing.T) {
	_, pdf := cachedKinds(t)
	docs := kindsOutline(t, pdf)
	if len(docs) != len(kindsTitles) {
		t.Fatalf("%d document bookmarks, want %d", len(docs), len(kindsTitles))
	}
	for i, b := range docs {
		if b.Title != kindsTitles[i] {
			t.Errorf("bookmark %d = %q, want %q", i+1, b.Title, kindsTitles[i])
		}
	}
	pages := strings.Split(runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", pdf, "-"), "\f")
	// the 目录 is every page before the first document
	toc := noSpace(strings.Join(pages[:docs[0].Page-1], ""))
	toc = strings.ReplaceAll(toc, "·", "")
	for _, title := range kindsTitles {
		if !strings.Contains(toc, noSpace(title)) {
			t.Errorf("the 目录 lacks %q", title)
		}
	}
	for _, never := range []string{"第一章", "一九九一年五月二十六日", "人民政府令"} {
		if strings.Contains(toc, never) {
			t.Errorf("the 目录 carries %q, which is no part of a title", never)
		}
	}
}

// TestKindsEveryCharacterInOrder: every character of each source file prints
// in its order on the document's pages (white space aside: the layout sets
// its own, such as the full-width space after 第一条).
func TestKindsEveryCharacterInOrder(t *testing.T) {
	is, pdf := cachedKinds(t)
	docs := kindsOutline(t, pdf)
	pages := strings.Split(runTool(t, "pdftotext", "-enc", "UTF-8", pdf, "-"), "\f")
	var files []string
	for _, s := range is.Manifest.Sections {
		files = append(files, s.Documents...)
	}
	if len(files) != len(docs) {
		t.Fatalf("%d files, %d bookmarks", len(files), len(docs))
	}
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text, err := source.Decode(file, data)
		if err != nil {
			t.Fatal(err)
		}
		want := []rune(noSpace(source.Normalize(text)))
		end := len(pages)
		if i+1 < len(docs) {
			end = docs[i+1].Page
		}
		got := []rune(noSpace(strings.Join(pages[docs[i].Page-1:end], "")))
		k := 0
		for _, r := range got {
			if k < len(want) && r == want[k] {
				k++
			}
		}
		if k < len(want) {
			t.Errorf("%s: printed in order up to character %d of %d, then lost at %q", filepath.Base(file), k, len(want),
				string(want[k:min(k+20, len(want))]))
		}
	}
}

// gsSpan is a run of text as Ghostscript's txtwrite reads it: its box (from
// the media box's top-left corner; y0 = y1 is the baseline), font and size.
// Its text is not used: txtwrite misreads some glyphs of subset fonts, so
// the text comes from pdftotext and the font from the span under it.
type gsSpan struct {
	page           int // 0-based
	x0, y0, x1, y1 float64
	font           string
	size           float64
}

var gsSpanRE = regexp.MustCompile(`<span bbox="([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+)" font="([^"]*)" size="([\d.]+)">`)

// gsSpans reads the runs of text of every page of pdf with Ghostscript.
func gsSpans(t *testing.T, pdf string) []gsSpan {
	t.Helper()
	out := runTool(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-dTextFormat=0", "-sOutputFile=-", pdf)
	var spans []gsSpan
	page := -1
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "<page"):
			page++
		case strings.HasPrefix(line, "<span"):
			if m := gsSpanRE.FindStringSubmatch(line); m != nil {
				f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
				spans = append(spans, gsSpan{page: page, x0: f(m[1]), y0: f(m[2]), x1: f(m[3]), y1: f(m[4]), font: m[5], size: f(m[6])})
			}
		}
	}
	return spans
}

// fontAt finds the run under the middle of a word of page p (trim-box
// coordinates): its font name in lower case and its size.
func fontAt(spans []gsSpan, p *pdfread.Page, w pdfread.Word) (string, float64) {
	for _, s := range spans {
		if s.page != p.N-1 {
			continue
		}
		x0, x1, y := s.x0-p.Dx, s.x1-p.Dx, s.y0-p.Dy
		if x := (w.X0 + w.X1) / 2; x0 <= x && x < x1 && y >= w.Y0-1 && y <= w.Y1+1 {
			return strings.ToLower(s.font), s.size
		}
	}
	return "", 0
}

var (
	chapterRowRE  = regexp.MustCompile(`^第[一二三四五六七八九十]+章`)
	articleWordRE = regexp.MustCompile(`^第[一二三四五六七八九十百]+条`)
	articleLineRE = regexp.MustCompile(`(?m)^[ \t　]*第[一二三四五六七八九十百]+条`)
)

func TestKindsChaptersArticlesHeadnote(t *testing.T) {
	is, pdf := cachedKinds(t)
	st := rbStyle(t, is)
	rb := pdfread.Read(t, pdf, is.Book)
	spans := gsSpans(t, pdf)
	centre := func(page int) float64 { return st.Left(is.Book.Pages[page].Recto) + st.TextWidth()/2 }

	chapters, articles := 0, 0
	var title, note *pdfread.Word
	var notePage *pdfread.Page
	for pi, p := range rb.Pages {
		if is.Book.Pages[pi].Folio == 0 {
			continue // the cover and the 目录
		}
		for _, r := range p.Rows {
			if len(r.Words) == 0 || !chapterRowRE.MatchString(r.Text()) {
				continue
			}
			chapters++
			first, last := r.Words[0], r.Words[len(r.Words)-1]
			if font, _ := fontAt(spans, p, first); !strings.Contains(font, "hei") {
				t.Errorf("page %d: chapter heading %q in %q, want 黑体", p.N, r.Text(), font)
			}
			if c := (first.X0 + last.X1) / 2; math.Abs(c-centre(pi)) > 1 {
				t.Errorf("page %d: chapter heading %q centred at %.1f pt, the type area at %.1f pt", p.N, r.Text(), c, centre(pi))
			}
		}
		for _, r := range p.Rows {
			for i, w := range r.Words {
				if !articleWordRE.MatchString(w.Text) {
					continue
				}
				if font, _ := fontAt(spans, p, w); !strings.Contains(font, "hei") {
					continue // a 第N条 quoted in the text of an article
				}
				articles++
				// set apart: one full-width space, then the text in 仿宋
				if w.Text != articleWordRE.FindString(w.Text) || i+1 >= len(r.Words) {
					t.Errorf("page %d: article head %q runs into its text", p.N, w.Text)
					continue
				}
				next := r.Words[i+1]
				gap := next.X0 - w.X1
				if font, _ := fontAt(spans, p, next); !strings.Contains(font, "fang") || gap < 0.9*st.CharPitch() || gap > 1.1*st.CharPitch() {
					t.Errorf("page %d: after %q, %q in %q %.1f pt on, want 仿宋 one character (%.1f pt) on",
						p.N, w.Text, next.Text, font, gap, st.CharPitch())
				}
			}
		}
		for i, w := range p.Words {
			switch {
			case w.Text == "广州市农业技术推广奖励试行办法" && title == nil:
				title = &p.Words[i]
			case strings.Contains(w.Text, "一九九一年五月二十六日"):
				note, notePage = &p.Words[i], p
			}
		}
	}
	if chapters != 10 {
		t.Errorf("%d chapter headings read back, want the 10 the texts have", chapters)
	}
	var want int
	for _, sec := range is.Manifest.Sections {
		for _, f := range sec.Documents {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want += len(articleLineRE.FindAllString(string(data), -1))
		}
	}
	if articles != want {
		t.Errorf("%d article heads in 黑体, the texts have %d articles", articles, want)
	}

	// the 题注 of the 广州 办法: right under its title, smaller, 楷体, centred
	if title == nil || note == nil {
		t.Fatalf("title %v, 题注 %v not found", title, note)
	}
	if d := note.Y0 - title.Y1; d < 0 || d > st.LinePitch {
		t.Errorf("题注 %.1f pt under its title, want it on the next line", d)
	}
	font, size := fontAt(spans, notePage, *note)
	if !strings.Contains(font, "kai") || size >= st.BodySize {
		t.Errorf("题注 in %q %.1f pt, want 楷体 smaller than the body's %.1f pt", font, size, st.BodySize)
	}
	if c := (note.X0 + note.X1) / 2; math.Abs(c-centre(notePage.N-1)) > 1 {
		t.Errorf("题注 centred at %.1f pt, the type area at %.1f pt", c, centre(notePage.N-1))
	}
}
