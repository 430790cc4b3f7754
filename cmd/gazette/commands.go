package main

import (
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"gazette/fonts"
	"gazette/internal/build"
	"gazette/internal/diag"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "排版并生成 PDF",
		ArgsUsage: "issue.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "输出的 PDF 文件（默认与 issue.toml 同名同目录）"},
		},
		Action: func(c *cli.Context) error {
			path, err := manifestArg(c)
			if err != nil {
				return err
			}
			start := time.Now()
			is, out, err := build.Build(path, c.String("output"))
			if err != nil {
				return err
			}
			printWarnings(c, is.Warnings)
			fmt.Fprintf(c.App.Writer, "已生成 %s：共 %d 页（%s）\n", out, len(is.Book.Pages), elapsed(start))
			return nil
		},
	}
}

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "检查清单和文稿并试排，不生成文件",
		ArgsUsage: "issue.toml",
		Action: func(c *cli.Context) error {
			path, err := manifestArg(c)
			if err != nil {
				return err
			}
			is, err := build.Prepare(path)
			if err != nil {
				return err
			}
			printWarnings(c, is.Warnings)
			fmt.Fprintf(c.App.Writer, "检查完成：%d 篇文稿，排成 %d 页，%d 条提示。\n",
				len(is.Documents()), len(is.Book.Pages), len(is.Warnings))
			return nil
		},
	}
}

func printWarnings(c *cli.Context, ws []*diag.Problem) {
	for _, w := range ws {
		fmt.Fprintln(c.App.Writer, "  ! "+w.Error())
	}
}

func fontsCommand() *cli.Command {
	return &cli.Command{
		Name:      "fonts",
		Usage:     "列出各字体角色所用的字体文件及其覆盖范围",
		ArgsUsage: "[issue.toml]",
		Action: func(c *cli.Context) error {
			cfg := fonts.Config{}
			var runes []rune
			if c.NArg() > 0 {
				is, err := build.Prepare(c.Args().First())
				if err != nil {
					return err
				}
				cfg = is.Manifest.Fonts
				runes = usedRunes(is)
			}
			set, err := fonts.Load(cfg)
			if err != nil {
				return err
			}
			return printFonts(c, set, runes)
		},
	}
}

// usedRunes lists the distinct characters of an issue's documents.
func usedRunes(is *build.Issue) []rune {
	seen := map[rune]bool{}
	var out []rune
	for _, d := range is.Documents() {
		for _, b := range d.Blocks {
			for _, r := range b.Text {
				if !seen[r] && r > ' ' {
					seen[r] = true
					out = append(out, r)
				}
			}
		}
	}
	return out
}
