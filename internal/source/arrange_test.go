package source

import (
	"strings"
	"testing"

	"gazette/internal/model"
)

// The white space typed inside a 发文字号 or a 成文日期 is closed up, and
// the office is told at its line; none is reported where none was typed.
func TestCloseUpDocNumberAndDate(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		kind  model.Kind
		want  string
		notes []string // what the notes must say, one per note; none if empty
	}{
		{
			// 国务院 国函〔2011〕50号 (testdata/issues/kinds/05-…批复)
			name:  "spaces around the brackets and before 号",
			text:  lines("国务院关于某事的批复", "国函 〔2011〕 50 号", "", "安全监管总局:", "同意。"),
			kind:  model.DocNumber,
			want:  "国函〔2011〕50号",
			notes: []string{"第2行", "发文字号“国函 〔2011〕 50 号”中间有空格，已按“国函〔2011〕50号”排印"},
		},
		{
			// 内蒙古自治区人民政府 内政字〔2020〕102号 (corpus pifu/)
			name:  "a date typed with spaces after 年 and 月",
			text:  lines("关于某事的批复", "", "同意。", "", "2020年 11月 30日"),
			kind:  model.SignDate,
			want:  "2020年11月30日",
			notes: []string{"第5行", "成文日期“2020年 11月 30日”中间有空格，已按“2020年11月30日”排印"},
		},
		{
			name:  "a space only before 号 is reported too",
			text:  lines("关于某事的通知", "昌府发〔2023〕102 号", "", "请做好工作。"),
			kind:  model.DocNumber,
			want:  "昌府发〔2023〕102号",
			notes: []string{"第2行", "“昌府发〔2023〕102 号”"},
		},
		{
			name: "closed up as typed: no note",
			text: lines("关于某事的通知", "（昌府发〔2023〕3号）", "", "请做好工作。", "2023年6月29日"),
			kind: model.DocNumber,
			want: "昌府发〔2023〕3号",
		},
		{
			name: "a date in Chinese numerals, closed up: no note",
			text: lines("关于某事的通知", "", "请做好工作。", "二〇二三年六月二十九日"),
			kind: model.SignDate,
			want: "二〇二三年六月二十九日",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, notes, err := parseLines("文件.txt", splitLines(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, b := range doc.Blocks {
				if b.Kind == tt.kind {
					got = b.Text
				}
			}
			if got != tt.want {
				t.Errorf("%v = %q, want %q", tt.kind, got, tt.want)
			}
			if len(tt.notes) == 0 && len(notes) > 0 {
				t.Errorf("notes %v, want none", notes)
			}
			if len(tt.notes) > 0 {
				if len(notes) != 1 {
					t.Fatalf("%d notes %v, want 1", len(notes), notes)
				}
				for _, s := range tt.notes {
					if !strings.Contains(notes[0].Error(), s) {
						t.Errorf("note %q does not say %q", notes[0].Error(), s)
					}
				}
			}
		})
	}
}
