package main

// What the review of the corpus found (issue 8), built and read back from
// the PDF: the joint issuers of a forwarded 办法 set as 发文机关 over its
// title, never as the title; a 题注 keeping the office's line break; a
// 第一章　总　　则 heading over a stretched 第一条 line reading back in order
// with pdftotext's default, -layout and -raw readings; a 成文日期 typed
// "2020.1.26" set as a date with its 署名 above it, not flush left.

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/build"
	"gazette/internal/testtool/pdfread"
)

var reviewBuild rbSharedBuild

// reviewNotice is generated, not a real document: a 通告 whose date is typed
// with dots, as the 2020 通告 of testdata/corpus/gonggao are typed in haste.
const reviewNotice = "关于暂停开放室内公共场所的通告\n为做好疫情防控工作，现决定暂停开放全县室内公共场所，恢复时间另行通知。\n特此通告。\n\n某县疫情防控指挥部\n2020.1.26\n"

// reviewDocs are the corpus documents of the review, in print order.
var reviewDocs = []string{
	"../../testdata/corpus/tongzhi/cangzhou-youzheng-wuliu.txt",
	"../../testdata/corpus/tongzhi/xiamen-zhuanxiang-jixiao.txt",
	"../../testdata/corpus/guizhang/shenzhen-tingzheng-tiaoli.txt",
}

func cachedReview(t *testing.T) (*build.Issue, string) {
	t.Helper()
	return reviewBuild.get(t, "review", func(dir string) (string, error) {
		notice := filepath.Join(dir, "notice.txt")
		if err := os.WriteFile(notice, []byte(reviewNotice), 0o644); err != nil {
			return "", err
		}
		return writeTestIssue(dir, append(append([]string{}, reviewDocs...), notice))
	})
}

// rowWith finds the first row of a document page whose text contains s.
func rowWith(is *build.Issue, rb *pdfread.Doc, s string) (*pdfread.Page, *pdfread.Row) {
	return rowWhere(is, rb, func(text string) bool { return strings.Contains(text, s) })
}

// rowIs finds the first row of a document page whose text is s.
func rowIs(is *build.Issue, rb *pdfread.Doc, s string) (*pdfread.Page, *pdfread.Row) {
	return rowWhere(is, rb, func(text string) bool { return text == s })
}

func rowWhere(is *build.Issue, rb *pdfread.Doc, match func(string) bool) (*pdfread.Page, *pdfread.Row) {
	for pi, p := range rb.Pages {
		if is.Book.Pages[pi].Folio == 0 {
			continue
		}
		for _, r := range p.Rows {
			if match(r.Text()) {
				return p, r
			}
		}
	}
	return nil, nil
}

func TestReviewJointIssuersAreNoTitle(t *testing.T) {
	is, pdf := cachedReview(t)
	st := rbStyle(t, is)
	rb := pdfread.Read(t, pdf, is.Book)
	spans := gsSpans(t, pdf)
	issuers := []string{"沧州市发展改革委", "沧州市邮政局", "沧州市财政局", "沧州市农业局", "沧州市商务局", "沧州市工商局", "沧州市国税局", "沧州市文化局"}

	// the title of the 办法 is one line in the title face, under the names
	tp, title := rowIs(is, rb, "支持农村邮政物流发展实施办法")
	if title == nil {
		t.Fatalf("the 办法's title is not a line of its own: %v", title)
	}
	if _, size := fontAt(spans, tp, title.Words[0]); math.Abs(size-st.TitleSize) > 0.1 {
		t.Errorf("the 办法's title in %.1f pt, want the title size %.1f pt", size, st.TitleSize)
	}
	centre := st.Left(is.Book.Pages[tp.N-1].Recto) + st.TextWidth()/2
	last := 0.0
	for _, name := range issuers {
		p, r := rowIs(is, rb, name)
		if r == nil {
			t.Errorf("%s is not a line of its own (%v)", name, r)
			continue
		}
		font, size := fontAt(spans, p, r.Words[0])
		if p != tp || r.Y0 >= title.Y0 || r.Y0 <= last {
			t.Errorf("%s: not above the title on its page, in order", name)
		}
		if !strings.Contains(font, "kai") || math.Abs(size-st.BodySize) > 0.1 {
			t.Errorf("%s in %q %.1f pt, want 楷体 at the body size %.1f pt", name, font, size, st.BodySize)
		}
		if c := (r.X0 + r.X1) / 2; math.Abs(c-centre) > 1 {
			t.Errorf("%s centred at %.1f pt, the type area at %.1f pt", name, c, centre)
		}
		last = r.Y0
	}
	// the 目录 and the bookmarks name the notice, never an issuer
	for _, bm := range kindsOutline(t, pdf) {
		for _, name := range issuers {
			if strings.Contains(bm.Title, name) {
				t.Errorf("bookmark %q carries the issuer %s", bm.Title, name)
			}
		}
	}
}

func TestReviewHeadnoteKeepsItsLineBreak(t *testing.T) {
	is, pdf := cachedReview(t)
	rb := pdfread.Read(t, pdf, is.Book)
	// （2001年10月17日……第十一次会议通过 / 2001年12月3日……批准）
	p, first := rowWith(is, rb, "会议通过")
	if first == nil {
		t.Fatal("the 题注's first line is not read back")
	}
	if !strings.HasSuffix(first.Text(), "会议通过") {
		t.Errorf("the 题注's first source line runs on: %q", first.Text())
	}
	for i, r := range p.Rows {
		if r == first && (i+1 >= len(p.Rows) || !strings.HasPrefix(p.Rows[i+1].Text(), "2001年12月3日")) {
			t.Errorf("the line under %q does not start with the 题注's second source line", first.Text())
		}
	}
}

func TestReviewChapterReadsInOrder(t *testing.T) {
	_, pdf := cachedReview(t)
	for _, mode := range [][]string{nil, {"-layout"}, {"-raw"}} {
		text := noSpace(runTool(t, "pdftotext", append(append([]string{"-enc", "UTF-8"}, mode...), pdf, "-")...))
		if !strings.Contains(text, "市财政局第一章总则第一条为加强") {
			i := strings.Index(text, "第一章")
			t.Errorf("pdftotext %v reads the 厦门 办法's first chapter as %q", mode, string([]rune(text[max(i, 0):])[:min(30, len([]rune(text[max(i, 0):])))]))
		}
	}
}

func TestReviewSlipDateSetsItsSigner(t *testing.T) {
	is, pdf := cachedReview(t)
	st := rbStyle(t, is)
	rb := pdfread.Read(t, pdf, is.Book)
	p, signer := rowIs(is, rb, "某县疫情防控指挥部")
	_, date := rowIs(is, rb, "2020.1.26")
	if signer == nil || date == nil {
		t.Fatal("the 署名 or the date is not read back")
	}
	right := st.Left(is.Book.Pages[p.N-1].Recto) + st.TextWidth() - 2*st.CharPitch()
	if math.Abs(signer.X1-right) > 1 {
		t.Errorf("the 署名 ends at %.1f pt, want 2 characters from the right (%.1f pt), as over a date", signer.X1, right)
	}
	if date.Y0 <= signer.Y0 || date.X0 <= signer.X0 {
		t.Errorf("the date is not under the 署名 and right of its start")
	}
}
