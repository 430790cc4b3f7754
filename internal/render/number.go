package render

import (
	"math"
	"strconv"
)

// The content streams print coordinates, widths, greys and character
// spacings as fixed-point decimals: x and y of every run, rule and box with
// two digits, colours with three, Tc with four. A content stream of the
// ×10 issue holds hundreds of thousands of them, so they are formatted here
// by integer arithmetic, giving the very text strconv.AppendFloat(b, v, 'f',
// prec, 64) — and so fmt's %.Nf — gives; the rare number whose rounding
// that arithmetic cannot be sure of is left to strconv.

// pow10 are the scales of the precisions appendFixed formats.
var pow10 = [...]float64{1, 10, 100, 1000, 10000}

// fixedLimit bounds the scaled numbers appendFixed formats itself: below
// it a float64's spacing is under 2⁻²² (2.4e-7), far less than tieMargin,
// so that rounding the scaled product cannot carry it across a half.
const fixedLimit = 1 << 30

// tieMargin is how near a half the scaled number's fraction may come
// before the exact decimal rounding (round half to even on the exact binary
// value, as strconv does) is left to strconv.
const tieMargin = 1e-6

// appendFixed appends v with prec digits after the decimal point (0 ≤ prec
// < len(pow10)), as strconv.AppendFloat(b, v, 'f', prec, 64) does.
func appendFixed(b []byte, v float64, prec int) []byte {
	scale := pow10[prec]
	s := math.Abs(v) * scale
	if !(s < fixedLimit) { // also NaN and ±Inf
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	n := math.Floor(s)
	frac := s - n // exact: n and s are within 1 of each other
	if math.Abs(frac-0.5) < tieMargin {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	if frac > 0.5 {
		n++
	}
	if math.Signbit(v) { // strconv keeps the sign of −0 and of what rounds to 0
		b = append(b, '-')
	}
	u, p := uint64(n), uint64(scale)
	b = strconv.AppendUint(b, u/p, 10)
	if prec == 0 {
		return b
	}
	b = append(b, '.')
	f := u % p
	for d := p / 10; d > 0; d /= 10 {
		b = append(b, byte('0'+f/d%10))
	}
	return b
}

// appendSize appends a font size in the fewest digits that give it back
// (strconv's 'f' format with precision −1): a whole size, the common case,
// as an integer.
func appendSize(b []byte, size float64) []byte {
	if size >= 0 && size < fixedLimit && size == math.Trunc(size) && !math.Signbit(size) {
		return strconv.AppendUint(b, uint64(size), 10)
	}
	return strconv.AppendFloat(b, size, 'f', -1, 64)
}
