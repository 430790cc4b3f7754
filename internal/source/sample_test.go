package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/model"
)

const sampleDir = "../../samples/changjiang-2023-04"

// summary writes a block as "line kind [Ln] [新页] [lead]" for comparisons.
func summary(b model.Block) string {
	s := fmt.Sprintf("%d %s", b.Line, b.Kind)
	if b.Level > 0 {
		s += fmt.Sprintf(" L%d", b.Level)
	}
	if b.NewPage {
		s += " 新页"
	}
	if b.Lead != "" {
		s += " " + b.Lead
	}
	return s
}

func parseSample(t *testing.T, name string) *model.Document {
	t.Helper()
	doc, err := ParseDocument(filepath.Join(sampleDir, name))
	if err != nil {
		t.Fatalf("ParseDocument(%s): %v", name, err)
	}
	return doc
}

func checkSummaries(t *testing.T, doc *model.Document, want []string) {
	t.Helper()
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, summary(b))
	}
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("block %d = %q, want %q", i, g, w)
		}
	}
}

// blockAt returns the block starting at a line.
func blockAt(t *testing.T, doc *model.Document, line int) model.Block {
	t.Helper()
	for _, b := range doc.Blocks {
		if b.Line == line {
			return b
		}
	}
	t.Fatalf("%s: no block starts at line %d", doc.Source, line)
	return model.Block{}
}

func TestSample01Notice(t *testing.T) {
	doc := parseSample(t, "01-调查研究工作方案通知.txt")
	want := []string{
		"1 标题", "4 发文字号", "5 主送机关", "6 正文", "8 署名", "9 成文日期",
		"11 标题 新页", "14 正文",
		"15 标题层次 L1", "16 正文", "17 正文",
		"18 标题层次 L1", "19 正文",
		"20 正文 L2 （一）强化理论学习。", "21 正文 L2 （二）制定具体方案。", "22 正文 L2 （三）扎实深入调研。",
		"23 正文 L2 （四）认真分析研究。", "24 正文 L2 （五）推动解决问题。", "25 正文 L2 （六）强化跟踪问效。",
		"26 标题层次 L1",
		"27 正文 L2 （一）加强组织领导。", "28 正文 L2 （二）注重方式方法。", "29 正文 L2 （三）强化统筹协调。",
		"30 正文 L2 （四）严明工作纪律。", "31 正文 L2 （五）着眼常态长效。",
		"33 附件标识 新页", "34 标题", "36 正文",
	}
	for line := 37; line <= 55; line += 2 {
		want = append(want, fmt.Sprintf("%d 标题层次 L2", line), fmt.Sprintf("%d 正文", line+1))
	}
	checkSummaries(t, doc, want)

	texts := map[int]string{
		1:  "昌江区人民政府办公室印发\n《关于在全区政府系统大兴调查研究\n的工作方案》的通知",
		4:  "昌府办字〔2023〕25号",
		5:  "各乡（镇）人民政府、街道办事处，区政府各部门：",
		8:  "昌江区人民政府办公室",
		9:  "2023年6月29日",
		11: "关于在全区政府系统大兴调查\n研究的工作方案",
		15: "一、目的意义",
		26: "三、组织实施",
		33: "附件",
		34: "调查研究选题参考",
		37: "（一）贯彻落实党中央决策部署和习近平总书记重要讲话重要指示批示精神等方面。",
		55: "（十）本地区本部门本单位长期未解决的老大难问题方面。",
	}
	for line, want := range texts {
		if got := blockAt(t, doc, line).Text; got != want {
			t.Errorf("line %d text = %q, want %q", line, got, want)
		}
	}
	if got := doc.DocNumber(); got != "昌府办字〔2023〕25号" {
		t.Errorf("DocNumber() = %q", got)
	}
	// "1.……；2.……" is a paragraph of inline items, not a run-in head.
	if b := blockAt(t, doc, 38); !strings.HasPrefix(b.Text, "1.贯彻落实党的二十大精神情况；2.") || b.Lead != "" {
		t.Errorf("line 38 = %+v, want inline items without a lead", b)
	}
}

func TestSample02Notice(t *testing.T) {
	doc := parseSample(t, "02-农业产业化三年行动方案通知.txt")
	want := []string{
		"1 标题", "3 发文字号", "4 主送机关", "5 正文",
		"6 标题 新页", "8 正文",
		"10 标题层次 L1", "11 正文",
		"13 标题层次 L1", "14 正文", "15 正文", "16 正文", "17 正文", "18 正文",
		"19 标题层次 L1",
		"20 正文 L3 1.产业化育龙头。", "21 正文 L3 2.标准化建基地。", "22 正文 L3 3.多样化促加工。",
		"23 正文 L3 4.网格化畅流通。", "24 正文 L3 5.融合化延伸链。", "25 正文 L3 6.多渠道促合作。",
		"26 标题层次 L1", "27 正文",
		"28 正文 L3 1.支持龙头企业。", "29 正文 L3 2.支持生产环节。", "30 正文 L3 2.支持加工环节。",
		"31 正文 L3 3.支持品牌培育。", "32 正文 L3 4.强化金融支持。", "33 正文 L3 5.强化用地支持。",
		"34 标题层次 L1",
		"35 正文 L3 1.强化组织领导。", "36 正文 L3 2.强化要素集聚。", "37 正文 L3 3.强化项目管理。", "38 正文 L3 4.强化督导考核。",
		"40 附件标识 新页", "41 标题", "44 表格",
	}
	checkSummaries(t, doc, want)

	texts := map[int]string{
		1:  "昌江区人民政府办公室\n关于印发《昌江区提升农业产业化发展水平三年行动方案（2023-2025年）》的通知",
		3:  "昌府办字〔2023〕25号",
		6:  "昌江区提升农业产业化发展水平三年行动方案（2023-2025年）",
		13: "2、 行动目标",
		40: "附件2",
		41: "农业七大产业综合产值目标任务及\n重点任务指标分解表",
	}
	for line, want := range texts {
		if got := blockAt(t, doc, line).Text; got != want {
			t.Errorf("line %d text = %q, want %q", line, got, want)
		}
	}
	// The seed breaks the plan's first paragraph in mid-sentence (seed lines
	// 300–301): one paragraph.
	joined := blockAt(t, doc, 8).Text
	if !strings.HasPrefix(joined, "为深入贯彻落实习近平总书记关于“三农”工作重要论述和视察江西重要讲话精神，推动") ||
		!strings.HasSuffix(joined, "结合我区实际，制定本行动方案。") {
		t.Errorf("the broken paragraph is not joined: %q", joined)
	}
	tb := blockAt(t, doc, 44)
	if tb.Table == nil || tb.Table.Rows != 16 || tb.Table.Columns != 5 || tb.Table.HeaderRows != 1 {
		t.Fatalf("table = %+v", tb.Table)
	}
	if want := filepath.Join(sampleDir, "附件2-指标分解表.csv"); tb.Table.Source != want {
		t.Errorf("table source = %q, want %q", tb.Table.Source, want)
	}
}

func TestSampleMeetings(t *testing.T) {
	for _, tt := range []struct {
		file, title string
		paras       int
	}{
		{"03-第31次常务会议.txt", "区政府第31次常务会议召开", 6},
		{"04-第32次常务会议.txt", "区政府第32次常务会议召开", 9},
		{"05-第33次常务会议.txt", "区政府第33次常务会议召开", 10},
	} {
		t.Run(tt.file, func(t *testing.T) {
			doc := parseSample(t, tt.file)
			want := []string{"1 标题", "2 主持"}
			for i := 0; i < tt.paras; i++ {
				want = append(want, fmt.Sprintf("%d 正文", 3+i))
			}
			checkSummaries(t, doc, want)
			if doc.Title() != tt.title {
				t.Errorf("Title() = %q, want %q", doc.Title(), tt.title)
			}
			if got := blockAt(t, doc, 2).Text; got != "伊文斌主持" {
				t.Errorf("presider = %q", got)
			}
			if last := doc.Blocks[len(doc.Blocks)-1].Text; last != "会议还研究了其他事项。" {
				t.Errorf("last paragraph = %q", last)
			}
		})
	}
}

// TestSampleRoundTrip: the text of all blocks, in order, is the text of the
// file's non-blank lines with only white space normalised — nothing is lost,
// added or reordered. (A 发文字号 is stored without its parentheses; command
// lines carry no text.)
func TestSampleRoundTrip(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sampleDir, "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("sample files: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(data), "\n")
			var src strings.Builder
			for _, l := range lines {
				l = NormalizeLine(l)
				if l != "" && !strings.HasPrefix(l, "【表格") {
					src.WriteString(l)
				}
			}
			doc, err := ParseDocument(f)
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			for _, b := range doc.Blocks {
				text := strings.ReplaceAll(b.Text, "\n", "")
				if b.Kind == model.DocNumber && strings.HasPrefix(NormalizeLine(lines[b.Line-1]), "（") {
					text = "（" + text + "）"
				}
				out.WriteString(text)
			}
			if out.String() != src.String() {
				t.Errorf("blocks and source differ:\nblocks %q\nsource %q", out.String(), src.String())
			}
		})
	}
}

// TestSampleIsVerbatim: the sample keeps the seed's own slips.
func TestSampleIsVerbatim(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sampleDir, "02-农业产业化三年行动方案通知.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, slip := range []string{"2、 行动目标", "2.支持生产环节。", "2.支持加工环节。", `"赣鄱正品"`,
		"实施菜蓝子工程,保护万亩蔬菜基地", "街道(乡、镇)", "昌府办字〔2023〕25号"} {
		if !strings.Contains(s, slip) {
			t.Errorf("sample lost the seed's %q", slip)
		}
	}
	for _, f := range []string{"01-调查研究工作方案通知.txt", "02-农业产业化三年行动方案通知.txt"} {
		b, _ := os.ReadFile(filepath.Join(sampleDir, f))
		for _, bad := range []string{"bookmark", "总第7期", "区人民政府 文件", "\r"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s holds %q", f, bad)
			}
		}
	}
}
