package layout

import "strings"

// titleWords are two-character words that a title or a 目录 entry should not
// be broken inside (GB/T 9704-2012 7.3.1: 标题回行时要做到词意完整). Chinese
// has no spaces, and gazette carries no dictionary: this is a short list of
// the words that recur in the titles of 公文 and of their subjects, enough to
// keep "发展水平", "产业化", "调查研究" whole. A word not listed may still be
// split where the line must break.
var titleWords = wordSet(`
关于 印发 通知 通报 决定 意见 方案 办法 规定 规划 计划 纲要 细则 措施 公告 批复 报告 请示 函复
政府 人民 办公 委员 党委 部门 单位 街道 乡镇 社区 区域 全区 全市 全省 全国 系统
发展 水平 产业 农业 农村 工业 经济 社会 文化 生态 环境 安全 生产 应急 管理 服务 建设
推进 推动 加快 加强 提升 提高 促进 深化 实施 开展 落实 完善 健全 优化 创新 改革 开放
大兴 大力 做好 有关 事项 调查 研究 工作 行动 三年 五年 年度 专项 重点 任务 目标 指标 考核 监督 检查 整治 治理
高质 质量 营商 招商 投资 项目 企业 龙头 市场 消费 就业 教育 医疗 卫生 健康 养老 住房
交通 水利 能源 资源 土地 城乡 城市 乡村 振兴 脱贫 扶贫 民生 保障 保护 防控 防汛 防灾
常务 会议 召开 调查研究 全体 扩大 专题 学习 贯彻 精神 思想 新时代 中国 特色 社会主义 现代化 产业化
`)

// wordSet splits s into words.
func wordSet(s string) [][]rune {
	var out [][]rune
	for _, w := range strings.Fields(s) {
		out = append(out, []rune(w))
	}
	return out
}

// keepWordsWhole removes the breaks inside every occurrence of a title word.
func keepWordsWhole(atoms []atom) {
	for i := range atoms {
		for _, w := range titleWords {
			if i+len(w) > len(atoms) || !atomsSpell(atoms[i:], w) {
				continue
			}
			for k := i + 1; k < i+len(w); k++ {
				atoms[k].breakB = false
			}
		}
	}
}

// atomsSpell reports whether atoms start with the runes of w.
func atomsSpell(atoms []atom, w []rune) bool {
	for k, r := range w {
		if atoms[k].r != r {
			return false
		}
	}
	return true
}
