package manifest

import (
	"strings"
	"testing"

	"gazette/internal/diag"
)

func loadPrint(t *testing.T, table string) (*Manifest, error) {
	t.Helper()
	dir := t.TempDir()
	writeGoodFiles(t, dir, "x")
	return Load(write(t, dir, "issue.toml", good+table))
}

func TestPrintDefaultsAndValues(t *testing.T) {
	tests := []struct {
		name  string
		table string
		want  Print
	}{
		{"no [print]", "", Print{Trim: Trim{Name: "A4", W: 210, H: 297}, BleedMM: 3, Images: "cmyk",
			OutputCondition: "FOGRA39", SaddleMaxPages: 64}},
		{"大16开", "\n[print]\ntrim = \"大16开\"\n", Print{Trim: Trim{Name: "大16开", W: 210, H: 285, Line: 24},
			BleedMM: 3, Images: "cmyk", OutputCondition: "FOGRA39", SaddleMaxPages: 64}},
		{"zheng16 and everything", "\n[print]\ntrim = \"zheng16\"\nbleed = 5\ncrop_marks = true\nimages = \"gray\"\n" +
			"output_condition = \"CGATS TR 001\"\nsaddle_max_pages = 48\n",
			Print{Trim: Trim{Name: "正16开", W: 185, H: 260, Line: 24}, BleedMM: 5, CropMarks: true, Images: "gray",
				OutputCondition: "CGATS TR 001", SaddleMaxPages: 48, SaddleLine: 29}},
		{"custom size, float bleed", "\n[print]\ntrim = [148, 210.5]\nbleed = 2.5\n",
			Print{Trim: Trim{W: 148, H: 210.5, Line: 24}, BleedMM: 2.5, Images: "cmyk", OutputCondition: "FOGRA39", SaddleMaxPages: 64}},
		{"no bleed", "\n[print]\nbleed = 0\n", Print{Trim: Trim{Name: "A4", W: 210, H: 297}, BleedMM: 0,
			Images: "cmyk", OutputCondition: "FOGRA39", SaddleMaxPages: 64}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := loadPrint(t, tt.table)
			if err != nil {
				t.Fatal(err)
			}
			if m.Print != tt.want {
				t.Errorf("print = %+v\nwant    %+v", m.Print, tt.want)
			}
		})
	}
}

func TestPrintProblems(t *testing.T) {
	const at = 23 // the line of [print] after good
	tests := []struct {
		name     string
		table    string
		line     int
		contains string
	}{
		{"unknown key", "\n[print]\ntrim = \"A4\"\nbleeds = 3\n", at + 2, "print.bleeds"},
		{"unknown trim", "\n[print]\ntrim = \"B5\"\n", at + 1, "成品尺寸 “B5” 不认识"},
		{"one number", "\n[print]\ntrim = [148]\n", at + 1, "不合理"},
		{"tiny trim", "\n[print]\ntrim = [10, 20]\n", at + 1, "不合理"},
		{"text in the array", "\n[print]\ntrim = [\"148\", \"210\"]\n", at + 1, "不合理"},
		{"trim a number", "\n[print]\ntrim = 210\n", at + 1, "写法不对"},
		{"bleed too big", "\n[print]\nbleed = 30\n", at + 1, "出血"},
		{"bleed with a unit", "\n[print]\nbleed = \"3mm\"\n", at + 1, "出血"},
		{"images", "\n[print]\nimages = \"rgb\"\n", at + 1, "图片的印刷色 “rgb” 不存在"},
		{"output condition", "\n[print]\noutput_condition = \"ISO Coated v2\"\n", at + 1, "印刷条件"},
		{"saddle pages", "\n[print]\nsaddle_max_pages = 2\n", at + 1, "骑马钉"},
		{"saddle fraction", "\n[print]\nsaddle_max_pages = 60.5\n", at + 1, "不是整数"},
		{"crop marks type", "\n[print]\ncrop_marks = \"yes\"\n", at + 1, "crop_marks（裁切线）只能写 true（是）或 false（否）"},
		{"bleed negative", "\n[print]\nbleed = -3\n", at + 1, "bleed 应写成 0 到 10 之间的数字"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadPrint(t, tt.table)
			ps := diag.Problems(err)
			if len(ps) == 0 {
				t.Fatalf("no problem reported (err=%v)", err)
			}
			p := ps[0]
			if !strings.Contains(p.Error(), tt.contains) || p.Line != tt.line {
				t.Errorf("got %q at line %d, want %q at line %d", p.Error(), p.Line, tt.contains, tt.line)
			}
			if !strings.Contains(p.Error(), "issue.toml") {
				t.Errorf("message does not name the file: %s", p.Error())
			}
		})
	}
}
