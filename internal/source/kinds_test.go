package source

import "testing"

// TestParseKinds runs recognition over short excerpts of real documents of
// each kind, typed as the offices publish them (the sources are named), and
// over the slips seen in them: half-width brackets, spaces inside 第一章,
// no space after 第一条.
func TestParseKinds(t *testing.T) {
	tests := []parseCase{
		{
			// 禄丰市人民政府常务会议议事规则 (ynlf.gov.cn, 2024): a notice
			// forwarding a 规则 with 第一章 总 则 and articles.
			name: "a forwarded 规则: chapter headings apart from the title, articles",
			text: lines("禄丰市人民政府关于印发禄丰市人民政府常务会议议事规则的通知",
				"云南禄丰产业园区管委会,各乡镇人民政府,市级各部门:",
				"《禄丰市人民政府常务会议议事规则》已经2024年11月13日召开的二届市人民政府第93次常务会议通过,现予印发。",
				"禄丰市人民政府", "2024年11月20日", "(此件公开发布)",
				"禄丰市人民政府常务会议议事规则", "第一章 总 则",
				"第一条 为推进市政府常务会议议事决策科学化、民主化、制度化,进一步提高会议质量和议事决策质效,结合市政府工作实际,制定本规则。",
				"第二条 市政府常务会议是讨论决定市政府工作中重大事项的决策性会议。",
				"第二章 会议组成",
				"第四条 市政府常务会议由市长、副市长、市政府办公室主任组成。",
				"主持云南禄丰产业园区管委会日常工作的同志固定列席会议。"),
			want: []string{"1 标题", "2 主送机关", "3 正文", "4 署名", "5 成文日期", "6 附注", "7 标题 新页",
				"8 章节 L2", "9 条 第一条", "10 条 第二条", "11 章节 L2", "12 条 第四条", "13 正文"},
			texts: map[int]string{7: "禄丰市人民政府常务会议议事规则", 8: "第一章\u3000总\u3000则", 11: "第二章\u3000会议组成",
				10: "第二条\u3000市政府常务会议是讨论决定市政府工作中重大事项的决策性会议。"},
		},
		{
			// 宁夏回族自治区社会办医和个体行医管理办法: 第一章 总则 right
			// under the title, （一） items with half-width brackets, a
			// source line broken inside an article.
			name: "a 办法 whose first chapter follows the title with no blank line; half-width (一) items are plain",
			text: lines("宁夏回族自治区社会办医和个体行医管理办法", "第一章 总则",
				"第一条 为了加强对社会办医和个体行医的管理,保障人民的健康,结合我区实际,制定本办法。",
				"第四条 社会办医和个体行医人员应当参加当地卫生协会,接受卫生协会的业务",
				"指导的监督。",
				"第六条 社会办医应当具备的条件:",
				"(一)有相应的场所和设施。医院应有二十张以上的病床。",
				"(二)有与其规模相适应的卫生技术人员。"),
			want: []string{"1 标题", "2 章节 L2", "3 条 第一条", "4 条 第四条", "6 条 第六条", "7 正文 L2", "8 正文 L2"},
			texts: map[int]string{1: "宁夏回族自治区社会办医和个体行医管理办法", 2: "第一章\u3000总则",
				4: "第四条\u3000社会办医和个体行医人员应当参加当地卫生协会,接受卫生协会的业务指导的监督。"},
		},
		{
			// 广州市农业技术推广奖励试行办法 (1991): the 题注 in
			// half-width brackets under the title, never part of it.
			name: "题注 under the title, apart from it",
			text: lines("广州市农业技术推广奖励试行办法", "(一九九一年五月二十六日广州市人民政府同意)",
				"第一条 为有利于农业科学技术成果的迅速推广普及,制定本办法。"),
			want:  []string{"1 标题", "2 题注", "3 条 第一条"},
			texts: map[int]string{1: "广州市农业技术推广奖励试行办法"},
		},
		{
			// 公路工程标准设计管理办法（试行）(交通部, 1978): "(试 行)" is
			// part of the title; old-style articles with a short head.
			name: "（试行） stays in the title; 第一条 目的 is an article",
			text: lines("公路工程标准设计管理办法", "(试   行)", "", "第一条 目的",
				"为了统一技术标准,统一管理,进一步做好全国公路标准设计工作,特制订本办法."),
			want:  []string{"1 标题", "4 条 第一条", "5 正文"},
			texts: map[int]string{1: "公路工程标准设计管理办法\n(试   行)", 4: "第一条\u3000目的"},
		},
		{
			name: "a 规定 with a two-line 题注, its own 目录 and articles without a space",
			text: lines("某省行政规范性文件管理规定", "（2019年12月30日省人民政府第75次常务会议通过",
				"根据2023年5月8日省人民政府令第300号修正）", "目　　录", "第一章 总 则", "第二章　制定程序", "第 三 章　附　　则",
				"第一章　总　　则", "第一条为推进依法行政，根据有关法律法规，制定本规定。", "第二章　制定程序",
				"第二条起草行政规范性文件，应当开展调查研究。", "第三章　附　　则", "第三条本规定自2020年3月1日起施行。"),
			want: []string{"1 标题", "2 题注", "4 目录", "8 章节 L2", "9 条 第一条", "10 章节 L2", "11 条 第二条", "12 章节 L2", "13 条 第三条"},
			texts: map[int]string{1: "某省行政规范性文件管理规定",
				2: "（2019年12月30日省人民政府第75次常务会议通过\n根据2023年5月8日省人民政府令第300号修正）",
				4: "目\u3000\u3000录\n第一章\u3000总\u3000则\n第二章\u3000制定程序\n第三章\u3000附\u3000\u3000则",
				9: "第一条\u3000为推进依法行政，根据有关法律法规，制定本规定。"},
		},
		{
			name: "政府令: head, number, text, signer and date, then the regulation",
			text: lines("某省人民政府令", "第300号", "", "《某省行政规范性文件管理规定》已经2019年12月30日省人民政府第75次常务会议通过，现予公布，自2020年3月1日起施行。",
				"", "省长　王某某", "2020年1月10日", "", "某省行政规范性文件管理规定", "第一条　为推进依法行政，制定本规定。"),
			want:  []string{"1 机关标志", "2 编号", "4 正文", "6 署名", "7 成文日期", "9 标题 新页", "10 条 第一条"},
			texts: map[int]string{6: "省长　王某某"},
		},
		{
			name: "公告 with its number under the title",
			text: lines("某市人民政府公告", "（第1号）", "", "根据有关规定，现将有关事项公告如下：", "一、自2024年1月1日起实施。", "", "某市人民政府", "2023年12月20日"),
			want: []string{"1 标题", "2 编号", "4 正文", "5 正文 L1 一、", "7 署名", "8 成文日期"},
		},
		{
			name: "纪要: 出席/列席/请假 lists, a list broken after 、",
			text: lines("某市人民政府第12次常务会议纪要", "", "2024年3月5日，市长李某某主持召开市人民政府第12次常务会议。",
				"会议议定：同意《某市城市管理办法》，由市司法局修改后印发。",
				"出席：李某某、张某某、王某某、", "赵某某", "请假：刘某某", "列席：市政府办公室、市发展改革委、市财政局主要负责同志"),
			want:  []string{"1 标题", "3 正文", "4 正文", "5 名单 出席：", "7 名单 请假：", "8 名单 列席："},
			texts: map[int]string{5: "出席：李某某、张某某、王某某、赵某某"},
		},
		{
			name: "人事任免: 任命： and 免去： with one appointment a line",
			text: lines("某市人民政府关于张某某等同志职务任免的通知", "各县（区）人民政府，市政府各部门：", "经市人民政府研究决定：",
				"任命：", "张某某为市财政局副局长；", "李某某为市审计局副局长。", "免去：", "王某某的市财政局副局长职务。", "", "某市人民政府", "2024年3月1日"),
			want:  []string{"1 标题", "2 主送机关", "3 正文", "4 名单 任命：", "7 名单 免去：", "10 署名", "11 成文日期"},
			texts: map[int]string{4: "任命：\n张某某为市财政局副局长；\n李某某为市审计局副局长。"},
		},
		{
			name: "政策解读: 问 and 答",
			text: lines("《某市城市管理办法》政策解读", "问：《办法》出台的背景是什么？", "答：为规范城市管理，市政府依据有关法律法规",
				"制定了《办法》。", "问2:《办法》何时施行？", "答:自2024年5月1日起施行。"),
			want:  []string{"1 标题", "2 问 问：", "3 答 答：", "5 问 问2:", "6 答 答:"},
			texts: map[int]string{3: "答：为规范城市管理，市政府依据有关法律法规制定了《办法》。"},
		},
		{
			// 宁夏回族自治区人民政府令第103号 (corpus ling/): head and number
			// on one line, a Latin O in the date of another (铁岭)
			name: "a 令 head and number on one line; 二OO四年 is a date",
			text: lines("宁夏回族自治区人民政府令第103号", "", "《某办法》已经自治区人民政府常务会议讨论通过,现予以公布。",
				"", "自治区代主席 王正伟", "二OO七年十一月九日", "", "某办法"),
			want:  []string{"1 机关标志", "1 编号", "3 正文", "5 署名", "6 成文日期", "8 标题 新页"},
			texts: map[int]string{1: "宁夏回族自治区人民政府令"},
		},
		{
			// 深圳市人民代表大会常务委员会听证条例 (corpus guizhang/): the 公告
			// between title and 题注, the 题注 over two lines after the date
			// the title a web page heads the 条例 with moves after the
			// 公告 that promulgates it, over its 题注
			name: "a 公告 head under the title; a two-line 题注 after the date",
			text: lines("深圳市人民代表大会常务委员会听证条例", "", "深圳市人民代表大会常务委员会公告", "", "第三十七号", "",
				"《听证条例》业经批准,现予公布。", "", "深圳市人民代表大会常务委员会", "", "2001年12月26日", "",
				"(2001年10月17日深圳市第三届人民代表大会常务委员会第十一次会议通过", "2001年12月3日广东省第九届人民代表大会常务委员会第二十九次会议批准)",
				"第一章 总 则"),
			want: []string{"3 机关标志", "5 编号", "7 正文", "9 署名", "11 成文日期", "1 标题 新页", "13 题注", "15 章节 L2"},
		},
		{
			// 安徽省人民政府关于任免国家机关工作人员问题的通知 (corpus): the
			// web page ran the 题注 into the first paragraph, two spaces
			// between them; the 题注 is set apart, the paragraph kept whole
			name: "a 题注 run into the first paragraph is split from it",
			text: lines("安徽省人民政府关于任免国家机关工作人员问题的通知", "", "(1985年5月4日皖政〔1985〕38号)  根据有关规定,现通知如下:",
				"", " 一、任免权限"),
			want:  []string{"1 标题", "3 题注", "3 正文", "5 标题层次 L1"},
			texts: map[int]string{3: "(1985年5月4日皖政〔1985〕38号)"},
		},
		{
			// 牟定县人民政府办公室关于印发牟定县突发环境事件应急预案(试行)的
			// 通知 (corpus tongzhi/): the date under the 附注, its 年月日 lost
			name: "a body's name over （此件公开发布） is a 署名 whose date was lost",
			text: lines("牟定县人民政府办公室关于印发牟定县突发环境事件应急预案(试行)的通知", "",
				"经县人民政府同意,现将《牟定县突发环境事件应急预案(试行)》印发给你们,请认真贯彻执行。", "",
				"牟定县人民政府办公室", "", "(此件公开发布)", "", "{ 2017 6 23"),
			want: []string{"1 标题", "3 正文", "5 署名", "7 附注", "9 正文"},
		},
		{
			name: "（此件公开发布） after the text is a 附注; another bracket is text",
			text: lines("关于某事的通知", "现将有关事项通知如下。", "（略）", "（此件公开发布）"),
			want: []string{"1 标题", "2 正文", "3 正文", "4 附注"},
		},
		{
			name: "a bracket with text run on after it, no space between, is no 题注",
			text: lines("关于某事的通知", "", "(2024年1月5日通过)的办法自公布之日起施行。"),
			want: []string{"1 标题", "3 正文"},
		},
		{
			// 湖南省人民政府办公厅 湘政办发〔2009〕24号 (corpus tongzhi/)
			name: "发文机关标志 over the 发文字号; a title split by a blank line",
			text: lines("湖南省人民政府办公厅文件", "", "湘政办发〔2009〕24号", "", "湖南省人民政府办公厅关于加强普通高等学校", "",
				"毕业生就业工作的通知", "", "各市州、县市区人民政府:"),
			want:  []string{"1 机关标志", "3 发文字号", "5 标题", "9 主送机关"},
			texts: map[int]string{5: "湖南省人民政府办公厅关于加强普通高等学校\n毕业生就业工作的通知"},
		},
		{
			// 冠县安全生产事故应急救援预案 (corpus tongzhi/): a plan's own 目录
			name: "a 目录 of numbered sections; the 版记 is no title",
			text: lines("某预案", "目 录", "1.总则", "1.1编制目的", "2.组织体系", "", "1.总则", "为了做好工作,制定本预案。",
				"某县人民政府", "2015年3月3日", "某县人民政府办公室 2015年3月5日印发"),
			want:  []string{"1 标题", "2 目录", "7 标题层次 L3", "8 正文", "9 署名", "10 成文日期", "11 正文"},
			texts: map[int]string{2: "目\u3000\u3000录\n1.总则\n1.1编制目的\n2.组织体系"},
		},
		{
			// 沧州市人民政府办公室转发市发改委等部门《支持农村邮政物流发展实施办法》
			// 的通知 (corpus tongzhi/cangzhou-youzheng-wuliu.txt): the eight joint
			// issuers of the 办法, one a line, above its title and under the
			// notice's date.
			name: "joint issuers above a forwarded title are 发文机关, not its title",
			text: lines("沧州市人民政府办公室转发市发改委等部门《支持农村邮政物流发展实施办法》的通知",
				"各县(市、区)人民政府:", "沧州市发展改革委等部门《支持农村邮政物流发展实施办法》已经市政府同意,现转发给你们,请认真贯彻执行。",
				"二〇〇九年八月三十日", "", "沧州市发展改革委", "沧州市邮政局", "沧州市财政局",
				"支持农村邮政物流发展实施办法", "", "第一条 为贯彻落实有关文件,制定本办法。"),
			want:  []string{"1 标题", "2 主送机关", "3 正文", "4 成文日期", "6 发文机关 新页", "9 标题", "11 条 第一条"},
			texts: map[int]string{6: "沧州市发展改革委\n沧州市邮政局\n沧州市财政局", 9: "支持农村邮政物流发展实施办法"},
		},
		{
			name: "joint issuers at the head of a file, over a title that is no 关于 title",
			text: lines("某市财政局　某市审计局", "某市财政专项资金管理办法", "第一条 为加强管理,制定本办法。"),
			want: []string{"1 发文机关", "2 标题", "3 条 第一条"},
		},
		{
			name:  "a joint 发文机关标志: the names and 文件 over the 发文字号 and a 关于 title",
			text:  lines("某市财政局", "某市审计局", "文件", "某财发〔2023〕5号", "关于做好某项工作的通知", "各县财政局：", "现通知如下。"),
			want:  []string{"1 发文机关", "4 发文字号", "5 标题", "6 主送机关", "7 正文"},
			texts: map[int]string{1: "某市财政局\n某市审计局\n文件", 5: "关于做好某项工作的通知"},
		},
		{
			name: "the same with 文件 after the last name",
			text: lines("某市财政局", "某市审计局文件", "关于做好某项工作的通知", "现通知如下。"),
			want: []string{"1 发文机关", "3 标题", "4 正文"},
		},
		{
			// 济宁市人民政府 / 关于……的意见 (corpus yijian/jining-shixian-tongquan.txt)
			name: "an issuer line over a 关于 line is the title's first line",
			text: lines("甲市人民政府", "乙市人民政府", "关于推进某项工作的意见", "各县人民政府:", "现提出如下意见。"),
			want: []string{"1 标题", "4 主送机关", "5 正文"},
		},
		{
			// 厦门市市级财政专项支出预算绩效考评试行办法 / 市财政局 (corpus
			// tongzhi/xiamen-zhuanxiang-jixiao.txt); a 主送 without its colon is no byline
			name: "the issuer alone under a title is a byline",
			text: lines("某市财政专项绩效考评办法", "市财政局", "第一章 总 则", "第一条 为加强管理,制定本办法。"),
			want: []string{"1 标题", "2 发文机关", "3 章节 L2", "4 条 第一条"},
		},
		{
			name:  "the old 发文字号 form (78)交公路字412号 under a title is no part of it",
			text:  lines("关于颁发某办法的通知", "((78)交公路字412号)", "各省交通局:", "现颁发试行。", "一九七八年三月二十三日"),
			want:  []string{"1 标题", "2 发文字号", "3 主送机关", "4 正文", "5 成文日期"},
			texts: map[int]string{1: "关于颁发某办法的通知", 2: "(78)交公路字412号"},
		},
		{
			// the dates of the 2020 通告 of testdata/corpus/gonggao, as offices
			// type them in haste: the signer above is still a 署名
			name: "dates written with dots or dashes stand as 成文日期",
			text: lines("通告", "特此通告。", "某县指挥部", "2020.1.26", "", "通告", "特此通告。", "某县指挥部", "2020-01-26",
				"", "通告", "特此通告。", "某县指挥部", "2020年1月26 日", "", "通告", "特此通告。", "某县指挥部", "二O二O年一月二十六日"),
			want: []string{"1 标题", "2 正文", "3 署名", "4 成文日期", "6 标题 新页", "7 正文", "8 署名", "9 成文日期",
				"11 标题 新页", "12 正文", "13 署名", "14 成文日期", "16 标题 新页", "17 正文", "18 署名", "19 成文日期"},
		},
		{
			// the 惠济区 record (corpus jiyao/huiji-changwu-16.txt) with the
			// heading its page gives only in its chrome typed as its first line
			name: "a 常务会议 record whose first line is its heading has that as its title",
			text: lines("惠济区人民政府第16次常务会议纪要",
				"2023年12月26日，区长李伟光在区政府一楼东会议室主持召开区政府第16次常务会议。研究审议了有关事项。",
				"一、审议《关于某某事项的请示》", "会议议定：原则同意。", "张振中、陈伟森、安龙、王保国等参加会议。"),
			want:  []string{"1 标题", "2 正文", "3 标题层次 L1", "4 正文", "5 正文"},
			texts: map[int]string{1: "惠济区人民政府第16次常务会议纪要"},
		},
		{
			name: "not an article: a paragraph quoting 第三条规定",
			text: lines("通知", "第三条规定的情形，按照本办法处理。"),
			want: []string{"1 标题", "2 正文"},
		},
	}
	runParseCases(t, tests)
}

func TestChineseNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "十": 10, "十二": 12, "二十": 20, "九十九": 99, "一百": 100,
		"一百零五": 105, "一百一十": 110, "两百": 200, "一千零一": 1001, "甲": 0} {
		if got := chineseNumber(s); got != want {
			t.Errorf("chineseNumber(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestCheckKinds: the slips of 规章 and the other kinds are named.
func TestCheckKinds(t *testing.T) {
	tests := []checkCase{
		{"articles with a gap and a repeat, numbered through the chapters", lines("办法", "第一章　总则", "第一条　甲。", "第二条　乙。",
			"第二章　管理", "第四条　丙。", "第四条　丁。", "第五条　戊。"), []string{
			"6: “第四条”不连续，按顺序应为“第三条”",
			"7: “第四条”与上一条重复，按顺序应为“第五条”",
		}},
		{"chapters out of sequence; 节 restart in each 章", lines("办法", "第一章　总则", "第一节　甲", "第一条　甲。", "第二节　乙", "第二条　乙。",
			"第三章　附则", "第一节　丙", "第三条　丙。"), []string{
			"7: “第三章”不连续或重复，按顺序应为“第二章”",
		}},
		{"„‟ written for 〔〕 in a 发文字号", lines("通知", "昌府发„2023‟5号", "正文。", "昌江区人民政府", "2023年6月29日"), []string{
			"2: 发文字号中的年份应使用六角括号“〔2023〕”，这里写成了“„2023‟”",
		}},
		{"二OO六年: the Latin letter O for 〇", lines("通知", "正文。", "二OO六年二月二十日"), []string{
			"3: 日期中的“O”是拉丁字母，应为“〇”",
		}},
		{"dates with dots and dashes", lines("通告", "特此通告。", "某县指挥部", "2020.1.26"), []string{
			"4: 成文日期“2020.1.26”应写作“2020年1月26日”",
		}},
		{"a 发文字号 and a date with parts lost, set as body text (牟定县, corpus tongzhi/mouding-yingji-yuan.txt)",
			lines("关于印发某预案的通知", "牟政办发〔201746", "各乡镇人民政府：", "现印发给你们。", "某县人民政府办公室", "{ 2017 6 23"), []string{
				"2: “牟政办发〔201746”像是缺了“〕”和“号”的发文字号，也许是“牟政办发〔2017〕46号”",
				"6: “{ 2017 6 23”像是缺了“年月日”的成文日期（应为“2017年6月23日”？）",
				"6: 这份通知的正文到本行结束，后面没有成文日期",
			}},
		{"a date with no 年月日 at all (鹤庆县, corpus gonggao/heqing-tonggao-1.txt)", lines("通告", "特此通告。", "某县指挥部", "2020126"), []string{
			"4: “2020126”像是缺了“年月日”的成文日期，已按正文排印",
		}},
		{"1) for （1）", lines("方案", "（一）甲", "1)子", "2)丑"), []string{
			"3: 序号“1)”只有右括号，应写作“（1）”",
			"4: 序号“2)”只有右括号，应写作“（2）”",
		}},
	}
	runCheckCases(t, tests)
}

func TestHanArticle(t *testing.T) {
	for n, want := range map[int]string{1: "一", 12: "十二", 100: "一百", 105: "一百零五", 110: "一百一十", 123: "一百二十三", 200: "二百"} {
		if got := hanArticle(n); got != want || chineseNumber(got) != n {
			t.Errorf("hanArticle(%d) = %q, want %q", n, got, want)
		}
	}
}
