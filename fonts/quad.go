package fonts

import "math"

// The arithmetic here writes float64(x*y) wherever a product is added to or
// subtracted from something: the explicit conversion forbids the compiler to
// fuse the two into one FMA instruction (as it does on arm64, or on amd64
// with GOAMD64=v3), so the outlines, and the embedded fonts generated from
// them, come out the same bits on every platform.

// quadTolerance is the largest distance, in output units (1/1000 em), that
// a quadratic piece may stray from the cubic curve it replaces.
const quadTolerance = 0.5

// maxQuads caps the pieces one cubic becomes (a hostile font could ask for
// absurd precision).
const maxQuads = 64

// cubicToQuads appends to c the quadratic pieces (control point, end point)
// that follow the cubic p0 p1 p2 p3 within tol.
//
// A cubic cut into n equal parameter ranges, each replaced by the quadratic
// whose control point is (3(p1+p2) − p0 − p3)/4, strays at most
// √3/36 · |p3 − 3p2 + 3p1 − p0| / n³ from it; n is the smallest count that
// keeps this within tol. Straight cubics become a line.
func cubicToQuads(c []fpt, p0, p1, p2, p3 fpt, tol float64) []fpt {
	if straight(p0, p1, p2, p3) {
		return append(c, fpt{p3.x, p3.y, true})
	}
	dx := p3.x - float64(3*p2.x) + float64(3*p1.x) - p0.x
	dy := p3.y - float64(3*p2.y) + float64(3*p1.y) - p0.y
	e := math.Sqrt(3) / 36 * math.Sqrt(float64(dx*dx)+float64(dy*dy))
	n := 1
	for n < maxQuads && e/float64(n*n*n) > tol {
		n++
	}
	cub := [4]fpt{p0, p1, p2, p3}
	for k := n; k > 1; k-- {
		var first [4]fpt
		first, cub = splitCubic(cub, 1/float64(k))
		c = appendQuad(c, first)
	}
	return appendQuad(c, cub)
}

// appendQuad appends the single-quadratic approximation of a cubic.
func appendQuad(c []fpt, b [4]fpt) []fpt {
	ctl := fpt{
		x: (float64(3*(b[1].x+b[2].x)) - b[0].x - b[3].x) / 4,
		y: (float64(3*(b[1].y+b[2].y)) - b[0].y - b[3].y) / 4,
	}
	return append(c, ctl, fpt{b[3].x, b[3].y, true})
}

// splitCubic cuts a cubic at parameter t (de Casteljau).
func splitCubic(b [4]fpt, t float64) (left, right [4]fpt) {
	lerp := func(a, b fpt) fpt { return fpt{a.x + float64((b.x-a.x)*t), a.y + float64((b.y-a.y)*t), false} }
	ab, bc, cd := lerp(b[0], b[1]), lerp(b[1], b[2]), lerp(b[2], b[3])
	abc, bcd := lerp(ab, bc), lerp(bc, cd)
	m := lerp(abc, bcd)
	m.on = true
	return [4]fpt{b[0], ab, abc, m}, [4]fpt{m, bcd, cd, b[3]}
}

// straight reports whether both control points lie on the chord p0–p3
// (within 1/100 unit), between its ends, so the cubic is a straight line.
func straight(p0, p1, p2, p3 fpt) bool {
	vx, vy := p3.x-p0.x, p3.y-p0.y
	l2 := float64(vx*vx) + float64(vy*vy)
	if l2 == 0 {
		return p1.x == p0.x && p1.y == p0.y && p2.x == p0.x && p2.y == p0.y
	}
	on := func(p fpt) bool {
		wx, wy := p.x-p0.x, p.y-p0.y
		t := (float64(wx*vx) + float64(wy*vy)) / l2
		d := math.Abs(float64(wx*vy)-float64(wy*vx)) / math.Sqrt(l2)
		return t >= 0 && t <= 1 && d <= 0.01
	}
	return on(p1) && on(p2)
}
