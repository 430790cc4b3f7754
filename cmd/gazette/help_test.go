package main

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// english are urfave/cli's and Go's flag package's own words, which must
// never reach the office staff.
var english = []string{"Incorrect Usage", "show help", "Shows a list", "default:", "No help topic",
	"NAME:", "USAGE:", "COMMANDS:", "OPTIONS:", "flag provided", "needs an argument", "invalid value",
	"command options", "version dev"}

func TestCLISpeaksChinese(t *testing.T) {
	tests := []struct {
		args   string
		code   int
		stdout string // in stdout
		stderr string // in stderr
	}{
		{"", 0, "命令：\n  build ", ""},
		{"help", 0, "查看一个命令的用法：gazette help 命令", ""},
		{"-h", 0, "  -v, --version  显示版本", ""},
		{"help build", 0, "  -o, --output 文件.pdf  把印刷版 PDF 写到", ""},
		{"build --help", 0, "用法：gazette build [选项] issue.toml", ""},
		{"preflight -h", 0, "  --max-saddle N  骑马钉最多订 N 页，超过就提示改胶装（默认 64）", ""},
		{"help bogus", 1, "", "没有 “bogus” 这个命令。可用的命令：build、check、new、watch、volume、fonts、preflight、impose、version、help。运行 gazette help 查看说明。"},
		{"bogus", 1, "", "没有 “bogus” 这个命令"},
		{"issue.toml", 1, "", "要排版这一期，请写 gazette build issue.toml"},
		{"-x", 1, "", "错误：gazette 没有 -x 这个选项。运行 gazette help 查看用法。"},
		{"build -x issue.toml", 1, "", "错误：gazette build 没有 -x 这个选项。运行 gazette help build 查看用法。"},
		{"build issue.toml -o", 1, "", "选项 -o 后面缺少它的值"},
		{"preflight --max-saddle 多 a.pdf", 1, "", "选项 --max-saddle 的值 “多” 不对"},
		{"build --web=是 issue.toml", 1, "", "选项 --web 不带值，请只写 --web"},
		{"build a.toml b.toml", 1, "", "只能给出一个期刊清单文件，现在给了 2 个（a.toml、b.toml）"},
		{"--version", 0, "gazette " + version + "\n", ""},
		{"-v", 0, "gazette " + version + "\n", ""},
		{"version", 0, "gazette " + version + "\n", ""},
		{"version extra", 1, "", "错误：gazette version 后面不用写别的（多了 “extra”）；请只写 gazette version\n"},
		{"--version a b", 1, "", "错误：gazette version 后面不用写别的（多了 “a”、“b”）"},
		{"help build check", 1, "", "错误：gazette help 一次只能查看一个命令的用法，现在给了 2 个（build、check）；例如：gazette help build\n"},
		{"-h build check", 1, "", "现在给了 2 个（build、check）"},
		{"preflight --max-saddle=-3 a.pdf", 1, "", "错误：选项 --max-saddle 的值 “-3” 不对：骑马钉最多订多少页，应写一个不小于 4 的页数，例如 --max-saddle 48。运行 gazette help preflight 查看用法。\n"},
		{"preflight a.pdf --max-saddle 0", 1, "", "选项 --max-saddle 的值 “0” 不对"},
		{"preflight a.pdf --max-saddle －３", 1, "", "选项 --max-saddle 的值 “-3” 不对"},
		{"build issue.toml ——wbe", 1, "", "请切换到英文半角输入选项"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"gazette"}, strings.Fields(tt.args)...), &stdout, &stderr)
		if code != tt.code {
			t.Errorf("%q: exit %d, want %d (%s)", tt.args, code, tt.code, stderr.String())
		}
		if !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("%q: stdout %q, stderr %q; want %q and %q", tt.args, stdout.String(), stderr.String(), tt.stdout, tt.stderr)
		}
		for _, w := range english {
			if strings.Contains(stdout.String()+stderr.String(), w) {
				t.Errorf("%q: English %q reached the user:\n%s%s", tt.args, w, stdout.String(), stderr.String())
			}
		}
	}
}

// TestExplainUsage feeds explainUsage the flag package's own errors, so a
// change of its wording shows here.
func TestExplainUsage(t *testing.T) {
	parse := func(args ...string) string {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(&bytes.Buffer{})
		fs.String("o", "", "")
		fs.Int("max-saddle", 0, "")
		fs.Bool("web", false, "")
		err := fs.Parse(args)
		if err == nil {
			t.Fatalf("%q parsed", args)
		}
		return err.Error()
	}
	tests := []struct {
		msg, want string
	}{
		{parse("-x"), "gazette build 没有 -x 这个选项"},
		{parse("--bogus"), "gazette build 没有 --bogus 这个选项"},
		{parse("-o"), "选项 -o 后面缺少它的值"},
		{parse("-max-saddle", "x"), "选项 --max-saddle 的值 “x” 不对，这里应写一个数"},
		{parse("--web=no"), "选项 --web 不带值，请只写 --web"},
		{parse("---x"), "选项 ---x 的写法不对"},
		{"something new", "命令行的写法有误（something new）"},
	}
	for _, tt := range tests {
		if got := explainUsage(tt.msg, "gazette build"); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.msg, got, tt.want)
		}
	}
	app := newApp(nil, nil)
	c := cli.NewContext(app, nil, nil)
	c.Command = app.Command("build")
	cause := errors.New("flag provided but not defined: -x")
	err := usageError(c, cause, true)
	if !errors.Is(err, cause) || err.Error() != "gazette build 没有 -x 这个选项。运行 gazette help build 查看用法。" {
		t.Errorf("usageError: %q (keeps the cause: %v)", err, errors.Is(err, cause))
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s string
		n int
	}{{"-o", 2}, {"文件.pdf", 8}, {"（默认）", 8}, {"", 0}}
	for _, tt := range tests {
		if got := displayWidth(tt.s); got != tt.n {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.n)
		}
	}
}
