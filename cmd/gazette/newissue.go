package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"

	"gazette/internal/atomicfile"
	"gazette/internal/nextissue"
)

// newCommand is `gazette new [-o NEXT/issue.toml] PREV/issue.toml`: the next
// issue's manifest from the last one's.
func newCommand() *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     "根据上一期的清单生成下一期的 issue.toml（期号、总期号加一，栏目保留、文件清空）",
		ArgsUsage: "上一期/issue.toml",
		Description: "例如：\n" +
			"  gazette new 2023-04/issue.toml                 （写到 2023-05/issue.toml）\n" +
			"  gazette new -o 第5期/issue.toml 第4期/issue.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "把下一期的清单写到 `文件.toml`（默认在上一期文件夹旁新建一个文件夹）"},
		},
		Action: func(c *cli.Context) error {
			prev, err := manifestArg(c)
			if err != nil {
				return err
			}
			return writeNextIssue(c, prev, c.String("output"))
		},
	}
}

func writeNextIssue(c *cli.Context, prev, out string) error {
	data, err := os.ReadFile(prev)
	if err != nil {
		return fmt.Errorf("无法读取上一期的清单 %s：%w", prev, err)
	}
	r, err := nextissue.Next(data)
	if err != nil {
		return fmt.Errorf("%s：%w", prev, err)
	}
	if out == "" {
		out = nextFolder(prev, r.Prev, r.Next)
	}
	if !strings.EqualFold(filepath.Ext(out), ".toml") {
		return fmt.Errorf("下一期的清单 %s 要以 .toml 结尾，例如 -o %s", out, filepath.Join(filepath.Dir(out), "issue.toml"))
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s 已经存在，gazette new 不会覆盖它；请换一个位置（-o），或先把它移走", out)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("无法检查 %s：%w", out, err)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("无法建立文件夹 %s：%w", filepath.Dir(out), err)
	}
	if err := atomicfile.Write(out, r.Manifest); err != nil {
		return fmt.Errorf("无法写出 %s：%w", out, err)
	}
	fmt.Fprintf(c.App.Writer, "已生成 %s：%s\n", out, issueName(r.Next))
	fmt.Fprintf(c.App.Writer, "接下来：把本期文稿放进 %s，在每个 [[section]] 的 documents 中列出；填写出版日期 date（已按上期推算为 %s，写在注释里）；然后运行 gazette check %s\n",
		filepath.Dir(out), r.SuggestedDate.Format("2006-01-02"), out)
	return nil
}

func issueName(is nextissue.Issue) string {
	s := fmt.Sprintf("%d年第%d期", is.Year, is.Number)
	if is.Serial > 0 {
		s += fmt.Sprintf("（总第%d期）", is.Serial)
	}
	return s
}

// yearNumber finds “2023-04”, “2023_4” or “2023年第4期” in a folder name.
var yearNumber = regexp.MustCompile(`(\d{4})([-_年]第?)(\d{1,2})(期?)`)

// nextFolder is where the next manifest goes by default: beside the last
// issue's folder, its name with the year and number moved on when it holds
// them (changjiang-2023-04 → changjiang-2023-05), else YEAR-NN.
func nextFolder(prev string, from, to nextissue.Issue) string {
	dir := filepath.Dir(prev)
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	parent, name := filepath.Dir(abs), filepath.Base(abs)
	want := fmt.Sprintf("%d", from.Year)
	if m := yearNumber.FindStringSubmatchIndex(name); m != nil && name[m[2]:m[3]] == want {
		num := fmt.Sprintf("%d", to.Number)
		if m[7]-m[6] == 2 {
			num = fmt.Sprintf("%02d", to.Number)
		}
		next := name[:m[2]] + fmt.Sprint(to.Year) + name[m[4]:m[5]] + num + name[m[8]:]
		return filepath.Join(parent, next, "issue.toml")
	}
	return filepath.Join(parent, fmt.Sprintf("%d-%02d", to.Year, to.Number), "issue.toml")
}
