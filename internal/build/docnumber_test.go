package build

import (
	"fmt"
	"strings"
	"testing"

	"gazette/internal/model"
)

// notice is a document from file with its 发文字号 at line 4, or none for "".
func notice(file, number string) *model.Document {
	doc := &model.Document{Source: file, Blocks: []model.Block{{Kind: model.Title, Text: "关于X的通知", Line: 1}}}
	if number != "" {
		doc.Blocks = append(doc.Blocks, model.Block{Kind: model.DocNumber, Text: number, Line: 4})
	}
	return doc
}

func TestSameDocNumbers(t *testing.T) {
	tests := []struct {
		name string
		docs []*model.Document
		want []string // "file line: message"
	}{
		{"all different", []*model.Document{notice("01.txt", "昌府办字〔2023〕25号"), notice("02.txt", "昌府办字〔2023〕26号"),
			notice("03.txt", "昌府字〔2023〕25号"), notice("04.txt", "昌府办字〔2022〕25号")}, nil},
		{"documents without one", []*model.Document{notice("01.txt", ""), notice("02.txt", "")}, nil},
		{"two alike", []*model.Document{notice("01.txt", "昌府办字〔2023〕25号"), notice("02.txt", "昌府办字〔2023〕25号")}, []string{
			"02.txt 4: 与 01.txt 第4行的发文字号相同（昌府办字〔2023〕25号）；同一期里两份文件的发文字号一般不会相同",
		}},
		{"alike but for the brackets, 第 and a leading zero", []*model.Document{notice("01.txt", "昌府办字〔2023〕25号"),
			notice("02.txt", "昌府办字[2023]第025号")}, []string{
			"02.txt 4: 与 01.txt 第4行的发文字号相同（昌府办字[2023]第025号）",
		}},
		{"three alike: each later one names the first", []*model.Document{notice("01.txt", "昌府发〔2023〕3号"),
			notice("02.txt", "昌府发〔2023〕3号"), notice("03.txt", "昌府发〔2023〕3号")}, []string{
			"02.txt 4: 与 01.txt 第4行的发文字号相同",
			"03.txt 4: 与 01.txt 第4行的发文字号相同",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range sameDocNumbers(tt.docs) {
				got = append(got, fmt.Sprintf("%s %d: %s", p.File, p.Line, p.Msg))
				if !strings.HasSuffix(p.Hint, "请修改原文件") {
					t.Errorf("hint %q does not end with the as-is sentence", p.Hint)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("warning %d = %q, want %q…", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestSampleSameDocNumber: the seed's two notices both carry
// 昌府办字〔2023〕25号, and reading the issue says so, naming both files.
func TestSampleSameDocNumber(t *testing.T) {
	is, err := Read("../../samples/changjiang-2023-04/issue.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := "文件 02-农业产业化三年行动方案通知.txt 第3行：与 01-调查研究工作方案通知.txt 第4行的发文字号相同（昌府办字〔2023〕25号）；" +
		"同一期里两份文件的发文字号一般不会相同。请核对原件。本程序按原文照印；如需改正，请修改原文件"
	n := 0
	for _, w := range is.Warnings {
		if strings.Contains(w.Msg, "发文字号相同") {
			n++
			if w.Error() != want {
				t.Errorf("warning = %q, want %q", w.Error(), want)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d warnings of the same 发文字号, want 1", n)
	}
}
