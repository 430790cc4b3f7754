package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// plainErr is an error said in Chinese only: the English cause (the flag
// parser's message, an errno) stays inside, for errors.Is and As, but is not
// shown to the office staff.
type plainErr struct {
	msg string
	err error
}

func (e *plainErr) Error() string { return e.msg }
func (e *plainErr) Unwrap() error { return e.err }

// usageError is the OnUsageError of gazette and of each command: it turns
// the flag parser's English message into what is wrong and where to look.
func usageError(c *cli.Context, err error, _ bool) error {
	help, where := "gazette help", "gazette"
	if c.Command != nil && c.App.Command(c.Command.Name) != nil {
		help, where = "gazette help "+c.Command.Name, "gazette "+c.Command.Name
	}
	return &plainErr{msg: explainUsage(err.Error(), where) + "。运行 " + help + " 查看用法。", err: err}
}

// explainUsage translates the messages of Go's flag package.
func explainUsage(msg, where string) string {
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Sprintf("%s 没有 %s 这个选项", where, spelled(name))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Sprintf("选项 %s 后面缺少它的值", spelled(name))
	}
	var value, name string
	if _, err := fmt.Sscanf(msg, "invalid value %q for flag %s", &value, &name); err == nil {
		return fmt.Sprintf("选项 %s 的值 “%s” 不对，这里应写一个数", spelled(name), value)
	}
	if _, err := fmt.Sscanf(msg, "invalid boolean value %q for %s", &value, &name); err == nil {
		return fmt.Sprintf("选项 %s 不带值，请只写 %s", spelled(name), spelled(name))
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return fmt.Sprintf("选项 %s 的写法不对", arg)
	}
	return "命令行的写法有误（" + msg + "）"
}

// spelled shows an option the flag parser names ("-max-saddle:") as the
// help spells it (--max-saddle).
func spelled(name string) string {
	return dashed(strings.TrimLeft(strings.TrimSuffix(name, ":"), "-"))
}

// unknownCommand says that name is not a command and, when it looks like a
// file, which command was probably meant.
func unknownCommand(app *cli.App, name string) error {
	var names []string
	for _, c := range app.VisibleCommands() {
		names = append(names, c.Name)
	}
	msg := fmt.Sprintf("没有 “%s” 这个命令。可用的命令：%s", name, strings.Join(names, "、"))
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".toml"):
		msg += fmt.Sprintf("；要排版这一期，请写 gazette build %s", name)
	case strings.HasSuffix(lower, ".pdf"):
		msg += fmt.Sprintf("；要检查这个 PDF，请写 gazette preflight %s", name)
	}
	return fmt.Errorf("%s。运行 gazette help 查看说明。", msg)
}
