package fonts

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/go-text/typesetting/font/cff"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// outlines is a face's glyph programs, read on the first Subset. TrueType
// glyphs are read one by one from the file, which stays open while the face
// is reachable: a 20 MB glyf table need not be read for a few hundred glyphs.
type outlines struct {
	cff     *cff.CFF
	loca    []uint32
	glyf    io.ReaderAt // the file, or the table itself
	glyfOff int64       // where glyf starts in it
	glyfLen int64
	glyfMem []byte // the glyf table, for a bundled face: glyphs are sliced from it
}

// fpt is an outline point in output units (1/1000 em) before rounding.
type fpt struct {
	x, y float64
	on   bool
}

// pt is an outline point as the subset stores it.
type pt struct {
	x, y int32
	on   bool
}

// glyphBuf holds one glyph while it is converted: its points before and
// after rounding, contour by contour. A Subset reuses one for every glyph.
type glyphBuf struct {
	f    []fpt // points before rounding, 1/1000 em
	fEnd []int // end (exclusive) of each contour in f
	p    []pt  // the glyph as the subset stores it
	pEnd []int // end (exclusive) of each contour in p

	xMin, yMin, xMax, yMax int32 // bounding box of p
}

// reset empties the buffer for the next glyph.
func (b *glyphBuf) reset() {
	b.f, b.fEnd, b.p, b.pEnd = b.f[:0], b.fEnd[:0], b.p[:0], b.pEnd[:0]
	b.xMin, b.yMin, b.xMax, b.yMax = 0, 0, 0, 0
}

// closeContour ends the contour being drawn into f, if it has points.
func (b *glyphBuf) closeContour() {
	start := 0
	if n := len(b.fEnd); n > 0 {
		start = b.fEnd[n-1]
	}
	if len(b.f) > start {
		b.fEnd = append(b.fEnd, len(b.f))
	}
}

// Limits that keep hostile fonts from exhausting memory.
const (
	maxComponentDepth = 8
	maxGlyphPoints    = 0xFFFF
)

var errTooComplex = errors.New("glyph has too many points")

// loadOutlines reads the outline tables, once.
func (f *Face) outlines() (*outlines, error) {
	f.outOnce.Do(func() { f.out, f.outErr = f.readOutlines() })
	return f.out, f.outErr
}

// readOutlines opens the file again and reads CFF or loca (and finds glyf).
func (f *Face) readOutlines() (out *outlines, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, f.fail(fmt.Errorf("outline parser panic: %v", p))
		}
	}()
	file, err := f.origin.open()
	if err != nil {
		return nil, err
	}
	if f.index >= len(file.loaders) {
		file.Close()
		return nil, f.fail(fmt.Errorf("face %d vanished from the file", f.index))
	}
	if f.cff {
		out, err = f.readCFF(file)
	} else {
		out, err = f.readGlyf(file)
	}
	if err != nil {
		file.Close()
		return nil, f.fail(err)
	}
	if file.file == nil || out.glyf != io.ReaderAt(file.file) {
		file.Close()
	} // else glyphs are read from the file: os.File's finalizer closes it with the face
	return out, nil
}

// readCFF parses the CFF table's indexes; charstrings run per glyph later.
func (f *Face) readCFF(file *opened) (*outlines, error) {
	raw, err := file.table(f.index, "CFF ", 4)
	if err != nil {
		return nil, err
	}
	c, err := cff.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("CFF: %w", err)
	}
	if len(c.Charstrings) < f.numGlyphs {
		return nil, fmt.Errorf("CFF has %d glyphs, maxp %d", len(c.Charstrings), f.numGlyphs)
	}
	return &outlines{cff: c}, nil
}

// readGlyf reads loca and locates glyf; glyphs are read one by one later.
func (f *Face) readGlyf(file *opened) (*outlines, error) {
	locaRaw, err := file.table(f.index, "loca", 0)
	if err != nil {
		return nil, err
	}
	loca, err := tables.ParseLoca(locaRaw, f.numGlyphs, f.longLoca)
	if err != nil {
		return nil, fmt.Errorf("loca: %w", err)
	}
	loc, ok := file.dir(f.index)["glyf"]
	if !ok {
		return nil, fmt.Errorf("table \"glyf\": %w", errNoTable)
	}
	out := &outlines{loca: loca, glyf: file.readerAt(), glyfOff: loc.off, glyfLen: loc.n}
	if file.file == nil {
		out.glyfMem = file.data[loc.off : loc.off+loc.n]
	}
	return out, nil
}

// glyfData reads glyph g's bytes. For a bundled face they are a slice of
// the embedded font, which the caller must not modify.
func (o *outlines) glyfData(g uint16) ([]byte, error) {
	if int(g)+1 >= len(o.loca) {
		return nil, fmt.Errorf("bad glyph reference %d", g)
	}
	start, end := int64(o.loca[g]), int64(o.loca[g+1])
	if start >= end {
		return nil, nil // an empty glyph, such as the space
	}
	if end > o.glyfLen {
		return nil, fmt.Errorf("glyph %d lies outside glyf", g)
	}
	if o.glyfMem != nil {
		return o.glyfMem[start:end:end], nil
	}
	b := make([]byte, end-start)
	if _, err := o.glyf.ReadAt(b, o.glyfOff+start); err != nil {
		return nil, fmt.Errorf("reading glyph %d: %w", g, err)
	}
	return b, nil
}

// loadGlyph puts glyph g's outline into b as quadratic contours in 1/1000 em.
func (f *Face) loadGlyph(g uint16, b *glyphBuf) (err error) {
	out, err := f.outlines()
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			err = f.fail(fmt.Errorf("glyph %d: panic: %v", g, p))
		}
	}()
	b.reset()
	if out.cff != nil {
		err = f.cffContours(out.cff, g, b)
	} else {
		err = f.glyfGlyph(out, g, b)
	}
	if err != nil {
		return fmt.Errorf("glyph %d: %w", g, err)
	}
	b.finish(f.cff)
	return nil
}

// cffContours runs a CFF charstring and turns its cubic curves into
// quadratic ones within a tolerance of half a unit (1/2000 em).
func (f *Face) cffContours(c *cff.CFF, g uint16, b *glyphBuf) error {
	segs, _, err := c.LoadGlyph(tables.GlyphID(g))
	if err != nil {
		return fmt.Errorf("CFF charstring: %w", err)
	}
	s := 1000 / float64(f.upem)
	p := func(a ot.SegmentPoint) fpt { return fpt{float64(a.X) * s, float64(a.Y) * s, true} }
	last := fpt{on: true}
	for _, seg := range segs {
		if seg.Op == ot.SegmentOpMoveTo {
			b.closeContour()
			b.f = append(b.f, p(seg.Args[0]))
			last = b.f[len(b.f)-1]
			continue
		}
		if n := len(b.fEnd); len(b.f) == 0 || n > 0 && b.fEnd[n-1] == len(b.f) {
			b.f = append(b.f, last) // a path drawn before any move: start it here
		}
		switch seg.Op {
		case ot.SegmentOpLineTo:
			b.f = append(b.f, p(seg.Args[0]))
		case ot.SegmentOpQuadTo:
			ctl := p(seg.Args[0])
			ctl.on = false
			b.f = append(b.f, ctl, p(seg.Args[1]))
		case ot.SegmentOpCubeTo:
			b.f = cubicToQuads(b.f, last, p(seg.Args[0]), p(seg.Args[1]), p(seg.Args[2]), quadTolerance)
		}
		if len(b.f) > maxGlyphPoints {
			return errTooComplex
		}
		last = b.f[len(b.f)-1]
	}
	b.closeContour()
	return nil
}

// glyfGlyph decodes a TrueType glyph into b, scaled to 1/1000 em.
func (f *Face) glyfGlyph(out *outlines, g uint16, b *glyphBuf) error {
	cs, err := out.glyfContours(g, 0, new(int))
	if err != nil {
		return err
	}
	s := 1000 / float64(f.upem)
	for _, c := range cs {
		for _, p := range c {
			b.f = append(b.f, fpt{p.x * s, p.y * s, p.on})
		}
		b.closeContour()
	}
	return nil
}

// glyfContours decodes a TrueType glyph, flattening composite glyphs into
// plain contours (font units). points counts every point and component seen,
// to stop runaway composites.
func (o *outlines) glyfContours(g uint16, depth int, points *int) ([][]fpt, error) {
	if int(g)+1 >= len(o.loca) || depth > maxComponentDepth {
		return nil, fmt.Errorf("bad glyph reference %d", g)
	}
	data, err := o.glyfData(g)
	if err != nil || data == nil {
		return nil, err
	}
	gl, _, err := tables.ParseGlyph(data)
	if err != nil {
		return nil, err
	}
	switch d := gl.Data.(type) {
	case tables.SimpleGlyph:
		return simpleContours(d, points)
	case tables.CompositeGlyph:
		return o.compositeContours(d, depth, points)
	}
	return nil, nil
}

// simpleContours splits a simple glyph's points into contours.
func simpleContours(d tables.SimpleGlyph, points *int) ([][]fpt, error) {
	*points += len(d.Points)
	if *points > maxGlyphPoints {
		return nil, errTooComplex
	}
	var out [][]fpt
	first := 0
	for _, e := range d.EndPtsOfContours {
		last := int(e)
		if last < first || last >= len(d.Points) {
			return nil, fmt.Errorf("bad contour end %d", last)
		}
		c := make([]fpt, 0, last-first+1)
		for _, p := range d.Points[first : last+1] {
			c = append(c, fpt{float64(p.X), float64(p.Y), p.Flag&1 != 0})
		}
		out = append(out, c)
		first = last + 1
	}
	return out, nil
}

// compositeContours places each component's contours as the composite says.
func (o *outlines) compositeContours(d tables.CompositeGlyph, depth int, points *int) ([][]fpt, error) {
	var out [][]fpt
	for _, part := range d.Glyphs {
		if *points++; *points > maxGlyphPoints { // components count too: they may nest empty glyphs
			return nil, errTooComplex
		}
		comp, err := o.glyfContours(uint16(part.GlyphIndex), depth+1, points)
		if err != nil {
			return nil, err
		}
		place(&part, comp, out)
		out = append(out, comp...)
	}
	return out, nil
}

// place transforms a component's contours in place: its 2×2 matrix, then its
// offset, or for a point-matched component the shift that lays its point
// arg2 on the composite's point arg1.
func place(part *tables.CompositeGlyphPart, comp, done [][]fpt) {
	m := part.Scale
	var dx, dy float64
	if !part.IsAnchored() {
		ax, ay := part.ArgsAsTranslation()
		dx, dy = float64(ax), float64(ay)
		if part.IsScaledOffsets() {
			sx, sy := dx, dy
			dx = float64(sx*float64(m[0])) + float64(sy*float64(m[2])) // no FMA: see quad.go
			dy = float64(sx*float64(m[1])) + float64(sy*float64(m[3]))
		}
	}
	for _, c := range comp {
		for i, p := range c {
			c[i].x = float64(p.x*float64(m[0])) + float64(p.y*float64(m[2])) + dx // no FMA: see quad.go
			c[i].y = float64(p.x*float64(m[1])) + float64(p.y*float64(m[3])) + dy
		}
	}
	if part.IsAnchored() {
		i1, i2 := part.ArgsAsIndices()
		p1, ok1 := nthPoint(done, i1)
		p2, ok2 := nthPoint(comp, i2)
		if ok1 && ok2 {
			scaleShift(comp, 1, p1.x-p2.x, p1.y-p2.y)
		}
	}
}

// nthPoint returns the n-th point counting through all contours.
func nthPoint(cs [][]fpt, n int) (fpt, bool) {
	for _, c := range cs {
		if n < len(c) {
			return c[n], true
		}
		n -= len(c)
	}
	return fpt{}, false
}

// scaleShift maps every point p to p*s + (dx, dy).
func scaleShift(cs [][]fpt, s, dx, dy float64) {
	for _, c := range cs {
		for i := range c {
			c[i].x = float64(c[i].x*s) + dx // no FMA: see quad.go
			c[i].y = float64(c[i].y*s) + dy
		}
	}
}

// finish rounds the contours in f into p, drops redundant points and empty
// contours, reverses CFF contours (counter-clockwise outer contours) to
// TrueType's clockwise convention, and sets the bounding box.
func (b *glyphBuf) finish(reverse bool) {
	start := 0
	for _, end := range b.fEnd {
		base := len(b.p)
		for _, q := range b.f[start:end] {
			b.p = append(b.p, pt{round16(q.x), round16(q.y), q.on})
		}
		start = end
		c := dropImplied(dedupe(b.p[base:]))
		if len(c) < 3 {
			b.p = b.p[:base]
			continue
		}
		if reverse {
			slices.Reverse(c)
		}
		b.p = b.p[:base+len(c)]
		b.pEnd = append(b.pEnd, len(b.p))
	}
	b.bounds()
}

// round16 rounds to the nearest integer that fits a glyf coordinate.
func round16(v float64) int32 {
	switch v = math.Round(v); {
	case v < -32768:
		return -32768
	case v > 32767:
		return 32767
	case v == v:
		return int32(v)
	}
	return 0 // NaN
}

// dedupe removes, in place, points that repeat their predecessor
// (cyclically): a repeated on-curve point, or a control point lying on the
// on-curve point beside it, which only makes a curve out of a straight line.
func dedupe(c []pt) []pt {
	out := c[:0]
	for _, p := range c {
		if n := len(out); n > 0 && out[n-1].x == p.x && out[n-1].y == p.y {
			q := out[n-1]
			switch {
			case q.on:
				continue
			case p.on:
				out[n-1] = p
				continue
			}
		}
		out = append(out, p)
	}
	for len(out) > 1 {
		first, last := out[0], out[len(out)-1]
		if first.x != last.x || first.y != last.y || (!first.on && !last.on) {
			break
		}
		if !first.on {
			out[0] = last
		}
		out = out[:len(out)-1]
	}
	return out
}

// dropImplied removes, in place, on-curve points that lie exactly halfway
// between the two control points around them: TrueType implies those.
func dropImplied(c []pt) []pt {
	n := len(c)
	if n < 3 {
		return c
	}
	first, prev := c[0], c[n-1]
	out := c[:0]
	for i := 0; i < n; i++ {
		p, next := c[i], first
		if i+1 < n {
			next = c[i+1]
		}
		if !(p.on && !prev.on && !next.on && 2*p.x == prev.x+next.x && 2*p.y == prev.y+next.y) {
			out = append(out, p)
		}
		prev = p
	}
	return out
}

// bounds sets the bounding box from all the points, as glyf wants.
func (b *glyphBuf) bounds() {
	if len(b.p) == 0 {
		b.xMin, b.yMin, b.xMax, b.yMax = 0, 0, 0, 0
		return
	}
	b.xMin, b.xMax, b.yMin, b.yMax = b.p[0].x, b.p[0].x, b.p[0].y, b.p[0].y
	for _, p := range b.p[1:] {
		b.xMin, b.xMax = min(b.xMin, p.x), max(b.xMax, p.x)
		b.yMin, b.yMax = min(b.yMin, p.y), max(b.yMax, p.y)
	}
}
