// Package manifest reads issue.toml, the one place where the office states
// everything about an issue: the gazette's names and contacts, the issue
// number and date, the fonts, the documents of each section in order, and
// what the print shop needs ([print]: trim size, bleed, marks, colour).
//
// Keys outside the schema are errors that name the key and its line, so a
// typing slip never passes silently; paths are relative to the manifest.
package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/model"
)

// Manifest is a parsed issue.toml.
type Manifest struct {
	Path     string // the manifest file as given
	Dir      string // its directory; document paths are resolved against it
	Issue    model.Issue
	Fonts    fonts.Config
	Layout   Layout
	Print    Print
	Sections []Section
}

// Section lists one section's document files, resolved to paths.
type Section struct {
	Title     string
	Documents []string // file paths, resolved against Dir
	Line      int      // line of the section's title in issue.toml
}

// file mirrors issue.toml's schema for decoding.
type file struct {
	Gazette struct {
		Name        string      `toml:"name"`
		EnglishName string      `toml:"english_name"`
		Sponsor     string      `toml:"sponsor"`
		Publisher   string      `toml:"publisher"`
		Frequency   string      `toml:"frequency"`
		Statement   string      `toml:"statement"`
		Mottos      []string    `toml:"mottos"`
		Emblem      string      `toml:"emblem"`
		Address     string      `toml:"address"`
		Postcode    string      `toml:"postcode"`
		Website     string      `toml:"website"`
		Telephone   string      `toml:"telephone"`
		Email       string      `toml:"email"`
		Committee   []committee `toml:"committee"`
	} `toml:"gazette"`
	Issue struct {
		Year   int       `toml:"year"`
		Number int       `toml:"number"`
		Serial int       `toml:"serial"`
		Date   time.Time `toml:"date"`
	} `toml:"issue"`
	Layout  Layout                `toml:"layout"`
	Print   printFile             `toml:"print"`
	Fonts   map[string]fontSource `toml:"fonts"`
	Section []struct {
		Title     string   `toml:"title"`
		Documents []string `toml:"documents"`
	} `toml:"section"`
}

type committee struct {
	Role  string   `toml:"role"`
	Names []string `toml:"names"`
}

// fontSource accepts either a path string or {path, index, name}.
type fontSource struct{ fonts.Source }

// UnmarshalTOML implements toml.Unmarshaler.
func (f *fontSource) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		f.Path = v
		return nil
	case map[string]any:
		for k, val := range v {
			switch k {
			case "path":
				s, ok := val.(string)
				if !ok {
					return errors.New("path 应为字符串")
				}
				f.Path = s
			case "name":
				s, ok := val.(string)
				if !ok {
					return errors.New("name 应为字符串")
				}
				f.Name = s
			case "index":
				n, ok := val.(int64)
				if !ok || n < 0 {
					return errors.New("index 应为非负整数")
				}
				f.Index = int(n)
			default:
				return fmt.Errorf("字体设置中没有 %q 这一项（可用 path、index、name）", k)
			}
		}
		return nil
	}
	return errors.New("字体应写成文件路径字符串，或 { path = \"…\", index = 0 }")
}

const manifestHint = "请对照 README 中 issue.toml 的示例修改。"

// Load reads and checks the manifest at path.
func Load(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &diag.Problem{File: path, Msg: "无法读取期刊清单文件", Hint: "请检查文件路径是否正确。", Err: err}
	}
	return Parse(path, data)
}

// Parse checks manifest bytes; path is used for messages and to resolve
// relative document paths.
func Parse(path string, data []byte) (*Manifest, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	var f file
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, decodeProblem(path, data, err)
	}
	var probs diag.List
	for _, k := range md.Undecoded() {
		if len(k) >= 2 && k[0] == "fonts" {
			continue // decoded through fontSource
		}
		probs = append(probs, &diag.Problem{File: path, Line: keyLine(data, k),
			Msg:  fmt.Sprintf("无法识别的设置项 “%s”", k.String()),
			Hint: "请检查拼写，或删除这一项。" + manifestHint})
	}
	m := &Manifest{Path: path, Dir: filepath.Dir(path), Layout: f.Layout}
	m.fill(&f, data, &probs)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *Manifest) fill(f *file, data []byte, probs *diag.List) {
	g := &m.Issue.Gazette
	fg := &f.Gazette
	*g = model.Gazette{Name: fg.Name, EnglishName: fg.EnglishName, Sponsor: fg.Sponsor,
		Publisher: fg.Publisher, Frequency: fg.Frequency, Statement: fg.Statement,
		Mottos: fg.Mottos, Address: fg.Address, Postcode: fg.Postcode, Website: fg.Website,
		Telephone: fg.Telephone, Email: fg.Email}
	if fg.Emblem != "" {
		g.Emblem = m.resolve(fg.Emblem)
	}
	for _, c := range fg.Committee {
		g.Committee = append(g.Committee, model.CommitteeRole{Role: c.Role, Names: c.Names})
	}
	m.Issue.Year, m.Issue.Number, m.Issue.Serial = f.Issue.Year, f.Issue.Number, f.Issue.Serial
	d := f.Issue.Date
	m.Issue.Date = model.Date{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}
	m.require(probs, data, g.Name != "", "gazette.name", "缺少公报名称")
	m.require(probs, data, f.Issue.Year > 0, "issue.year", "缺少出版年份")
	m.require(probs, data, f.Issue.Number > 0, "issue.number", "缺少期号（第几期）")
	m.require(probs, data, !d.IsZero(), "issue.date", "缺少出版日期，例如 date = 2023-08-30")
	m.fillFonts(f, data, probs)
	m.fillSections(f, data, probs)
	m.checkLayout(data, probs)
	m.checkPrint(&f.Print, data, probs)
}

func (m *Manifest) require(probs *diag.List, data []byte, ok bool, key, msg string) {
	if ok {
		return
	}
	k := toml.Key(strings.Split(key, "."))
	*probs = append(*probs, &diag.Problem{File: m.Path, Line: keyLine(data, k[:1]),
		Msg: msg + "（" + key + "）", Hint: manifestHint})
}

func (m *Manifest) fillFonts(f *file, data []byte, probs *diag.List) {
	m.Fonts = fonts.Config{}
	for key, src := range f.Fonts {
		role, ok := fonts.ParseRole(key)
		if !ok {
			*probs = append(*probs, &diag.Problem{File: m.Path, Line: keyLine(data, toml.Key{"fonts", key}),
				Msg:  fmt.Sprintf("没有名为 “%s” 的字体角色", key),
				Hint: "可用的角色：song（宋体）、fang（仿宋）、hei（黑体）、kai（楷体）、title（标题）、latin（西文）。"})
			continue
		}
		s := src.Source
		if s.Path != "" {
			s.Path = m.resolve(s.Path)
		}
		m.Fonts[role] = s
	}
}

func (m *Manifest) fillSections(f *file, data []byte, probs *diag.List) {
	if len(f.Section) == 0 {
		*probs = append(*probs, &diag.Problem{File: m.Path, Msg: "清单中没有任何栏目（[[section]]）",
			Hint: "请至少添加一个 [[section]]，写明 title 和 documents。"})
	}
	lines := sectionLines(data)
	for i, s := range f.Section {
		sec := Section{Title: s.Title}
		if i < len(lines) {
			sec.Line = lines[i]
		}
		if s.Title == "" {
			*probs = append(*probs, &diag.Problem{File: m.Path, Line: sec.Line,
				Msg: fmt.Sprintf("第%d个栏目缺少名称（title）", i+1), Hint: manifestHint})
		}
		if len(s.Documents) == 0 {
			*probs = append(*probs, &diag.Problem{File: m.Path, Line: sec.Line,
				Msg: fmt.Sprintf("栏目 “%s” 没有列出任何文件（documents）", s.Title), Hint: manifestHint})
		}
		for _, d := range s.Documents {
			p := m.resolve(d)
			if _, err := os.Stat(p); err != nil {
				*probs = append(*probs, &diag.Problem{File: m.Path, Line: stringLine(data, d),
					Msg:  fmt.Sprintf("找不到栏目 “%s” 中的文件 “%s”", s.Title, d),
					Hint: "请检查文件名是否写对、文件是否放在 issue.toml 所在的文件夹（或写明相对路径）。"})
			}
			sec.Documents = append(sec.Documents, p)
		}
		m.Sections = append(m.Sections, sec)
		m.Issue.Sections = append(m.Issue.Sections, model.Section{Title: s.Title})
	}
}

func (m *Manifest) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(m.Dir, p)
}

// CreationTime is the time stamped into the PDF: SOURCE_DATE_EPOCH when set,
// else the issue's publication date at noon UTC+8, so that the same inputs
// always give the same bytes.
func (m *Manifest) CreationTime() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		var sec int64
		if _, err := fmt.Sscan(s, &sec); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	d := m.Issue.Date
	return time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))
}

func decodeProblem(path string, data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &diag.Problem{File: path, Line: pe.Position.Line, Msg: "issue.toml 格式有误：" + pe.Message,
			Hint: "请检查这一行的引号、等号和方括号是否成对。" + manifestHint}
	}
	msg := err.Error()
	line := 0
	// toml type errors name the key: "toml: line 12 (last key "issue.year"): …"
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i:], "line %d", &line)
	}
	return &diag.Problem{File: path, Line: line, Msg: "issue.toml 中有设置项的类型不对",
		Hint: "数字不要加引号，文字要加引号，日期写成 2023-08-30。", Err: err}
}

// keyLine finds the line of key k in the TOML text: the line of its table
// header, then the first line inside that table that assigns its last part.
func keyLine(data []byte, k toml.Key) int {
	lines := strings.Split(string(data), "\n")
	table := strings.Join(k[:len(k)-1], ".")
	last := k[len(k)-1]
	inTable := table == ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			name := strings.Trim(t, "[] \t")
			if j := strings.Index(name, "]"); j >= 0 {
				name = name[:j]
			}
			if name == strings.Join(k, ".") {
				return i + 1
			}
			inTable = name == table
			continue
		}
		if inTable && (strings.HasPrefix(t, last+" ") || strings.HasPrefix(t, last+"=") || strings.HasPrefix(t, last+"\t")) {
			return i + 1
		}
	}
	return 0
}

// stringLine returns the line where the quoted string s first appears.
func stringLine(data []byte, s string) int {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, `"`+s+`"`) || strings.Contains(l, `'`+s+`'`) {
			return i + 1
		}
	}
	return 0
}

// sectionLines returns the line of each [[section]] header, in order.
func sectionLines(data []byte) []int {
	var out []int
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == "[[section]]" {
			out = append(out, i+1)
		}
	}
	return out
}
