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
