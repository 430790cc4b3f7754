package source

import (
	"strings"
	"testing"
)

// FuzzParseCommand: a line starting with 【 is read as a command or as text
// without panicking; a faulty command is an error only when it is a command
// (ok); a file command always names a file and only options it knows.
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{
		"【分页】", "【分页】x", "【表格：a.csv 表头=1】", "【表格:a b.csv】", "【图片：图1.png 宽=120毫米】",
		"【图片：】", "【标题】关于…的通知", "【署名】", "【典型经验】正文", "【表格", "【未知】", "【表格：a.csv 行=2】",
		"【正文】　", "【附注】（此件公开发布）", "【】",
		"【图片：图1.png 说明=昌江区 位置示意图 宽=12cm】", "【图片：说明=x】", "【图片：a.png 说明＝】", "【图片：a.png说明=b 说明=c】",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		line = "【" + strings.TrimPrefix(line, "【")
		c, ok, err := parseCommand(line)
		if err != nil && !ok {
			t.Fatalf("%q: an error (%v) for a line that is not a command", line, err)
		}
		if err != nil || !ok {
			return
		}
		switch c.kind {
		case cmdTable, cmdImage:
			if strings.TrimSpace(c.arg) == "" {
				t.Fatalf("%q: a file command without a file", line)
			}
			key := "表格"
			if c.kind == cmdImage {
				key = "图片"
			}
			for k := range c.opts {
				if !contains(commandOptions[key], k) {
					t.Fatalf("%q: unknown option %q accepted", line, k)
				}
			}
		}
	})
}
