package main

import (
	"strings"
	"testing"
)

// TestKindsTOCBreaksBetweenWords: each 目录 entry of the kinds issue that
// takes two lines or more, read back, breaks between the words of the
// dictionary segmentation (GB/T 9704-2012 7.3.1 词意完整): with word
// frequencies, 常务会议 and 议事规则 are words, so the entry of the 禄丰
// 议事规则 is broken 常务会议｜议事规则, not 议事｜规则.
func TestKindsTOCBreaksBetweenWords(t *testing.T) {
	_, pdf := cachedKinds(t)
	docs := kindsOutline(t, pdf)
	if len(docs) == 0 {
		t.Fatal("no document bookmarks")
	}
	pages := strings.Split(runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", pdf, "-"), "\f")
	var lines []string
	for _, l := range strings.Split(strings.Join(pages[:docs[0].Page-1], "\n"), "\n") {
		if l = strings.ReplaceAll(noSpace(l), "·", ""); l != "" {
			lines = append(lines, l)
		}
	}
	broken := 0
	for _, title := range kindsTitles {
		got := titleRun(lines, title)
		if got == nil {
			t.Errorf("the 目录 entry %q is not read back as whole lines", title)
			continue
		}
		for i := 0; i+1 < len(got); i++ {
			broken++
			if w := wordAcross(got[i], got[i+1]); w != "" {
				t.Errorf("目录 lines %q | %q break inside %q", string(got[i]), string(got[i+1]), w)
			}
		}
	}
	if broken == 0 {
		t.Error("no 目录 entry takes two lines: the test judged nothing")
	}
}
