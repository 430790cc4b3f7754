package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"gazette/internal/preflight"
)

func preflightCommand() *cli.Command {
	return &cli.Command{
		Name:      "preflight",
		Usage:     "像印刷厂那样检查一个 PDF（字体、页面框、颜色、透明、图像分辨率、页数、PDF/X）",
		ArgsUsage: "FILE.pdf",
		Description: "例如：\n" +
			"  gazette preflight issue.pdf\n" +
			"  gazette preflight issue.pdf --all --max-saddle 48",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "max-saddle", Value: preflight.DefaultMaxSaddle, Usage: "骑马钉最多订 `N` 页，超过就提示改胶装"},
			&cli.BoolFlag{Name: "all", Usage: fmt.Sprintf("列出全部发现（默认每类最多 %d 条）", perCode)},
		},
		Action: func(c *cli.Context) error {
			limit := c.Int("max-saddle")
			if limit < 4 {
				return fmt.Errorf("选项 --max-saddle 的值 “%d” 不对：骑马钉最多订多少页，应写一个不小于 4 的页数，例如 --max-saddle 48。运行 gazette help preflight 查看用法。", limit)
			}
			path, err := pdfArg(c)
			if err != nil {
				return err
			}
			rep, err := preflight.Check(path, preflight.Options{MaxSaddle: limit})
			if err != nil {
				return err
			}
			printReport(c.App.Writer, rep, c.Bool("all"))
			if rep.HasErrors() {
				return cli.Exit("", 1)
			}
			return nil
		},
	}
}

// pdfArg returns the single PDF argument.
func pdfArg(c *cli.Context) (string, error) {
	return oneArg(c, " PDF 文件", "issue.pdf")
}

// perCode is how many findings of one kind the report lists unless --all
// is given: a photo-heavy PDF can have hundreds of low-resolution images.
const perCode = 10

// printReport writes one line per finding (at most perCode of a kind unless
// all), then a summary line.
func printReport(w io.Writer, rep *preflight.Report, all bool) {
	fmt.Fprintf(w, "印前检查 %s（共 %d 页）：\n", rep.File, rep.Pages)
	shown, hidden := map[string]int{}, map[string]int{}
	var hiddenCodes []string
	for _, f := range rep.Findings {
		if !all && shown[f.Code] >= perCode {
			if hidden[f.Code] == 0 {
				hiddenCodes = append(hiddenCodes, f.Code)
			}
			hidden[f.Code]++
			continue
		}
		shown[f.Code]++
		fmt.Fprintf(w, "  %s  %s：%s [%s]\n", f.Severity, preflight.FormatPages(f.Pages, rep.Pages), f.Message, f.Code)
	}
	for _, code := range hiddenCodes {
		fmt.Fprintf(w, "  ……  另有 %d 条 [%s] 未列出（加 --all 全部列出）\n", hidden[code], code)
	}
	fmt.Fprintln(w, summary(rep))
}

// summary is the last line of the report.
func summary(rep *preflight.Report) string {
	e, wn, i := rep.Count(preflight.Error), rep.Count(preflight.Warning), rep.Count(preflight.Info)
	verdict := "可以交印刷厂（请看一下警告）"
	switch {
	case e > 0:
		verdict = "有错误，不能直接付印"
	case wn == 0:
		verdict = "可以交印刷厂"
	}
	return fmt.Sprintf("小结：%d 个错误，%d 个警告，%d 条信息 — %s。", e, wn, i, verdict)
}
