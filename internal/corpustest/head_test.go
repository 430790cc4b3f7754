package corpustest

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/build"
	"gazette/internal/testtool/pdfread"
	"gazette/layout"
)

// TestHeadUnderTitleReadBack builds two corpus documents whose heads a web
// page left hard to read and reads them back: the 题注 of 安徽's 通知, run
// into its first paragraph on the page, is a row of its own centred under
// the title, and the paragraph starts on the next row; the byline under the
// dated 题注 of 国家统计局's release is centred, not indented like text
// (docs/document-kinds.md#headnote, docs/document-kinds.md#joint-issuers).
func TestHeadUnderTitleReadBack(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]string{"文件": {
		filepath.Join(testdata, "corpus", "tongzhi", "anhui-renmian-wenti.txt"),
		filepath.Join(testdata, "corpus", "shuju", "guojia-tongjiju-2016-q3.txt"),
	}}
	manifest := manifestFor(t, dir, []string{"文件"}, files)
	is, pdf, err := build.Build(manifest, filepath.Join(dir, "issue.pdf"))
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	doc := pdfread.Read(t, pdf, is.Book)
	st, err := layout.Preset(is.Manifest.Layout.Preset)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]*pdfread.Row{}
	left, right := map[string]float64{}, map[string]float64{}
	for _, g := range pdfread.Geometry(doc, st) {
		for _, r := range g.AreaRows() {
			rows[r.Text()] = r
			left[r.Text()], right[r.Text()] = g.Left, g.Right
		}
	}
	for _, want := range []string{"(1985年5月4日皖政〔1985〕38号)", "中华人民共和国国家统计局"} {
		r := rows[want]
		if r == nil {
			t.Errorf("no row reads %q alone", want)
			continue
		}
		mid := (left[want] + right[want]) / 2
		if d := (r.X0+r.X1)/2 - mid; math.Abs(d) > st.BodySize/2 {
			t.Errorf("%q is %.1f pt off the centre of the type area", want, d)
		}
	}
	found := false
	for text := range rows {
		found = found || strings.HasPrefix(text, "根据《中华人民共和国地方各级人民代表大会")
	}
	if !found {
		t.Error("安徽's first paragraph does not start a row of its own")
	}
}

// TestSignerOverReleaseNoteReadBack builds 牟定县's 通知, whose 成文日期 the
// web page garbled under its 附注, and reads it back: the body's name over
// （此件公开发布） is set as the 署名, on the right half of the type area, not
// as an indented paragraph; the 附注 starts two em in (GB/T 9704-2012 7.3.6).
func TestSignerOverReleaseNoteReadBack(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]string{"文件": {filepath.Join(testdata, "corpus", "tongzhi", "mouding-yingji-yuan.txt")}}
	manifest := manifestFor(t, dir, []string{"文件"}, files)
	is, pdf, err := build.Build(manifest, filepath.Join(dir, "issue.pdf"))
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	st, err := layout.Preset(is.Manifest.Layout.Preset)
	if err != nil {
		t.Fatal(err)
	}
	em := st.BodySize
	seen := 0
	for _, g := range pdfread.Geometry(pdfread.Read(t, pdf, is.Book), st) {
		for _, r := range g.AreaRows() {
			switch r.Text() {
			case "牟定县人民政府办公室":
				seen++
				if mid := (g.Left + g.Right) / 2; r.X0 < mid {
					t.Errorf("the 署名 starts %.1f em from the left, left of the middle of the type area", (r.X0-g.Left)/em)
				}
			case "(此件公开发布)":
				seen++
				if in := (r.X0 - g.Left) / em; math.Abs(in-2) > 0.25 {
					t.Errorf("the 附注 starts %.2f em from the left, want 2", in)
				}
			}
		}
	}
	if seen != 2 {
		t.Errorf("read back %d of the 署名 and the 附注 as rows of their own, want both", seen)
	}
}
