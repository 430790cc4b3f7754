package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"gazette/internal/build"
	"gazette/internal/watch"
)

// watchCommand is `gazette watch [-o OUT.pdf] [--web] [--html] issue.toml`: build,
// then build again whenever a file of the issue is saved, until Ctrl+C.
func watchCommand() *cli.Command {
	return &cli.Command{
		Name:      "watch",
		Usage:     "生成 PDF，并在清单、文稿、表格、图片或字体保存后自动重新生成（按 Ctrl+C 结束）",
		ArgsUsage: "issue.toml",
		Description: "例如：\n" +
			"  gazette watch issue.toml\n" +
			"  gazette watch issue.toml --web",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "把印刷版 PDF 写到 `文件.pdf`（默认与 issue.toml 同名同目录）"},
			&cli.BoolFlag{Name: "web", Usage: "同时生成网络版 PDF"},
			&cli.BoolFlag{Name: "html", Usage: "同时生成网页版（文件夹）"},
		},
		Action: func(c *cli.Context) error {
			path, err := manifestArg(c)
			if err != nil {
				return err
			}
			ed, err := editions(c, path)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "正在监视 %s 及其文稿；保存后自动重新生成。按 Ctrl+C 结束。\n", path)
			var last string // the warnings of the last good build
			l := &watch.Loop{
				Build:    func() ([]string, error) { return watchBuild(c, path, ed, &last) },
				Report:   func(err error) { reportWatched(c, err) },
				Fallback: filepath.Dir(path),
			}
			return l.Run(c.Context)
		},
	}
}

// watchBuild builds once and lists the files the issue read. Warnings are
// printed when they differ from the last build's (*last), so that a rebuild
// shows what the change did rather than the same list again.
func watchBuild(c *cli.Context, path string, ed build.Editions, last *string) ([]string, error) {
	pending.begin()
	pending.watch(outputs(ed))
	start := time.Now()
	is, err := buildIssue(path, ed)
	if err != nil {
		return []string{path}, err
	}
	var ws strings.Builder
	for _, w := range is.Warnings {
		ws.WriteString(w.Error() + "\n")
	}
	if ws.String() != *last || *last == "" {
		printWarnings(c, is.Warnings)
	} else {
		fmt.Fprintf(c.App.Writer, "  （%d 条提示与上次相同，不再重复列出）\n", len(is.Warnings))
	}
	*last = ws.String()
	fmt.Fprintf(c.App.Writer, "[%s] 已生成 %s：共 %d 页（%s）\n", start.Format("15:04:05"), ed.Print,
		len(is.Book.Pages), elapsed(start))
	return issueInputs(is), nil
}

// reportWatched prints a failed build's problems and keeps watching: the
// last good PDF stays in place (it is only ever replaced whole).
func reportWatched(c *cli.Context, err error) {
	if err == nil {
		return
	}
	report(c.App.ErrWriter, err, "发现 %d 处问题，未重新生成（上一次生成的 PDF 保持不变）：\n")
	fmt.Fprintln(c.App.ErrWriter, "改正后保存，gazette 会自动再试。")
}
