package layout

import (
	"strings"
	"testing"

	"gazette/internal/model"
)

// bodyRuns returns the body-size runs of a page that contain sub.
func bodyRuns(st *Style, p *Page, sub string) []Run {
	var out []Run
	for _, r := range p.Runs {
		if r.Size == st.BodySize && strings.Contains(r.Text, sub) {
			out = append(out, r)
		}
	}
	return out
}

// TestSignatureBlocks: every 署名 and 成文日期 is printed, whatever comes
// with it, inside the measure and on the positions of GB/T 9704-2012 7.3.5.2.
func TestSignatureBlocks(t *testing.T) {
	st, _ := Preset("gbt9704")
	pitch := st.CharPitch()
	right := st.Left(true) + st.TextWidth() - 2*pitch // 右空二字
	joint := "中共景德镇市昌江区委员会办公室　景德镇市昌江区人民政府办公室　景德镇市昌江区农业农村局"
	tests := []struct {
		name    string
		blocks  []model.Block
		signers []string // the signer lines, top to bottom
		date    string
		dateX   float64 // where the date starts; 0: 2 characters right of the last signer line
	}{
		{name: "date alone",
			blocks: []model.Block{{Kind: model.SignDate, Text: "2023年6月29日"}},
			date:   "2023年6月29日", dateX: -1},
		{name: "date after an attachment note",
			blocks: []model.Block{{Kind: model.AttachmentNote, Text: "1.指标分解表"}, {Kind: model.SignDate, Text: "2023年6月29日"}},
			date:   "2023年6月29日", dateX: -1},
		{name: "joint signers, one a line",
			blocks:  []model.Block{{Kind: model.Signer, Text: joint}, {Kind: model.SignDate, Text: "2023年6月29日"}},
			signers: strings.Split(joint, "　"), date: "2023年6月29日"},
		{name: "signer alone",
			blocks:  []model.Block{{Kind: model.Signer, Text: "昌江区人民政府办公室"}},
			signers: []string{"昌江区人民政府办公室"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &model.Document{Blocks: append([]model.Block{para("正文。")}, tt.blocks...)}
			b, _ := layDocs(t, doc)
			p := b.Pages[4]
			prevY, lastX := 0.0, 0.0
			for _, name := range tt.signers {
				rs := bodyRuns(st, p, name)
				if len(rs) != 1 || rs[0].Text != name {
					t.Fatalf("signer line %q: found %d runs", name, len(rs))
				}
				x0, x1 := rs[0].X, rs[0].X+float64(len([]rune(rs[0].Text)))*(st.BodySize+rs[0].Spacing)
				if x0 < st.Left(true) || x1 > right+0.01 || x1 < right-0.01 {
					t.Errorf("signer line %q spans %.2f–%.2f, want it to end at %.2f inside the measure", name, x0, x1, right)
				}
				if rs[0].Y <= prevY {
					t.Errorf("signer line %q is not below the one before", name)
				}
				prevY, lastX = rs[0].Y, x0
			}
			if tt.date == "" {
				return
			}
			rs := bodyRuns(st, p, "2023")
			if len(rs) == 0 {
				t.Fatalf("the date %q is not printed", tt.date)
			}
			want := lastX + 2*pitch
			if tt.dateX < 0 { // no signer: 右空二字
				want = right - (7*0.5*st.BodySize + 3*pitch) // 7 digits, 年月日
			}
			if d := rs[0].X - want; d > 0.01 || d < -0.01 {
				t.Errorf("date starts at %.2f, want %.2f", rs[0].X, want)
			}
			if prevY > 0 && rs[0].Y-prevY < st.LinePitch-0.01 {
				t.Errorf("the date is not on the line below the signer")
			}
		})
	}
}
