package html

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"gazette/internal/model"
)

// esc escapes text for an element's content.
func esc(s string) string { return template.HTMLEscapeString(s) }

// escAttr escapes text for a quoted attribute value.
func escAttr(s string) string { return template.HTMLEscapeString(s) }

// docWriter turns one document's blocks into HTML.
type docWriter struct {
	b           strings.Builder
	titles      int  // titles written so far
	headBase    int  // the h level of a level-1 numbered head
	chapterBase int  // the shallowest 编/章/节 level of the document: an h2
	inSection   bool // inside an attachment's or a forwarded document's <section>
	err         error
}

// documentBody is a document as an <article>: the first title is its h1; a
// forwarded document or an attachment is a <section> whose title is an h2,
// and numbered heads are one level below the title they stand under.
func documentBody(d *model.Document) (string, error) {
	w := &docWriter{headBase: 2, chapterBase: chapterBase(d)}
	if titleCount(d) > 1 {
		w.headBase = 3
	}
	w.b.WriteString("<article>\n")
	blocks := d.Blocks
	for i := 0; i < len(blocks); i++ {
		b := &blocks[i]
		if b.Kind == model.Signer || b.Kind == model.SignDate {
			j := i
			for j < len(blocks) && (blocks[j].Kind == model.Signer || blocks[j].Kind == model.SignDate) {
				j++
			}
			w.signature(blocks[i:j])
			i = j - 1
			continue
		}
		var prev *model.Block
		if i > 0 {
			prev = &blocks[i-1]
		}
		w.block(b, prev)
	}
	if w.inSection {
		w.b.WriteString("</section>\n")
	}
	w.b.WriteString("</article>\n")
	return w.b.String(), w.err
}

// titleCount counts a document's titles: its own, and those of the documents
// it forwards and of its attachments.
func titleCount(d *model.Document) int {
	n := 0
	for _, b := range d.Blocks {
		if b.Kind == model.Title {
			n++
		}
	}
	return n
}

// chapterBase is the shallowest 编/章/节 level in d (1 编, 2 章, 3 节), so
// that a 规章 without 编 has its 章 as h2.
func chapterBase(d *model.Document) int {
	base := 0
	for _, b := range d.Blocks {
		if b.Kind == model.Chapter && (base == 0 || b.Level < base) {
			base = b.Level
		}
	}
	return base
}

// openSection starts the section of an attachment or forwarded document.
func (w *docWriter) openSection(class string) {
	if w.inSection {
		w.b.WriteString("</section>\n")
	}
	fmt.Fprintf(&w.b, "<section class=\"%s\">\n", class)
	w.inSection = true
}

// block writes one block. A kind this writer does not know yet is written
// as a paragraph, so that no text is ever lost.
func (w *docWriter) block(b, prev *model.Block) {
	switch b.Kind {
	case model.Title:
		w.title(b, prev)
	case model.DocNumber:
		if prev != nil && prev.Kind == model.DocNumber && prev.Text == b.Text {
			return // typed twice (check names it): once, as printed (layout)
		}
		// in parentheses under the title, as printed (layout) and as the
		// office's copy has it (the model keeps the number without them)
		w.line("docnumber", "（"+b.Text+"）")
	case model.Addressee:
		w.line("addressee", b.Text)
	case model.Heading:
		level := min(w.headBase+max(b.Level, 1)-1, 6)
		fmt.Fprintf(&w.b, "<h%d class=\"head-%d\">%s</h%d>\n", level, b.Level, words(b.Text), level)
	case model.Paragraph:
		w.paragraph(b)
	case model.AttachmentNote:
		w.attachmentNote(b)
	case model.Note:
		w.p("note", b.Text)
	case model.AttachmentLabel:
		w.openSection("attachment")
		w.line("attachment-label", b.Text)
	case model.Presider:
		w.line("presider", b.Text)
	case model.PageBreak:
		// a page break of the printed page; a web page scrolls on
	case model.TableBlock:
		w.table(b.Table)
	case model.ImageBlock:
		w.image(b.Image)
	case model.Headnote:
		w.line("headnote", b.Text)
	case model.Contents:
		w.contents(b)
	case model.Chapter:
		level := min(2+b.Level-w.chapterBase, 6)
		fmt.Fprintf(&w.b, "<h%d class=\"chapter\">%s</h%d>\n", level, words(b.Text), level)
	case model.Article, model.Answer:
		w.runIn(b, "")
	case model.OrderHead:
		w.line("order-head", b.Text)
	case model.OrderNumber:
		w.line("order-number", b.Text)
	case model.Roster:
		w.roster(b)
	case model.Question:
		w.p("question", b.Text)
	default:
		w.p("", b.Text)
	}
}

// p writes a paragraph of body text of a class ("" for none).
func (w *docWriter) p(class, text string) {
	if class == "" {
		fmt.Fprintf(&w.b, "<p>%s</p>\n", prose(text))
		return
	}
	fmt.Fprintf(&w.b, "<p class=\"%s\">%s</p>\n", class, prose(text))
}

// line writes a paragraph of a class the stylesheet sets keep-all (a
// 发文字号, a 附件 label, a 题注 …): it breaks between words.
func (w *docWriter) line(class, text string) {
	fmt.Fprintf(&w.b, "<p class=\"%s\">%s</p>\n", class, words(text))
}

// title writes the document's title as its h1, and a later title — of a
// document it forwards, or of an attachment — as an h2 opening its section
// (an attachment's section is opened by its label).
func (w *docWriter) title(b, prev *model.Block) {
	w.titles++
	if w.titles == 1 {
		fmt.Fprintf(&w.b, "<h1>%s</h1>\n", words(b.Text))
		return
	}
	if prev == nil || prev.Kind != model.AttachmentLabel {
		w.openSection("forwarded")
	}
	fmt.Fprintf(&w.b, "<h2>%s</h2>\n", words(b.Text))
}

// paragraph writes a paragraph, its run-in head (（一）强化理论学习。) in
// the head's style.
func (w *docWriter) paragraph(b *model.Block) {
	if b.Lead == "" || !strings.HasPrefix(b.Text, b.Lead) {
		w.p("", b.Text)
		return
	}
	fmt.Fprintf(&w.b, "<p><strong class=\"lead-%d\">%s</strong>%s</p>\n",
		b.Level, prose(b.Lead), prose(b.Text[len(b.Lead):]))
}

// runIn writes a paragraph opening with a run-in label in 黑体: an
// article's number (第一条), 答：, a roster's 出席：.
func (w *docWriter) runIn(b *model.Block, class string) {
	open := "<p>"
	if class != "" {
		open = fmt.Sprintf("<p class=\"%s\">", class)
	}
	if b.Lead == "" || !strings.HasPrefix(b.Text, b.Lead) {
		fmt.Fprintf(&w.b, "%s%s</p>\n", open, prose(b.Text))
		return
	}
	fmt.Fprintf(&w.b, "%s<strong class=\"run-in\">%s</strong>%s</p>\n", open, prose(b.Lead), prose(b.Text[len(b.Lead):]))
}

// contents writes a 规章's own 目录: its heading, then its entries as a
// list (they carry their own 第一章 numbers, so the list shows no marker).
func (w *docWriter) contents(b *model.Block) {
	entries := strings.Split(b.Text, "\n")
	w.b.WriteString("<nav class=\"contents\">")
	if strings.Join(strings.Fields(entries[0]), "") == "目录" {
		fmt.Fprintf(&w.b, "<p class=\"contents-title\">%s</p>", words(entries[0]))
		entries = entries[1:]
	} // a plan's outline printed with no label gets none (docs/document-kinds.md#contents)
	w.b.WriteString("<ul>")
	for _, e := range entries {
		fmt.Fprintf(&w.b, "<li>%s</li>", words(e))
	}
	w.b.WriteString("</ul></nav>\n")
}

// roster writes a labelled list (出席：…, 任命：) as a list: the first line
// with its label, each further line under the first name.
func (w *docWriter) roster(b *model.Block) {
	items := strings.Split(b.Text, "\n")
	w.b.WriteString("<ul class=\"roster\">")
	first := items[0]
	if b.Lead != "" && strings.HasPrefix(first, b.Lead) {
		fmt.Fprintf(&w.b, "<li><strong class=\"run-in\">%s</strong>%s</li>", prose(b.Lead), prose(first[len(b.Lead):]))
	} else {
		fmt.Fprintf(&w.b, "<li>%s</li>", prose(first))
	}
	for _, it := range items[1:] {
		fmt.Fprintf(&w.b, "<li class=\"roster-item\">%s</li>", prose(it))
	}
	w.b.WriteString("</ul>\n")
}

// attachmentNote writes the 附件说明: the label, then one line per
// attachment, the lines after the first aligned with the first name
// (GB/T 9704-2012 7.3.4).
func (w *docWriter) attachmentNote(b *model.Block) {
	items := strings.Split(b.Text, "\n")
	label := ""
	for _, l := range []string{"附件：", "附件:"} {
		if strings.HasPrefix(strings.TrimSpace(items[0]), l) {
			label, items[0] = l, strings.TrimPrefix(strings.TrimSpace(items[0]), l)
			break
		}
	}
	w.b.WriteString("<div class=\"attachment-note\">")
	if label != "" {
		fmt.Fprintf(&w.b, "<span class=\"label\">%s</span>", esc(label))
	}
	w.b.WriteString("<ul class=\"items\">") // the items carry their own numbers
	for _, it := range items {
		if strings.TrimSpace(it) == "" {
			continue
		}
		fmt.Fprintf(&w.b, "<li>%s</li>", words(strings.TrimSpace(it)))
	}
	w.b.WriteString("</ul></div>\n")
}

// signature writes the 署名 and 成文日期 as printed: the block stands at the
// right, two characters in, and the date starts two characters right of the
// signer (GB/T 9704-2012 7.3.5.2; the stylesheet sets the offsets).
func (w *docWriter) signature(bs []model.Block) {
	w.b.WriteString("<div class=\"signature\">")
	for _, b := range bs {
		class := "signer"
		if b.Kind == model.SignDate {
			class = "date"
		}
		fmt.Fprintf(&w.b, "<p class=\"%s\">%s</p>", class, words(b.Text))
	}
	w.b.WriteString("</div>\n")
}

// table writes a table with its header rows in <thead> as column heads and
// each merged cell once, spanning its rows and columns. It is wrapped in a
// box that scrolls sideways, so a wide table never widens the page on a
// phone.
func (w *docWriter) table(t *model.Table) {
	if t == nil {
		return
	}
	w.b.WriteString("<div class=\"table\"><table>\n")
	byRow := make([][]model.Cell, t.Rows)
	for _, c := range t.Cells {
		if c.Row >= 0 && c.Row < t.Rows {
			byRow[c.Row] = append(byRow[c.Row], c)
		}
	}
	for r, cells := range byRow {
		switch {
		case r == 0 && t.HeaderRows > 0:
			w.b.WriteString("<thead>\n")
		case r == t.HeaderRows:
			w.b.WriteString("<tbody>\n")
		}
		w.b.WriteString("<tr>")
		for _, c := range cells {
			tag, scope := "td", ""
			if r < t.HeaderRows {
				tag, scope = "th", " scope=\"col\""
				if c.ColSpan > 1 {
					scope = " scope=\"colgroup\""
				}
			}
			span := ""
			if c.RowSpan > 1 {
				span += fmt.Sprintf(" rowspan=\"%d\"", c.RowSpan)
			}
			if c.ColSpan > 1 {
				span += fmt.Sprintf(" colspan=\"%d\"", c.ColSpan)
			}
			if numeric(c.Text) {
				span += " class=\"num\""
			}
			fmt.Fprintf(&w.b, "<%s%s%s>%s</%s>", tag, scope, span, words(c.Text), tag)
		}
		w.b.WriteString("</tr>\n")
		switch {
		case r == t.HeaderRows-1:
			w.b.WriteString("</thead>\n")
		case r == t.Rows-1:
			w.b.WriteString("</tbody>\n")
		}
	}
	w.b.WriteString("</table></div>\n")
}

// numeric reports whether a cell holds a number only (set right, as the
// printed table aligns a column of numbers).
func numeric(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789.,-+%", r) {
			return false
		}
	}
	return true
}

// image writes a picture inside the page itself (a data: address), so the
// folder needs no other file and the page loads nothing.
func (w *docWriter) image(im *model.Image) {
	if im == nil {
		return
	}
	data := im.Data
	if data == nil {
		var err error
		if data, err = os.ReadFile(im.Path); err != nil {
			if w.err == nil {
				w.err = fmt.Errorf("网页版读取图片 %s: %w", im.Path, err)
			}
			return
		}
	}
	mime := http.DetectContentType(data) // image/png or image/jpeg, the kinds gazette reads
	alt := im.Alt
	if alt == "" { // as the web PDF's Figure, the file's name stands in
		alt = strings.TrimSuffix(filepath.Base(im.Path), filepath.Ext(im.Path))
	}
	fmt.Fprintf(&w.b, "<figure><img src=\"data:%s;base64,%s\" alt=\"%s\"></figure>\n",
		mime, base64.StdEncoding.EncodeToString(data), escAttr(alt))
}
