package build

import (
	"math"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/manifest"
	"gazette/layout"
)

func TestLayoutInputFitsTheTrimThenTheTypeSize(t *testing.T) {
	tests := []struct {
		name      string
		trim      manifest.Trim
		body      manifest.Size
		wantBody  float64
		wantWidth float64 // mm
		wantErrAt int
		wantPunct layout.PunctStyle
		punct     string
		wantChars int
		wantLines int
	}{
		{name: "A4", trim: manifest.Trim{W: 210, H: 297}, wantBody: 16, wantWidth: 210, wantChars: 28, wantLines: 22},
		{name: "正16开", trim: manifest.Trim{W: 185, H: 260}, wantBody: 16 * 260.0 / 297, wantWidth: 185, wantChars: 28, wantLines: 22},
		{name: "正16开 in 三号 as written", trim: manifest.Trim{W: 185, H: 260}, body: 16, wantBody: 16, wantWidth: 185,
			wantChars: 24, wantLines: 19, punct: "kaiming", wantPunct: layout.Kaiming},
		{name: "too small", trim: manifest.Trim{W: 60, H: 80, Line: 7}, wantErrAt: 7},
	}
	for _, tt := range tests {
		m := &manifest.Manifest{Path: "issue.toml", Layout: manifest.Layout{Preset: "gbt9704", BodySize: tt.body, Punctuation: tt.punct},
			Print: manifest.Print{Trim: tt.trim}}
		in, err := layoutInput(m)
		if tt.wantErrAt > 0 {
			ps := diag.Problems(err)
			if len(ps) != 1 || ps[0].Line != tt.wantErrAt {
				t.Errorf("%s: err = %v, want a problem at line %d", tt.name, err, tt.wantErrAt)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		st := in.Style
		if math.Abs(st.BodySize-tt.wantBody) > 1e-9 || math.Abs(st.PageWidth-tt.wantWidth*layout.MM) > 1e-9 {
			t.Errorf("%s: body %.3f bp on a %.1f mm page", tt.name, st.BodySize, st.PageWidth/layout.MM)
		}
		if st.CharsPerLine != tt.wantChars || st.LinesPerPage != tt.wantLines || in.Punct != tt.wantPunct {
			t.Errorf("%s: grid %d × %d, punctuation %v", tt.name, st.CharsPerLine, st.LinesPerPage, in.Punct)
		}
	}
}

func TestOutputNames(t *testing.T) {
	if got := DefaultOutput("期刊/issue.toml"); got != "期刊/issue.pdf" {
		t.Errorf("DefaultOutput = %s", got)
	}
	if got := WebOutput("期刊/第4期.pdf"); got != "期刊/第4期-web.pdf" {
		t.Errorf("WebOutput = %s", got)
	}
}
