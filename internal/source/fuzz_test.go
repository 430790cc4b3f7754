package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/model"
)

// FuzzParse: Parse never panics, every block has a line inside the text, and
// a Lead is always a prefix of its paragraph.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(sampleDir, "*.txt"))
	for _, name := range files {
		// Short seeds keep the fuzzer fast: the head of each sample file.
		if data, err := os.ReadFile(name); err == nil {
			f.Add(strings.ToValidUTF8(string(data[:min(len(data), 1500)]), ""))
		}
	}
	for _, s := range []string{
		"", "\n\n", "【", "【】", "【分页】", "【表格：】", "【标题】", "【图片：a.png 宽=】",
		"一、", "（一）", "1.", "2、", "附件", "附件：", "附件：1.", "2023年6月29日",
		"印发《X》\nX\n", "（一）a。b", "1.；", "标题\n伊文斌主持\n", "\ufeff\r\n\r",
		"通知\n\n正文。\n昌江区\n2023年6月29日\n（此件公开发布）\n方案\n附件1\n名单\n",
		"某省人民政府令\n第1号\n令文。\n省长　某\n二OO六年一月一日\n办法\n（2024年通过\n修正）\n目录\n第一章 总则\n第一章 总则\n第一条为了。\n(一)甲；\n1)乙",
		"纪要\n出席：甲、\n乙\n任命：\n甲为乙；\n问：何？\n答：是。", "某某文件\n某发〔2024〕1号\n标题\n\n通知",
		"预案\n\n1.总则\n1.1编制目的\n文。\n2总则\n", "通知\n\n(1985年5月4日通过)  (2001年修正)  根据\n会议决定：\n某局\n(此件公开发布)\n{ 2017 6 23",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	name := filepath.Join(dir, "fuzz.txt")
	f.Fuzz(func(t *testing.T, text string) {
		if strings.Contains(text, "【表格") || strings.Contains(text, "【图片") {
			// Commands naming files would read whatever the fuzzer names.
			text = strings.NewReplacer("【表格", "【", "【图片", "【").Replace(text)
		}
		doc, err := Parse(name, text)
		if err != nil {
			return
		}
		n := strings.Count(strings.ReplaceAll(text, "\r\n", "\n"), "\n") + strings.Count(text, "\r") -
			strings.Count(text, "\r\n") + 1
		for _, b := range doc.Blocks {
			if b.Line < 1 || b.Line > n {
				t.Fatalf("block %v at line %d of %d", b.Kind, b.Line, n)
			}
			if b.Lead != "" && !strings.HasPrefix(b.Text, b.Lead) {
				t.Fatalf("lead %q not a prefix of %q", b.Lead, b.Text)
			}
			if b.Kind == model.Heading && (b.Level < 1 || b.Level > 4) {
				t.Fatalf("heading level %d", b.Level)
			}
		}
		Check(doc)
	})
}
