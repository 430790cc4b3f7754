package html_test

import (
	"context"
	"encoding/json"
	"fmt"
	stdhtml "html"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"gazette/internal/build"
	"gazette/internal/html"
	"gazette/internal/model"
	"gazette/internal/testtool"
	"gazette/internal/zhwords"
)

const sample = "../../samples/changjiang-2023-04/issue.toml"

// issues are the issues opened in the browser: the sample, one of every
// kind of document (规章, 令, 纪要, 任免, 批复 …), and two of real county
// and provincial documents.
var issues = []string{sample, "../../testdata/issues/kinds/issue.toml",
	"../../testdata/issues/county/issue.toml", "../../testdata/issues/province/issue.toml"}

// The widths the pages are read at: a small phone and a desktop window.
var widths = []int{375, 1280}

// chromium runs headless chromium with args after the flags that keep it
// from reaching the network or the user's profile.
func chromium(t *testing.T, args ...string) []byte {
	t.Helper()
	bin := testtool.Need(t, "chromium")
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir()}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var out strings.Builder
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v", args, err)
	}
	return []byte(out.String())
}

// sampleEdition writes the sample issue's HTML edition and returns its
// folder and the issue.
func sampleEdition(t *testing.T) (string, *model.Issue) {
	t.Helper()
	return edition(t, sample)
}

// edition writes the HTML edition of the issue at manifest and returns its
// folder and the issue.
func edition(t *testing.T, manifest string) (string, *model.Issue) {
	t.Helper()
	is, err := build.Prepare(manifest)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "issue-html")
	if err := html.WriteDir(dir, &is.Manifest.Issue, html.Options{PDF: "issue-web.pdf"}); err != nil {
		t.Fatal(err)
	}
	return dir, &is.Manifest.Issue
}

func TestSampleEveryCharacterInOrder(t *testing.T) {
	for _, manifest := range issues {
		is, err := build.Prepare(manifest)
		if err != nil {
			t.Fatal(err)
		}
		files, err := html.Files(&is.Manifest.Issue, html.Options{})
		if err != nil {
			t.Fatal(err)
		}
		html.CheckEveryCharacter(t, &is.Manifest.Issue, files)
	}
}

// probe is what the probe page reads of one edition page in an iframe of
// one width.
type probe struct {
	Page        string
	Width       int
	ScrollWidth int // the page's full width
	ClientWidth int // the width it is shown in
	H1          []string
	Tables      int
	Merged      int    // cells with rowspan or colspan > 1
	Text        string // the innerText of <main>
	Lines       []lines
}

// lines is how chromium broke one keep-all element into lines, read from
// the boxes of its characters.
type lines struct {
	Tag    string   // its tag and class, to say which
	Lines  []string // the characters of each line (those the browser shows)
	Forced []bool   // whether the break after each line is a <br>
}

// probePage loads every page of the edition at every width in iframes and,
// once all have loaded (window.onload waits for every frame), writes what it read into the body's data-probe.
func probePage(pages []string, widths []int) string {
	var frames strings.Builder
	for _, p := range pages {
		for _, w := range widths {
			fmt.Fprintf(&frames, `<iframe src="issue-html/%s" data-page="%s" style="width:%dpx;height:700px;border:0"></iframe>`+"\n", p, p, w)
		}
	}
	return `<!DOCTYPE html><html><body style="margin:0">` + frames.String() + `<script>
` + lineScript + `
window.onload = function () {
  var out = [];
  document.querySelectorAll("iframe").forEach(function (f) {
    var d = f.contentDocument, e = d.documentElement, main = d.querySelector("main");
    out.push({Page: f.dataset.page, Width: f.clientWidth, ScrollWidth: e.scrollWidth, ClientWidth: e.clientWidth,
      H1: Array.from(d.querySelectorAll("h1")).map(function (h) { return h.innerText; }),
      Tables: d.querySelectorAll("table").length,
      Merged: Array.from(d.querySelectorAll("td,th")).filter(function (c) { return c.rowSpan > 1 || c.colSpan > 1; }).length,
      Text: main ? main.innerText : "", Lines: lineBreaks(d)});
  });
  document.body.setAttribute("data-probe", JSON.stringify(out));
};
</script></body></html>`
}

// keepAll selects the elements the stylesheet sets keep-all that hold
// words: titles, heads, table cells, the 目录's entries, the display lines.
const keepAll = "h1, h2, h3, h4, h5, h6, th, td, ol.toc li, .contents li, .attachment-note li, " +
	".signature p, .docnumber, .addressee, .headnote, .presider, .attachment-label, .order-head"

// lineScript defines lineBreaks(doc): for each keep-all element, the
// characters of each of its lines, a line starting where a character's box
// stands lower than the one before it by more than half the font size.
const lineScript = `
function lineBreaks(d) {
  var out = [];
  d.querySelectorAll("` + keepAll + `").forEach(function (el) {
    var win = d.defaultView, half = parseFloat(win.getComputedStyle(el).fontSize) / 2;
    var res = {Tag: el.tagName.toLowerCase() + (el.className ? "." + el.className : ""), Lines: [""], Forced: []};
    var walk = d.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT), n, last = null, br = false;
    while ((n = walk.nextNode())) {
      if (n.nodeType === 1) {
        if (n.tagName === "BR" && win.getComputedStyle(n).display !== "none") br = true;
        continue;
      }
      for (var i = 0; i < n.data.length; i++) {
        var len = (n.data.charCodeAt(i) & 0xfc00) === 0xd800 ? 2 : 1;
        var r = d.createRange();
        r.setStart(n, i); r.setEnd(n, i + len);
        var rs = r.getClientRects();
        if (rs.length && rs[0].width > 0) {
          var mid = (rs[0].top + rs[0].bottom) / 2;
          if (last !== null && mid > last + half) { res.Lines.push(""); res.Forced.push(br); }
          br = false;
          res.Lines[res.Lines.length - 1] += n.data.substr(i, len);
          last = mid;
        }
        i += len - 1;
      }
    }
    out.push(res);
  });
  return out;
}
`

var probeRE = regexp.MustCompile(`data-probe="([^"]*)"`)

func dropSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Chromium opens every page of each issue's edition: nothing is wider than
// the window at 375 and 1280 px, each document page has its title as its
// one h1 and all of the document's text, and the table keeps its merged
// cells.
func TestSampleInChromium(t *testing.T) {
	for _, manifest := range issues {
		t.Run(filepath.Base(filepath.Dir(manifest)), func(t *testing.T) { inChromium(t, manifest) })
	}
}

// editionPages names the pages of an edition of n documents.
func editionPages(n int) []string {
	pages := []string{"index.html"}
	for i := range n {
		pages = append(pages, html.DocumentFile(i))
	}
	return pages
}

// probeEdition opens the pages of the edition in dir at each width in
// chromium and returns what the probe read of each.
func probeEdition(t *testing.T, dir string, pages []string, widths []int) []probe {
	t.Helper()
	probeFile := filepath.Join(filepath.Dir(dir), "probe.html")
	if err := os.WriteFile(probeFile, []byte(probePage(pages, widths)), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := chromium(t, "--allow-file-access-from-files", "--virtual-time-budget=20000",
		"--window-size=1400,900", "--dump-dom", "file://"+probeFile)
	m := probeRE.FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the probe page did not finish loading every page:\n%.2000s", dom)
	}
	var probes []probe
	if err := json.Unmarshal([]byte(stdhtml.UnescapeString(string(m[1]))), &probes); err != nil {
		t.Fatal(err)
	}
	if len(probes) != len(pages)*len(widths) {
		t.Fatalf("read %d pages, want %d", len(probes), len(pages)*len(widths))
	}
	return probes
}

// The sample's titles, heads, 目录 and table break only between words at
// every width from a small phone to a desktop, where each is broken at
// different places, and nothing is wider than the window; at the narrow
// widths they do break, many times.
func TestSampleBreaksBetweenWords(t *testing.T) {
	dir, is := sampleEdition(t)
	n := 0
	for _, s := range is.Sections {
		n += len(s.Documents)
	}
	narrow := []int{320, 360, 414, 480, 600}
	probes := probeEdition(t, dir, editionPages(n), append(narrow, 768, 1024))
	breaks := map[string]int{} // the breaks judged at the narrow widths, by element
	for _, p := range probes {
		if p.ScrollWidth > p.ClientWidth {
			t.Errorf("%s at %d px: content is %d px wide in a %d px window", p.Page, p.Width, p.ScrollWidth, p.ClientWidth)
		}
		for _, l := range p.Lines {
			for _, bad := range badBreaks(l) {
				t.Errorf("%s at %d px: %s breaks %s", p.Page, p.Width, l.Tag, bad)
			}
			if p.Width <= narrow[len(narrow)-1] {
				for _, f := range l.Forced {
					if !f {
						breaks[strings.SplitN(l.Tag, ".", 2)[0]]++
					}
				}
			}
		}
	}
	t.Logf("breaks judged at %v px: %v", narrow, breaks)
	for _, tag := range []string{"h1", "h2", "td", "li"} {
		if breaks[tag] < 10 {
			t.Errorf("only %d breaks in %s elements at %v px: the probe reads no lines", breaks[tag], tag, narrow)
		}
	}
}

func inChromium(t *testing.T, manifest string) {
	dir, is := edition(t, manifest)
	var docs []*model.Document
	for _, s := range is.Sections {
		docs = append(docs, s.Documents...)
	}
	pages := editionPages(len(docs))
	probes := probeEdition(t, dir, pages, widths)
	merged := 0
	for _, p := range probes {
		for _, l := range p.Lines {
			for _, bad := range badBreaks(l) {
				t.Errorf("%s at %d px: %s breaks %s", p.Page, p.Width, l.Tag, bad)
			}
		}
		if p.ScrollWidth > p.ClientWidth {
			t.Errorf("%s at %d px: content is %d px wide in a %d px window", p.Page, p.Width, p.ScrollWidth, p.ClientWidth)
		}
		if len(p.H1) != 1 {
			t.Errorf("%s at %d px: %d h1, want 1", p.Page, p.Width, len(p.H1))
			continue
		}
		if p.Page == "index.html" {
			if p.H1[0] != is.Gazette.Name {
				t.Errorf("index.html h1 = %q, want the gazette's name", p.H1[0])
			}
			continue
		}
		var i int
		fmt.Sscanf(p.Page, "%02d.html", &i)
		d := docs[i-1]
		if got, want := dropSpace(p.H1[0]), dropSpace(d.Title()); got != want {
			t.Errorf("%s h1 = %q, want the title %q", p.Page, got, want)
		}
		if got, want := dropSpace(p.Text), html.DocumentText(d); got != want {
			t.Errorf("%s at %d px: chromium reads %d characters, the document has %d", p.Page, p.Width, len([]rune(got)), len([]rune(want)))
		}
		merged += p.Merged
	}
	if manifest == sample && merged == 0 {
		t.Errorf("no merged table cell in any page; the sample's 指标分解表 has them")
	}
}

// badBreaks lists the line breaks of a keep-all element that split a word
// of the dictionary segmentation of its text (zhwords.Segment, as the print
// edition's titles are broken) or a number from its neighbours (2025／年,
// 2023-／2025, 第／33), each shown with the text around it. A <br> is the
// office's own break and is not judged.
func badBreaks(l lines) []string {
	var text []rune
	var ends []int // the offset of each break
	for k, line := range l.Lines {
		text = append(text, []rune(line)...)
		if k+1 < len(l.Lines) && !l.Forced[k] {
			ends = append(ends, len(text))
		}
	}
	boundary := map[int]bool{0: true}
	at := 0
	for _, n := range zhwords.Segment(text) {
		at += n
		boundary[at] = true
	}
	var bad []string
	for _, e := range ends {
		if e == 0 || e == len(text) {
			continue
		}
		prev, next := text[e-1], text[e]
		around := string(text[max(0, e-6):e]) + "／" + string(text[e:min(len(text), e+6)])
		switch {
		case !boundary[e]:
			bad = append(bad, "inside a word: "+around)
		case isDigit(prev) && numberGlue(next), isDigit(next) && numberGlue(prev):
			bad = append(bad, "next to a number: "+around)
		}
	}
	return bad
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// numberGlue reports a character a number holds on to across a line end:
// a digit, a letter, a hanzi (its unit, its 第), a decimal point, a range
// mark or a percent sign.
func numberGlue(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".．-–—~～%％‰", r)
}

// Screenshots of the 目录 and of the document with the table, at each
// width: each is as wide as the window and shows text. GAZETTE_SCREENSHOTS
// names a folder to keep them in, to look at.
func TestSampleScreenshots(t *testing.T) {
	dir, _ := sampleEdition(t)
	keep := os.Getenv("GAZETTE_SCREENSHOTS")
	for _, page := range []string{"index.html", "02.html"} {
		for _, w := range widths {
			png := filepath.Join(t.TempDir(), fmt.Sprintf("%s-%d.png", strings.TrimSuffix(page, ".html"), w))
			chromium(t, fmt.Sprintf("--window-size=%d,1600", w), "--screenshot="+png, "file://"+filepath.Join(dir, page))
			f, err := os.Open(png)
			if err != nil {
				t.Fatal(err)
			}
			img, _, err := image.Decode(f)
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", png, err)
			}
			if got := img.Bounds().Dx(); got != w {
				t.Errorf("%s: screenshot is %d px wide, want %d", png, got, w)
			}
			if ink := inkShare(img); ink < 0.002 {
				t.Errorf("%s: only %.4f of the screenshot is ink; the page shows no text", png, ink)
			}
			if keep != "" {
				data, _ := os.ReadFile(png)
				os.WriteFile(filepath.Join(keep, filepath.Base(png)), data, 0o644)
			}
		}
	}
}

// inkShare is the share of pixels darker than mid-grey.
func inkShare(img image.Image) float64 {
	b := img.Bounds()
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3 < 0x8000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(b.Dx()*b.Dy())
}

// The checker of line breaks finds the breaks the reviewer saw.
func TestBadBreaks(t *testing.T) {
	for _, c := range []struct {
		l    lines
		want int
	}{
		{lines{Lines: []string{"区政府第33次常务会议召", "开"}, Forced: []bool{false}}, 1},
		{lines{Lines: []string{"区政府第33次常务会议", "召开"}, Forced: []bool{false}}, 0},
		{lines{Lines: []string{"方案（2023-2025", "年）"}, Forced: []bool{false}}, 1},
		{lines{Lines: []string{"方案（2023-", "2025年）"}, Forced: []bool{false}}, 1},
		{lines{Lines: []string{"区政府第", "33次"}, Forced: []bool{false}}, 1},
		{lines{Lines: []string{"重点任务指", "标"}, Forced: []bool{false}}, 1},
		{lines{Lines: []string{"重点任务指", "标"}, Forced: []bool{true}}, 0}, // the office's <br>
		{lines{Lines: []string{"发展水平", "三年行动方案"}, Forced: []bool{false}}, 0},
	} {
		if got := badBreaks(c.l); len(got) != c.want {
			t.Errorf("%q: %d bad breaks %q, want %d", c.l.Lines, len(got), got, c.want)
		}
	}
}
