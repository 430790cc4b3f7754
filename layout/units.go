package layout

import "strings"

// The units and measure words a number is set solid with: no line break
// between "25" and "平方公里", and no CJK–Latin quarter em
// (docs/line-composition.md#numbers-and-units). The lists are general, not
// drawn from any issue:
//
//   - the legal units of measurement of the People's Republic of China
//     (《中华人民共和国法定计量单位》, State Council order of 1984-02-27, and
//     GB 3100-1993 《国际单位制及其应用》 tables 1 to 7): the SI base and
//     derived units with their Chinese names (full and short), the non-SI
//     units kept in use (分, 小时, 天, 度, 海里, 节, 吨, 升, 公顷…), and the
//     prefixed forms in common use;
//   - the 市制 and customary units that GB 3100 leaves to everyday use (亩,
//     公里, 公斤, 斤, 里);
//   - the common 量词 (measure words) of Modern Chinese, nominal and verbal,
//     as grammars list them (名量词: 个 位 条 张 …; 动量词: 次 回 遍 趟 …), and
//     the numeral suffixes of magnitude, money and order (万 亿 元 第 …
//     届 期 号).
//
// A unit of several characters is matched whole, longest first, and
// magnitudes chain: "10亿千瓦时", "3.5万平方米".

// unitNames holds the Chinese names (one to five characters).
var unitNames = wordsOf(`
米 千米 分米 厘米 毫米 微米 纳米 公里 海里 里 尺 寸 丈
克 千克 公斤 毫克 微克 吨 万吨 斤 两 公吨 克拉
秒 毫秒 微秒 分 分钟 时 小时 天 日 周 星期 月 年 季度 旬 宿
安 安培 毫安 开尔文 摩尔 坎德拉
弧度 球面度 赫 赫兹 千赫 兆赫 吉赫 牛 牛顿 千牛 帕 帕斯卡 千帕 兆帕 焦 焦耳 千焦 兆焦
瓦 瓦特 千瓦 兆瓦 吉瓦 太瓦 千瓦时 兆瓦时 亿千瓦时 度 库仑 伏 伏特 千伏 毫伏 法拉 欧 欧姆 西门子
韦伯 特斯拉 亨利 摄氏度 流明 勒克斯 贝可勒尔 戈瑞 希沃特
升 毫升 立升 公升 立方米 立方分米 立方厘米 方 平方米 平方千米 平方公里 平方分米 平方厘米 平方毫米 公顷 亩 顷
节 分贝 电子伏 转 转每分 标准煤 吨标准煤 标方 兆瓦峰 千瓦峰
元 角 万元 亿元 千元 百元 美元 欧元 港元 日元 英镑
个 位 名 人 口 户 家 件 条 项 款 章 节 篇 部 本 册 卷 页 张 份 封 首 句 段 字 行 幅 帧 盘
种 类 样 批 组 套 对 双 副 群 伙 队 支 班 排 连 营 团 届 期 号 次 回 遍 趟 轮 场 阵 番 顿 声
座 栋 幢 层 间 所 处 座 道 扇 堵 面 块 片 根 株 棵 朵 粒 颗 枚 只 头 匹 峰 尾 条 艘 辆 架 列 台 部
宗 起 例 笔 单 票 则 门 科 级 档 倍 成 岁 周岁 强 点 环 路 线 站
`)

// unitSymbols holds the international symbols of the legal units that follow
// a number after a space ("500 kV", "20 km"), matched whole.
var unitSymbols = wordsOf(`
m km dm cm mm μm nm g kg mg t s ms min h d A mA K mol cd
rad sr Hz kHz MHz GHz N kN Pa kPa MPa J kJ MJ W kW MW GW TW kWh MWh GWh
C V kV mV F Ω S Wb T H lm lx Bq Gy Sv L mL l ml ha dB eV
m2 m3 km2 t/h m/s km/h
`)

// magnitudes are the numeral suffixes that may come between a number and its
// unit: "3.5万平方米", "10亿元".
var magnitudes = runeSet("十百千万亿兆")

// unitSet is the set of unit names and symbols by their text.
var unitSet = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range unitNames {
		m[string(w)] = true
	}
	return m
}()

// symbolSet is the set of the Latin unit symbols.
var symbolSet = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range unitSymbols {
		m[string(w)] = true
	}
	return m
}()

// maxUnitLen is the length in characters of the longest unit name.
const maxUnitLen = 5

// unitLens holds, for each character a unit name starts with, the lengths
// of the names starting with it (bit k: a name of k characters), so that
// longestUnit looks up only names that may be there.
var unitLens = func() map[rune]uint8 {
	m := make(map[rune]uint8)
	for _, w := range unitNames {
		m[w[0]] |= 1 << len(w)
	}
	return m
}()

// wordsOf splits a space-separated list.
func wordsOf(s string) [][]rune {
	var out [][]rune
	for _, w := range strings.Fields(s) {
		out = append(out, []rune(w))
	}
	return out
}

// unitAt returns how many atoms from i spell a unit, with up to two
// magnitudes before it ("亿千瓦时", "万平方米", "千万元"), the longest there
// is; 0 when none starts at i.
func unitAt(atoms []atom, i int) int {
	best := 0
	for n := 0; n <= 2 && i+n <= len(atoms); n++ { // up to two magnitudes: 10亿, 3千万
		if n > 0 && !magnitudesClass.has(atoms[i+n-1].r) {
			break
		}
		best = max(best, n) // a bare magnitude: "超过10万"
		if k := longestUnit(atoms[i+n:]); k > 0 {
			best = max(best, n+k)
		}
	}
	return best
}

// longestUnit is the length of the longest unit name at the start of atoms.
func longestUnit(atoms []atom) int {
	if len(atoms) == 0 {
		return 0
	}
	lens := unitLens[atoms[0].r]
	if lens == 0 {
		return 0
	}
	var buf [maxUnitLen]rune
	n := min(len(atoms), maxUnitLen)
	for k := range n {
		buf[k] = atoms[k].r
	}
	for k := n; k > 0; k-- {
		if lens&(1<<k) != 0 && unitSet[string(buf[:k])] {
			return k
		}
	}
	return 0
}

// symbolAt returns the length of a Latin unit symbol at atoms[i:], ended by
// a character that is no letter or digit; 0 if none.
func symbolAt(atoms []atom, i int) int {
	j := i
	for j < len(atoms) && j-i < 4 && (isWestern(atoms[j].r) || atoms[j].r == '/' || atoms[j].r == 'Ω') {
		j++
	}
	for k := j; k > i; k-- {
		if symbolSet[atomText(atoms[i:k])] && (k == len(atoms) || !isWestern(atoms[k].r)) {
			return k - i
		}
	}
	return 0
}

// atomText is the text of atoms.
func atomText(atoms []atom) string {
	rs := make([]rune, len(atoms))
	for i := range atoms {
		rs[i] = atoms[i].r
	}
	return string(rs)
}
