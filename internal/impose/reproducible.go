package impose

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The proof comes out byte for byte the same for the same input, so that
// its checksum means something (and a rebuilt proof is not a "changed"
// file). pdfcpu alone does not allow that: it stamps CreationDate, ModDate
// and the second file identifier with the current time, and writes the
// objects in Go's random map order. So the proof is written without object
// streams (every object stands on its own in the file), its dates and
// identifier are set from the input, and its objects are put back in
// object-number order under a cross-reference table of its own.

// epochVar is the environment variable of reproducible builds
// (https://reproducible-builds.org/specs/source-date-epoch/).
const epochVar = "SOURCE_DATE_EPOCH"

// proofDate returns the date stamped on the proof, as a PDF date string:
// the input's CreationDate, else SOURCE_DATE_EPOCH, else the Unix epoch.
func proofDate(ctx *model.Context) string {
	if s, ok := infoDate(ctx); ok {
		return s
	}
	if n, err := strconv.ParseInt(os.Getenv(epochVar), 10, 64); err == nil {
		return types.DateString(time.Unix(n, 0).UTC())
	}
	return types.DateString(time.Unix(0, 0).UTC())
}

// infoDate returns the CreationDate of the document information
// dictionary, if it is a date that can be written back as it is.
func infoDate(ctx *model.Context) (string, bool) {
	if ctx.Info == nil {
		return "", false
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || d == nil {
		return "", false
	}
	o, ok := d.Find("CreationDate")
	if !ok {
		return "", false
	}
	s, err := ctx.DereferenceText(o)
	if err != nil {
		return "", false
	}
	_, ok = types.DateTime(s, true)
	return s, ok && plain(s)
}

// plain reports whether s is printable ASCII that needs no escaping in a
// PDF string literal.
func plain(s string) bool {
	for _, r := range s {
		if r < ' ' || r > '~' || r == '(' || r == ')' || r == '\\' {
			return false
		}
	}
	return true
}

// proofID returns the file identifier of the proof: a digest of the input.
func proofID(input []byte) types.HexLiteral {
	h := md5.New()
	h.Write([]byte("gazette impose\n"))
	h.Write(input)
	return types.HexLiteral(strings.ToUpper(hex.EncodeToString(h.Sum(nil))))
}

// writeReproducible writes ctx as a PDF dated date (a PDF date string) with
// file identifier id. (ctx is not encrypted: pdfcpu refuses to make a
// booklet of an encrypted file.)
func writeReproducible(ctx *model.Context, date string, id types.HexLiteral) ([]byte, error) {
	ctx.WriteObjectStream, ctx.WriteXRefStream = false, false
	if len(ctx.ID) != 2 {
		ctx.ID = types.Array{id, id}
	}
	var buf bytes.Buffer
	if err := write(ctx, &buf); err != nil {
		return nil, err
	}
	ctx.ID[1] = id
	if err := stampInfo(ctx, date); err != nil {
		return nil, err
	}
	return relayout(ctx, buf.Bytes())
}

// stampInfo replaces the dates pdfcpu wrote into the document information
// dictionary with date.
func stampInfo(ctx *model.Context, date string) error {
	if ctx.Info == nil {
		return nil
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		return fmt.Errorf("文档信息字典: %w", err)
	}
	if d == nil {
		return nil
	}
	s := types.StringLiteral(date)
	d.Update("CreationDate", s)
	d.Update("ModDate", s)
	return nil
}

// span is where one object pdfcpu wrote lies in its output.
type span struct {
	nr, gen    int
	start, end int64
}

// relayout rewrites pdfcpu's output b with its objects in object-number
// order (the document information dictionary written afresh), one
// cross-reference subsection and a trailer of its own.
func relayout(ctx *model.Context, b []byte) ([]byte, error) {
	spans, err := objectSpans(ctx, b)
	if err != nil {
		return nil, err
	}
	header := spans[0].start
	for _, s := range spans {
		header = min(header, s.start)
	}
	var out bytes.Buffer
	out.Write(b[:header])
	offsets := map[int]int64{}
	for _, s := range spans {
		offsets[s.nr] = int64(out.Len())
		if ctx.Info != nil && s.nr == ctx.Info.ObjectNumber.Value() {
			if err := writeInfo(ctx, &out, s); err != nil {
				return nil, err
			}
			continue
		}
		out.Write(b[s.start:s.end])
	}
	xref := out.Len()
	writeXRefTable(&out, *ctx.Size, spans, offsets)
	writeTrailer(ctx, &out, xref)
	return out.Bytes(), nil
}

// objectSpans returns the objects in use in b, ordered by number. An
// object ends where the next one written starts, the last one at the
// cross-reference table.
func objectSpans(ctx *model.Context, b []byte) ([]span, error) {
	xref, err := startXRef(b)
	if err != nil {
		return nil, err
	}
	var all []span
	for nr, off := range ctx.Write.Table {
		all = append(all, span{nr: nr, start: off})
	}
	slices.SortFunc(all, func(x, y span) int { return int(x.start - y.start) })
	var used []span
	for i, s := range all {
		s.end = xref
		if i+1 < len(all) {
			s.end = all[i+1].start
		}
		e, ok := ctx.FindTableEntryLight(s.nr)
		if !ok || e.Free || s.start < 0 || s.start >= s.end || s.end > int64(len(b)) {
			continue
		}
		if e.Generation != nil {
			s.gen = *e.Generation
		}
		used = append(used, s)
	}
	if len(used) == 0 {
		return nil, fmt.Errorf("pdfcpu 没有写出对象")
	}
	slices.SortFunc(used, func(x, y span) int { return x.nr - y.nr })
	return used, nil
}

// startXRef returns the offset of the cross-reference table in b.
func startXRef(b []byte) (int64, error) {
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return 0, fmt.Errorf("pdfcpu 的输出没有 startxref")
	}
	fields := strings.Fields(string(b[i+len("startxref") : min(len(b), i+40)]))
	if len(fields) == 0 {
		return 0, fmt.Errorf("pdfcpu 的输出 startxref 后没有偏移量")
	}
	n, err := strconv.ParseInt(fields[0], 10, 64)
	if err != nil || n <= 0 || n > int64(len(b)) {
		return 0, fmt.Errorf("pdfcpu 的输出 startxref %q 不对: %w", fields[0], err)
	}
	return n, nil
}

// writeInfo writes the document information dictionary as object s.
func writeInfo(ctx *model.Context, out *bytes.Buffer, s span) error {
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		return fmt.Errorf("文档信息字典: %w", err)
	}
	fmt.Fprintf(out, "%d %d obj\n%s\nendobj\n", s.nr, s.gen, d.PDFString())
	return nil
}

// writeXRefTable writes a cross-reference table of one subsection for
// objects 0 to size−1; the free entries form the linked list PDF asks for.
func writeXRefTable(out *bytes.Buffer, size int, spans []span, offsets map[int]int64) {
	gens := map[int]int{}
	for _, s := range spans {
		gens[s.nr] = s.gen
	}
	var free []int // free object numbers after 0, ascending
	for nr := 1; nr < size; nr++ {
		if _, used := offsets[nr]; !used {
			free = append(free, nr)
		}
	}
	free = append(free, 0) // the last free entry points back to 0
	fmt.Fprintf(out, "xref\n0 %d\n", size)
	next := 0
	for nr := 0; nr < size; nr++ {
		off, used := offsets[nr]
		switch {
		case used:
			fmt.Fprintf(out, "%010d %05d n \n", off, gens[nr])
		case nr == 0:
			fmt.Fprintf(out, "%010d 65535 f \n", free[0])
		default:
			next++
			fmt.Fprintf(out, "%010d 00001 f \n", free[next])
		}
	}
}

// writeTrailer writes the trailer for a cross-reference table at xref.
func writeTrailer(ctx *model.Context, out *bytes.Buffer, xref int) {
	d := types.NewDict()
	d.Insert("Size", types.Integer(*ctx.Size))
	d.Insert("Root", *ctx.Root)
	if ctx.Info != nil {
		d.Insert("Info", *ctx.Info)
	}
	d.Insert("ID", ctx.ID)
	fmt.Fprintf(out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", d.PDFString(), xref)
}
