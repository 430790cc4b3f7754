package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/text/width"
)

// normalizeArgs prepares the command line for urfave/cli: `gazette --version`
// and `-v` become `gazette version`, "-h" and "--help" become `gazette help`
// (for the command they follow), and a subcommand's options are moved in
// front of its file arguments, so that `gazette build issue.toml -o x.pdf`
// works like `gazette build -o x.pdf issue.toml`. (urfave/cli v2 stops
// reading options at the first argument that is not one; it has no setting
// to read them anywhere on the line.)
//
// A command or option typed with a Chinese input method in full width
// (ｂｕｉｌｄ, －o, ——web, --max-saddle＝１６) is read as its half-width
// spelling; an option so typed that is none of the command's is refused.
func normalizeArgs(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	args = slices.Clone(args)
	if err := halfWidthCommand(app, args); err != nil {
		return nil, err
	}
	switch {
	case slices.Contains(versionFlags, args[1]):
		return append([]string{args[0], "version"}, args[2:]...), nil
	case slices.Contains(helpFlags, args[1]):
		return append([]string{args[0], "help"}, args[2:]...), nil
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args, nil
	}
	if err := halfWidthOptions(cmd, args[2:]); err != nil {
		return nil, err
	}
	opts, rest := optionsFirst(args[2:], valueFlags(cmd))
	if hasHelp(opts, valueFlags(cmd)) {
		return []string{args[0], "help", cmd.Name}, nil
	}
	return append(append(slices.Clip(args[:2]), opts...), rest...), nil
}

// dashes are the characters an input method or a word processor puts for
// "-": full-width hyphen-minus, the dashes (—— is Shift+- in a Chinese
// input method), minus signs.
const dashes = "－—–‐‑‒―−﹣﹘"

// halfWidthCommand reads args[1], the command or gazette's own option, in
// half width.
func halfWidthCommand(app *cli.App, args []string) error {
	a := args[1]
	if opt, full := halfWidth(a); full {
		if !slices.Contains(versionFlags, opt) && !slices.Contains(helpFlags, opt) {
			return fullWidthOption(a, "gazette", "-h、--help、-v、--version", "gazette help")
		}
		args[1] = opt
		return nil
	}
	if name := width.Narrow.String(a); name != a && app.Command(name) != nil {
		args[1] = name
	}
	return nil
}

// halfWidthOptions reads, in place, cmd's options typed in full width in
// half width (and the value of a number option, --max-saddle １６). The
// value of an option that takes one is left as typed: -o —草稿.pdf names a
// file. So are the arguments after "--", and a file that exists.
func halfWidthOptions(cmd *cli.Command, args []string) error {
	takesValue, numeric := valueFlags(cmd), numberFlags(cmd)
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return nil
		}
		if opt, full := halfWidth(a); full {
			if _, err := os.Stat(a); err == nil {
				continue
			}
			if name, _, _ := strings.Cut(opt, "="); !isFlag(cmd, name) {
				return fullWidthOption(a, "gazette "+cmd.Name, flagList(cmd), "gazette help "+cmd.Name)
			}
			args[i] = opt
		}
		name, value, hasValue := strings.Cut(args[i], "=")
		switch {
		case hasValue && numeric[name]:
			args[i] = name + "=" + width.Narrow.String(value)
		case takesValue[name] && !hasValue && i+1 < len(args):
			i++
			if numeric[name] {
				args[i] = width.Narrow.String(args[i])
			}
		}
	}
	return nil
}

// halfWidth returns arg in half width, and whether arg is an option typed
// (in part) in full width: its dashes, its name or its "＝". An argument
// that does not start with a dash is no option; a value after "=" is kept.
func halfWidth(arg string) (opt string, full bool) {
	body := strings.TrimLeft(arg, "-"+dashes)
	lead := arg[:len(arg)-len(body)]
	if lead == "" || body == "" {
		return arg, false
	}
	name, value, hasValue := strings.Cut(body, "=")
	if n, v, ok := strings.Cut(body, "＝"); ok && (!hasValue || len(n) < len(name)) {
		name, value, hasValue = n, v, true
		full = true
	}
	narrow := width.Narrow.String(name)
	full = full || strings.Trim(lead, "-") != "" || narrow != name
	if !full {
		return arg, false
	}
	opt = dashed(narrow)
	if hasValue {
		opt += "=" + value
	}
	return opt, true
}

// fullWidthOption refuses arg, an option typed in full width that where
// (gazette or gazette build) does not have.
func fullWidthOption(arg, where, options, help string) error {
	return fmt.Errorf("“%s” 是用全角字符（中文输入法）打的，%s 没有这个选项；请切换到英文半角输入选项（%s 的选项有 %s）。运行 %s 查看用法。",
		arg, where, where, options, help)
}

// isFlag tells whether name (-o, --web, -h) is one of cmd's options or a
// help option.
func isFlag(cmd *cli.Command, name string) bool {
	if slices.Contains(helpFlags, name) {
		return true
	}
	n := strings.TrimLeft(name, "-")
	for _, f := range cmd.Flags {
		if slices.Contains(f.Names(), n) {
			return true
		}
	}
	return false
}

// flagList spells cmd's options for a message: -o、--output、--web、-h、--help.
func flagList(cmd *cli.Command) string {
	var names []string
	for _, f := range cmd.Flags {
		ns := slices.Clone(f.Names())
		slices.SortStableFunc(ns, func(a, b string) int { return len(a) - len(b) }) // -o before --output, as the help
		for _, n := range ns {
			names = append(names, dashed(n))
		}
	}
	return strings.Join(append(names, "-h", "--help"), "、")
}

// numberFlags are the spellings of cmd's options whose value is a number.
func numberFlags(cmd *cli.Command) map[string]bool {
	num := map[string]bool{}
	for _, f := range cmd.Flags {
		if _, ok := f.(*cli.IntFlag); ok {
			for _, n := range f.Names() {
				num["-"+n], num["--"+n] = true, true
			}
		}
	}
	return num
}

// The spellings of the version and help options.
var (
	versionFlags = []string{"-v", "--version", "-version"}
	helpFlags    = []string{"-h", "--help", "-help"}
)

// hasHelp tells whether opts, options as optionsFirst returns them, ask for
// help (and not as the value of an option: -o -h names a file "-h").
func hasHelp(opts []string, takesValue map[string]bool) bool {
	for i := 0; i < len(opts); i++ {
		switch {
		case takesValue[opts[i]]:
			i++
		case slices.Contains(helpFlags, opts[i]):
			return true
		}
	}
	return false
}

// valueFlags are the spellings (-o, --output, -output) of cmd's options
// that take a value as the next argument.
func valueFlags(cmd *cli.Command) map[string]bool {
	takes := map[string]bool{}
	for _, f := range cmd.Flags {
		df, ok := f.(cli.DocGenerationFlag)
		if !ok || !df.TakesValue() {
			continue
		}
		for _, n := range f.Names() {
			takes["-"+n], takes["--"+n] = true, true
		}
	}
	return takes
}

// optionsFirst splits a subcommand's arguments into the options, each with
// its value, and the other arguments in their order (after "--" when the
// line had one: everything after it is an argument). An option missing its
// value comes last, with no arguments after it, so that the parser reports
// it rather than taking a file name for its value.
func optionsFirst(args []string, takesValue map[string]bool) (opts, rest []string) {
	var tail []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, tail = args[:i], args[i+1:]
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case !strings.HasPrefix(a, "-") || a == "-":
			rest = append(rest, a)
		case takesValue[a] && i+1 == len(args):
			return append(opts, a), nil
		case takesValue[a]:
			opts = append(opts, a, args[i+1])
			i++
		default:
			opts = append(opts, a)
		}
	}
	if tail != nil {
		rest = append(append([]string{"--"}, rest...), tail...)
	}
	return opts, rest
}
