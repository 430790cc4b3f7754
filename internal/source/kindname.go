package source

import "strings"

// KindName is the kind of document (文种) a title names by its last words
// — 通知, 决定, 办法 — as the recogniser reads a title (kindWords: the 文种
// of 《党政机关公文处理工作条例》 art. 8, the names of 规章 and normative
// documents; docs/document-kinds.md), a bracketed "（试行）" after it
// aside; "" when the title names none (a 政务动态 report). A 合订本's 总目录
// arranged by kind groups documents by it.
func KindName(title string) string {
	s := strings.TrimRightFunc(strings.ReplaceAll(title, "\n", ""), isBlank)
	if i := strings.LastIndexAny(s, "（("); i > 0 && strings.ContainsRune("）)", lastRune(s)) {
		s = strings.TrimRightFunc(s[:i], isBlank)
	}
	best := ""
	for _, w := range kindWords {
		if strings.HasSuffix(s, w) && len(w) > len(best) {
			best = w
		}
	}
	return best
}
