package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"gazette/internal/build"
	"gazette/internal/volume"
)

func volumeCommand() *cli.Command {
	return &cli.Command{
		Name:      "volume",
		Usage:     "把一年各期装订成合订本：合订本封面、年度总目录、各期原样，交付印刷的 PDF",
		ArgsUsage: "volume.toml",
		Description: "volume.toml 的写法：\n" +
			"  [volume]\n" +
			"  title = \"昌江区人民政府公报2023年合订本\"\n" +
			"  issues = [\"2023-01/issue.toml\", \"2023-02/issue.toml\"]  # 按装订顺序，路径相对于 volume.toml\n" +
			"  order = \"section\"   # 可选：总目录按栏目（section，默认）或按文种（kind）编排\n" +
			"例如：\n" +
			"  gazette volume -o 2023合订本.pdf volume.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "把合订本 PDF 写到 `文件.pdf`（默认与 volume.toml 同名同目录）"},
		},
		Action: func(c *cli.Context) error {
			pending.begin()
			path, err := oneArg(c, "合订本清单文件", "volume.toml")
			if err != nil {
				return err
			}
			start := time.Now()
			out := c.String("output")
			if out == "" {
				out = build.DefaultOutput(path)
			}
			if err := checkOutput(out, filepath.Base(build.DefaultOutput(path))); err != nil {
				return err
			}
			pending.watch([]string{out})
			v, err := volume.Prepare(path, progressOn(c.App.Writer))
			if err != nil {
				return withStale(err)
			}
			in := []string{path}
			for _, is := range v.Issues {
				in = append(in, issueInputs(is)...)
			}
			if err := checkNotInput(out, in); err != nil {
				return err
			}
			if err := v.Write(out); err != nil {
				return withStale(err)
			}
			if n := len(v.Warnings); n > 0 {
				fmt.Fprintf(c.App.Writer, "各期文稿共有 %d 处提示，与逐期 gazette check 所列相同，这里不再列出。\n", n)
			}
			printFontNotes(c, v.FontNotes)
			if p := v.Padding; p.Added > 0 {
				fmt.Fprintf(c.App.Writer, "总页数须是 4 的倍数：已在末尾补了 %d 个空白页（第 %d 页起）。\n", p.Added, p.At+1)
			}
			fmt.Fprintf(c.App.Writer, "已生成 %s：%d 期，共 %d 页（合订本封面和年度总目录 %d 页，%d 条目录），成品尺寸 %s（%s）\n",
				out, len(v.Issues), v.Pages(), v.Layout.FrontPages, len(v.Layout.Entries),
				v.Issues[0].Manifest.Print.Trim, elapsed(start))
			return nil
		},
	}
}

// progressOn shows "第 i/n 期" on one line while the issues are laid out,
// when w is a terminal (or the interrupt gate in front of one); nil (no
// progress) when it is a file or a pipe, whose reader wants the result, not
// the count.
func progressOn(w io.Writer) volume.Progress {
	if !isTerminal(w) {
		return nil
	}
	return func(done, n int) {
		fmt.Fprintf(w, "\r排版 第 %d/%d 期", done, n)
		if done == n {
			fmt.Fprint(w, "\r\033[K") // back to the line's start, the counter wiped
		}
	}
}

// isTerminal reports whether w writes to a terminal.
func isTerminal(w io.Writer) bool {
	if g, ok := w.(*gate); ok {
		w = g.w
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
