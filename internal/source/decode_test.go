package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"gazette/internal/diag"
)

const chinese3 = "昌江区人民政府办公室\n关于印发《方案（2023-2025年）》的通知\n各乡（镇）人民政府：“三农”工作。\n"

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestDecode(t *testing.T) {
	le := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	be := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	leNoBOM := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"UTF-8", []byte(chinese3), chinese3},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, chinese3...), chinese3},
		{"CRLF", []byte("第一行\r\n第二行\r\n"), "第一行\n第二行\n"},
		{"lone CR", []byte("第一行\r第二行\r\r第四行"), "第一行\n第二行\n\n第四行"},
		{"GBK", encode(t, simplifiedchinese.GBK, chinese3), chinese3},
		{"GB18030", encode(t, simplifiedchinese.GB18030, chinese3), chinese3},
		{"GBK with CRLF", encode(t, simplifiedchinese.GBK, "第一行\r\n第二行\r\n"), "第一行\n第二行\n"},
		{"UTF-16LE with BOM", encode(t, le, chinese3), chinese3},
		{"UTF-16BE with BOM", encode(t, be, chinese3), chinese3},
		{"UTF-16LE without BOM", encode(t, leNoBOM, chinese3), chinese3},
		{"ASCII", []byte("1. abc\n"), "1. abc\n"},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode("a.txt", tt.data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		line int
		msg  string // part of the message
		hint string // part of the hint; "" for UTF-8
	}{
		{"bytes in no encoding", []byte("第一行\n第二行\nabc\x80\x80\xff\xfe\x01def\n"), 3, "无法识别文件的编码", ""},
		{"Latin-1", []byte("ok\nCaf\xe9 cr\xe8me\n"), 2, "无法识别文件的编码", ""},
		{"bad UTF-8 after a BOM", append([]byte{0xEF, 0xBB, 0xBF}, "一\n二\n\xff"...), 3, "无法识别文件的编码", ""},
		{"random high bytes", []byte("\x81\x40\x82\x41\x83\x42\x84\x43\x85\x44"), 1, "无法识别文件的编码", ""},
		{"docx", []byte("PK\x03\x04rest"), 0, "Word", "改成它本来的 .docx"}, // read directly by its name
		{"doc", []byte("\xD0\xCF\x11\xE0rest"), 0, "Word", ".docx"},
		{"control character", []byte("一\n二\x07三\n"), 2, "控制字符", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("公文.txt", tt.data)
			var p *diag.Problem
			if !errors.As(err, &p) {
				t.Fatalf("Decode error = %v, want a *diag.Problem", err)
			}
			if p.File != "公文.txt" || p.Line != tt.line {
				t.Errorf("problem at %s:%d, want 公文.txt:%d", p.File, p.Line, tt.line)
			}
			if !strings.Contains(p.Msg, tt.msg) {
				t.Errorf("message %q does not say %q", p.Msg, tt.msg)
			}
			want := tt.hint
			if want == "" {
				want = "UTF-8"
			}
			if !strings.Contains(p.Hint, want) {
				t.Errorf("hint %q does not say %q", p.Hint, want)
			}
		})
	}
}

func TestNormalizeLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\u3000\u3000通过三年集中行动。", "通过三年集中行动。"},
		{"    通过三年集中行动。", "通过三年集中行动。"},
		{"\t昌江区", "昌江区"},
		{"\u00a0昌江区\u00a0", "昌江区"},
		{"提高能力。\u2029", "提高能力。"},
		{"提高能力。 ", "提高能力。"},
		{"\ufeff标题", "标题"},
		{"[bookmark: OLE_LINK1]昌江区人民政府办公室印发", "昌江区人民政府办公室印发"},
		{"[bookmark: _GoBack]", ""},
		{"                          2023年6月29 日", "2023年6月29日"},
		{"2023 年6 月29 日", "2023年6月29日"},
		{"2023年 6月", "2023年 6月"}, // only a space before 年/月/日/号 goes
		{"昌府办字〔2023〕25 号", "昌府办字〔2023〕25号"},
		{"2、 行动目标", "2、 行动目标"},
		{"加强基础研究 实现高水平科技自立自强", "加强基础研究 实现高水平科技自立自强"},
		{"达到23家以上。[责任单位：区农业农村水利局]", "达到23家以上。[责任单位：区农业农村水利局]"},
		{"　 \t ", ""},
		{"调查\u200b研究\u00ad工作\u200d方案\ufeff。", "调查研究工作方案。"}, // invisible format characters go
		{"昌江\u2060区", "昌江区"},
	}
	for _, tt := range tests {
		if got := NormalizeLine(tt.in); got != tt.want {
			t.Errorf("NormalizeLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeKeepsLines(t *testing.T) {
	in := "  一\n\n[bookmark: _GoBack]\n\t二  \n"
	want := "一\n\n\n二\n"
	if got := Normalize(in); got != want {
		t.Errorf("Normalize = %q, want %q", got, want)
	}
}

// TestParseDocumentEncodings: a sample saved as GBK with CRLF (Notepad on a
// Chinese Windows) or as UTF-16 (Word's "Unicode text") reads the same.
func TestParseDocumentEncodings(t *testing.T) {
	src := filepath.Join(sampleDir, "02-农业产业化三年行动方案通知.txt")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	want := parseSample(t, "02-农业产业化三年行动方案通知.txt")
	crlf := strings.ReplaceAll(string(data), "\n", "\r\n")
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"GBK CRLF", encode(t, simplifiedchinese.GBK, crlf)},
		{"UTF-16LE BOM CRLF", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), crlf)},
		{"UTF-8 BOM CRLF", append([]byte{0xEF, 0xBB, 0xBF}, crlf...)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			table, err := os.ReadFile(filepath.Join(sampleDir, "附件2-指标分解表.csv"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "附件2-指标分解表.csv"), encode(t, simplifiedchinese.GBK, string(table)), 0o644); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "02.txt")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := ParseDocument(path)
			if err != nil {
				t.Fatalf("ParseDocument: %v", err)
			}
			if len(got.Blocks) != len(want.Blocks) {
				t.Fatalf("%d blocks, want %d", len(got.Blocks), len(want.Blocks))
			}
			for i, b := range got.Blocks {
				w := want.Blocks[i]
				if b.Kind != w.Kind || b.Text != w.Text || b.Line != w.Line || b.Lead != w.Lead {
					t.Errorf("block %d = %s, want %s", i, summary(b), summary(w))
				}
			}
			if got.Source != path {
				t.Errorf("Source = %q", got.Source)
			}
		})
	}
}

func TestParseDocumentProblems(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "乱码.txt")
	if err := os.WriteFile(bad, []byte("标题\n\n正文。\n\xff\xfe\x80abc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		line int
		msg  string
	}{
		{filepath.Join(dir, "无此文件.txt"), 0, "找不到文件"},
		{dir, 0, "不是一个普通文件"},
		{bad, 4, "无法识别文件的编码"},
	}
	for _, tt := range tests {
		_, err := ParseDocument(tt.path)
		ps := diag.Problems(err)
		if len(ps) != 1 || ps[0].File != tt.path || ps[0].Line != tt.line || !strings.Contains(ps[0].Msg, tt.msg) {
			t.Errorf("ParseDocument(%s) = %v, want %q at line %d", tt.path, err, tt.msg, tt.line)
		}
	}
}
