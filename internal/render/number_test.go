package render

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// fixedCases are numbers whose formatting is easy to get wrong: halves
// (which strconv rounds to even on the exact binary value), numbers just
// either side of them, negative zero and what rounds to it, carries into
// the integer part, and numbers too large or not finite for the fast path.
var fixedCases = []float64{
	0, math.Copysign(0, -1), 0.125, 0.375, 0.625, 0.875, 2.5, 3.5, -2.5,
	87.875, 87.125, 0.005, 0.015, 0.025, 0.0049999, 0.00500001, 1.005, 2.675,
	-0.001, -0.004, -0.005, 0.995, 9.995, 99.995, 0.9999, 0.99995, 0.99994,
	566.929133858, 841.889763779, 595.275590551, 28.3464566929, 0.57,
	1 << 29, 1<<30 - 1, 1 << 30, 1e9, 1e15, 1e300, 5e-324, -1e-300,
	math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64,
}

func checkFixed(t *testing.T, v float64) {
	t.Helper()
	for prec := range len(pow10) {
		want := strconv.AppendFloat(nil, v, 'f', prec, 64)
		if got := appendFixed(nil, v, prec); string(got) != string(want) {
			t.Fatalf("appendFixed(%v, %d) = %q, strconv gives %q", v, prec, got, want)
		}
	}
}

func TestAppendFixedAsStrconv(t *testing.T) {
	for _, v := range fixedCases {
		checkFixed(t, v)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var v float64
		switch r.IntN(4) {
		case 0: // page coordinates
			v = r.Float64()*2000 - 200
		case 1: // multiples of 1/64 pt: exact binary halves and their neighbours
			v = float64(r.IntN(1<<17)-1<<10) / 64
			v = math.Nextafter(v, v+float64(r.IntN(3)-1))
		case 2: // decimals as layout computes them
			v = float64(r.IntN(200000)) / 100 * 1.0000001
		default: // any magnitude
			v = math.Float64frombits(r.Uint64())
		}
		checkFixed(t, v)
	}
}

func FuzzAppendFixed(f *testing.F) {
	for _, v := range fixedCases {
		f.Add(v)
	}
	f.Fuzz(checkFixed)
}

func TestAppendSizeAsStrconv(t *testing.T) {
	for _, v := range append([]float64{12, 10.5, 46, 7.875, 1e20, 1 << 30, 3, 0.1}, fixedCases...) {
		want := strconv.AppendFloat(nil, v, 'f', -1, 64)
		if got := appendSize(nil, v); string(got) != string(want) {
			t.Errorf("appendSize(%v) = %q, strconv gives %q", v, got, want)
		}
	}
}
