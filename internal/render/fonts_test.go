package render

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/fonts"
	"gazette/internal/testtool"
	"gazette/layout"
)

// notoSerifCJK is Debian's fonts-noto-cjk collection (its face 2 is SC),
// installed by scripts/install-test-tools.sh.
const notoSerifCJK = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"

// textBook is a one-page book setting each line in its role.
func textBook(lines map[fonts.Role]string) *layout.Book {
	p := &layout.Page{Recto: true}
	y := 100.0
	for role := fonts.Role(0); role < fonts.NumRoles; role++ {
		if text, ok := lines[role]; ok {
			p.Runs = append(p.Runs, layout.Run{X: 72, Y: y, Role: role, Size: 16, Text: text})
			y += 30
		}
	}
	return &layout.Book{Title: "字体", Pages: []*layout.Page{p}, Width: a4W, Height: a4H}
}

// embeddedFont is one Type 0 font read back from a PDF.
type embeddedFont struct {
	baseFont, fontName string
	program, toUnicode []byte
}

// embeddedFonts reads every Type 0 font of the PDF back.
func embeddedFonts(t *testing.T, ctx *model.Context) []embeddedFont {
	t.Helper()
	var out []embeddedFont
	for _, e := range ctx.Table {
		d, ok := e.Object.(types.Dict)
		if !ok || d.NameEntry("Subtype") == nil || *d.NameEntry("Subtype") != "Type0" {
			continue
		}
		f := embeddedFont{baseFont: *d.NameEntry("BaseFont")}
		f.toUnicode = streamData(t, ctx, d["ToUnicode"])
		desc, err := ctx.DereferenceArray(d["DescendantFonts"])
		if err != nil || len(desc) != 1 {
			t.Fatalf("%s: DescendantFonts %v (%v)", f.baseFont, d["DescendantFonts"], err)
		}
		cid, err := ctx.DereferenceDict(desc[0])
		if err != nil {
			t.Fatal(err)
		}
		fd, err := ctx.DereferenceDict(cid["FontDescriptor"])
		if err != nil {
			t.Fatal(err)
		}
		f.fontName = *fd.NameEntry("FontName")
		f.program = streamData(t, ctx, fd["FontFile2"])
		out = append(out, f)
	}
	return out
}

func streamData(t *testing.T, ctx *model.Context, o types.Object) []byte {
	t.Helper()
	sd, _, err := ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		t.Fatalf("no stream at %v: %v", o, err)
	}
	if err := sd.Decode(); err != nil {
		t.Fatal(err)
	}
	return sd.Content
}

// checkProgram parses a TrueType program back with go-text and checks its
// table directory: every table inside the file, every table's checksum, and
// head.checksumAdjustment (OpenType: the whole file sums to 0xB1B0AFBA).
func checkProgram(t *testing.T, name string, b []byte) {
	t.Helper()
	ld, err := ot.NewLoader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: go-text cannot read the program: %v", name, err)
	}
	if _, err := font.NewFont(ld); err != nil {
		t.Fatalf("%s: go-text cannot parse the font: %v", name, err)
	}
	be := binary.BigEndian
	n := int(be.Uint16(b[4:]))
	var headOff int
	for i := range n {
		e := b[12+16*i:]
		tag, sum, off, length := string(e[:4]), be.Uint32(e[4:]), int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
		if off%4 != 0 || off+length > len(b) {
			t.Errorf("%s: table %q at %d+%d lies outside the %d-byte file or unaligned", name, tag, off, length, len(b))
			continue
		}
		data := append([]byte(nil), b[off:off+length]...)
		if tag == "head" {
			headOff = off
			be.PutUint32(data[8:], 0) // checksumAdjustment counts as 0
		}
		if got := sum32(data); got != sum {
			t.Errorf("%s: table %q checksum %08X, directory says %08X", name, tag, got, sum)
		}
		if tag == "cmap" {
			checkCmapLengths(t, name, data)
		}
	}
	if whole := sum32(b); whole != 0xB1B0AFBA {
		t.Errorf("%s: file checksum %08X (checksumAdjustment %08X), want B1B0AFBA", name, whole, be.Uint32(b[headOff+8:]))
	}
}

// checkCmapLengths checks that every cmap subtable's own length fits the table.
func checkCmapLengths(t *testing.T, name string, cmap []byte) {
	be := binary.BigEndian
	for i := range int(be.Uint16(cmap[2:])) {
		off := int(be.Uint32(cmap[4+8*i+4:]))
		length := int(be.Uint16(cmap[off+2:]))
		if be.Uint16(cmap[off:]) >= 8 {
			length = int(be.Uint32(cmap[off+4:]))
		}
		if off+length > len(cmap) {
			t.Errorf("%s: cmap subtable %d is %d bytes at %d, the table only %d", name, i, length, off, len(cmap))
		}
	}
}

func sum32(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

var subsetName = regexp.MustCompile(`^[A-Z]{6}\+[!-~]+$`)

func TestEmbeddedFontsAreTaggedSubsetsWithSoundPrograms(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	lines := map[fonts.Role]string{
		fonts.Fang: "根据《中华人民共和国政府信息公开条例》，现将有关事项通知如下：",
		fonts.Hei:  "一、总体要求", fonts.Kai: "（一）强化理论学习", fonts.Title: "关于印发工作方案的通知",
		fonts.Song: "— 1 —", fonts.Latin: "GB/T 9704-2012 2023",
	}
	for _, opt := range []Options{options(nil), options(&Print{BleedMM: 3, Condition: "FOGRA39"})} {
		data, err := Render(textBook(lines), set, opt)
		if err != nil {
			t.Fatal(err)
		}
		fs := embeddedFonts(t, readBack(t, data))
		if len(fs) != len(lines) {
			t.Fatalf("%d fonts embedded, want %d", len(fs), len(lines))
		}
		for _, f := range fs {
			if !subsetName.MatchString(f.baseFont) || f.fontName != f.baseFont {
				t.Errorf("BaseFont %q, FontName %q: want one subset name TAG+PostScriptName (ISO 32000-1 9.6.4)", f.baseFont, f.fontName)
			}
			checkProgram(t, f.baseFont, f.program)
			checkToUnicode(t, f.baseFont, f.toUnicode)
		}
		for tool, got := range map[string]string{"pdftotext": pdftotext(t, data), "gs txtwrite": gsText(t, data)} {
			for _, line := range lines {
				if !strings.Contains(got, strings.ReplaceAll(line, " ", "")) {
					t.Errorf("%s lost %q:\n%s", tool, line, got)
				}
			}
		}
	}
}

// checkToUnicode checks the CMap's blocks: no catch-all 0000–FFFF range,
// at most 100 entries a block (ISO 32000-1 9.10.3, 9.7.5.4).
func checkToUnicode(t *testing.T, name string, cmap []byte) {
	t.Helper()
	s := string(cmap)
	if strings.Contains(s, "<0000> <FFFF> <0000>") {
		t.Errorf("%s: ToUnicode maps every code in one range", name)
	}
	for _, m := range regexp.MustCompile(`(\d+) beginbf(char|range)`).FindAllStringSubmatch(s, -1) {
		if len(m[1]) > 3 || m[1] > "100" && len(m[1]) == 3 {
			t.Errorf("%s: a ToUnicode block of %s entries", name, m[1])
		}
	}
	if !strings.Contains(s, "beginbf") {
		t.Errorf("%s: ToUnicode maps nothing:\n%s", name, s)
	}
}

// pdftotext is the PDF's text with all white space removed.
func pdftotext(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(testtool.Run(t, "pdftotext", p, "-")), "")
}

// gsText is the PDF's text as Ghostscript extracts it (txtwrite), white
// space removed: a second reader of the ToUnicode maps.
func gsText(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := testtool.Run(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-sOutputFile=-", p)
	return strings.Join(strings.Fields(out), "")
}

func TestFallbackFacePrintsNamesTheBodyFaceLacks(t *testing.T) {
	if _, err := os.Stat(notoSerifCJK); err != nil {
		testtool.Need(t, "fonts-noto-cjk:"+notoSerifCJK)
	}
	set, err := fonts.Load(fonts.Config{}, fonts.Source{Path: notoSerifCJK})
	if err != nil {
		t.Fatal(err)
	}
	body := "任命王喆、李堃、张䶮、吉𠮷为委员。"
	data, err := Render(textBook(map[fonts.Role]string{fonts.Fang: body}), set, options(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := pdftotext(t, data); got != body {
		t.Errorf("pdftotext gives %q, want %q", got, body)
	}
	// Ghostscript 10.00 writes a character beyond the BMP as two halves
	// of a surrogate pair (not UTF-8): only the rest is compared.
	if got := gsText(t, data); !strings.HasPrefix(got, "任命王喆、李堃、张䶮、吉") || !strings.HasSuffix(got, "为委员。") {
		t.Errorf("gs txtwrite gives %q, want %q", got, body)
	}
	fs := embeddedFonts(t, readBack(t, data))
	var names []string
	for _, f := range fs {
		names = append(names, f.baseFont)
		checkProgram(t, f.baseFont, f.program)
		checkToUnicode(t, f.baseFont, f.toUnicode)
	}
	joined := strings.Join(names, " ")
	if len(fs) != 2 || !strings.Contains(joined, "+FandolFang-Regular") || !strings.Contains(joined, "+NotoSerifCJKsc-Regular") {
		t.Errorf("fonts %v: want the body in FandolFang and the names from Noto Serif CJK SC", names)
	}
}
