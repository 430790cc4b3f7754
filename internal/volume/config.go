package volume

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"gazette/internal/diag"
)

// Config is a parsed volume.toml:
//
//	[volume]
//	title = "昌江区人民政府公报2023年合订本"
//	issues = ["2023-01/issue.toml", "2023-02/issue.toml"]   # 按装订顺序
//	order = "section"   # 可选：总目录按栏目（section，默认）或按文种（kind）编排
type Config struct {
	Path      string   // the file as given
	Title     string   // the volume's title, printed on its cover and 总目录
	TitleLine int      // line of title
	Issues    []string // the issues' manifests, resolved against the file's folder
	Lines     []int    // line of each issue's entry
	Order     Order
}

// Order is how the 年度总目录 is arranged.
type Order string

// The arrangements of the 总目录.
const (
	BySection Order = "section" // under each section's title, as the issues print them (default)
	ByKind    Order = "kind"    // under each kind of document (文种): 决定, 通知, 办法 …
)

const volumeHint = "volume.toml 的写法：[volume] 下写 title = \"…合订本\"、issues = [\"2023-01/issue.toml\", …]，可选 order = \"section\" 或 \"kind\"。"

// fileSchema mirrors volume.toml for decoding.
type fileSchema struct {
	Volume struct {
		Title  string   `toml:"title"`
		Issues []string `toml:"issues"`
		Order  string   `toml:"order"`
	} `toml:"volume"`
}

// LoadConfig reads and checks volume.toml.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &diag.Problem{File: path, Msg: "无法读取合订本清单文件", Hint: "请检查文件路径是否正确。", Err: err}
	}
	return ParseConfig(path, data)
}

// ParseConfig checks volume.toml's bytes; path is used in messages and to
// resolve the issues' paths. Keys outside the schema are errors at their
// line, as in issue.toml.
func ParseConfig(path string, data []byte) (*Config, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	var f fileSchema
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, decodeProblem(path, data, err)
	}
	var probs diag.List
	for _, k := range md.Undecoded() {
		probs = append(probs, &diag.Problem{File: path, Line: keyLine(data, k),
			Msg:  fmt.Sprintf("无法识别的设置项 “%s”", k.String()),
			Hint: "请检查拼写，或删除这一项。" + volumeHint})
	}
	c := &Config{Path: path, Title: strings.TrimSpace(f.Volume.Title), Order: BySection,
		TitleLine: keyLine(data, toml.Key{"volume", "title"})}
	if c.Title == "" {
		probs = append(probs, &diag.Problem{File: path, Line: c.TitleLine, Msg: "缺少合订本的书名（[volume] title）",
			Hint: "例如 title = \"昌江区人民政府公报2023年合订本\"。"})
	}
	switch Order(f.Volume.Order) {
	case "", BySection:
	case ByKind:
		c.Order = ByKind
	default:
		probs = append(probs, &diag.Problem{File: path, Line: keyLine(data, toml.Key{"volume", "order"}),
			Msg:  fmt.Sprintf("总目录的编排方式 “%s” 不存在", f.Volume.Order),
			Hint: "可写 order = \"section\"（按栏目，默认）或 order = \"kind\"（按文种）。"})
	}
	c.checkIssues(f.Volume.Issues, data, &probs)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// checkIssues resolves the issues' manifests and reports, each at its line,
// a missing file or one listed twice.
func (c *Config) checkIssues(issues []string, data []byte, probs *diag.List) {
	listLine := keyLine(data, toml.Key{"volume", "issues"})
	if len(issues) == 0 {
		*probs = append(*probs, &diag.Problem{File: c.Path, Line: listLine, Msg: "合订本没有列出任何一期（[volume] issues）",
			Hint: "请按装订顺序列出各期的清单文件，例如 issues = [\"2023-01/issue.toml\", \"2023-02/issue.toml\"]。"})
		return
	}
	dir := filepath.Dir(c.Path)
	seen := map[string]int{}
	for i, p := range issues {
		line := valueLine(data, p, listLine)
		full := p
		if !filepath.IsAbs(p) {
			full = filepath.Join(dir, p)
		}
		full = filepath.Clean(full)
		if first, dup := seen[full]; dup {
			*probs = append(*probs, &diag.Problem{File: c.Path, Line: line,
				Msg:  fmt.Sprintf("“%s” 在 issues 中出现了两次（第%d项和第%d项）", p, first+1, i+1),
				Hint: "每一期只列一次，请删去重复的一项。"})
			continue
		}
		seen[full] = i
		if st, err := os.Stat(full); err != nil || st.IsDir() {
			*probs = append(*probs, &diag.Problem{File: c.Path, Line: line,
				Msg:  fmt.Sprintf("找不到第%d期的清单文件 “%s”", i+1, p),
				Hint: "路径相对于 volume.toml 所在的文件夹，请检查文件夹和文件名。"})
		}
		c.Issues = append(c.Issues, full)
		c.Lines = append(c.Lines, line)
	}
}

// decodeProblem is a TOML syntax or type error in Chinese, at its line.
func decodeProblem(path string, data []byte, err error) error {
	p := &diag.Problem{File: path, Msg: "volume.toml 格式有误", Hint: volumeHint}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p.Line = pe.Position.Line
		p.Err = errors.New(pe.Message)
		return p
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "volume.issues"):
		p.Line = keyLine(data, toml.Key{"volume", "issues"})
		p.Msg = "issues 应写成清单文件路径的列表"
	case strings.Contains(msg, "volume.title"):
		p.Line = keyLine(data, toml.Key{"volume", "title"})
		p.Msg = "title 应写成带引号的文字"
	case strings.Contains(msg, "volume.order"):
		p.Line = keyLine(data, toml.Key{"volume", "order"})
		p.Msg = "order 应写成 \"section\" 或 \"kind\""
	default:
		p.Err = err
	}
	return p
}

// keyLine is the 1-based line where key k is set (its last part, inside its
// table), 0 if it cannot be found.
func keyLine(data []byte, k toml.Key) int {
	if len(k) == 0 {
		return 0
	}
	table := strings.Join(k[:len(k)-1], ".")
	cur := ""
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			name := strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t\r")
			cur = name
			if len(k) == 1 && name == k[0] {
				return i + 1
			}
			continue
		}
		lhs, _, ok := strings.Cut(t, "=")
		if !ok || cur != table {
			continue
		}
		if strings.Trim(strings.TrimSpace(lhs), `"'`) == k[len(k)-1] {
			return i + 1
		}
	}
	return 0
}

// valueLine is the line, from line from on, where the quoted value v is
// written; from when it is not found.
func valueLine(data []byte, v string, from int) int {
	ls := strings.Split(string(data), "\n")
	for i := max(from-1, 0); i < len(ls); i++ {
		if strings.Contains(ls[i], `"`+v+`"`) || strings.Contains(ls[i], `'`+v+`'`) {
			return i + 1
		}
	}
	return from
}
