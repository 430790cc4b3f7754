// Command gazette typesets one issue of a Chinese government gazette
// (政府公报) into a print-ready PDF.
//
//	gazette build [-o OUT.pdf] [--web] issue.toml
//	gazette check issue.toml
//	gazette fonts [issue.toml]
//	gazette preflight [--max-saddle N] [--all] FILE.pdf
//	gazette impose [-o OUT.pdf] BOOK.pdf
//	gazette volume [-o OUT.pdf] volume.toml
//	gazette version
//	gazette help [命令]
//
// Options may come before or after the file.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"gazette/internal/build"
	"gazette/internal/diag"
	"gazette/internal/gctune"
)

// version is set by the Makefile (-ldflags "-X main.version=…").
var version = "dev"

func main() {
	setCollector()
	os.Exit(runInterruptibly(os.Args, os.Stdout, os.Stderr))
}

// setCollector sets the garbage collector's policy (internal/gctune): off
// while the heap is small, GOGC-style pacing under a soft limit of
// build.MemoryLimit (docs/pages-and-limits.md#limits) once what is live
// grows. GOGC or GOMEMLIMIT set in the environment leave the collector as
// they say (the soft limit still applies unless GOMEMLIMIT is set), for
// measuring and for a machine that needs otherwise.
func setCollector() {
	gogc, memlimit := os.Getenv("GOGC") != "", os.Getenv("GOMEMLIMIT") != ""
	switch {
	case !gogc && !memlimit:
		gctune.Start(gctune.Command(build.MemoryLimit))
	case !memlimit:
		debug.SetMemoryLimit(build.MemoryLimit)
	}
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
	pending.reset()
	app := newApp(stdout, stderr)
	args, err := normalizeArgs(app, args)
	if err == nil {
		err = app.Run(args)
	}
	if err != nil {
		report(stderr, err, problemsHeader(app, args))
		return 1
	}
	return 0
}

// problemsHeader heads the list of problems: the commands that write a PDF
// say that they did not.
func problemsHeader(app *cli.App, args []string) string {
	if len(args) > 1 {
		if c := app.Command(args[1]); c != nil && (c.Name == "build" || c.Name == "impose" || c.Name == "volume") {
			return "发现 %d 处问题，未生成 PDF：\n"
		}
	}
	return "发现 %d 处问题：\n"
}

// report writes err for the office staff: each problem on its own line
// under header (a format with one %d, the count), any other error as one
// line; then a note for each old PDF the failed command left in place.
func report(w io.Writer, err error, header string) {
	var exit cli.ExitCoder
	if errors.As(err, &exit) && exit.Error() == "" {
		return
	}
	defer fmt.Fprint(w, staleNotes(staleOf(err)))
	if ps := diag.Problems(err); len(ps) > 0 {
		fmt.Fprintf(w, header, len(ps))
		for _, p := range ps {
			fmt.Fprintln(w, "  ✗ "+p.Error())
		}
		return
	}
	fmt.Fprintln(w, "错误："+err.Error())
}

// newApp is gazette's command set. urfave/cli's own help (English) is
// switched off: see help.go.
func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:         "gazette",
		Usage:        "把一期政府公报排成可交付印刷的 PDF",
		Version:      version,
		Writer:       stdout,
		ErrWriter:    stderr,
		HideVersion:  true,
		HideHelp:     true,
		OnUsageError: usageError,
		Commands: []*cli.Command{
			buildCommand(), checkCommand(), newCommand(), watchCommand(), volumeCommand(), fontsCommand(), preflightCommand(), imposeCommand(),
			versionCommand(), helpCommand(),
		},
		ExitErrHandler: func(*cli.Context, error) {},
	}
	app.Action = func(c *cli.Context) error {
		if c.NArg() > 0 {
			return unknownCommand(app, c.Args().First())
		}
		printAppHelp(c.App.Writer, app)
		return nil
	}
	for _, c := range app.Commands {
		c.HideHelp, c.OnUsageError = true, usageError
	}
	return app
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "显示版本",
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return fmt.Errorf("gazette version 后面不用写别的（多了 %s）；请只写 gazette version", quoteList(c.Args().Slice()))
			}
			fmt.Fprintf(c.App.Writer, "gazette %s\n", version)
			return nil
		},
	}
}

// manifestArg returns the single issue.toml argument.
func manifestArg(c *cli.Context) (string, error) {
	path, err := oneArg(c, "期刊清单文件", "issue.toml")
	if err != nil {
		return "", err
	}
	if err := checkManifestName(c.Command.Name, path); err != nil {
		return "", err
	}
	return path, nil
}

// oneArg returns the command's single file argument, what names the kind of
// file and example shows one.
func oneArg(c *cli.Context, what, example string) (string, error) {
	switch c.NArg() {
	case 1:
		return c.Args().First(), nil
	case 0:
		return "", fmt.Errorf("请给出一个%s，例如：gazette %s %s", what, c.Command.Name, example)
	}
	return "", fmt.Errorf("只能给出一个%s，现在给了 %d 个（%s）；例如：gazette %s %s",
		what, c.NArg(), strings.Join(c.Args().Slice(), "、"), c.Command.Name, example)
}

// quoteList shows arguments as “a”、“b”.
func quoteList(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "“" + a + "”"
	}
	return strings.Join(q, "、")
}

func elapsed(start time.Time) string {
	return fmt.Sprintf("%.0f 毫秒", float64(time.Since(start).Microseconds())/1000)
}
