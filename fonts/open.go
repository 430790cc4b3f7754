package fonts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	ot "github.com/go-text/typesetting/font/opentype"
)

// origin is where a face's bytes come from: a bundled face or a user file.
type origin struct {
	role  Role
	path  string // the user's file; "" for a bundled face
	index int    // face in a collection, once resolved
	auto  bool   // index chosen by pick as the collection's Simplified Chinese face
	bin   builtin
}

// builtin reports whether the face is bundled with gazette.
func (o *origin) builtin() bool { return o.path == "" }

// label is what Face.File returns.
func (o *origin) label() string {
	if o.builtin() {
		return "内置 " + o.bin.file
	}
	return o.path
}

// fail turns a low-level error about the font's content into the error the
// caller returns: a *FontError for user files, an internal error for
// bundled ones (which cannot be the user's fault).
func (o *origin) fail(err error) error {
	if o.builtin() {
		return fmt.Errorf("内置字体 %s 无法解析: %w", o.bin.file, err)
	}
	return errNotFont(o.role, o.path, err)
}

// unusable is fail for a font that parses but cannot serve.
func (o *origin) unusable(why string) error {
	if o.builtin() {
		return fmt.Errorf("内置字体 %s 无法使用: %s", o.bin.file, why)
	}
	return errUnusable(o.role, o.path, why)
}

// badGlyph reports a glyph whose outline cannot be read.
func (o *origin) badGlyph(r rune, err error) error {
	if o.builtin() {
		return fmt.Errorf("内置字体 %s 中 %c（U+%04X）的字形无法读取: %w", o.bin.file, r, r, err)
	}
	var fe *FontError
	if errors.As(err, &fe) {
		return err // already says what is wrong with the file
	}
	return &FontError{Role: o.role, File: o.path,
		Msg:  fmt.Sprintf("%s所用字体中 %c（U+%04X）的字形无法读取，文件可能已损坏", o.role, r, r),
		Hint: "请换用完好的字体文件。" + configHint(o.role), Err: err}
}

// opened is a font file opened for reading. go-text's loaders check the
// container (single font or TTC/OTC collection) and count its faces; tables
// are then read through dirs, which bounds every read by the file's size, so
// a damaged length cannot make gazette allocate gigabytes.
type opened struct {
	loaders []*ot.Loader
	file    *os.File // nil for bundled faces
	data    []byte   // the bundled face's bytes
	size    int64
	dirs    map[int]map[string]tableLoc // face index → its table directory
}

// tableLoc is where a table lies in the file.
type tableLoc struct{ off, n int64 }

// Close releases the file, if any.
func (f *opened) Close() {
	if f.file != nil {
		f.file.Close()
	}
}

// readerAt is the file or the bundled bytes, for reading at offsets.
func (f *opened) readerAt() io.ReaderAt {
	if f.file != nil {
		return f.file
	}
	return bytes.NewReader(f.data)
}

// has reports whether face index has the table.
func (f *opened) has(index int, tag string) bool {
	_, ok := f.dir(index)[tag]
	return ok
}

// table returns a table of face index, failing if it is missing, lies
// outside the file or is shorter than min. A bundled face's table is a slice
// of the embedded bytes, not a copy.
func (f *opened) table(index int, tag string, min int) ([]byte, error) {
	loc, ok := f.dir(index)[tag]
	if !ok || loc.n < int64(min) {
		return nil, fmt.Errorf("table %q: %w", tag, errNoTable)
	}
	if f.file == nil {
		return f.data[loc.off : loc.off+loc.n], nil
	}
	b := make([]byte, loc.n)
	if _, err := f.file.ReadAt(b, loc.off); err != nil {
		return nil, fmt.Errorf("table %q: %w", tag, err)
	}
	return b, nil
}

// dir reads the table directory of face index, once. Entries that point
// outside the file are dropped (the table then counts as missing). Formats
// other than plain sfnt and TTC/OTC (such as WOFF) give an empty directory.
func (f *opened) dir(index int) map[string]tableLoc {
	if d, ok := f.dirs[index]; ok {
		return d
	}
	d := map[string]tableLoc{}
	f.dirs[index] = d
	r := f.readerAt()
	base, ok := f.faceOffset(r, index)
	var hdr [12]byte
	if !ok || readAt(r, hdr[:], base) != nil {
		return d
	}
	if v := be.Uint32(hdr[:]); v != 0x00010000 && v != 0x74727565 && string(hdr[:4]) != "OTTO" {
		return d
	}
	entries := make([]byte, 16*int(be.Uint16(hdr[4:])))
	if readAt(r, entries, base+12) != nil {
		return d
	}
	for i := 0; i+16 <= len(entries); i += 16 {
		tag := string(entries[i : i+4])
		off, n := int64(be.Uint32(entries[i+8:])), int64(be.Uint32(entries[i+12:]))
		if _, dup := d[tag]; !dup && off+n <= f.size {
			d[tag] = tableLoc{off, n}
		}
	}
	return d
}

// faceOffset is where face index's offset table starts.
func (f *opened) faceOffset(r io.ReaderAt, index int) (int64, bool) {
	var hdr [12]byte
	if readAt(r, hdr[:], 0) != nil {
		return 0, false
	}
	if string(hdr[:4]) != "ttcf" {
		return 0, index == 0
	}
	var o [4]byte
	if index < 0 || index >= int(be.Uint32(hdr[8:])) || readAt(r, o[:], 12+4*int64(index)) != nil {
		return 0, false
	}
	return int64(be.Uint32(o[:])), true
}

// readAt fills b from r at off.
func readAt(r io.ReaderAt, b []byte, off int64) error {
	_, err := r.ReadAt(b, off)
	return err
}

// open reads the file's header and table directories (not the tables).
func (o *origin) open() (*opened, error) {
	if o.builtin() {
		lds, err := ot.NewLoaders(bytes.NewReader(o.bin.data))
		if err != nil {
			return nil, o.fail(err)
		}
		return &opened{loaders: lds, data: o.bin.data, size: int64(len(o.bin.data)),
			dirs: map[int]map[string]tableLoc{}}, nil
	}
	file, err := os.Open(o.path)
	if err != nil {
		return nil, errMissing(o.role, o.path, err)
	}
	st, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, errMissing(o.role, o.path, err)
	}
	lds, err := ot.NewLoaders(file)
	if err != nil {
		file.Close()
		return nil, o.fail(err)
	}
	return &opened{loaders: lds, file: file, size: st.Size(), dirs: map[int]map[string]tableLoc{}}, nil
}

// pick chooses the face src asks for and records its index in o.
func (o *origin) pick(f *opened, src Source) error {
	switch {
	case o.builtin():
		o.index = 0
	case src.Name != "":
		o.index = findFace(f, src.Name)
		if o.index < 0 {
			return errFaceName(o.role, o.path, src.Name, labels(f))
		}
	case src.Index == 0 && !src.IndexSet && len(f.loaders) > 1:
		o.index, o.auto = simplifiedFace(f), true
	case src.Index < 0 || src.Index >= len(f.loaders):
		return errFaceIndex(o.role, o.path, src.Index, labels(f))
	default:
		o.index = src.Index
	}
	return nil
}

// simplifiedFace picks a collection's face for Chinese text: the first
// Simplified Chinese face by its names, else the first face of no stated
// language, else the first Traditional one, else face 0.
func simplifiedFace(f *opened) int {
	best, bestLang := 0, scriptJK+1
	for i := range f.loaders {
		lang, _ := classify(readNames(f, i))
		if lang < bestLang {
			best, bestLang = i, lang
		}
	}
	return best
}

// errNoTable is returned when a required table is missing or short.
var errNoTable = errors.New("required table missing or truncated")
