package fonts

// copyGlyph returns glyph g as Subset writes it, taken straight from the
// face's glyf table when it needs no conversion: the face has TrueType
// outlines at 1000 units per em (as the bundled faces do) and g is a simple
// glyph. Its instructions are dropped and its data otherwise kept as it is —
// for a bundled face without even a copy, when it has no instructions and is
// padded with zeros to 4 bytes, as the generated faces' glyphs are. ok is
// false when g must go through loadGlyph instead: a composite glyph, a face
// of another kind, or data that does not parse (which loadGlyph reports).
func (f *Face) copyGlyph(g uint16) (eg encodedGlyph, ok bool) {
	if f.cff || f.upem != 1000 {
		return eg, false
	}
	out, err := f.outlines()
	if err != nil || out.cff != nil {
		return eg, false
	}
	data, err := out.glyfData(g)
	if err != nil {
		return eg, false
	}
	if f.builtin() {
		return builtinGlyph(data)
	}
	return copySimpleGlyph(data)
}

// builtinGlyph is copySimpleGlyph for the bundled faces, whose glyphs the
// generator wrote as simple glyphs without instructions, zero-padded to 4
// bytes (TestBuiltinGlyphsAreCopied checks every one against
// copySimpleGlyph). It reads only the header, so the points are not walked
// on every build, but it still checks every bound it relies on.
func builtinGlyph(data []byte) (eg encodedGlyph, ok bool) {
	if len(data) == 0 {
		return encodedGlyph{box: glyphBox{empty: true}}, true
	}
	if len(data) < 12 || len(data)%4 != 0 {
		return eg, false
	}
	n := int(int16(be.Uint16(data)))
	if n <= 0 || len(data) < 12+2*n || be.Uint16(data[10+2*n:]) != 0 {
		return eg, false
	}
	box := glyphBox{xMin: int32(int16(be.Uint16(data[2:]))), yMin: int32(int16(be.Uint16(data[4:]))),
		xMax: int32(int16(be.Uint16(data[6:]))), yMax: int32(int16(be.Uint16(data[8:])))}
	return encodedGlyph{data: data, box: box, pts: int(be.Uint16(data[8+2*n:])) + 1, ctrs: n}, true
}

// copySimpleGlyph checks that data is a well-formed simple glyph and returns
// it without instructions, padded to 4 bytes, with its box and counts.
// Empty data (or no contours) is an empty glyph; a composite glyph or
// malformed data gives ok false.
func copySimpleGlyph(data []byte) (eg encodedGlyph, ok bool) {
	empty := encodedGlyph{box: glyphBox{empty: true}}
	if len(data) == 0 {
		return empty, true
	}
	if len(data) < 10 {
		return eg, false
	}
	n := int(int16(be.Uint16(data)))
	switch {
	case n < 0:
		return eg, false // composite: loadGlyph flattens it
	case n == 0:
		return empty, true
	}
	hdr := 10 + 2*n // where instructionLength lies
	if len(data) < hdr+2 {
		return eg, false
	}
	pts := 0
	for i := range n {
		end := int(be.Uint16(data[10+2*i:])) + 1
		if end <= pts {
			return eg, false
		}
		pts = end
	}
	if pts > maxGlyphPoints {
		return eg, false
	}
	instrLen := int(be.Uint16(data[hdr:]))
	flags := hdr + 2 + instrLen
	end, ok := simpleGlyphEnd(data, flags, pts)
	if !ok {
		return eg, false
	}
	box := glyphBox{xMin: int32(int16(be.Uint16(data[2:]))), yMin: int32(int16(be.Uint16(data[4:]))),
		xMax: int32(int16(be.Uint16(data[6:]))), yMax: int32(int16(be.Uint16(data[8:])))}
	if box.xMin > box.xMax || box.yMin > box.yMax {
		return eg, false
	}
	eg = encodedGlyph{box: box, pts: pts, ctrs: n}
	size := end - instrLen
	padded := (size + 3) &^ 3
	if instrLen == 0 && len(data) == padded && allZero(data[end:]) {
		eg.data = data
		return eg, true
	}
	b := make([]byte, padded)
	copy(b, data[:hdr]) // numberOfContours, box, endPtsOfContours; instructionLength stays 0
	copy(b[hdr+2:], data[flags:end])
	eg.data = b
	return eg, true
}

// simpleGlyphEnd walks the flags of a simple glyph of pts points, which start
// at off in data, and returns where its coordinates end; ok is false if they
// do not fit data or a repeat runs past the last point.
func simpleGlyphEnd(data []byte, off, pts int) (end int, ok bool) {
	xLen, yLen := 0, 0
	for i := 0; i < pts; {
		if off >= len(data) {
			return 0, false
		}
		fl := data[off]
		off++
		run := 1
		if fl&flagRepeat != 0 {
			if off >= len(data) {
				return 0, false
			}
			run += int(data[off])
			off++
		}
		if i += run; i > pts {
			return 0, false
		}
		switch {
		case fl&flagXShort != 0:
			xLen += run
		case fl&flagXSame == 0:
			xLen += 2 * run
		}
		switch {
		case fl&flagYShort != 0:
			yLen += run
		case fl&flagYSame == 0:
			yLen += 2 * run
		}
	}
	end = off + xLen + yLen
	if end > len(data) {
		return 0, false
	}
	return end, true
}

// allZero reports whether b holds only zero bytes.
func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
