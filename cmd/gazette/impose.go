package main

import (
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"gazette/internal/impose"
)

func imposeCommand() *cli.Command {
	return &cli.Command{
		Name:      "impose",
		Usage:     "把骑马钉小册子拼成 A3 横向双联（办公室打样用，pdfcpu booklet）",
		ArgsUsage: "BOOK.pdf",
		Description: "例如：\n" +
			"  gazette impose issue.pdf              （写出 issue-拼版.pdf）\n" +
			"  gazette impose issue.pdf -o 打样.pdf",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "把拼版结果写到 `文件.pdf`（默认 BOOK-拼版.pdf）"},
		},
		Action: func(c *cli.Context) error {
			pending.begin()
			path, err := pdfArg(c)
			if err != nil {
				return err
			}
			out := c.String("output")
			if out == "" {
				out = impose.DefaultOut(path)
			}
			if err := checkOutput(out, filepath.Base(impose.DefaultOut(path))); err != nil {
				return err
			}
			pending.watch([]string{out})
			res, err := impose.File(path, out)
			if err != nil {
				return withStale(err)
			}
			printImposed(c, res)
			return nil
		},
	}
}

func printImposed(c *cli.Context, res impose.Result) {
	w := c.App.Writer
	if res.Padded > 0 {
		n := res.Pages + res.Padded
		blank := fmt.Sprintf("第 %d 页", n)
		if res.Padded > 1 {
			blank = fmt.Sprintf("第 %d–%d 页", res.Pages+1, n)
		}
		fmt.Fprintf(w, "  ! 原文件 %d 页，不是 4 的倍数：pdfcpu 在末尾补了 %d 个空白页（%s），按 %d 页拼版\n",
			res.Pages, res.Padded, blank, n)
	}
	if res.Trimmed > 0 {
		fmt.Fprintf(w, "  %d 页按成品尺寸（TrimBox）显示，不带出血和裁切线\n", res.Trimmed)
	}
	fmt.Fprintf(w, "已生成 %s：%d 页拼成 %d 个 A3 横向版面（%d 张纸双面）；第 1 面是第 %d 页和第 1 页\n",
		res.Out, res.Pages+res.Padded, res.SheetSides, res.Sheets(), res.Pages+res.Padded)
	fmt.Fprintln(w, "打印：A3，双面，长边翻转（flip on long edge）；印好后整叠对折即成小册子。")
}
