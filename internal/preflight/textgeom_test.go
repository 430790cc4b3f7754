package preflight

import "testing"

// TestTextPlacement: preflight refuses text outside the trim, text printed
// over text, invisible text, text of no size and numbers that are no
// number, and passes text set apart — advances followed across Tj, TJ and
// T*, the spacing after a run's last glyph not counted as ink.
func TestTextPlacement(t *testing.T) {
	codes := []string{"text-outside-trim", "text-overlap", "text-invisible", "text-zero-size", "content-nan"}
	tests := []struct {
		name    string
		content string
		want    string // the one code expected, "" for none
	}{
		{"lines apart", "BT /F1 12 Tf 100 100 Td (Hello) Tj 0 -14 Td (World) Tj ET", ""},
		{"runs one after another", "BT /F1 12 Tf 100 100 Td (Hello) Tj (World) Tj [(Again) -500 (and)] TJ ET", ""},
		{"T* and TL", "BT /F1 12 Tf 14 TL 100 100 Td (Hello) Tj T* (World) Tj (More) ' ET", ""},
		{"spacing after the last glyph", "BT 20 Tc /F1 12 Tf 100 100 Td (A) Tj ET BT 0 Tc /F1 12 Tf 106 100 Td (B) Tj ET", ""},
		{"half an em of a squeezed mark", "BT /F1 12 Tf 100 100 Td (AB) Tj ET BT /F1 12 Tf 106 100 Td (CD) Tj ET", ""},
		{"over another run", "BT /F1 12 Tf 100 100 Td (Hello) Tj ET BT /F1 12 Tf 103 101 Td (World) Tj ET", "text-overlap"},
		{"scaled into another run", "q 2 0 0 2 0 0 cm BT /F1 12 Tf 50 50 Td (Hello) Tj ET Q BT /F1 12 Tf 110 100 Td (World) Tj ET", "text-overlap"},
		{"off the right edge", "BT /F1 12 Tf 590 400 Td (Hello) Tj ET", "text-outside-trim"},
		{"below the trim", "BT /F1 12 Tf 1 0 0 1 100 2 Tm (Hello) Tj ET", "text-outside-trim"},
		{"invisible", "BT 3 Tr /F1 12 Tf 100 100 Td (secret) Tj ET", "text-invisible"},
		{"no size", "BT /F1 0 Tf 100 100 Td (nothing) Tj ET", "text-zero-size"},
		{"NaN in a path", "100 100 m NaN 200 l S", "content-nan"},
		{"Inf in a text position", "BT /F1 12 Tf +Inf 100 Td (x) Tj ET", "content-nan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newRaw()
			d.page(trimmed, "<< "+helvetica+" >>", tt.content)
			rep, err := Check(d.write(t, "", ""), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var absent []string
			var wants []want
			for _, c := range codes {
				if c == tt.want {
					wants = append(wants, want{code: c, sev: Error, pages: []int{1}})
				} else {
					absent = append(absent, c)
				}
			}
			assertReport(t, rep, wants, absent)
		})
	}
}
