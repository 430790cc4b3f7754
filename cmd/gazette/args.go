package main

import (
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// normalizeArgs prepares the command line for urfave/cli: `gazette --version`
// and `-v` become `gazette version`, "-h" and "--help" become `gazette help`
// (for the command they follow), and a subcommand's options are moved in
// front of its file arguments, so that `gazette build issue.toml -o x.pdf`
// works like `gazette build -o x.pdf issue.toml`. (urfave/cli v2 stops
// reading options at the first argument that is not one; it has no setting
// to read them anywhere on the line.)
func normalizeArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	switch {
	case slices.Contains(versionFlags, args[1]):
		return append([]string{args[0], "version"}, args[2:]...)
	case slices.Contains(helpFlags, args[1]):
		return append([]string{args[0], "help"}, args[2:]...)
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args
	}
	opts, rest := optionsFirst(args[2:], valueFlags(cmd))
	if hasHelp(opts, valueFlags(cmd)) {
		return []string{args[0], "help", cmd.Name}
	}
	return append(append(slices.Clip(args[:2]), opts...), rest...)
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
