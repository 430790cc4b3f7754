// Command gazette typesets one issue of a Chinese government gazette
// (政府公报) into a print-ready PDF.
//
//	gazette build [-o OUT.pdf] issue.toml
//	gazette check issue.toml
//	gazette fonts [issue.toml]
//	gazette version
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/urfave/cli/v2"

	"gazette/internal/diag"
)

// version is set by the Makefile (-ldflags "-X main.version=…").
var version = "dev"

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// run is main without os.Exit, for tests. It turns every error into a message
// for the office staff and never lets a panic's stack trace reach them.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "gazette 内部错误：%v\n请把这条信息和所用的文件发给维护人员。(internal error)\n", r)
			if os.Getenv("GAZETTE_DEBUG") != "" {
				fmt.Fprintln(stderr, string(debug.Stack()))
			}
			code = 3
		}
	}()
	app := newApp(stdout, stderr)
	if err := app.Run(args); err != nil {
		report(stderr, err)
		return 1
	}
	return 0
}

func report(w io.Writer, err error) {
	var exit cli.ExitCoder
	if errors.As(err, &exit) && exit.Error() == "" {
		return
	}
	if ps := diag.Problems(err); len(ps) > 0 {
		fmt.Fprintf(w, "发现 %d 处问题，未生成 PDF：\n", len(ps))
		for _, p := range ps {
			fmt.Fprintln(w, "  ✗ "+p.Error())
		}
		return
	}
	fmt.Fprintln(w, "错误："+err.Error())
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:        "gazette",
		Usage:       "把一期政府公报排成可交付印刷的 PDF（typeset a government gazette issue to PDF）",
		Version:     version,
		Writer:      stdout,
		ErrWriter:   stderr,
		HideVersion: true,
		Commands: []*cli.Command{
			buildCommand(), checkCommand(), fontsCommand(), preflightCommand(), imposeCommand(), versionCommand(),
		},
		ExitErrHandler: func(*cli.Context, error) {},
	}
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "显示版本",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(c.App.Writer, "gazette %s\n", version)
			return nil
		},
	}
}

// manifestArg returns the single issue.toml argument.
func manifestArg(c *cli.Context) (string, error) {
	if c.NArg() != 1 {
		return "", fmt.Errorf("请给出一个期刊清单文件，例如：gazette %s issue.toml", c.Command.Name)
	}
	return c.Args().First(), nil
}

func elapsed(start time.Time) string {
	return fmt.Sprintf("%.0f 毫秒", float64(time.Since(start).Microseconds())/1000)
}
