package pdfread

import (
	"math"
	"sort"
	"testing"
	"unicode"
	"unicode/utf8"

	"gazette/fonts"
	"gazette/layout"
)

// Calibration limits.
const (
	// maxBaselineShift (pt) is how far the renderer may move every 仿宋
	// baseline away from the layout's before calibrating would hide it.
	maxBaselineShift = 0.25
	// maxFaceDisagreement (pt at 16 bp) is how far the boxes of 黑体 and 楷体
	// may descend differently from 仿宋's.
	maxFaceDisagreement = 0.1
)

// calibrate measures the word boxes of the body fonts against the layout:
// a run of the layout starts a word in the PDF at the run's origin, and the
// run's Y is its baseline.
func calibrate(t testing.TB, book *layout.Book, pages []*Page) BoxMetrics {
	t.Helper()
	desc := map[fonts.Role][]float64{}
	var latDesc, latH []float64
	var fangSize, fangOff []float64 // 仿宋 runs: size and yMax − baseline in pt
	for pi, lp := range book.Pages {
		if lp.Folio == 0 {
			continue
		}
		for _, r := range lp.Runs {
			w, ok := wordAt(pages[pi].Words, r)
			if !ok {
				continue
			}
			first, _ := utf8.DecodeRuneInString(r.Text)
			switch {
			case r.Role == fonts.Latin && w.LatinStart():
				latDesc = append(latDesc, (w.Y1-r.Y)/r.Size)
				latH = append(latH, w.Height()/r.Size)
			case r.Role != fonts.Latin && w.CJKStart() && unicode.Is(unicode.Han, first):
				desc[r.Role] = append(desc[r.Role], (w.Y1-r.Y)/r.Size)
				if r.Role == fonts.Fang {
					fangSize = append(fangSize, r.Size)
					fangOff = append(fangOff, w.Y1-r.Y)
				}
			}
		}
	}
	if len(desc[fonts.Fang]) == 0 || len(latDesc) == 0 {
		t.Fatalf("cannot calibrate the word boxes: %d 仿宋 and %d Latin runs of the layout found in the PDF",
			len(desc[fonts.Fang]), len(latDesc))
	}
	m := BoxMetrics{CJKDesc: Median(desc[fonts.Fang]), LatinDesc: Median(latDesc), LatinH: Median(latH)}
	// Calibrating on the layout must not hide a renderer that moves every
	// baseline: a box's distance below the baseline is a font property and
	// grows with the size, a shift would not. Fit offset = a × size + b over
	// the 仿宋 runs (body 16 bp and table 12 bp): b is the shift.
	if lo, hi := MinMax(fangSize); hi-lo >= 2 {
		a, b := FitLine(fangSize, fangOff)
		t.Logf("仿宋 boxes at %g–%g bp: yMax = baseline + %.4f em + %.3f pt (renderer's shift of the baselines)", lo, hi, a, b)
		if math.Abs(b) > maxBaselineShift {
			t.Fatalf("the PDF's 仿宋 boxes sit %.2f pt + %.4f em below the layout's baselines: the renderer shifts every line by %.2f pt", b, a, b)
		}
	}
	// The body sizes are set in 仿宋, 黑体 and 楷体: their boxes must agree
	// with 仿宋's, or baselines read from the PDF would depend on the face.
	for _, role := range []fonts.Role{fonts.Hei, fonts.Kai} {
		for _, d := range desc[role] {
			if math.Abs(d-m.CJKDesc)*16 > maxFaceDisagreement {
				t.Fatalf("word boxes of %s descend %.4f em, 仿宋 %.4f em: baselines cannot be read alike", role, d, m.CJKDesc)
			}
		}
	}
	return m
}

// wordAt is the first word of the page that starts where the layout's run
// r starts: same origin, same first character, bottom within half the size
// of its baseline.
func wordAt(words []Word, r layout.Run) (Word, bool) {
	first, _ := utf8.DecodeRuneInString(r.Text)
	for _, w := range words {
		if math.Abs(w.X0-r.X) <= 0.3 && w.First() == first && math.Abs(w.Y1-r.Y) <= r.Size/2 {
			return w, true
		}
	}
	return Word{}, false
}

// MinMax is the least and greatest of xs (+Inf, −Inf when xs is empty).
func MinMax(xs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}

// FitLine fits y = a·x + b by least squares.
func FitLine(xs, ys []float64) (a, b float64) {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx, sy = sx+xs[i], sy+ys[i]
		sxx, sxy = sxx+xs[i]*xs[i], sxy+xs[i]*ys[i]
	}
	a = (n*sxy - sx*sy) / (n*sxx - sx*sx)
	return a, (sy - a*sx) / n
}

// Median is the middle value of xs (the upper one of an even count); xs
// must not be empty.
func Median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}
