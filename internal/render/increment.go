package render

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"slices"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The finishing update is written here directly, after fpdf's file, as an
// incremental update (ISO 32000-1 7.5.6): the objects it changes written
// anew under their old numbers, the new ones under the numbers that follow
// fpdf's, a cross-reference section for them and a trailer pointing back
// at fpdf's. fpdf's file is not read back as a whole: fpdf writes a classic
// cross-reference table (7.5.4) with one entry a line, so each object it
// wrote is found by its number, and only the few the update changes (the
// catalog, the pages, the resources, Info, the outline) are read, each as
// the text fpdf wrote for it, and written again with what it lacks.
// Reading the whole file back with pdfcpu was 4 % of a build's CPU and, on
// long issues, a large part of its memory.

// fpdfFile is the file fpdf wrote, read only as far as the update needs:
// its cross-reference table and trailer (ISO 32000-1 7.5.4, 7.5.5).
type fpdfFile struct {
	data []byte
	xref int   // where the cross-reference table starts
	at   []int // each object's offset, by object number (0 for object 0)
	end  []int // where each object's text ends: where the next one starts
	root int   // the catalog's object number (trailer /Root)
	info int   // the document information dictionary's (trailer /Info)
}

// xrefEntryLen is the length of a cross-reference entry, its end of line
// included (ISO 32000-1 7.5.4: exactly 20 bytes).
const xrefEntryLen = 20

// readFpdf reads the cross-reference table and trailer at the end of data,
// the file fpdf wrote: "xref", one subsection "0 n" with an entry per
// object, "trailer" with /Size, /Root and /Info, "startxref" and its offset.
func readFpdf(data []byte) (*fpdfFile, error) {
	bad := func(what string) error { return fmt.Errorf("补充 PDF 文件结构：fpdf 写出的文件%s", what) }
	tail := data[max(0, len(data)-48):]
	i := bytes.LastIndex(tail, []byte("startxref\n"))
	if i < 0 {
		return nil, bad("没有 startxref")
	}
	num, _, _ := bytes.Cut(tail[i+len("startxref\n"):], []byte("\n"))
	xref, err := strconv.Atoi(string(num))
	if err != nil || xref <= 0 || xref >= len(data) {
		return nil, bad("的 startxref 不对")
	}
	rest, ok := bytes.CutPrefix(data[xref:], []byte("xref\n0 "))
	if !ok {
		return nil, bad("的交叉引用表不在 startxref 所指的位置")
	}
	num, rest, _ = bytes.Cut(rest, []byte("\n"))
	size, err := strconv.Atoi(string(num))
	if err != nil || size < 1 || size > len(rest)/xrefEntryLen {
		return nil, bad("的交叉引用表不完整")
	}
	f := &fpdfFile{data: data, xref: xref, at: make([]int, size), end: make([]int, size)}
	for n := range size {
		e := rest[n*xrefEntryLen : (n+1)*xrefEntryLen]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off < 0 || off >= xref || (n > 0 && string(e[10:]) != " 00000 n \n") {
			return nil, bad(fmt.Sprintf("的交叉引用表第 %d 项不对", n))
		}
		f.at[n] = off
	}
	trailer := rest[size*xrefEntryLen:]
	if !bytes.HasPrefix(trailer, []byte("trailer\n")) {
		return nil, bad("没有 trailer")
	}
	if s, ok := intEntry(trailer, "Size"); !ok || s != size {
		return nil, bad("的 trailer /Size 与交叉引用表不符")
	}
	f.root, ok = refEntry(trailer, "Root")
	if !ok || f.root <= 0 || f.root >= size {
		return nil, bad("的 trailer 没有 /Root")
	}
	f.info, ok = refEntry(trailer, "Info")
	if !ok || f.info <= 0 || f.info >= size {
		return nil, bad("的 trailer 没有 /Info")
	}
	// fpdf writes the objects one after the other, the table after the
	// last: an object's text ends where the next one in the file starts
	order := make([]int, size-1)
	for n := range order {
		order[n] = n + 1
	}
	slices.SortFunc(order, func(a, b int) int { return f.at[a] - f.at[b] })
	for k, n := range order {
		f.end[n] = xref
		if k+1 < len(order) {
			f.end[n] = f.at[order[k+1]]
		}
	}
	return f, nil
}

// size is the trailer's /Size: one more than the highest object number.
func (f *fpdfFile) size() int { return len(f.at) }

// object returns the text of object n, between "n 0 obj" and "endobj",
// without the line ends around it.
func (f *fpdfFile) object(n int) ([]byte, error) {
	if n <= 0 || n >= f.size() {
		return nil, fmt.Errorf("补充 PDF 文件结构：没有第 %d 号对象", n)
	}
	text := f.data[f.at[n]:f.end[n]]
	body, ok := bytes.CutPrefix(text, []byte(strconv.Itoa(n)+" 0 obj\n"))
	if ok {
		body, ok = bytes.CutSuffix(body, []byte("\nendobj\n"))
	}
	if !ok {
		return nil, fmt.Errorf("补充 PDF 文件结构：第 %d 号对象的写法不对", n)
	}
	return body, nil
}

// intEntry finds "/key n" in a dictionary's text that holds no strings
// (where "/key" could not be part of a string).
func intEntry(dict []byte, key string) (int, bool) {
	i := bytes.Index(dict, []byte("/"+key+" "))
	if i < 0 {
		return 0, false
	}
	n, _ := leadingInt(dict[i+len(key)+2:])
	return n, n >= 0
}

// refEntry finds "/key n 0 R" in a dictionary's text that holds no
// strings.
func refEntry(dict []byte, key string) (int, bool) {
	i := bytes.Index(dict, []byte("/"+key+" "))
	if i < 0 {
		return 0, false
	}
	n, rest := leadingInt(dict[i+len(key)+2:])
	return n, n > 0 && bytes.HasPrefix(rest, []byte(" 0 R"))
}

// refList reads the references of an array, "[3 0 R 5 0 R ]".
func refList(arr []byte) ([]int, bool) {
	arr, ok := bytes.CutPrefix(arr, []byte("["))
	if !ok {
		return nil, false
	}
	var out []int
	for {
		arr = bytes.TrimLeft(arr, " \n")
		if bytes.HasPrefix(arr, []byte("]")) {
			return out, true
		}
		n, rest := leadingInt(arr)
		if n <= 0 || !bytes.HasPrefix(rest, []byte(" 0 R")) {
			return nil, false
		}
		out = append(out, n)
		arr = rest[len(" 0 R"):]
	}
}

// leadingInt reads the unsigned integer b starts with; -1 if none.
func leadingInt(b []byte) (int, []byte) {
	i := 0
	for i < len(b) && i < 10 && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == 0 {
		return -1, b
	}
	n, _ := strconv.Atoi(string(b[:i]))
	return n, b[i:]
}

// update is an incremental update being written after base: its bytes as a
// list of parts (a font program is a part of its own, not copied), and
// where each object it writes starts.
type update struct {
	base   *fpdfFile
	parts  [][]byte
	buf    []byte // text not yet a part
	pos    int    // the file offset of buf's start
	starts map[int]int
	next   int // the next new object's number
}

func newUpdate(base *fpdfFile) *update {
	return &update{base: base, pos: len(base.data), starts: map[int]int{}, next: base.size()}
}

// offset is where the next byte written lands in the file.
func (u *update) offset() int { return u.pos + len(u.buf) }

// newNumber reserves the next object number.
func (u *update) newNumber() int {
	u.next++
	return u.next - 1
}

// begin starts object n (ISO 32000-1 7.3.10).
func (u *update) begin(n int) {
	u.starts[n] = u.offset()
	u.buf = strconv.AppendInt(u.buf, int64(n), 10)
	u.buf = append(u.buf, " 0 obj\n"...)
}

func (u *update) end() { u.buf = append(u.buf, "\nendobj\n"...) }

// object writes object n with the text body.
func (u *update) object(n int, body ...[]byte) {
	u.begin(n)
	for _, b := range body {
		u.buf = append(u.buf, b...)
	}
	u.end()
}

// stream writes object n, a stream: its dictionary (with /Length), then
// data as a part of its own (ISO 32000-1 7.3.8.1: the end of line after
// "stream" is not data, the one before "endstream" is not either).
func (u *update) stream(n int, dict string, data []byte) {
	u.begin(n)
	u.buf = append(u.buf, dict...)
	u.buf = append(u.buf, "\nstream\n"...)
	u.flush()
	u.parts = append(u.parts, data)
	u.pos += len(data)
	u.buf = append(u.buf, "\nendstream"...)
	u.end()
}

// flush makes the text written so far a part.
func (u *update) flush() {
	if len(u.buf) > 0 {
		u.parts = append(u.parts, u.buf)
		u.pos += len(u.buf)
		u.buf = nil
	}
}

// pdfcpuObjects writes the objects a pdfcpu table (newObjectTable)
// received past the update's own numbers — the fonts, the web edition's
// link annotations and structure tree, which fonts.go, web.go and tags.go
// build as pdfcpu objects — in number order, and takes their numbers.
func (u *update) pdfcpuObjects(ctx *model.Context) error {
	for n := u.next; n < *ctx.Size; n++ {
		e, ok := ctx.Table[n]
		if !ok || e.Object == nil {
			return fmt.Errorf("补充 PDF 文件结构：第 %d 号对象没有写出", n)
		}
		switch o := e.Object.(type) {
		case types.StreamDict:
			if o.Raw == nil || o.StreamLength == nil || int(*o.StreamLength) != len(o.Raw) {
				return fmt.Errorf("补充 PDF 文件结构：第 %d 号流对象的长度不对", n)
			}
			u.stream(n, o.Dict.PDFString(), o.Raw)
		default:
			u.object(n, []byte(o.PDFString()))
		}
	}
	u.next = *ctx.Size
	return nil
}

// newObjectTable is a pdfcpu table that holds no object and numbers new
// ones from u's next number on, for code that builds objects with pdfcpu's
// types without a whole file read into it; pdfcpuObjects writes them.
func (u *update) newObjectTable() *model.Context {
	zero, free := int64(0), 65535
	size := u.next
	return &model.Context{
		XRefTable: &model.XRefTable{
			Table: map[int]*model.XRefTableEntry{0: {Free: true, Offset: &zero, Generation: &free}},
			Size:  &size,
		},
		Write: model.NewWriteContext("\n"),
	}
}

// finish writes the cross-reference section for the objects written, one
// subsection per run of consecutive numbers (ISO 32000-1 7.5.4), and the
// trailer: fpdf's entries, /Prev pointing at fpdf's table, and /ID
// (7.5.6, 14.4). The ID is derived from every byte before the trailer, so
// the same inputs give the same file and different content a different
// ID. It returns the update's parts.
func (u *update) finish() [][]byte {
	nums := make([]int, 0, len(u.starts))
	for n := range u.starts {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	xref := u.offset()
	u.buf = append(u.buf, "xref\n"...)
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		u.buf = fmt.Appendf(u.buf, "%d %d\n", nums[i], j-i)
		for _, n := range nums[i:j] {
			u.buf = fmt.Appendf(u.buf, "%010d 00000 n \n", u.starts[n])
		}
		i = j
	}
	u.flush()
	id := hex.EncodeToString(u.contentID())
	u.buf = fmt.Appendf(u.buf, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /Prev %d /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		u.next, u.base.root, u.base.info, u.base.xref, id, id, xref)
	u.flush()
	return u.parts
}

// contentID is the file identifier (ISO 32000-1 14.4), 16 bytes: CRC-32 in
// the Castagnoli and in the IEEE polynomial of every byte written so far
// (fpdf's file and the update up to its trailer), and that length. An ID
// must tell files apart, not resist forgery; both CRCs run in hardware
// (SSE 4.2, PCLMULQDQ; ARMv8 CRC32), about twenty times as fast as SHA-256,
// which took a millisecond for a long issue.
func (u *update) contentID() []byte {
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	c := crc32.Checksum(u.base.data, castagnoli)
	ieee := crc32.ChecksumIEEE(u.base.data)
	for _, p := range u.parts {
		c = crc32.Update(c, castagnoli, p)
		ieee = crc32.Update(ieee, crc32.IEEETable, p)
	}
	id := binary.BigEndian.AppendUint32(nil, c)
	id = binary.BigEndian.AppendUint32(id, ieee)
	return binary.BigEndian.AppendUint64(id, uint64(u.pos))
}

// pdfLiteral is s as a PDF literal string, "\", "(" and ")" escaped
// (ISO 32000-1 7.3.4.2): for ASCII text.
func pdfLiteral(s string) []byte {
	b := []byte{'('}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}
