package source

import (
	"testing"

	"gazette/internal/model"
)

// TestNumberedItems: a numbered line closed by 。 is a heading only when it
// heads something; otherwise it is an item, a paragraph whose Lead is its
// number alone (docs/document-kinds.md#numbered-items). The texts are
// taken from real documents (testdata/corpus/SOURCES.md and the sample).
func TestNumberedItems(t *testing.T) {
	type want struct {
		line  int
		kind  model.Kind
		level int
		lead  string
	}
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "批复: points followed by their siblings, the last over 专此批复 (内蒙古 内政字〔2020〕102号)",
			text: lines("内蒙古自治区人民政府关于《根河市城市总体规划（2019—2030）》的批复", "内政字〔2020〕102号", "呼伦贝尔市人民政府：",
				"你市《关于〈根河市城市总体规划（2014-2030）〉部分地块修改成果批准实施的请示》收悉。经研究，现批复如下：",
				"一、同意《根河市城市总体规划（2019-2030）（2019年修改版）》（以下简称《总体规划》）。",
				"二、根河市人民政府应按照局部修改后的《总体规划》，进一步修改完善相关专项规划和控制性详细规划内容，确保规划有效实施。",
				"三、根河市人民政府要进一步加强规划监督管理工作，根河市自然资源主管部门要依法实施规划统一管理。",
				"专此批复。", "2020年11月30日"),
			want: []want{{5, model.Paragraph, 1, "一、"}, {6, model.Paragraph, 1, "二、"}, {7, model.Paragraph, 1, "三、"}, {8, model.Paragraph, 0, ""}},
		},
		{
			name: "批复 of a county, two points over the signature (弋阳 弋府字〔2015〕23号)",
			text: lines("弋阳县人民政府关于清湖乡总体规划的批复", "清湖乡人民政府:",
				"你乡呈送的《关于申请批复清湖乡总体规划(2013-2030)的请示》收悉,经县政府常务会议研究,现批复如下:",
				"一、同意批准实施《弋阳县清湖乡总体规划(2013-2030)》。", "二、县规划、国土等部门要认真把关,彰显规划严肃性。",
				"弋阳县人民政府", "2015年3月3日"),
			want: []want{{4, model.Paragraph, 1, "一、"}, {5, model.Paragraph, 1, "二、"}},
		},
		{
			name: "决定: a short last article after a long one (湖南省人大常委会 2023)",
			text: lines("湖南省人民代表大会常务委员会关于修改《湖南省实施〈中华人民共和国农业技术推广法〉办法》等地方性法规的决定",
				"湖南省第十四届人民代表大会常务委员会第三次会议决定：",
				"一、对《湖南省实施〈中华人民共和国农业技术推广法〉办法》作出修改：将第十条中的“县级以上人民政府”修改为“县级以上地方人民政府”。",
				"二、本决定自公布之日起施行。", "", "湖南省人民代表大会常务委员会", "2023年5月31日"),
			want: []want{{3, model.Paragraph, 1, "一、"}, {4, model.Paragraph, 1, "二、"}},
		},
		{
			name: "通告: short requirements, each followed by the next (建德 2020)",
			text: lines("建德市新型冠状病毒感染的肺炎疫情防控工作领导小组办公室通告", "",
				"为进一步做好疫情防控工作,特作以下通告:", "", "一、全市暂停所有节庆和公众集聚活动。", "",
				"二、市内所有公共聚集场所(图书馆、文化馆、体育馆等)暂时关闭。", "", "三、各类培训全部暂停。", "",
				"四、暂停各类10人(含)以上的聚会、聚餐;暂停农村家宴中心、家宴大棚等开展的集体聚餐活动。"),
			want: []want{{5, model.Paragraph, 1, "一、"}, {7, model.Paragraph, 1, "二、"}, {9, model.Paragraph, 1, "三、"}, {11, model.Paragraph, 1, "四、"}},
		},
		{
			name: "方案: （一）……等方面。 over its 1.……；2.…… is a heading (the sample, 昌府办字〔2023〕25号)",
			text: lines("昌江区大兴调查研究工作方案", "二、调研内容",
				"（一）贯彻落实党中央决策部署和习近平总书记重要讲话重要指示批示精神等方面。",
				"1.贯彻落实党的二十大精神情况；2.贯彻落实党中央决策部署以及市委、市政府工作要求等主要情况和重点问题。",
				"（八）充分依托生态优势，深化国家生态文明示范市建设等方面。",
				"1.牢固树立和践行绿水青山就是金山银山理念；2.积极稳妥推进碳达峰碳中和战略。"),
			want: []want{{2, model.Heading, 1, ""}, {3, model.Heading, 2, ""}, {5, model.Heading, 2, ""}},
		},
		{
			name: "规定: a short phrase over the paragraph it heads (上海 文明工地)",
			text: lines("上海市文明工地管理规定", "", "一、 领导机构。", "",
				"上海市建设工程文明施工管理领导小组负责领导全市建设工程文明施工管理和文明工地(场站)创建、评选工作。", "",
				"二、 日常管理机构。", "", "上海市建设工程文明施工管理领导小组办公室负责全市建设工程文明施工的日常管理工作。"),
			want: []want{{3, model.Heading, 1, ""}, {7, model.Heading, 1, ""}},
		},
		{
			name: "意见: a run-in head with its text after it stays a run-in head (湖南 2009)",
			text: lines("湖南省人民政府关于进一步做好普通高等学校毕业生就业工作的意见",
				"一、充分认识做好高校毕业生就业工作的重要性。普通高等学校毕业生是富民强省的宝贵人力资源。",
				"二、积极引导高校毕业生到基层就业。继续组织实施“选派大学生到村任职”等项目。"),
			want: []want{{2, model.Paragraph, 1, "一、充分认识做好高校毕业生就业工作的重要性。"}, {3, model.Paragraph, 1, "二、积极引导高校毕业生到基层就业。"}},
		},
		{
			name: "a heading with no closing mark is a heading whatever follows (国函〔2011〕50号 附件)",
			text: lines("烟花爆竹安全监管部际联席会议制度", "一、主要职能", "二、成员单位",
				"联席会议由安全监管总局、工业和信息化部、公安部等7个部门组成,安全监管总局为牵头单位。"),
			want: []want{{2, model.Heading, 1, ""}, {3, model.Heading, 1, ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("文件.txt", tt.text)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			for _, w := range tt.want {
				b := blockAt(t, doc, w.line)
				if b.Kind != w.kind || b.Level != w.level || b.Lead != w.lead {
					t.Errorf("line %d: %s L%d lead %q, want %s L%d lead %q (%s)", w.line, b.Kind, b.Level, b.Lead, w.kind, w.level, w.lead, b.Text)
				}
			}
		})
	}
}
