// Package docx reads a Word document (.docx, Office Open XML
// WordprocessingML, ECMA-376 Part 1 §17) into the plain sequence of
// paragraphs, tables and pictures that a gazette prints: the text as Word
// shows it, with its automatic list numbering written out ("一、", "（一）",
// "1."), tracked insertions kept and deletions dropped (the changes
// accepted), comments and hidden text left out, and footnotes collected in
// the order they are referenced.
//
// Each paragraph carries what Word says about it besides its text — its
// alignment, indents and the kind of its style (Title, Heading 1–9) — so a
// reader can use them as hints; this package recognises nothing itself.
//
// The reader is built to refuse hostile files rather than to read every
// file: the archive's entries are counted, every part is read through a cap
// on its uncompressed size, element nesting is bounded, and a document type
// declaration (the carrier of XML entity expansion) is refused.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits on what one .docx may hold. A 公文 of a hundred pages with its
// pictures is far inside all of them; a zip bomb is not.
const (
	maxEntries   = 2000     // files in the archive
	maxXMLPart   = 32 << 20 // uncompressed bytes of one XML part
	maxMediaPart = 32 << 20 // uncompressed bytes of one picture
	maxTotal     = 96 << 20 // uncompressed bytes read from the whole archive
	maxDepth     = 200      // nesting of XML elements
)

// Errors the reader returns (wrapped with the part they concern).
var (
	ErrNotDocx  = errors.New("not a Word document (.docx)")
	ErrTooLarge = errors.New("archive part too large when uncompressed")
	ErrHostile  = errors.New("document structure refused")
)

// Align is a paragraph's alignment (w:jc, §17.3.1.13).
type Align int

// The alignments; Both is justified.
const (
	AlignDefault Align = iota // start, as most body text
	AlignCenter
	AlignRight
	AlignBoth
)

// Style is the kind of a paragraph's style, found by its name through the
// basedOn chain (§17.7.4): Word's built-in "Title" and "heading N", and the
// names WPS and Chinese Word give them (标题, 标题 N).
type Style int

// Style kinds. Heading1..Heading9 are consecutive.
const (
	StyleNormal Style = iota
	StyleTitle
	StyleHeading1
)

// HeadingLevel is 1–9 for a heading style, else 0.
func (s Style) HeadingLevel() int {
	if s >= StyleHeading1 {
		return int(s-StyleHeading1) + 1
	}
	return 0
}

// Document is what a .docx holds, in reading order.
type Document struct {
	Blocks    []Block
	Footnotes []Note // the footnotes referenced in the text, in order
}

// Block is one paragraph, table or picture of the body. Exactly one of
// Para, Table and Picture is set.
type Block struct {
	Para    *Paragraph
	Table   *Table
	Picture *Picture
}

// Paragraph is one paragraph of text.
type Paragraph struct {
	// Number counts the body's paragraphs that hold text, from 1: what a
	// message shows as 第N段.
	Number int
	// Text is the paragraph as Word shows it: the numbering label, then the
	// runs; "\n" where Word has a manual line break (Shift+Enter), "\t" for
	// a tab. It is "" for an empty paragraph (a blank line).
	Text string
	// Label is the automatic numbering label at the start of Text ("一、"),
	// or "".
	Label string
	Align Align
	Style Style
	// IndentLeft and IndentFirst are the left and first-line indents in
	// twentieths of a point (negative IndentFirst: a hanging indent).
	IndentLeft, IndentFirst int
	// NoteRefs are the footnotes referenced in the paragraph, as indexes
	// into Document.Footnotes.
	NoteRefs []int
}

// Table is a Word table on a grid: each Cell starts a merged area.
type Table struct {
	Rows, Columns int
	HeaderRows    int // leading rows marked "repeat as header row" (w:tblHeader)
	Cells         []Cell
	Number        int // the paragraph number the table follows (for messages)
}

// Cell is one (possibly merged) cell of a Table.
type Cell struct {
	Row, Col         int // 0-based, top-left grid cell
	RowSpan, ColSpan int // ≥ 1
	Text             string
}

// Picture is an inline picture.
type Picture struct {
	Name     string // the part's name in the archive: word/media/image1.png
	Data     []byte
	WidthEMU int64 // width as placed in Word (914400 EMU to the inch); 0 if unknown
	Number   int   // the paragraph number it is in or follows
	// Alt is the picture's alternative text (wp:docPr descr, else its
	// title); "" when Word holds none.
	Alt string
}

// Note is a footnote: its number as printed and its text, paragraphs
// separated by "\n".
type Note struct {
	Mark string // "①"
	Text string
}

// Read reads a .docx from its bytes.
func Read(data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("%w: %d files in the archive (at most %d)", ErrHostile, len(zr.File), maxEntries)
	}
	pk := &pkg{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		pk.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	main := pk.mainPart()
	if pk.files[main] == nil {
		return nil, fmt.Errorf("%w: no %s", ErrNotDocx, main)
	}
	rd := &reader{pkg: pk, part: main}
	if err := rd.load(); err != nil {
		return nil, err
	}
	if err := rd.body(); err != nil {
		return nil, err
	}
	return rd.doc, nil
}

// pkg is the zip package with the bytes read so far counted.
type pkg struct {
	files map[string]*zip.File
	read  int64
}

// part reads one part, "" and no error when the package has none.
func (p *pkg) part(name string, limit int64) ([]byte, error) {
	f := p.files[name]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w (more than %d MB)", name, ErrTooLarge, limit>>20)
	}
	p.read += int64(len(data))
	if p.read > maxTotal {
		return nil, fmt.Errorf("%s: %w (the archive holds more than %d MB)", name, ErrTooLarge, maxTotal>>20)
	}
	return data, nil
}

// mainPart is the main document part the package relationships name
// (usually word/document.xml).
func (p *pkg) mainPart() string {
	rels, err := p.rels("")
	if err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				return r.target
			}
		}
	}
	return "word/document.xml"
}

// resolve names the part a relationship of part from points to.
func resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(path.Join(path.Dir(from), target))
}
