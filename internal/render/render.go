// Package render draws a laid-out book (layout.Book) into a PDF with fpdf.
// It measures nothing: it receives positioned glyph runs and writes them with
// the per-document TrueType fonts that package fonts builds from the very
// faces layout measured with.
//
// fpdf is used only as a PDF writer: no MultiCell or SplitText (they lose
// characters on CJK), no fonts of its own. Text is written as raw operators
// with a character spacing (Tc) per run, in fonts gazette writes itself
// (fonts.go: tagged subsets, ToUnicode), black as DeviceGray 0 (pure K),
// no transparency.
//
// It writes two editions of the same pages. The web edition's page is the
// trimmed page, with links. The print edition's page is the trim plus the
// bleed (plus room for crop marks when asked), every coordinate of the
// layout shifted by that margin (frame.go), pictures converted to CMYK or
// grey (image.go, in both editions), and the PDF/X-1a:2001 structure added as
// an incremental update written straight after fpdf's file (pdfx.go,
// increment.go).
package render

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"gazette/fonts"
	"gazette/internal/atomicfile"
	"gazette/layout"
)

// Options are the document-level settings of the PDF.
type Options struct {
	Created time.Time // creation and modification date (from the issue or SOURCE_DATE_EPOCH)
	Author  string
	Subject string
	Images  ImageMode // how pictures are converted (both editions print the same colours)
	// Print makes the print edition: bleed, page boxes, crop marks if asked,
	// PDF/X-1a:2001. nil makes the web edition: trim-size pages with links.
	Print *Print
}

// WriteFile renders book to path. It writes a temporary file beside path and
// renames it, so a failed build never leaves a half-written PDF behind.
func WriteFile(path string, book *layout.Book, set *fonts.Set, opt Options) error {
	parts, err := render(book, set, opt)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, parts...)
}

// Render returns the PDF of book: fpdf draws the pages, then an incremental
// update adds what fpdf cannot write (pdfx.go, web.go) — the fonts, and for
// the print edition the PDF/X-1a structure.
func Render(book *layout.Book, set *fonts.Set, opt Options) ([]byte, error) {
	parts, err := render(book, set, opt)
	if err != nil {
		return nil, err
	}
	return bytes.Join(parts, nil), nil
}

// render returns the PDF in parts to be written one after the other:
// fpdf's file, then the incremental update that completes it — for the
// print edition, into PDF/X. They are not copied together: fpdf's file is
// megabytes on a long issue, and each font program is a part of its own.
func render(book *layout.Book, set *fonts.Set, opt Options) ([][]byte, error) {
	if opt.Print == nil {
		book = webBook(book)
	}
	fr := newFrame(book, opt.Print)
	fp, err := planFonts(book, set)
	if err != nil {
		return nil, err
	}
	pdf, tags, contents, err := draw(book, fp, opt, fr)
	if err != nil {
		return nil, err
	}
	var out fpdfOutput
	if err := pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("生成 PDF: %w", err)
	}
	base := out.data
	if opt.Print != nil {
		update, err := finishPDFX(base, contents, opt.Created, fr, opt.Print.Condition, fp)
		if err != nil {
			return nil, err
		}
		return append([][]byte{base}, update...), nil
	}
	if err := declareVersion(base, webVersion); err != nil {
		return nil, err
	}
	update, err := finishWeb(base, contents, opt.Created, book, tags, fr, fp)
	if err != nil {
		return nil, err
	}
	return append([][]byte{base}, update...), nil
}

// fpdfOutput receives the file fpdf wrote. fpdf hands over its whole
// buffer in one Write (bytes.Buffer.WriteTo) and is done with it, so the
// first Write's slice is kept rather than copied (the file is megabytes
// on a long issue); should a later fpdf write in pieces, they are copied
// together.
type fpdfOutput struct {
	data   []byte
	copied bool
}

func (o *fpdfOutput) Write(p []byte) (int, error) {
	switch {
	case o.data == nil:
		o.data = p
	case !o.copied:
		o.data = append(bytes.Clone(o.data), p...)
		o.copied = true
	default:
		o.data = append(o.data, p...)
	}
	return len(p), nil
}

// draw builds the fpdf document for book on pages of the frame's media size
// and returns it with each page's content stream, which the update writes
// (fpdf is given none: it would copy each one twice), and for the web
// edition the structure its marked content belongs to.
func draw(book *layout.Book, fp *fontPlan, opt Options, fr frame) (*fpdf.Fpdf, *tagger, [][]byte, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: fr.mediaW(), Ht: fr.mediaH()}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(opt.Created)
	pdf.SetModificationDate(opt.Created)
	pdf.SetTitle(book.Title, true)
	pdf.SetAuthor(opt.Author, true)
	pdf.SetSubject(opt.Subject, true)
	pdf.SetCreator(creator, true)
	pdf.SetProducer(producer, true)
	if opt.Print == nil {
		pdf.SetLang("zh-CN")
		pdf.SetDisplayMode("fullpage", "TwoPageRight")
		pdf.SetXmpMetadata(xmpMetadata(book.Title, opt.Author, opt.Subject, opt.Author, opt.Created, true))
	} else {
		// PDF 1.3 has neither /Lang nor /TwoPageRight, and PDF/X-1a:2001
		// allows nothing beyond PDF 1.3 and no open action.
		pdf.SetDisplayMode("default", "TwoColumnRight")
	}
	w := &writer{fr: fr, images: map[string]*inlineImage{}, mode: opt.Images, web: opt.Print == nil, fonts: fp}
	if w.web {
		w.mode = imagesRGB
		w.tags = newTagger()
	}
	marks := bookmarksByPage(book)
	var contents [][]byte
	if w.web { // the tags and links are made page after page
		contents = make([][]byte, len(book.Pages))
		for i, p := range book.Pages {
			size := len(contents[max(i-1, 0)])
			w.out = bytes.NewBuffer(make([]byte, 0, size+size/4)) // pages are much alike
			if err := w.page(p, len(book.Pages)); err != nil {
				return nil, nil, nil, err
			}
			contents[i] = w.out.Bytes()
		}
	} else {
		var err error
		if contents, err = w.drawPages(book.Pages); err != nil {
			return nil, nil, nil, err
		}
	}
	for i := range book.Pages {
		pdf.AddPage()
		for _, bm := range marks[i] {
			pdf.Bookmark(utf16Text(bm.Title), bm.Level, 0) // fpdf encodes only while one of its own fonts is set
		}
	}
	if err := pdf.Error(); err != nil {
		return nil, nil, nil, fmt.Errorf("生成 PDF: %w", err)
	}
	return pdf, w.tags, contents, nil
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
	fr     frame
	web    bool                    // the web edition: links are kept
	tags   *tagger                 // the web edition's structure (tags.go); nil in print
	mode   ImageMode               // picture conversion
	images map[string]*inlineImage // converted pictures by path
	fonts  *fontPlan
	out    *bytes.Buffer // the current page's content stream
	curTc  float64
	tcSet  bool
}

// raw writes operators to the page's content, each call's on a line of its
// own.
func (w *writer) raw(s string) {
	w.out.WriteString(s)
	w.out.WriteByte('\n')
}

// drawPages returns the content stream of each page of the print edition.
// Pages are drawn side by side, a worker per core, each with a writer of
// its own (the text state starts afresh on each page) into its own slot,
// so the content does not depend on scheduling. The pictures are converted
// first, in page order, so that a picture that fails fails as it would
// page after page.
func (w *writer) drawPages(pages []*layout.Page) ([][]byte, error) {
	for _, p := range pages {
		for _, im := range p.Images {
			if err := w.loadImage(im); err != nil {
				return nil, err
			}
		}
	}
	contents := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pw := &writer{fr: w.fr, mode: w.mode, images: w.images, fonts: w.fonts}
			size := 0
			for i := range next {
				pw.out = bytes.NewBuffer(make([]byte, 0, size+size/4)) // pages are much alike

				errs[i] = pw.page(pages[i], 0)
				contents[i] = pw.out.Bytes()
				size = len(contents[i])
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return contents, nil
}

// page draws one page's display list, shifted from the trim to the media;
// of a book of pages pages. The print edition carries no link annotations:
// PDF/X-1a allows none inside the bleed box (ISO 15930-1); its bookmarks
// stay.
func (w *writer) page(p *layout.Page, pages int) error {
	w.tcSet = false
	w.beginPage()
	w.openArtifact(len(p.Boxes))
	for _, b := range p.Boxes {
		x, y, bw, bh := b.X, b.Y, b.W, b.H
		if b.Bleed {
			x, y, bw, bh = w.fr.bleedRect(x, y, bw, bh)
		}
		w.raw(fmt.Sprintf("q %.3f g %.2f %.2f %.2f %.2f re f Q\n", b.Gray,
			w.fr.x(x), w.fr.y(y+bh), bw, bh))
	}
	w.closeMarked(len(p.Boxes))
	for _, im := range p.Images {
		w.openFigure(im)
		if err := w.image(im); err != nil {
			return err
		}
		w.closeMarked(1)
	}
	w.openArtifact(len(p.Rules))
	for _, r := range p.Rules {
		x1, y1, x2, y2 := r.X1, r.Y1, r.X2, r.Y2
		if r.Bleed {
			x1, y1 = w.fr.bleedPoint(x1, y1)
			x2, y2 = w.fr.bleedPoint(x2, y2)
		}
		w.raw(fmt.Sprintf("q %s %.2f w %.2f %.2f m %.2f %.2f l S Q\n",
			w.stroke(r.Color), r.Width, w.fr.x(x1), w.fr.y(y1), w.fr.x(x2), w.fr.y(y2)))
	}
	w.closeMarked(len(p.Rules))
	for _, r := range p.Runs {
		w.openRun(r)
		if err := w.run(r); err != nil {
			return err
		}
		w.closeMarked(1)
	}
	if w.web {
		for _, l := range p.Links {
			if l.Target >= 0 && l.Target < pages {
				w.link(webLink{rect: w.fr.rect(l.X, l.Y, l.W, l.H), target: l.Target}, w.tags.nodeOf(l.Elem, 0))
			}
		}
		w.addressLinks(p)
	}
	w.raw(w.fr.cropMarks())
	return nil
}

// image draws a picture converted for print (image.go), converting each file
// once.
func (w *writer) image(p layout.Picture) error {
	if err := w.loadImage(p); err != nil {
		return err
	}
	w.raw(w.images[p.Path].operators(w.fr.x(p.X), w.fr.y(p.Y+p.H), p.W, p.H))
	return nil
}

// loadImage converts the picture's file unless it was already.
func (w *writer) loadImage(p layout.Picture) error {
	if _, ok := w.images[p.Path]; ok {
		return nil
	}
	im, err := loadImage(p.Path, p.Data, w.mode)
	if err != nil {
		return err
	}
	w.images[p.Path] = im
	return nil
}

// run shows one run of text at its baseline origin, in its role's face and
// the faces that print the characters it lacks (fonts.go).
func (w *writer) run(r layout.Run) error {
	show, err := w.fonts.showText(r.Role, r.Text, r.Size, r.Cuts)
	if err != nil || show == "" {
		return err
	}
	if !w.tcSet || r.Spacing != w.curTc {
		w.raw(string(strconv.AppendFloat(nil, r.Spacing, 'f', 4, 64)) + " Tc\n")
		w.curTc, w.tcSet = r.Spacing, true
	}
	// "BT x y Td … ET", or up the page "BT 0 1 -1 0 x y Tm … ET" (the text
	// matrix turned 90° counter-clockwise); as fmt's %.2f would write x, y
	t := make([]byte, 0, len(show)+48)
	t = append(t, "BT "...)
	if r.Turned {
		t = append(t, "0 1 -1 0 "...)
	}
	t = strconv.AppendFloat(t, w.fr.x(r.X), 'f', 2, 64)
	t = append(t, ' ')
	t = strconv.AppendFloat(t, w.fr.y(r.Y), 'f', 2, 64)
	if r.Turned {
		t = append(t, " Tm "...)
	} else {
		t = append(t, " Td "...)
	}
	t = append(t, show...)
	t = append(t, " ET\n"...)
	text := string(t)
	if r.Color.IsBlack() && !r.FakeBold {
		w.raw(text)
		return nil
	}
	state := w.fill(r.Color)
	if r.FakeBold { // text rendering mode 2: fill, then stroke (ISO 32000-1 9.3.6)
		state += fmt.Sprintf(" %s %.3f w 1 j 2 Tr", w.stroke(r.Color), layout.FakeBoldStroke*r.Size)
	}
	w.raw("q " + state + "\n" + text + "Q\n")
	return nil
}

// fillColor writes black as DeviceGray 0 (pure K) and every other colour as
// DeviceCMYK: no RGB ever reaches the page (docs/pdfx.md#colour).
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
