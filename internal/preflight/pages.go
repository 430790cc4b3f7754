package preflight

import (
	"fmt"
	"strings"
)

// FormatPages writes a page list the way the report names pages:
// "第 3 页", "第 1–4、7 页"; "全部 30 页" when pages are all total pages
// (total 0: unknown); "全文" for a finding about the whole document.
func FormatPages(pages []int, total int) string {
	if len(pages) == 0 {
		return "全文"
	}
	if total > 1 && len(pages) == total && pages[0] == 1 && pages[len(pages)-1] == total {
		return fmt.Sprintf("全部 %d 页", total)
	}
	var parts []string
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, fmt.Sprint(pages[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", pages[i], pages[j]))
		}
		i = j + 1
	}
	return "第 " + strings.Join(parts, "、") + " 页"
}
