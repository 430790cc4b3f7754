package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/text/width"
)

// gazette prints its help itself, in Chinese: urfave/cli's help command,
// help flag and templates are switched off (HideHelp), "-h" and "--help"
// become `gazette help …` in normalizeArgs, and usage errors are translated
// by usageError.

// helpCommand is `gazette help [命令]`.
func helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     "显示全部命令，或一个命令的用法",
		ArgsUsage: "[命令]",
		Description: "例如：\n" +
			"  gazette help\n" +
			"  gazette help build",
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return fmt.Errorf("gazette help 一次只能查看一个命令的用法，现在给了 %d 个（%s）；例如：gazette help %s",
					c.NArg(), strings.Join(c.Args().Slice(), "、"), c.Args().First())
			}
			name := c.Args().First()
			if name == "" {
				printAppHelp(c.App.Writer, c.App)
				return nil
			}
			cmd := c.App.Command(name)
			if cmd == nil {
				return unknownCommand(c.App, name)
			}
			printCommandHelp(c.App.Writer, cmd)
			return nil
		},
	}
}

// printAppHelp lists the commands and the options of gazette itself.
func printAppHelp(w io.Writer, app *cli.App) {
	fmt.Fprintf(w, "gazette — %s\n\n用法：gazette 命令 [选项] 文件\n\n命令：\n", app.Usage)
	var rows [][2]string
	for _, c := range app.VisibleCommands() {
		rows = append(rows, [2]string{c.Name, c.Usage})
	}
	printRows(w, rows)
	fmt.Fprintln(w, "\n选项：")
	printRows(w, [][2]string{{"-h, --help", "显示这份说明"}, {"-v, --version", "显示版本"}})
	fmt.Fprintln(w, "\n选项写在文件名前面或后面都可以。\n查看一个命令的用法：gazette help 命令，例如 gazette help build")
}

// printCommandHelp shows one command's usage, options and examples.
func printCommandHelp(w io.Writer, cmd *cli.Command) {
	fmt.Fprintf(w, "gazette %s — %s\n\n", cmd.Name, cmd.Usage)
	fmt.Fprintf(w, "用法：gazette %s [选项] %s\n\n选项：\n", cmd.Name, cmd.ArgsUsage)
	printRows(w, append(flagRows(cmd), [2]string{"-h, --help", "显示这份说明"}))
	if cmd.Description != "" {
		fmt.Fprintf(w, "\n%s\n", cmd.Description)
	}
}

// flagRows describes cmd's options: "-o, --output 文件.pdf" and the usage,
// with the default of an option that takes a value. A `quoted` word of the
// usage names the value, as in urfave/cli.
func flagRows(cmd *cli.Command) [][2]string {
	var rows [][2]string
	for _, f := range cmd.VisibleFlags() {
		df, ok := f.(cli.DocGenerationFlag)
		if !ok {
			continue
		}
		var names []string
		for _, n := range f.Names() {
			names = append(names, dashed(n))
		}
		if len(names) > 1 && len(names[0]) > len(names[1]) {
			names[0], names[1] = names[1], names[0] // the short spelling first
		}
		value, usage := placeholder(df.GetUsage())
		name := strings.Join(names, ", ")
		if df.TakesValue() {
			name += " " + value
			if d := df.GetDefaultText(); d != "" {
				usage += "（默认 " + d + "）"
			}
		}
		rows = append(rows, [2]string{name, usage})
	}
	return rows
}

// dashed spells an option name as typed: -o, --output.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// placeholder takes the `quoted` word out of usage: it names the option's
// value in the help ("值" when there is none).
func placeholder(usage string) (value, plain string) {
	before, rest, ok := strings.Cut(usage, "`")
	if !ok {
		return "值", usage
	}
	value, after, ok := strings.Cut(rest, "`")
	if !ok {
		return "值", usage
	}
	return value, before + value + after
}

// printRows writes two columns, the second aligned by display width (a
// hanzi takes two columns on a terminal; text/tabwriter counts it as one).
func printRows(w io.Writer, rows [][2]string) {
	col := 0
	for _, r := range rows {
		col = max(col, displayWidth(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %s%s  %s\n", r[0], strings.Repeat(" ", col-displayWidth(r[0])), r[1])
	}
}

// displayWidth is the number of terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
