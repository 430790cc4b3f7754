package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"gazette/fonts"
	"gazette/internal/build"
	"gazette/internal/diag"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "排版并生成交付印刷的 PDF（出血、裁切框、PDF/X-1a）",
		ArgsUsage: "issue.toml",
		Description: "例如：\n" +
			"  gazette build issue.toml\n" +
			"  gazette build issue.toml -o 第4期.pdf --web\n" +
			"  gazette build issue.toml --web --html",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "把印刷版 PDF 写到 `文件.pdf`（默认与 issue.toml 同名同目录）"},
			&cli.BoolFlag{Name: "web", Usage: "另生成网络版 PDF（无出血和裁切线，保留链接），与印刷版同目录，文件名加 -web"},
			&cli.BoolFlag{Name: "html", Usage: "另生成网页版（文件夹，目录 index.html 和每篇文件一页），与印刷版同目录，文件夹名加 -html"},
		},
		Action: func(c *cli.Context) error {
			pending.begin()
			path, err := manifestArg(c)
			if err != nil {
				return err
			}
			start := time.Now()
			ed, err := editions(c, path)
			if err != nil {
				return err
			}
			pending.watch(outputs(ed))
			is, err := buildIssue(path, ed)
			if err != nil {
				return withStale(err)
			}
			printWarnings(c, is.Warnings)
			printFontNotes(c, is.FontNotes)
			printPadding(c, is)
			fmt.Fprintf(c.App.Writer, "已生成 %s：共 %d 页，成品尺寸 %s（%s）\n", ed.Print, len(is.Book.Pages),
				is.Manifest.Print.Trim, elapsed(start))
			if ed.Web != "" {
				fmt.Fprintf(c.App.Writer, "已生成网络版 %s\n", ed.Web)
			}
			if ed.HTML != "" {
				fmt.Fprintf(c.App.Writer, "已生成网页版 %s（用浏览器打开其中的 index.html）\n", ed.HTML)
			}
			return nil
		},
	}
}

// editions are the files `build` writes (-o, --web), checked before any
// work is done: see checkOutput.
func editions(c *cli.Context, manifestPath string) (build.Editions, error) {
	ed := build.Editions{Print: c.String("output")}
	if ed.Print == "" {
		ed.Print = build.DefaultOutput(manifestPath)
	}
	if c.Bool("web") {
		ed.Web = build.WebOutput(ed.Print)
	}
	if c.Bool("html") {
		ed.HTML = build.HTMLOutput(ed.Print)
	}
	example := filepath.Base(build.DefaultOutput(manifestPath))
	for _, out := range outputs(ed) {
		if out == ed.Web {
			example = build.WebOutput(example)
		}
		if err := checkOutput(out, example); err != nil {
			return ed, err
		}
		if err := checkNotInput(out, []string{manifestPath}); err != nil {
			return ed, err
		}
	}
	return ed, nil
}

// buildIssue lays the issue out and writes ed, unless an edition would
// replace one of the files the issue reads.
func buildIssue(manifestPath string, ed build.Editions) (*build.Issue, error) {
	is, err := build.Prepare(manifestPath)
	if err != nil {
		return nil, err
	}
	in := issueInputs(is)
	for _, out := range outputs(ed) {
		if err := checkNotInput(out, in); err != nil {
			return nil, err
		}
	}
	if err := is.Write(ed); err != nil {
		return nil, err
	}
	return is, nil
}

// printPadding tells how many blank pages saddle stitching needed, and where.
func printPadding(c *cli.Context, is *build.Issue) {
	p := is.Padding
	if p.Added == 0 {
		return
	}
	where := "末尾"
	if p.BackCover {
		where = "封底之前"
	}
	fmt.Fprintf(c.App.Writer, "骑马钉要求总页数是 4 的倍数：已在%s补了 %d 个空白页（第 %d 页起）。\n", where, p.Added, p.At+1)
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
			is, err := build.Check(path)
			if err != nil {
				return err
			}
			printWarnings(c, is.Warnings)
			printFontNotes(c, is.FontNotes)
			printPadding(c, is)
			fmt.Fprintf(c.App.Writer, "检查完成：%d 篇文稿，排成 %d 页，%d 条提示。\n",
				len(is.Documents()), len(is.Book.Pages), len(is.Warnings))
			return nil
		},
	}
}

// printFontNotes says which faces the fonts package chose on its own
// (build.FontNotes).
func printFontNotes(c *cli.Context, notes []string) {
	for _, n := range notes {
		fmt.Fprintln(c.App.Writer, "  字体："+n)
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
		Usage:     "列出各字体角色所用的字体文件及其覆盖范围、缺字由哪个字体补印，以及本期哪些字没有字体能显示",
		ArgsUsage: "[issue.toml]",
		Description: "例如：\n" +
			"  gazette fonts            （内置字体）\n" +
			"  gazette fonts issue.toml （本期所配的字体，并检查本期用到的每个字）",
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				set, err := fonts.Load(fonts.Config{})
				if err != nil {
					return err
				}
				return printFonts(c, set, nil)
			}
			path, err := manifestArg(c)
			if err != nil {
				return err
			}
			return issueFonts(c, path)
		},
	}
}

// issueFonts reports on the fonts of the issue at path, then lays the issue
// out: its error lists each character no font covers, with file and line.
func issueFonts(c *cli.Context, path string) error {
	is, err := build.Read(path)
	if err != nil {
		return err
	}
	if err := printFonts(c, is.Fonts, usedRunes(is)); err != nil {
		return err
	}
	err = is.Lay()
	if notes := build.FontNotes(is.Fonts); len(notes) > 0 {
		fmt.Fprintln(c.App.Writer, "补缺字的字体（每个字先用本角色的字体，缺字再依次用 [fonts] fallback 和本机安装的字体）：")
		printFontNotes(c, notes)
	}
	return err
}

// usedRunes lists the distinct characters of an issue's documents and of
// the text issue.toml prints.
func usedRunes(is *build.Issue) []rune {
	seen := map[rune]bool{}
	var out []rune
	for _, t := range is.Manifest.Texts {
		for _, r := range t.Text {
			if !seen[r] && r > ' ' {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
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

// printFonts lists, per role, the face that serves it, its GB 2312 coverage
// and, when runes are given (the issue's characters), the ones it lacks.
func printFonts(c *cli.Context, set *fonts.Set, runes []rune) error {
	w := c.App.Writer
	for _, info := range set.Describe(runes) {
		if info.Err != nil {
			fmt.Fprintf(w, "%s：无法载入 — %v\n", info.Role, info.Err)
			continue
		}
		file := info.File
		if info.Index > 0 {
			file = fmt.Sprintf("%s（第 %d 个字体）", file, info.Index)
		}
		fmt.Fprintf(w, "%s：%s %s\n    文件 %s；%d 个字形；GB 2312 汉字 %d/%d\n",
			info.Role, info.Family, info.Name, file, info.Glyphs, info.GB2312, fonts.GB2312Hanzi)
		if runes == nil || info.Role == fonts.Latin {
			continue
		}
		if len(info.Missing) == 0 {
			fmt.Fprintf(w, "    本期用到的 %d 个字符全部可以显示\n", len(runes))
			continue
		}
		fmt.Fprintf(w, "    缺 %d 个本期用到的字符：%s\n", len(info.Missing), runeList(info.Missing, 20))
	}
	return nil
}

// runeList shows up to max runes with their code points.
func runeList(rs []rune, max int) string {
	var b strings.Builder
	for i, r := range rs {
		if i == max {
			fmt.Fprintf(&b, " 等（共 %d 个）", len(rs))
			break
		}
		if i > 0 {
			b.WriteString("、")
		}
		fmt.Fprintf(&b, "%c（U+%04X）", r, r)
	}
	return b.String()
}
