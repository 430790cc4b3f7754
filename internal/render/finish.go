package render

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The finishing steps both editions share (finishPDFX, finishWeb): each
// reads the objects it changes from fpdf's file and writes them again in
// the update (increment.go).

// pdfNumbers is an array of numbers with two decimals, as fpdf writes
// its MediaBox.
func pdfNumbers(v []float64) []byte {
	b := []byte{'['}
	for i, x := range v {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, x, 'f', 2, 64)
	}
	return append(b, ']')
}

// finisher writes the update to one file of fpdf's.
type finisher struct {
	file *fpdfFile
	u    *update
}

func newFinisher(base []byte) (*finisher, error) {
	file, err := readFpdf(base)
	if err != nil {
		return nil, err
	}
	return &finisher{file: file, u: newUpdate(file)}, nil
}

// fpdfPage is a page object of fpdf's: its number and text.
type fpdfPage struct {
	num  int
	body []byte
}

// pages reads the page objects, in order, from the page tree fpdf writes:
// one Pages node whose Kids are all the pages (ISO 32000-1 7.7.3).
func (fn *finisher) pages() ([]fpdfPage, error) {
	cat, err := fn.file.object(fn.file.root)
	if err != nil {
		return nil, err
	}
	n, ok := refEntry(cat, "Pages")
	if !ok {
		return nil, fmt.Errorf("补充 PDF 文件结构：PDF 没有页面树")
	}
	tree, err := fn.file.object(n)
	if err != nil {
		return nil, err
	}
	i := bytes.Index(tree, []byte("/Kids "))
	var kids []int
	if i >= 0 {
		kids, ok = refList(tree[i+len("/Kids "):])
	}
	if i < 0 || !ok {
		return nil, fmt.Errorf("补充 PDF 文件结构：页面树的 Kids 写法不对")
	}
	pages := make([]fpdfPage, len(kids))
	for k, n := range kids {
		body, err := fn.file.object(n)
		if err != nil {
			return nil, err
		}
		if !bytes.HasPrefix(body, []byte("<</Type /Page\n")) {
			return nil, fmt.Errorf("补充 PDF 文件结构：第 %d 号对象不是页面", n)
		}
		pages[k] = fpdfPage{n, body}
	}
	return pages, nil
}

// addFonts writes the plan's fonts as new objects and names them in the
// pages' resources (fontResources).
func (fn *finisher) addFonts(fp *fontPlan, pages []fpdfPage) error {
	table := fn.u.newObjectTable()
	fonts, err := fontObjects(fp, table)
	if err != nil {
		return err
	}
	if err := fn.u.pdfcpuObjects(table); err != nil {
		return err
	}
	return fn.fontResources(fonts, pages)
}

// fontObjects writes the plan's fonts into table (fonts.go) and returns
// the /Font resource dictionary that names them.
func fontObjects(fp *fontPlan, table *model.Context) (types.Dict, error) {
	if err := fp.addFontObjects(table); err != nil {
		return nil, err
	}
	return fp.fontDict, nil
}

// fontResources names the fonts in the /Font dictionary of the resources
// the pages share (ISO 32000-1 7.8.3), which fpdf writes empty.
func (fn *finisher) fontResources(fonts types.Dict, pages []fpdfPage) error {
	names := make([]string, 0, len(fonts))
	for name := range fonts {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int { // GZ1, GZ2, … GZ10
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	})
	entries := []byte("/Font <<")
	for _, name := range names {
		ref, ok := fonts[name].(types.IndirectRef)
		if !ok {
			return fmt.Errorf("补充 PDF 文件结构：字体 %s 不是间接引用", name)
		}
		entries = fmt.Appendf(entries, "\n/%s %d 0 R", name, ref.ObjectNumber.Value())
	}
	entries = append(entries, "\n>>"...)
	done := map[int]bool{}
	for _, p := range pages {
		n, ok := refEntry(p.body, "Resources")
		if !ok {
			return fmt.Errorf("补充 PDF 文件结构：第 %d 号页面没有资源字典", p.num)
		}
		if done[n] {
			continue
		}
		done[n] = true
		res, err := fn.file.object(n)
		if err != nil {
			return err
		}
		before, after, ok := bytes.Cut(res, []byte("/Font <<\n>>"))
		if !ok {
			return fmt.Errorf("补充 PDF 文件结构：第 %d 号资源字典的字体不是空的", n)
		}
		fn.u.object(n, before, entries, after)
	}
	return nil
}

// addContents writes each page's content as a content stream of its own
// and names it in the page's /Contents after fpdf's stream, which holds
// only the graphics state fpdf sets at the start of a page: an array of
// streams reads as their concatenation (ISO 32000-1 7.8.2), and each
// stream ends with a line end, between two operators. The page's text in
// pages is changed for the caller to write. The content is written as it
// is, not copied.
func (fn *finisher) addContents(pages []fpdfPage, contents [][]byte) error {
	if len(contents) > len(pages) { // fewer: fpdf adds a blank page to a book of none
		return fmt.Errorf("补充 PDF 文件结构：PDF 有 %d 页，画了 %d 页", len(pages), len(contents))
	}
	for i, p := range pages {
		if i >= len(contents) || len(contents[i]) == 0 {
			continue
		}
		before, after, ok := bytes.Cut(p.body, []byte("\n/Contents "))
		fpdfContent, rest := leadingInt(after)
		if !ok || fpdfContent <= 0 || !bytes.HasPrefix(rest, []byte(" 0 R")) {
			return fmt.Errorf("补充 PDF 文件结构：第 %d 号页面对象的 Contents 写法不对", p.num)
		}
		n := fn.u.newNumber()
		fn.u.stream(n, "<</Length "+strconv.Itoa(len(contents[i]))+">>", contents[i])
		pages[i].body = slices.Concat(before, fmt.Appendf(nil, "\n/Contents [%d 0 R %d 0 R]", fpdfContent, n), rest[len(" 0 R"):])
	}
	return nil
}

// emptyNames is the name dictionary fpdf writes into every catalog: an
// empty list of embedded files. PDF/X-1a allows no embedded files, and a
// preflight need not wonder about an empty list of them.
const emptyNames = "/Names <<\n/EmbeddedFiles << /Names [\n  \n] >>\n>>\n"

// catalog writes the catalog again without fpdf's empty name dictionary,
// with the entries add (each ending in a line end).
func (fn *finisher) catalog(add ...[]byte) error {
	cat, err := fn.file.object(fn.file.root)
	if err != nil {
		return err
	}
	before, after, found := bytes.Cut(cat, []byte(emptyNames))
	if found {
		cat = slices.Concat(before, after)
	}
	open, ok := bytes.CutSuffix(cat, []byte(">>"))
	if !ok {
		return fmt.Errorf("补充 PDF 文件结构：PDF 目录对象的写法不对")
	}
	fn.u.object(fn.file.root, append([][]byte{open}, append(add, []byte(">>"))...)...)
	return nil
}

// info writes the document information dictionary again with the dates
// with their time zone and the entries add. fpdf ends the dictionary with
// its two dates, "/CreationDate (D:YYYYMMDDHHmmSS)" and "/ModDate (…)",
// one a line.
func (fn *finisher) info(created time.Time, add string) error {
	body, err := fn.file.object(fn.file.info)
	if err != nil {
		return err
	}
	open, ok := bytes.CutSuffix(body, []byte("\n>>"))
	if !ok {
		return fmt.Errorf("补充 PDF 文件结构：文档信息字典的写法不对")
	}
	if !created.IsZero() {
		const dates = len("\n/CreationDate (D:20060102150405)\n/ModDate (D:20060102150405)")
		i := len(open) - dates
		if i < 0 || !bytes.HasPrefix(open[i:], []byte("\n/CreationDate (D:")) {
			return fmt.Errorf("补充 PDF 文件结构：文档信息字典的日期写法不对")
		}
		date := pdfLiteral(types.DateString(created))
		open = slices.Concat(open[:i], []byte("\n/CreationDate "), date, []byte("\n/ModDate "), date)
	}
	fn.u.object(fn.file.info, open, []byte(add), []byte("\n>>"))
	return nil
}

// outlineCounts sets /Count on the outline root and on every item that
// has children: all items open, each counting its descendants (ISO 32000-1
// 12.3.3).
func (fn *finisher) outlineCounts() error {
	cat, err := fn.file.object(fn.file.root)
	if err != nil {
		return err
	}
	root, ok := refEntry(cat, "Outlines")
	if !ok {
		return nil
	}
	body, err := fn.file.object(root)
	if err != nil {
		return err
	}
	first, ok := refEntry(body, "First")
	if !ok {
		return nil
	}
	budget := fn.file.size() // no outline has more items than the file has objects
	n, err := fn.countItems(first, &budget)
	if err != nil {
		return err
	}
	open, ok := bytes.CutSuffix(body, []byte(">>"))
	if !ok {
		return fmt.Errorf("补充 PDF 文件结构：书签根对象的写法不对")
	}
	fn.u.object(root, open, fmt.Appendf(nil, "\n/Count %d>>", n))
	return nil
}

// countItems counts the items from first along /Next and all their
// descendants, writing /Count into each item with children. fpdf writes
// an item as its /Title string, then one entry a line, the last
// "/Count 0>>".
func (fn *finisher) countItems(first int, budget *int) (int, error) {
	n := 0
	for num := first; num > 0; {
		if *budget--; *budget < 0 {
			return 0, fmt.Errorf("补充 PDF 文件结构：书签的链表有环")
		}
		body, err := fn.file.object(num)
		if err != nil {
			return 0, err
		}
		keys, ok := afterTitle(body)
		if !ok {
			return 0, fmt.Errorf("补充 PDF 文件结构：第 %d 号书签的写法不对", num)
		}
		n++
		if kid, ok := refEntry(keys, "First"); ok {
			c, err := fn.countItems(kid, budget)
			if err != nil {
				return 0, err
			}
			open, ok := bytes.CutSuffix(body, []byte("/Count 0>>"))
			if !ok {
				return 0, fmt.Errorf("补充 PDF 文件结构：第 %d 号书签的写法不对", num)
			}
			fn.u.object(num, open, fmt.Appendf(nil, "/Count %d>>", c))
			n += c
		}
		num, _ = refEntry(keys, "Next")
	}
	return n, nil
}

// afterTitle is an outline item's text after its /Title, a literal string
// whose parentheses and backslashes are escaped or balanced (ISO 32000-1
// 7.3.4.2): the rest holds no string, so its keys can be searched for.
func afterTitle(item []byte) ([]byte, bool) {
	s, ok := bytes.CutPrefix(item, []byte("<</Title ("))
	if !ok {
		return nil, false
	}
	depth := 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return s[i+1:], true
			}
		}
	}
	return nil, false
}
