// Package model is gazette's document model: one Issue of the gazette, its
// Sections, the Documents they hold and the Blocks those documents are made of.
//
// It is plain data. The recogniser (internal/source) fills it from what the
// office staff paste, the manifest (internal/manifest) fills the Issue's front
// matter, and layout turns it into pages. It imports nothing of ours.
package model

import (
	"bytes"
	"io"
	"os"
	"strings"
	"unicode"
)

// Issue is one issue of the gazette: everything the front matter prints,
// given once in the manifest, and the documents in reading order.
type Issue struct {
	Gazette  Gazette   // the periodical itself (names, sponsor, contacts)
	Year     int       // 2023
	Number   int       // 第4期
	Serial   int       // 总第17期
	Date     Date      // publication date (出版日期)
	Copies   int       // 印数, 0 if not printed
	Sections []Section // 栏目, in print order
}

// Gazette holds what stays the same from issue to issue.
type Gazette struct {
	Name        string   // 昌江区人民政府公报
	EnglishName string   // GAZETTE OF THE PEOPLE’S GOVERRNMRNT OF CHANGJIANG DISTRICT
	Sponsor     string   // 主管主办: 昌江区人民政府
	Publisher   string   // 编辑出版: 昌江区人民政府办公室
	Frequency   string   // 双月刊
	Statement   string   // 本刊所登文件与正式文件具有同等效力
	Mottos      []string // 传达政令  宣传政策 / 指导工作  服务社会
	Emblem      string   // path of the emblem image, or ""
	Committee   []CommitteeRole
	Address     string
	Postcode    string
	Website     string
	Telephone   string
	Email       string
	// Permit is the 准印证号 of a 内部资料性出版物 (《内部资料性出版物管理规定》
	// 第十四条: printed on the cover with “内部资料　免费交流”); "" for a
	// gazette with a CN number or none.
	Permit  string
	Printer string // 印刷单位
}

// CommitteeRole is one line of the 编辑委员会 page: a role and its people.
type CommitteeRole struct {
	Role  string   // 主任, 副主任, 委员, 总编, 责任编辑, 封面设计
	Names []string // in print order
}

// Date is a calendar date as the gazette prints it (2023年8月30日).
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// Section is a 栏目 of the issue (区政府办公室文件, 政务动态).
type Section struct {
	Title      string
	ShortTitle string // the running heads' form of a long Title, "" if none
	Line       int    // the line of issue.toml the section is given at, for messages
	Documents  []*Document
}

// Document is one item of the issue as the office submits it: a notice with
// the plan it forwards and its attachments, or one 政务动态 report.
type Document struct {
	Source string  // the file the document came from (for messages)
	Blocks []Block // in reading order
}

// ListTitle is a title as the issue's 目录, the bookmarks and the web
// edition's lists name it: its source lines joined, and the white space an
// office typed between two hanzi to letter-space a short title ("通　告",
// "通 告") dropped — spacing is the title's display, not its words. Spaces
// between Latin words and digits stay. The title itself prints as typed.
func ListTitle(t string) string {
	rs := []rune(strings.ReplaceAll(t, "\n", ""))
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if unicode.IsSpace(rs[i]) && len(out) > 0 && unicode.Is(unicode.Han, out[len(out)-1]) {
			j := i
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			if j < len(rs) && unicode.Is(unicode.Han, rs[j]) {
				i = j - 1
				continue
			}
		}
		out = append(out, rs[i])
	}
	return string(out)
}

// Title returns the document's first title, joined, or "". It is the title
// alone: a 规章's 题注, its own 目录 and its chapter headings are blocks of
// their own, so the issue's 目录 and the bookmarks never carry them.
func (d *Document) Title() string {
	for _, b := range d.Blocks {
		if b.Kind == Title {
			return b.Text
		}
	}
	return ""
}

// DocNumber returns the document's 发文字号 (e.g. 昌府办字〔2023〕25号), or "".
func (d *Document) DocNumber() string {
	for _, b := range d.Blocks {
		if b.Kind == DocNumber {
			return b.Text
		}
	}
	return ""
}

// Kind says what role a Block plays in a document (GB/T 9704-2012 clause 7).
type Kind int

// The block kinds. The comment names the GB/T 9704 element each one is.
const (
	Paragraph       Kind = iota // 正文 paragraph; may open with a run-in head (Lead)
	Title                       // 标题 (7.3.1); Text may hold "\n" where the source breaks it
	DocNumber                   // 发文字号 (7.2.4), without parentheses: 昌府办字〔2023〕25号
	Addressee                   // 主送机关 (7.3.2), ends with "："
	Heading                     // a numbered head alone on its line; Level 1–4 (7.3.3)
	AttachmentNote              // 附件说明 (7.3.4): "附件：1. …"; Text holds one line per item
	Signer                      // 发文机关署名 (7.3.5)
	SignDate                    // 成文日期 (7.3.5.4)
	Note                        // 附注 (7.3.6), in parentheses
	AttachmentLabel             // "附件" / "附件2" heading an attachment (7.3.7); starts a page
	Presider                    // "伊文斌主持": the line under a 政务动态 report's title
	PageBreak                   // explicit 【分页】
	TableBlock                  // a table (Table is set)
	ImageBlock                  // an image (Image is set)

	// The kinds below belong to particular kinds of document (see
	// docs/document-kinds.md): 规章 set in the 立法技术规范 structure, the
	// 命令（令） and 纪要 formats of GB/T 9704-2012 ch. 10, 人事任免, 政策解读.

	Headnote    // 题注 under a 规章's title: "（2024年1月5日省人民政府第30次常务会议通过）"
	Contents    // a 规章's own 目录: Text is "目　　录" and one line per 章/节, "\n"-separated
	Chapter     // 编/章/节 heading "第一章　总　　则"; Level 1 编, 2 章, 3 节
	Article     // 条: a paragraph whose Lead is the article number "第一条"
	OrderHead   // 发文机关标志: the 令 head "某省人民政府令" (GB/T 9704-2012 10.2.3.1), or "某某文件" (7.2.3)
	OrderNumber // "第12号" under a 令 head, or a 公告/通告's number under its title
	Roster      // a labelled list: "出席：…" (纪要, 10.3), "任命：" and its items (人事任免); Lead is the label
	Question    // 政策解读 "问：…"; Lead is "问："
	Answer      // 政策解读 "答：…"; Lead is "答："
	// Issuers are the issuing bodies of a joint document written one a line
	// above its title (the 发文机关 of a 联合行文, GB/T 9704-2012 7.2.3):
	// Text holds one name a line, "\n"-separated. They are never part of
	// the title. NewPage is set on them, not on the title under them, when
	// they head a forwarded document.
	Issuers
)

var kindNames = [...]string{"正文", "标题", "发文字号", "主送机关", "标题层次", "附件说明",
	"署名", "成文日期", "附注", "附件标识", "主持", "分页", "表格", "图片",
	"题注", "目录", "章节", "条", "机关标志", "编号", "名单", "问", "答", "发文机关"}

// String returns the kind's Chinese name, as messages print it.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "未知"
}

// Block is one element of a document.
type Block struct {
	Kind Kind
	// Text is the block's text exactly as it will print (the recogniser only
	// normalises white space). For a Paragraph with a run-in head it is the
	// whole paragraph, Lead included.
	Text string
	// Lead is the run-in head at the start of a Paragraph ("（一）强化理论学习。"),
	// or, for a numbered item — a paragraph that is a sentence, not a head —
	// its number alone ("一、"); a prefix of Text; "" when there is none.
	Lead string
	// Level is the numbering level of a Heading or of a Paragraph's Lead:
	// 1 一、  2 （一）  3 1.  4 （1）; of a Chapter: 1 编, 2 章, 3 节; 0 otherwise.
	Level int
	// NewPage asks for the block to start a new page: the title of a document
	// forwarded by a notice, an attachment label, an explicit page break.
	NewPage bool
	Line    int    // 1-based line in Source where the block starts
	Table   *Table // for TableBlock
	Image   *Image // for ImageBlock
}

// Table is a table read from its own source file (CSV-like, see internal/source).
type Table struct {
	Source     string // file it came from
	Columns    int
	HeaderRows int    // how many leading rows form the header, repeated after a page break
	Cells      []Cell // every cell that starts a span, in row-major order
	Rows       int
}

// Cell is one cell of a Table; a merged cell spans RowSpan × ColSpan grid cells.
type Cell struct {
	Row, Col         int // 0-based position of the top-left grid cell
	RowSpan, ColSpan int // ≥ 1
	Text             string
	Line             int // line in the table source
}

// Image is a picture placed in the text column.
type Image struct {
	// Path is the picture's file; for a picture inside a document (a Word
	// file) it names the document and the part, for messages.
	Path    string
	Data    []byte  // the picture's bytes when it came inside a document; nil: read Path
	WidthMM float64 // 0: as wide as the type area
	// Alt describes what the picture shows, for readers who cannot see it
	// (the 说明=… of 【图片】, a Word picture's alternative text): the web
	// PDF's Figure /Alt and the HTML edition's alt. "": none was given.
	Alt string
}

// Open opens the picture's bytes: Data when it came inside a document,
// else the file at Path.
func (im *Image) Open() (io.ReadCloser, error) {
	if im.Data != nil {
		return io.NopCloser(bytes.NewReader(im.Data)), nil
	}
	return os.Open(im.Path)
}
