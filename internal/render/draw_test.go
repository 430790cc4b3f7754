package render

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"gazette/fonts"
	"gazette/layout"
)

// The content streams are built by appending numbers formatted by hand
// (number.go) straight into each page's buffer. What they must say is
// what fmt and string concatenation said before that: the reference
// functions below, which TestPageContentAsFormatted draws every kind of
// drawing with and compares byte for byte.

func refShowText(p *fontPlan, role fonts.Role, text string, size float64, cuts []layout.Cut) (string, error) {
	var b []byte
	var cur *pdfFont
	open, end := "<", "> Tj"
	if len(cuts) > 0 {
		open, end = "[<", "> ] TJ"
	}
	for i, c := range []rune(text) {
		f, err := p.faceFor(role, c)
		if err != nil {
			return "", err
		}
		pf := p.byFace[f]
		g, ok := pf.sub.Glyph(c)
		if !ok {
			return "", fmt.Errorf("%q not in the subset", c)
		}
		right := 0
		if len(cuts) > 0 && cuts[0].Index == i {
			if n, narrow := narrowing(f, c, cuts[0], size); narrow {
				if g, ok = pf.sub.NarrowGlyph(n); !ok {
					return "", fmt.Errorf("narrowed %q not in the subset", c)
				}
				right = n.Right
			}
			cuts = cuts[1:]
		}
		if pf != cur {
			if cur != nil {
				b = append(b, end...)
				b = append(b, ' ')
			}
			b = fmt.Appendf(b, "/%s %s Tf %s", pf.res, strconv.FormatFloat(size, 'f', -1, 64), open)
			cur = pf
		}
		b = fmt.Appendf(b, "%04X", g)
		if right > 0 {
			b = fmt.Appendf(b, "> %d <", -right)
		}
	}
	if cur != nil {
		b = append(b, end...)
	}
	return strings.ReplaceAll(string(b), " <> ]", " ]"), nil
}

// refPage is the content of a page of boxes, rules and runs.
func refPage(t *testing.T, w *writer, p *layout.Page) string {
	var out strings.Builder
	raw := func(s string) { out.WriteString(s + "\n") }
	for _, b := range p.Boxes {
		x, y, bw, bh := b.X, b.Y, b.W, b.H
		if b.Bleed {
			x, y, bw, bh = w.fr.bleedRect(x, y, bw, bh)
		}
		raw(fmt.Sprintf("q %.3f g %.2f %.2f %.2f %.2f re f Q\n", b.Gray, w.fr.x(x), w.fr.y(y+bh), bw, bh))
	}
	for _, r := range p.Rules {
		x1, y1, x2, y2 := r.X1, r.Y1, r.X2, r.Y2
		if r.Bleed {
			x1, y1 = w.fr.bleedPoint(x1, y1)
			x2, y2 = w.fr.bleedPoint(x2, y2)
		}
		raw(fmt.Sprintf("q %s %.2f w %.2f %.2f m %.2f %.2f l S Q\n",
			w.stroke(r.Color), r.Width, w.fr.x(x1), w.fr.y(y1), w.fr.x(x2), w.fr.y(y2)))
	}
	tcSet, tc := false, 0.0
	for _, r := range p.Runs {
		show, err := refShowText(w.fonts, r.Role, r.Text, r.Size, r.Cuts)
		if err != nil {
			t.Fatal(err)
		}
		if show == "" {
			continue
		}
		if !tcSet || r.Spacing != tc {
			raw(fmt.Sprintf("%.4f Tc\n", r.Spacing))
			tc, tcSet = r.Spacing, true
		}
		matrix, op := "", "Td"
		if r.Turned {
			matrix, op = "0 1 -1 0 ", "Tm"
		}
		text := fmt.Sprintf("BT %s%.2f %.2f %s %s ET\n", matrix, w.fr.x(r.X), w.fr.y(r.Y), op, show)
		if r.Color.IsBlack() && !r.FakeBold {
			raw(text)
			continue
		}
		state := w.fill(r.Color)
		if r.FakeBold {
			state += fmt.Sprintf(" %s %.3f w 1 j 2 Tr", w.stroke(r.Color), layout.FakeBoldStroke*r.Size)
		}
		raw("q " + state + "\n" + text + "Q\n")
	}
	raw(w.fr.cropMarks())
	return out.String()
}

// drawingsPage is a page of every kind of box, rule and run, their
// numbers drawn at random.
func drawingsPage(r *rand.Rand) *layout.Page {
	num := func() float64 { return float64(r.IntN(80000))/64 - 100 + float64(r.IntN(2))*r.Float64() }
	red := layout.Color{M: 0.8 + r.Float64()/10, Y: 0.8}
	p := &layout.Page{Recto: true}
	for i := range 12 {
		p.Boxes = append(p.Boxes, layout.FillBox{X: num(), Y: num(), W: num(), H: num(), Gray: r.Float64(), Bleed: i%2 == 0})
		c := layout.Color{}
		if i%3 == 0 {
			c = red
		}
		p.Rules = append(p.Rules, layout.Rule{X1: num(), Y1: num(), X2: num(), Y2: num(), Width: r.Float64() * 3, Color: c, Bleed: i%4 == 1})
	}
	texts := []struct {
		text string
		cuts []layout.Cut
	}{
		{"各乡镇（街道）", []layout.Cut{{Index: 6, Right: 7.5}}},                       // narrowed last
		{"（二）制定、方案。", []layout.Cut{{Index: 2, Right: 7}, {Index: 5, Right: 8}}}, // narrowed inside
		{"”A1", []layout.Cut{{Index: 0, Right: 7.5}}},                           // narrowed, then another face
		{"2023年第4期 No.4", nil},
		{"", nil},
		{"区政府领导班子成员每人牵头开展调研", []layout.Cut{{Index: 3, Right: 0.01}}}, // a cut that rounds to nothing
	}
	for i := range 60 {
		tx := texts[i%len(texts)]
		run := layout.Run{X: num(), Y: num(), Role: fonts.Role(r.IntN(int(fonts.NumRoles))), Size: []float64{16, 14, 10.5, 22}[r.IntN(4)],
			Spacing: []float64{0, 0, -0.207, 28, 1.0 / 3}[r.IntN(5)], Text: tx.text, Cuts: tx.cuts,
			FakeBold: i%7 == 3, Turned: i%5 == 2}
		if i%6 == 1 {
			run.Color = red
		}
		p.Runs = append(p.Runs, run)
	}
	return p
}

func TestPageContentAsFormatted(t *testing.T) {
	set, err := fonts.Load(fonts.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	book := &layout.Book{Title: "绘制", Width: a4W, Height: a4H}
	for range 6 {
		book.Pages = append(book.Pages, drawingsPage(r))
	}
	fp, err := planFonts(book, set)
	if err != nil {
		t.Fatal(err)
	}
	for _, edition := range []*Print{nil, {BleedMM: 3, CropMarks: true, Condition: "FOGRA39"}} {
		w := &writer{fr: newFrame(book, edition), web: edition == nil, fonts: fp, out: &bytes.Buffer{}}
		for i, p := range book.Pages {
			w.out.Reset()
			w.tcSet = false
			if err := w.page(p, len(book.Pages)); err != nil {
				t.Fatal(err)
			}
			if got, want := w.out.String(), refPage(t, w, p); got != want {
				t.Fatalf("web %v, page %d:\ngot  %q\nwant %q", edition == nil, i+1, got, want)
			}
		}
	}
}
