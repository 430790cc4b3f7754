package render

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"gazette/internal/printspec"
)

// PDF/X-1a:2001 (ISO 15930-1) identification written into the Info
// dictionary.
const (
	pdfxVersion     = "PDF/X-1:2001"
	pdfxConformance = "PDF/X-1a:2001"
	colorRegistry   = "http://www.color.org" // ICC Characterization Data Registry
)

// finishPDFX returns, as an incremental update (ISO 32000-1 7.5.6) to
// follow fpdf's file base, what PDF/X-1a:2001 asks for and fpdf cannot
// write (increment.go writes it without reading base back as a whole):
//
//   - each page's content (addContents) and the fonts (fonts.go: fpdf writes
//     none) named in the pages' resources;
//   - TrimBox and BleedBox on every page (fpdf keeps page boxes in a map and
//     writes two of them in random order);
//   - the GTS_PDFX OutputIntent naming a registered condition (fpdf's
//     AddOutputIntent always writes a DestOutputProfile stream declared
//     /N 3 /Alternate /DeviceRGB, wrong for a CMYK condition, and raises the
//     file to PDF 1.4, which puts an RGB transparency group on every page);
//   - GTS_PDFXVersion, GTS_PDFXConformance and /Trapped /False in Info;
//   - CreationDate and ModDate with their time zone (fpdf writes the local
//     time without one, which readers take for UTC: ISO 32000-1 7.9.4);
//   - the outline items' /Count, which fpdf writes as 0 even for an item
//     with children (ISO 32000-1 12.3.3 requires the number of its
//     descendants);
//   - and the trailer's /ID, which fpdf writes only for encrypted files
//     (PDF/X-1a requires one), derived from the file's content.
//
// The update leaves fpdf's %PDF-1.3 header and every other object as they
// are. It is returned as parts to be written one after the other.
func finishPDFX(base []byte, contents [][]byte, created time.Time, f frame, condition string, fp *fontPlan) ([][]byte, error) {
	oc, ok := printspec.OutputConditionByName(condition)
	if !ok {
		return nil, fmt.Errorf("印刷条件 %q 不存在（可选 %s）", condition, strings.Join(printspec.OutputConditionNames(), "、"))
	}
	fn, err := newFinisher(base)
	if err != nil {
		return nil, err
	}
	pages, err := fn.pages()
	if err != nil {
		return nil, err
	}
	if err := fn.addFonts(fp, pages); err != nil {
		return nil, err
	}
	if err := fn.addContents(pages, contents); err != nil {
		return nil, err
	}
	trim, bleed := f.trimBox(), f.bleedBox()
	boxes := fmt.Appendf(nil, "\n/TrimBox %s\n/BleedBox %s>>", pdfNumbers(trim[:]), pdfNumbers(bleed[:]))
	for _, p := range pages {
		open, ok := bytes.CutSuffix(p.body, []byte(">>"))
		if !ok {
			return nil, fmt.Errorf("补充 PDF 文件结构：第 %d 号页面对象的写法不对", p.num)
		}
		fn.u.object(p.num, open, boxes)
	}
	if err := fn.catalog(outputIntents(oc)); err != nil {
		return nil, err
	}
	if err := fn.info(created, pdfxInfo); err != nil {
		return nil, err
	}
	if err := fn.outlineCounts(); err != nil {
		return nil, err
	}
	return fn.u.finish(), nil
}

// pdfxInfo is what PDF/X-1a adds to the document information dictionary,
// which already holds Title, CreationDate and ModDate (ISO 15930-1: all
// required): its version, its conformance level and the trapping state
// (gazette does no trapping).
var pdfxInfo = "\n/GTS_PDFXVersion " + string(pdfLiteral(pdfxVersion)) +
	"\n/GTS_PDFXConformance " + string(pdfLiteral(pdfxConformance)) +
	"\n/Trapped /False"

// outputIntents is the catalog's one GTS_PDFX OutputIntent (ISO 15930-1;
// ISO 32000-1 14.11.5): a registered condition, named by its identifier and
// registry, without a profile.
func outputIntents(oc printspec.OutputCondition) []byte {
	b := []byte("/OutputIntents [<</Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier ")
	b = append(b, pdfLiteral(oc.Identifier)...)
	b = append(b, " /OutputCondition "...)
	b = append(b, pdfLiteral(oc.Info)...)
	b = append(b, " /RegistryName "...)
	b = append(b, pdfLiteral(colorRegistry)...)
	b = append(b, " /Info "...)
	b = append(b, pdfLiteral(oc.Info)...)
	return append(b, ">>]\n"...)
}
