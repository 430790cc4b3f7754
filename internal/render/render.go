// Package render draws a laid-out book (layout.Book) into a PDF with fpdf.
// It measures nothing: it receives positioned glyph runs and writes them with
// the per-document TrueType fonts that package fonts builds from the very
// faces layout measured with.
//
// fpdf is used only as a PDF writer: no MultiCell or SplitText (they lose
// characters on CJK), text placed with Text and a character spacing (Tc)
// per run, black as DeviceGray 0 (pure K), no transparency.
package render

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"gazette/fonts"
	"gazette/layout"
)

// Options are the document-level settings of the PDF.
type Options struct {
	Created time.Time // creation and modification date (from the issue or SOURCE_DATE_EPOCH)
	Author  string
	Subject string
}

// WriteFile renders book to path. It writes a temporary file beside path and
// renames it, so a failed build never leaves a half-written PDF behind.
func WriteFile(path string, book *layout.Book, set *fonts.Set, opt Options) error {
	pdf, err := Render(book, set, opt)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gazette-*.pdf.tmp")
	if err != nil {
		return fmt.Errorf("创建临时文件: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := pdf.Output(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("写出 PDF: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("写出 PDF: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("保存 PDF 到 %s: %w", path, err)
	}
	return nil
}

// Render builds the fpdf document for book.
func Render(book *layout.Book, set *fonts.Set, opt Options) (*fpdf.Fpdf, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: book.Width, Ht: book.Height}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(opt.Created)
	pdf.SetModificationDate(opt.Created)
	pdf.SetTitle(book.Title, true)
	pdf.SetAuthor(opt.Author, true)
	pdf.SetSubject(opt.Subject, true)
	pdf.SetCreator("gazette", true)
	pdf.SetProducer("gazette (fpdf)", true)
	pdf.SetLang("zh-CN")
	pdf.SetDisplayMode("fullpage", "TwoPageRight")
	w := &writer{pdf: pdf}
	if err := w.addFonts(book, set); err != nil {
		return nil, err
	}
	links := make([]int, len(book.Pages))
	for i := range book.Pages {
		links[i] = pdf.AddLink()
		pdf.SetLink(links[i], 0, i+1)
	}
	marks := bookmarksByPage(book)
	for i, p := range book.Pages {
		pdf.AddPage()
		w.page(p, links)
		for _, bm := range marks[i] {
			w.selectFont(w.anyFont(), 10)
			pdf.Bookmark(bm.Title, bm.Level, 0)
		}
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("生成 PDF: %w", err)
	}
	return pdf, nil
}

func bookmarksByPage(b *layout.Book) map[int][]layout.Bookmark {
	m := map[int][]layout.Bookmark{}
	for _, bm := range b.Outline {
		m[bm.Page] = append(m[bm.Page], bm)
	}
	return m
}

// writer tracks the PDF's current text state so each operator is written once.
type writer struct {
	pdf     *fpdf.Fpdf
	family  [fonts.NumRoles]string
	curFam  string
	curSize float64
	curTc   float64
	tcSet   bool
}

// addFonts embeds, for each role used, a TrueType font holding just the
// glyphs the book uses.
func (w *writer) addFonts(book *layout.Book, set *fonts.Set) error {
	used := map[fonts.Role]map[rune]bool{}
	for _, p := range book.Pages {
		for _, r := range p.Runs {
			if used[r.Role] == nil {
				used[r.Role] = map[rune]bool{}
			}
			for _, c := range r.Text {
				used[r.Role][c] = true
			}
		}
	}
	for role := fonts.Role(0); role < fonts.NumRoles; role++ {
		if used[role] == nil {
			continue
		}
		runes := make([]rune, 0, len(used[role]))
		for r := range used[role] {
			runes = append(runes, r)
		}
		sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
		face, err := set.Face(role)
		if err != nil {
			return err
		}
		data, err := face.Subset(runes)
		if err != nil {
			return fmt.Errorf("为%s生成子集字体: %w", role, err)
		}
		fam := face.Name()
		if fam == "" {
			fam = role.Key()
		}
		fam = fmt.Sprintf("%s-%s", role.Key(), sanitize(fam))
		w.pdf.AddUTF8FontFromBytes(fam, "", data)
		if err := w.pdf.Error(); err != nil {
			return fmt.Errorf("嵌入字体 %s: %w", fam, err)
		}
		w.family[role] = fam
	}
	return nil
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r > '~' || strings.ContainsRune("()<>[]{}/%#", r) {
			return '-'
		}
		return r
	}, s)
}

func (w *writer) anyFont() fonts.Role {
	for r, f := range w.family {
		if f != "" {
			return fonts.Role(r)
		}
	}
	return fonts.Fang
}

func (w *writer) selectFont(role fonts.Role, size float64) {
	fam := w.family[role]
	if fam == w.curFam && size == w.curSize {
		return
	}
	w.pdf.SetFont(fam, "", size)
	w.curFam, w.curSize = fam, size
}

// page draws one page's display list.
func (w *writer) page(p *layout.Page, links []int) {
	w.tcSet = false
	for _, b := range p.Boxes {
		w.pdf.RawWriteStr(fmt.Sprintf("q %.3f g %.2f %.2f %.2f %.2f re f Q\n", b.Gray,
			b.X, w.y(b.Y+b.H), b.W, b.H))
	}
	for _, im := range p.Images {
		w.pdf.ImageOptions(im.Path, im.X, im.Y, im.W, im.H, false, fpdf.ImageOptions{ReadDpi: false}, 0, "")
	}
	for _, r := range p.Rules {
		w.pdf.RawWriteStr(fmt.Sprintf("q %s %.2f w %.2f %.2f m %.2f %.2f l S Q\n",
			strokeColor(r.Color), r.Width, r.X1, w.y(r.Y1), r.X2, w.y(r.Y2)))
	}
	for _, r := range p.Runs {
		w.run(r)
	}
	for _, l := range p.Links {
		if l.Target >= 0 && l.Target < len(links) {
			w.pdf.Link(l.X, l.Y, l.W, l.H, links[l.Target])
		}
	}
}

// y converts a top-down y to PDF's bottom-up coordinate.
func (w *writer) y(top float64) float64 {
	_, h := w.pdf.GetPageSize()
	return h - top
}

func (w *writer) run(r layout.Run) {
	w.selectFont(r.Role, r.Size)
	if !w.tcSet || r.Spacing != w.curTc {
		w.pdf.RawWriteStr(fmt.Sprintf("%.4f Tc\n", r.Spacing))
		w.curTc, w.tcSet = r.Spacing, true
	}
	if r.Color.IsBlack() {
		w.pdf.Text(r.X, r.Y, r.Text)
		return
	}
	w.pdf.RawWriteStr("q " + fillColor(r.Color) + "\n")
	w.pdf.Text(r.X, r.Y, r.Text)
	w.pdf.RawWriteStr("Q\n")
}

// fillColor writes black as DeviceGray 0 (pure K) and every other colour as
// DeviceCMYK: no RGB ever reaches the page (standards.md §3.5).
func fillColor(c layout.Color) string {
	if c.IsBlack() {
		return "0 g"
	}
	return fmt.Sprintf("%.3f %.3f %.3f %.3f k", c.C, c.M, c.Y, c.K)
}

func strokeColor(c layout.Color) string {
	if c.IsBlack() {
		return "0 G"
	}
	return fmt.Sprintf("%.3f %.3f %.3f %.3f K", c.C, c.M, c.Y, c.K)
}
