package render

import (
	"compress/flate"
	"errors"
	"fmt"
	"math"
	mathbits "math/bits"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/fonts"
	"gazette/internal/pzlib"
	"gazette/layout"
)

// The fonts are written by gazette itself, not by fpdf: fpdf would parse
// each subset font again, subset it a second time (writing a cmap and a
// checksum of its own, both wrong in places), name it utf8<family> without
// a subset tag and map every code 0000–FFFF to Unicode in one range. The
// pages' text is written as raw operators naming the resources /GZ1, /GZ2,
// …, and the font objects are added with the rest of the finishing update
// (pdfx.go), which also puts them into the pages' resource dictionaries.

// pdfFont is one embedded face: its resource name and subset
// (docs/fonts.md#the-fonts-in-the-pdf).
type pdfFont struct {
	res     string // resource name, "GZ1"
	face    *fonts.Face
	sub     *fonts.PDFFont
	program []byte                  // sub.Program, Flate-compressed
	toUni   []byte                  // the ToUnicode CMap, Flate-compressed
	err     error                   // from compressing them
	used    *runeBits               // the characters it prints
	narrow  map[fonts.Narrowed]bool // the narrowed glyphs it prints
}

// fontPlan is the document's embedded fonts, one per face that prints
// something, numbered in order of first use (so the same book gives the
// same names).
type fontPlan struct {
	set    *fonts.Set
	own    [fonts.NumRoles]*fonts.Face
	byFace map[*fonts.Face]*pdfFont
	list   []*pdfFont
	// compressed is done once every font's program and ToUnicode CMap are
	// compressed: they are compressed while the pages are drawn, and
	// needed only when the font objects are written (addFontObjects).
	compressed sync.WaitGroup
	fontDict   types.Dict // the /Font resources, once addFontObjects wrote the fonts
}

// planFonts finds the face of every character of the book (the role's own
// face, or the one fonts.Set.FaceFor gives it, the one layout measured it
// with) and builds each face's subset.
func planFonts(book *layout.Book, set *fonts.Set) (*fontPlan, error) {
	p := &fontPlan{set: set, byFace: map[*fonts.Face]*pdfFont{}}
	var last *fonts.Face
	var pf *pdfFont
	for _, pg := range book.Pages {
		for _, r := range pg.Runs {
			cuts := r.Cuts
			for i, c := range []rune(r.Text) {
				f, err := p.faceFor(r.Role, c)
				if err != nil {
					return nil, err
				}
				if f != last { // mostly the face of the character before
					pf = p.byFace[f]
					if pf == nil {
						pf = &pdfFont{res: "GZ" + strconv.Itoa(len(p.list)+1), face: f,
							used: &runeBits{}, narrow: map[fonts.Narrowed]bool{}}
						p.byFace[f] = pf
						p.list = append(p.list, pf)
					}
					last = f
				}
				pf.used.add(c)
				if len(cuts) > 0 && cuts[0].Index == i {
					if n, ok := narrowing(f, c, cuts[0], r.Size); ok {
						pf.narrow[n] = true
					}
					cuts = cuts[1:]
				}
			}
		}
	}
	errs := make([]error, len(p.list))
	var subsets sync.WaitGroup
	subsets.Add(len(p.list))
	p.compressed.Add(len(p.list))
	for i, pf := range p.list {
		rs := pf.used.runes()
		ns := make([]fonts.Narrowed, 0, len(pf.narrow))
		for n := range pf.narrow {
			ns = append(ns, n) // the subset sorts them
		}
		// each font into its own slot: the result does not depend on
		// scheduling. Its compression follows at once, in the background
		// (compress).
		go func() {
			defer p.compressed.Done()
			errs[i] = pf.subset(rs, ns)
			subsets.Done()
			if errs[i] == nil {
				pf.compress()
			}
		}()
	}
	subsets.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return p, nil
}

// runeBits is a set of characters: a bit per character of the Basic
// Multilingual Plane, a map for the others. planFonts adds every character
// of the book to one; a map per character was a tenth of rendering.
type runeBits struct {
	bmp    [1 << 16 / 64]uint64
	astral map[rune]bool
}

func (s *runeBits) add(r rune) {
	if r >= 0 && r <= 0xFFFF {
		s.bmp[r>>6] |= 1 << (r & 63)
		return
	}
	if s.astral == nil {
		s.astral = map[rune]bool{}
	}
	s.astral[r] = true
}

// runes lists the set's characters (in no order that matters: the subset
// sorts them).
func (s *runeBits) runes() []rune {
	var out []rune
	for w, bits := range s.bmp {
		for ; bits != 0; bits &= bits - 1 {
			out = append(out, rune(w<<6+mathbits.TrailingZeros64(bits)))
		}
	}
	for r := range s.astral {
		out = append(out, r)
	}
	return out
}

// subset makes the font's subset.
func (pf *pdfFont) subset(rs []rune, ns []fonts.Narrowed) error {
	sub, err := pf.face.EmbedSubsetNarrowed(rs, ns)
	if err != nil {
		return err
	}
	pf.sub = sub
	return nil
}

// compress compresses the font's program and ToUnicode CMap. Compressing
// is most of the cost of embedding (a subset of a CJK face is most of a
// megabyte), and the pages need only the subset's glyph IDs, so planFonts
// has it run while they are drawn; addFontObjects waits for it. A large
// program is compressed a chunk per core (pzlib).
func (pf *pdfFont) compress() {
	pf.program, pf.err = pzlib.Compress(pf.sub.Program, programLevel)
	if pf.err == nil {
		pf.toUni, pf.err = pzlib.Compress(toUnicode(pf.sub.Unicode), cmapLevel)
	}
}

// programLevel is the compression of the font programs: Huffman coding
// alone, without looking for repeated strings. Glyph outlines (flags and
// coordinate deltas) repeat little: the sample's six subsets, 810 KB of
// TrueType, take 567 KB at the fastest LZ77 level (BestSpeed) and 610 KB
// with Huffman coding alone (+7.6 %, +5.6 % of the PDF), in a quarter of
// the time (docs/speed.md#the-font-programs).
const programLevel = flate.HuffmanOnly

// cmapLevel is the compression of the ToUnicode CMaps: text, whose repeated
// strings BestSpeed finds (6.3 against 8.3 KB for the body face's).
const cmapLevel = flate.BestSpeed

// faceFor is the face that prints c in role's text.
func (p *fontPlan) faceFor(role fonts.Role, c rune) (*fonts.Face, error) {
	if role < 0 || role >= fonts.NumRoles {
		return nil, fmt.Errorf("render: no role %d", int(role))
	}
	if p.own[role] == nil {
		f, err := p.set.Face(role)
		if err != nil {
			return nil, err
		}
		p.own[role] = f
	}
	if f := p.own[role]; f.Covers(c) {
		return f, nil
	}
	if f, ok := p.set.FaceFor(role, c); ok {
		return f, nil
	}
	return p.own[role], nil // Subset then reports the character missing
}

// showText returns the operators that show text from the current text
// position: each stretch of characters of one face as a hex string of its
// glyph IDs, after the Tf that selects that face at size. A glyph the next
// one overlaps (a Cut: compressed punctuation) is shown narrowed — same
// outline, shorter advance — and the pen moved on by what was taken off, so
// every glyph prints where it did while its box ends where the next begins
// (docs/line-composition.md#compressed-marks-in-the-pdf). A run without
// cuts is shown with Tj, one with cuts with TJ.
func (p *fontPlan) showText(role fonts.Role, text string, size float64, cuts []layout.Cut) (string, error) {
	var b []byte
	var cur *pdfFont
	open, end := "<", "> Tj"
	if len(cuts) > 0 {
		open, end = "[<", "> ] TJ"
	}
	for i, c := range []rune(text) {
		f, err := p.faceFor(role, c)
		if err != nil {
			return "", err
		}
		pf := p.byFace[f]
		g, ok := pf.sub.Glyph(c)
		if !ok {
			return "", fmt.Errorf("render: %q not in the subset of %s", c, f.Name())
		}
		right := 0
		if len(cuts) > 0 && cuts[0].Index == i {
			if n, narrow := narrowing(f, c, cuts[0], size); narrow {
				if g, ok = pf.sub.NarrowGlyph(n); !ok {
					return "", fmt.Errorf("render: narrowed %q not in the subset of %s", c, f.Name())
				}
				right = n.Right
			}
			cuts = cuts[1:]
		}
		if pf != cur {
			if cur != nil {
				b = append(b, end...)
				b = append(b, ' ')
			}
			b = append(b, '/')
			b = append(b, pf.res...)
			b = append(b, ' ')
			b = strconv.AppendFloat(b, size, 'f', -1, 64) // no trailing zeros
			b = append(b, " Tf "...)
			b = append(b, open...)
			cur = pf
		}
		b = appendGlyphID(b, g)
		if right > 0 { // a TJ number moves the pen on by −n/1000 of the size (ISO 32000-1 9.4.3)
			b = append(b, "> "...)
			b = strconv.AppendInt(b, int64(-right), 10)
			b = append(b, " <"...)
		}
	}
	if cur != nil {
		b = append(b, end...)
	}
	return strings.ReplaceAll(string(b), " <> ]", " ]"), nil // no empty string after a last narrowed glyph
}

// appendGlyphID appends a glyph ID as four upper-case hex digits, the
// two-byte code of an Identity-H font.
func appendGlyphID(b []byte, g uint16) []byte {
	const hex = "0123456789ABCDEF"
	return append(b, hex[g>>12], hex[g>>8&0xF], hex[g>>4&0xF], hex[g&0xF])
}

// cutQuantum is the step, in 1/1000 em, in which a glyph is narrowed: the
// narrowed glyphs squeezed lines need are shared between lines, and boxes
// still overlap by at most half a step (0.005 em).
const cutQuantum = 10

// narrowing is the narrowed glyph that draws c of face f at size with cut:
// the cut rounded to cutQuantum, leaving at least one step of advance. It
// reports false when the cut rounds to nothing.
func narrowing(f *fonts.Face, c rune, cut layout.Cut, size float64) (fonts.Narrowed, bool) {
	adv, ok := f.Advance(c)
	if !ok || size <= 0 {
		return fonts.Narrowed{}, false
	}
	full := int(math.Round(adv * 1000))
	right := int(math.Round(cut.Right/size*1000/cutQuantum)) * cutQuantum
	right = min(right, full-cutQuantum)
	return fonts.Narrowed{R: c, Right: right}, right > 0
}

// addFontObjects writes every font of the plan into ctx as new objects —
// Type 0 font, CIDFontType2 descendant, descriptor, FontFile2, ToUnicode —
// and keeps the /Font resource dictionary that names them (fontDict) for
// the finishing update to put into the pages' resources.
func (p *fontPlan) addFontObjects(ctx *model.Context) error {
	p.compressed.Wait()
	fontDict := types.Dict{}
	for _, pf := range p.list {
		if pf.err != nil {
			return fmt.Errorf("压缩字体 %s: %w", pf.sub.BaseFont, pf.err)
		}
		ref, err := pf.write(ctx)
		if err != nil {
			return err
		}
		fontDict[pf.res] = *ref
	}
	p.fontDict = fontDict
	return nil
}

// write adds one font's objects and returns the Type 0 font's reference.
func (pf *pdfFont) write(ctx *model.Context) (*types.IndirectRef, error) {
	s := pf.sub
	file, err := newObject(ctx, flateStream(types.Dict{"Length1": types.Integer(len(s.Program))}, pf.program))
	if err != nil {
		return nil, err
	}
	toUni, err := newObject(ctx, flateStream(types.Dict{}, pf.toUni))
	if err != nil {
		return nil, err
	}
	desc, err := newObject(ctx, types.Dict{
		"Type":        types.Name("FontDescriptor"),
		"FontName":    types.Name(s.BaseFont),
		"Flags":       types.Integer(4), // symbolic: glyphs outside the standard Latin set (ISO 32000-1 9.8.2)
		"FontBBox":    types.NewIntegerArray(s.BBox[:]...),
		"ItalicAngle": types.Float(s.ItalicAngle),
		"Ascent":      types.Integer(s.Ascent),
		"Descent":     types.Integer(s.Descent),
		"CapHeight":   types.Integer(s.CapHeight),
		"StemV":       types.Integer(s.StemV),
		"FontFile2":   *file,
	})
	if err != nil {
		return nil, err
	}
	cid, err := newObject(ctx, types.Dict{
		"Type":     types.Name("Font"),
		"Subtype":  types.Name("CIDFontType2"),
		"BaseFont": types.Name(s.BaseFont),
		"CIDSystemInfo": types.Dict{"Registry": types.StringLiteral("Adobe"),
			"Ordering": types.StringLiteral("Identity"), "Supplement": types.Integer(0)},
		"FontDescriptor": *desc,
		"DW":             types.Integer(1000),
		"W":              widthArray(s.Widths),
		"CIDToGIDMap":    types.Name("Identity"),
	})
	if err != nil {
		return nil, err
	}
	return newObject(ctx, types.Dict{
		"Type":            types.Name("Font"),
		"Subtype":         types.Name("Type0"),
		"BaseFont":        types.Name(s.BaseFont),
		"Encoding":        types.Name("Identity-H"),
		"DescendantFonts": types.Array{*cid},
		"ToUnicode":       *toUni,
	})
}

// newObject adds obj to the update and returns its reference.
func newObject(ctx *model.Context, obj types.Object) (*types.IndirectRef, error) {
	ref, err := ctx.IndRefForNewObject(obj)
	if err != nil {
		return nil, fmt.Errorf("写入字体对象: %w", err)
	}
	ctx.Write.IncrementWithObjNr(ref.ObjectNumber.Value())
	return ref, nil
}

// flateStream is a stream of raw, Flate-compressed data.
func flateStream(d types.Dict, raw []byte) types.StreamDict {
	n := int64(len(raw))
	d.Insert("Filter", types.Name("FlateDecode"))
	d.Insert("Length", types.Integer(n))
	sd := types.NewStreamDict(d, 0, &n, nil, []types.PDFFilter{{Name: "FlateDecode"}})
	sd.Raw = raw
	return sd
}

// widthArray is the CIDFont's W array: runs of consecutive glyphs with
// their widths, those of the default width 1000 (DW) left out
// (ISO 32000-1 9.7.4.3).
func widthArray(ws []int) types.Array {
	var out types.Array
	for g := 1; g < len(ws); {
		if ws[g] == 1000 {
			g++
			continue
		}
		start := g
		var run types.Array
		for g < len(ws) && ws[g] != 1000 {
			run = append(run, types.Integer(ws[g]))
			g++
		}
		out = append(out, types.Integer(start), run)
	}
	return out
}

// toUnicode is the ToUnicode CMap mapping each glyph (CID) to the
// character it prints (ISO 32000-1 9.10.3): one bfchar entry per glyph
// used, at most 100 a block (the CMap format's limit, 9.7.5.4), characters
// beyond the BMP as UTF-16 surrogate pairs. No bfrange: Ghostscript 10.00
// (Debian 12), whose text extraction print shops and our tests use, decodes
// a bfrange onto a two-byte destination as single bytes (一丁 came out as
// "NO"), while every reader reads bfchar alike; compressed, the longer map
// costs a few kilobytes.
func toUnicode(uni []rune) []byte {
	b := make([]byte, 0, 400+len(uni)*16) // a line per glyph: "<0123> <4E00>\n"
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	var glyphs []uint16
	for g := 1; g < len(uni) && g <= 0xFFFF; g++ { // glyph IDs are 16 bits: a subset has at most 65,535 glyphs
		if uni[g] != 0 {
			glyphs = append(glyphs, uint16(g))
		}
	}
	for i := 0; i < len(glyphs); i += 100 {
		block := glyphs[i:min(i+100, len(glyphs))]
		b = strconv.AppendInt(b, int64(len(block)), 10)
		b = append(b, " beginbfchar\n"...)
		var units [2]uint16
		for _, g := range block {
			b = append(appendGlyphID(append(b, '<'), g), "> <"...)
			for _, u := range utf16.AppendRune(units[:0], uni[g]) {
				b = appendGlyphID(b, u) // a UTF-16 code unit: four hex digits too
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}

// utf16Text is s as a PDF text string in UTF-16BE with its byte order mark
// (ISO 32000-1 7.9.2.2), for fpdf to write as bytes (bookmark titles).
func utf16Text(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, v := range u {
		b = append(b, byte(v>>8), byte(v))
	}
	return string(b)
}
