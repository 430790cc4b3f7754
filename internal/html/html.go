// Package html writes the HTML edition of an issue: a folder with the
// issue's 目录 (index.html), one page per document (01.html, 02.html, …) and
// one stylesheet, for readers on the government website and on phones.
//
// The pages are written from the document model (package model), not from
// the laid-out pages, so they reflow on any screen: the title is the page's
// h1, numbered heads are h2–h4, tables keep their merged cells as rowspan
// and colspan, and the 署名 and 成文日期 stand to the right as printed
// (docs/web-editions.md says what each element carries and why). Every
// character of a document's text is in its page, in reading order; nothing
// is loaded from outside the folder.
package html

import (
	"fmt"
	"path/filepath"
	"strings"

	"gazette/internal/atomicfile"
	"gazette/internal/model"
)

// Options name what the pages link to and say about the issue.
type Options struct {
	// PDF is the path of the PDF edition the pages link to, relative to the
	// folder's parent ("issue-web.pdf"); "" links to none.
	PDF string
	// Pages gives, for the document at each index (in reading order), the
	// printed folio it starts on, shown in the 目录; nil or 0 shows none.
	Pages []int
}

// StylesheetName is the one stylesheet every page links to.
const StylesheetName = "style.css"

// DocumentFile is the name of the page of the document at index i (0-based)
// of the issue: 01.html, 02.html, … (two digits at least, so the files sort
// in reading order).
func DocumentFile(i int) string { return fmt.Sprintf("%02d.html", i+1) }

// Files returns the edition's files by name: index.html, the document pages
// and the stylesheet.
func Files(is *model.Issue, opt Options) (map[string][]byte, error) {
	files := map[string][]byte{
		"index.html":   []byte(indexPage(is, opt)),
		StylesheetName: []byte(stylesheet),
	}
	docs := documents(is)
	for i, d := range docs {
		p, err := documentPage(is, d, i, len(docs), opt)
		if err != nil {
			return nil, err
		}
		files[DocumentFile(i)] = []byte(p)
	}
	return files, nil
}

// WriteDir writes the edition into the folder dir, replacing a folder of
// that name whole (atomicfile.WriteDir): a failed or interrupted build
// never leaves a half-written edition; the old one stays until the new one
// is complete.
func WriteDir(dir string, is *model.Issue, opt Options) error {
	files, err := Files(is, opt)
	if err != nil {
		return err
	}
	return atomicfile.WriteDir(dir, files)
}

// documents lists the issue's documents in reading order.
func documents(is *model.Issue) []*model.Document {
	var out []*model.Document
	for _, s := range is.Sections {
		out = append(out, s.Documents...)
	}
	return out
}

// issueName is "昌江区人民政府公报 2023年第4期".
func issueName(is *model.Issue) string {
	return fmt.Sprintf("%s %d年第%d期", is.Gazette.Name, is.Year, is.Number)
}

// page is the frame of every page: the language, the viewport for phones,
// the title and the stylesheet.
func page(title, body string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", esc(title))
	fmt.Fprintf(&b, "<link rel=\"stylesheet\" href=\"%s\">\n</head>\n<body>\n", StylesheetName)
	b.WriteString(body)
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// nav is the bar of links at the top and foot of a page.
func nav(links ...[2]string) string {
	var b strings.Builder
	b.WriteString("<nav aria-label=\"页面导航\">")
	for i, l := range links {
		if i > 0 {
			b.WriteString(" ｜ ")
		}
		fmt.Fprintf(&b, "<a href=\"%s\">%s</a>", escAttr(l[0]), esc(l[1]))
	}
	b.WriteString("</nav>\n")
	return b.String()
}

// pdfHref is the PDF's address from inside the folder.
func pdfHref(opt Options) string {
	return "../" + filepath.ToSlash(opt.PDF)
}

// indexPage is the issue's 目录: the masthead, then each section with its
// documents' titles linking to their pages.
func indexPage(is *model.Issue, opt Options) string {
	var b strings.Builder
	if opt.PDF != "" {
		b.WriteString(nav([2]string{pdfHref(opt), "下载 PDF 版"}))
	}
	b.WriteString("<header class=\"masthead\">\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", words(is.Gazette.Name))
	issueLine := fmt.Sprintf("%d年第%d期", is.Year, is.Number)
	if is.Serial > 0 {
		issueLine += fmt.Sprintf("（总第%d期）", is.Serial)
	}
	fmt.Fprintf(&b, "<p class=\"issue\">%s</p>\n", words(issueLine))
	if d := is.Date; !d.IsZero() {
		fmt.Fprintf(&b, "<p class=\"issue-date\"><time datetime=\"%04d-%02d-%02d\">%d年%d月%d日</time>出版</p>\n",
			d.Year, d.Month, d.Day, d.Year, d.Month, d.Day)
	}
	if is.Gazette.Statement != "" {
		fmt.Fprintf(&b, "<p class=\"statement\">%s</p>\n", words(is.Gazette.Statement))
	}
	b.WriteString("</header>\n<main>\n<h2 class=\"toc-title\">目　录</h2>\n")
	n := 0
	for _, s := range is.Sections {
		if len(s.Documents) == 0 {
			continue
		}
		b.WriteString("<section class=\"toc-section\">\n")
		if s.Title != "" {
			fmt.Fprintf(&b, "<h3>%s</h3>\n", words(s.Title))
		}
		b.WriteString("<ol class=\"toc\">\n")
		for _, d := range s.Documents {
			title := oneLine(d.Title())
			if title == "" {
				title = d.Source
			}
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s", DocumentFile(n), words(title))
			if dn := d.DocNumber(); dn != "" { // under the title, as the printed 目录 has it
				fmt.Fprintf(&b, "<span class=\"toc-docnumber\">%s</span>", words("（"+dn+"）"))
			}
			b.WriteString("</a>")
			if n < len(opt.Pages) && opt.Pages[n] > 0 {
				fmt.Fprintf(&b, "<span class=\"folio\">%d</span>", opt.Pages[n])
			}
			b.WriteString("</li>\n")
			n++
		}
		b.WriteString("</ol>\n</section>\n")
	}
	b.WriteString("</main>\n")
	if g := is.Gazette; g.Publisher != "" || g.Website != "" {
		b.WriteString("<footer>")
		if g.Publisher != "" {
			fmt.Fprintf(&b, "<p>编辑出版：%s</p>", prose(g.Publisher))
		}
		if g.Website != "" {
			fmt.Fprintf(&b, "<p>网址：%s</p>", prose(g.Website))
		}
		b.WriteString("</footer>\n")
	}
	return page(issueName(is)+" 目录", b.String())
}

// documentPage is one document's page, with links to the 目录, the PDF and
// the documents before and after it.
func documentPage(is *model.Issue, d *model.Document, i, n int, opt Options) (string, error) {
	links := [][2]string{{"index.html", "目录"}}
	if i > 0 {
		links = append(links, [2]string{DocumentFile(i - 1), "上一篇"})
	}
	if i+1 < n {
		links = append(links, [2]string{DocumentFile(i + 1), "下一篇"})
	}
	if opt.PDF != "" {
		links = append(links, [2]string{pdfHref(opt), "PDF 版"})
	}
	var b strings.Builder
	bar := nav(links...)
	b.WriteString(bar)
	fmt.Fprintf(&b, "<header><p class=\"issue-line\">%s</p></header>\n<main>\n", words(issueName(is)))
	body, err := documentBody(d)
	if err != nil {
		return "", err
	}
	b.WriteString(body)
	b.WriteString("</main>\n")
	b.WriteString(bar)
	title := oneLine(d.Title())
	if title == "" {
		title = d.Source
	}
	return page(title+" - "+issueName(is), b.String()), nil
}

// oneLine is a title as lists name it (model.ListTitle).
func oneLine(s string) string { return model.ListTitle(s) }
