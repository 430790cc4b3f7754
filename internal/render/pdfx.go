package render

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"gazette/internal/printspec"
)

// PDF/X-1a:2001 (ISO 15930-1) identification written into the Info
// dictionary.
const (
	pdfxVersion     = "PDF/X-1:2001"
	pdfxConformance = "PDF/X-1a:2001"
	colorRegistry   = "http://www.color.org" // ICC Characterization Data Registry
)

// finishPDFX returns what PDF/X-1a:2001 asks for and fpdf cannot write, as an
// incremental update (ISO 32000-1 7.5.6) that pdfcpu writes to follow fpdf's
// bytes in base:
//
//   - TrimBox and BleedBox on every page (fpdf keeps page boxes in a map and
//     writes two of them in random order);
//   - the GTS_PDFX OutputIntent naming a registered condition (fpdf's
//     AddOutputIntent always writes a DestOutputProfile stream declared
//     /N 3 /Alternate /DeviceRGB, wrong for a CMYK condition, and raises the
//     file to PDF 1.4, which puts an RGB transparency group on every page);
//   - GTS_PDFXVersion, GTS_PDFXConformance and /Trapped /False in Info;
//   - and what finishPDF adds to both editions.
//
// pdfcpu's own full rewrite would not do: it stamps the time into the ID and
// the dates and writes a PDF 1.7 header. The increment leaves fpdf's
// %PDF-1.3 header and every other object as they are.
func finishPDFX(base []byte, created time.Time, f frame, condition string, addFonts func(*model.Context) error) ([]byte, error) {
	oc, ok := printspec.OutputConditionByName(condition)
	if !ok {
		return nil, fmt.Errorf("印刷条件 %q 不存在（可选 %s）", condition, strings.Join(printspec.OutputConditionNames(), "、"))
	}
	return finish(base, created, func(ctx *model.Context) error {
		if err := addFonts(ctx); err != nil {
			return err
		}
		if err := setBoxes(ctx, f); err != nil {
			return err
		}
		if err := setCatalog(ctx, oc); err != nil {
			return err
		}
		return setPDFXInfo(ctx)
	})
}

// finishPDF returns the update both editions get: the fonts (addFonts,
// fonts.go: fpdf writes none); the trailer's /ID, which
// fpdf writes only for encrypted files (PDF/X-1a requires one), derived from
// a hash of fpdf's bytes so that the same inputs give the same file; the
// outline items' /Count, which fpdf writes as 0 even for an item with
// children (ISO 32000-1 12.3.3 requires the
// number of its descendants); and CreationDate and ModDate with their time
// zone (fpdf writes the local time without one, which readers take for UTC:
// ISO 32000-1 7.9.4).
func finishPDF(base []byte, created time.Time, addFonts func(*model.Context) error) ([]byte, error) {
	return finish(base, created, addFonts)
}

// finish reads base with pdfcpu, applies edit, fixes the outline counts and
// the dates, sets the ID and returns the incremental update. The update
// always rewrites the Info dictionary, so that it is never empty (pdfcpu
// cannot write an empty cross-reference section). A panic inside pdfcpu
// becomes an error.
func finish(base []byte, created time.Time, edit func(*model.Context) error) (inc []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			inc, err = nil, fmt.Errorf("pdfcpu 补充文件结构时出错: %v", r)
		}
	}()
	ctx, err := pdfcpu.Read(bytes.NewReader(base), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("读回 PDF 以补充文件结构: %w", err)
	}
	if err := edit(ctx); err != nil {
		return nil, err
	}
	if err := fixOutlines(ctx); err != nil {
		return nil, err
	}
	if err := setDates(ctx, created); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(base)
	id := types.HexLiteral(hex.EncodeToString(sum[:16]))
	ctx.ID = types.Array{id, id}
	return writeIncrement(ctx)
}

var disableConfigDir sync.Once

// pdfcpuConfig is pdfcpu's configuration for an in-memory edit: no config
// directory in the user's home, and the PDF 1.3 way of writing — a classic
// cross-reference table, no object streams.
func pdfcpuConfig() *model.Configuration {
	disableConfigDir.Do(func() { model.ConfigPath = "disable" })
	conf := model.NewDefaultConfiguration()
	conf.WriteXRefStream = false
	conf.WriteObjectStream = false
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// setBoxes writes TrimBox (the finished size) and BleedBox (trim + bleed) on
// every page; MediaBox is fpdf's page size (ISO 15930-1: TrimBox on every
// page, MediaBox ⊇ BleedBox ⊇ TrimBox).
func setBoxes(ctx *model.Context, f frame) error {
	refs, err := pageRefs(ctx)
	if err != nil {
		return err
	}
	trim, bleed := f.trimBox(), f.bleedBox()
	for _, ref := range refs {
		d, err := ctx.DereferenceDict(ref)
		if err != nil || d == nil {
			return fmt.Errorf("读取第 %d 号页面对象: %v", ref.ObjectNumber, err)
		}
		d.Update("TrimBox", types.NewNumberArray(trim[:]...))
		d.Update("BleedBox", types.NewNumberArray(bleed[:]...))
		ctx.Write.IncrementWithObjNr(ref.ObjectNumber.Value())
	}
	return nil
}

// pageRefs lists the page objects in order, walking the page tree.
func pageRefs(ctx *model.Context) ([]types.IndirectRef, error) {
	root, err := ctx.Catalog()
	if err != nil {
		return nil, fmt.Errorf("读取 PDF 目录对象: %w", err)
	}
	pages := root.IndirectRefEntry("Pages")
	if pages == nil {
		return nil, fmt.Errorf("PDF 没有页面树")
	}
	var out []types.IndirectRef
	return out, collectPages(ctx, *pages, &out, 0)
}

func collectPages(ctx *model.Context, ref types.IndirectRef, out *[]types.IndirectRef, depth int) error {
	if depth > 32 {
		return fmt.Errorf("PDF 页面树过深")
	}
	d, err := ctx.DereferenceDict(ref)
	if err != nil || d == nil {
		return fmt.Errorf("读取第 %d 号页面树对象: %v", ref.ObjectNumber, err)
	}
	if t := d.Type(); t == nil || *t != "Pages" {
		*out = append(*out, ref)
		return nil
	}
	kids := d.ArrayEntry("Kids")
	for _, k := range kids {
		kr, ok := k.(types.IndirectRef)
		if !ok {
			return fmt.Errorf("PDF 页面树的 Kids 不是间接引用")
		}
		if err := collectPages(ctx, kr, out, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// setCatalog puts the one GTS_PDFX OutputIntent into the catalog
// (ISO 15930-1; ISO 32000-1 14.11.5): a registered condition, named by its
// identifier and registry, without a profile. It also drops the empty
// EmbeddedFiles name tree fpdf always writes: PDF/X-1a allows no embedded
// files, and a preflight need not wonder about an empty list of them.
func setCatalog(ctx *model.Context, oc printspec.OutputCondition) error {
	root, err := ctx.Catalog()
	if err != nil {
		return fmt.Errorf("读取 PDF 目录对象: %w", err)
	}
	intent := types.Dict{
		"Type":                      types.Name("OutputIntent"),
		"S":                         types.Name("GTS_PDFX"),
		"OutputConditionIdentifier": types.StringLiteral(oc.Identifier),
		"OutputCondition":           types.StringLiteral(oc.Info),
		"RegistryName":              types.StringLiteral(colorRegistry),
		"Info":                      types.StringLiteral(oc.Info),
	}
	root.Update("OutputIntents", types.Array{intent})
	if names := root.DictEntry("Names"); len(names) == 1 {
		if ef := names.DictEntry("EmbeddedFiles"); ef != nil && len(ef.ArrayEntry("Names")) == 0 && len(ef) == 1 {
			root.Delete("Names")
		}
	}
	ctx.Write.IncrementWithObjNr(ctx.Root.ObjectNumber.Value())
	return nil
}

// setPDFXInfo adds the PDF/X identification and the trapping state to the
// document information dictionary, which already holds Title, CreationDate
// and ModDate (ISO 15930-1: all required). gazette does no trapping.
func setPDFXInfo(ctx *model.Context) error {
	if ctx.Info == nil {
		return fmt.Errorf("PDF 没有文档信息字典")
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || d == nil {
		return fmt.Errorf("读取 PDF 文档信息字典: %v", err)
	}
	d.Update("GTS_PDFXVersion", types.StringLiteral(pdfxVersion))
	d.Update("GTS_PDFXConformance", types.StringLiteral(pdfxConformance))
	d.Update("Trapped", types.Name("False"))
	ctx.Write.IncrementWithObjNr(ctx.Info.ObjectNumber.Value())
	return nil
}

// setDates writes the creation and modification date with their time zone
// into Info, which the update always rewrites.
func setDates(ctx *model.Context, created time.Time) error {
	if ctx.Info == nil {
		return fmt.Errorf("PDF 没有文档信息字典")
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || d == nil {
		return fmt.Errorf("读取 PDF 文档信息字典: %v", err)
	}
	if !created.IsZero() {
		date := types.StringLiteral(types.DateString(created))
		d.Update("CreationDate", date)
		d.Update("ModDate", date)
	}
	if !slices.Contains(ctx.Write.ObjNrs, ctx.Info.ObjectNumber.Value()) {
		ctx.Write.IncrementWithObjNr(ctx.Info.ObjectNumber.Value())
	}
	return nil
}

// fixOutlines sets /Count on the outline root and on every item that has
// children: all items open, each counting its descendants.
func fixOutlines(ctx *model.Context) error {
	root, err := ctx.Catalog()
	if err != nil {
		return fmt.Errorf("读取 PDF 目录对象: %w", err)
	}
	ref := root.IndirectRefEntry("Outlines")
	if ref == nil {
		return nil
	}
	d, err := ctx.DereferenceDict(*ref)
	if err != nil || d == nil {
		return fmt.Errorf("读取 PDF 书签: %v", err)
	}
	budget := *ctx.Size // no outline has more items than the file has objects
	n, err := countOutline(ctx, d.IndirectRefEntry("First"), &budget)
	if err != nil {
		return err
	}
	d.Update("Count", types.Integer(n))
	ctx.Write.IncrementWithObjNr(ref.ObjectNumber.Value())
	return nil
}

// countOutline counts the items from first along /Next and all their
// descendants, setting /Count on each item with children.
func countOutline(ctx *model.Context, first *types.IndirectRef, budget *int) (int, error) {
	n := 0
	for ref := first; ref != nil; {
		if *budget--; *budget < 0 {
			return 0, fmt.Errorf("PDF 书签的链表有环")
		}
		d, err := ctx.DereferenceDict(*ref)
		if err != nil || d == nil {
			return 0, fmt.Errorf("读取第 %d 号书签对象: %v", ref.ObjectNumber, err)
		}
		n++
		if kid := d.IndirectRefEntry("First"); kid != nil {
			c, err := countOutline(ctx, kid, budget)
			if err != nil {
				return 0, err
			}
			d.Update("Count", types.Integer(c))
			ctx.Write.IncrementWithObjNr(ref.ObjectNumber.Value())
			n += c
		}
		ref = d.IndirectRefEntry("Next")
	}
	return n, nil
}

// writeIncrement returns the update to append to fpdf's file: the changed
// objects, a cross-reference section for them and a trailer pointing back
// at fpdf's (/Prev).
func writeIncrement(ctx *model.Context) ([]byte, error) {
	ctx.Write.Increment = true
	ctx.Write.Offset = ctx.Read.FileSize
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	ctx.Write.Writer = w
	if err := pdfcpu.WriteIncrement(ctx); err != nil {
		return nil, fmt.Errorf("写入 PDF/X 结构: %w", err)
	}
	if err := w.Flush(); err != nil {
		return nil, fmt.Errorf("写入 PDF/X 结构: %w", err)
	}
	return out.Bytes(), nil
}
