// Package manifest reads issue.toml, the one place where the office states
// everything about an issue: the gazette's names and contacts, the issue
// number and date, the fonts, the documents of each section in order, and
// what the print shop needs ([print]: trim size, bleed, marks, colour).
//
// Keys outside the schema are errors that name the key and its line, so a
// typing slip never passes silently; paths are relative to the manifest.
// The files it names (documents, the cover emblem, fonts) are looked up as
// it loads, so `check` finds what `build` would stumble on, at its line;
// slips that need not stop a build are left in Manifest.Warnings.
// TOML syntax and type errors become Chinese through the rules and the key
// table of messages.go.
package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/model"
)

// Manifest is a parsed issue.toml.
type Manifest struct {
	Path  string // the manifest file as given
	Dir   string // its directory; document paths are resolved against it
	Issue model.Issue
	Fonts fonts.Config
	// FontLines is the line of each role's entry under [fonts], for
	// problems the fonts package finds in the file later.
	FontLines map[fonts.Role]int
	// Fallback are the faces of [fonts] fallback, in order, and
	// FallbackLine its line.
	Fallback     []fonts.Source
	FallbackLine int
	// Texts are the pieces of issue.toml printed in the issue, with their
	// lines, for the character check documents get too.
	Texts    []TextField
	Layout   Layout
	Print    Print
	Sections []Section

	// Warnings are slips that do not stop a build but that the office
	// should look at, each at its line: a bleed under 3 mm, a font given
	// both name and index.
	Warnings []*diag.Problem
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
		Name        string `toml:"name"`
		EnglishName string `toml:"english_name"`
		Sponsor     string `toml:"sponsor"`
		Publisher   string `toml:"publisher"`
		Frequency   string `toml:"frequency"`
		// IssuesPerYear is read by `gazette new` where frequency is not
		// one of the usual 刊期 names.
		IssuesPerYear int         `toml:"issues_per_year"`
		Statement     string      `toml:"statement"`
		Mottos        []string    `toml:"mottos"`
		Emblem        string      `toml:"emblem"`
		Address       string      `toml:"address"`
		Postcode      string      `toml:"postcode"`
		Website       string      `toml:"website"`
		Telephone     string      `toml:"telephone"`
		Email         string      `toml:"email"`
		Permit        string      `toml:"permit"`
		Printer       string      `toml:"printer"`
		Committee     []committee `toml:"committee"`
	} `toml:"gazette"`
	Issue struct {
		Year   int       `toml:"year"`
		Number int       `toml:"number"`
		Serial int       `toml:"serial"`
		Copies int       `toml:"copies"`
		Date   time.Time `toml:"date"`
	} `toml:"issue"`
	Layout  layoutFile            `toml:"layout"`
	Print   printFile             `toml:"print"`
	Fonts   map[string]fontSource `toml:"fonts"`
	Section []struct {
		Title      string   `toml:"title"`
		ShortTitle string   `toml:"short_title"` // the running heads' form of a long title
		Documents  []string `toml:"documents"`
	} `toml:"section"`
}

type committee struct {
	Role  string   `toml:"role"`
	Names []string `toml:"names"`
}

// fontSource accepts either a path string or {path, index, name}; under
// the key fallback, a list of them.
type fontSource struct {
	fonts.Source
	indexSet bool         // index was written, even as 0
	list     []fontSource // fallback = [ … ]
	isList   bool
}

// UnmarshalTOML implements toml.Unmarshaler.
func (f *fontSource) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case []any:
		f.isList = true
		for _, e := range v {
			var one fontSource
			if _, nested := e.([]any); nested {
				return errors.New("后备字体应写成文件路径或 { path = \"…\", index = 0 } 的列表")
			}
			if err := one.UnmarshalTOML(e); err != nil {
				return err
			}
			f.list = append(f.list, one)
		}
		return nil
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
				f.Index, f.indexSet, f.IndexSet = int(n), true, true
			default:
				return fmt.Errorf("字体设置中没有 %q 这一项（可用 path、index、name）", k)
			}
		}
		return nil
	}
	return errors.New("字体应写成文件路径字符串，或 { path = \"…\", index = 0 }")
}

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
	seen := map[string]int{} // occurrences so far of each unknown key
	for _, k := range md.Undecoded() {
		if len(k) >= 2 && k[0] == "fonts" {
			continue // decoded through fontSource
		}
		n := seen[k.String()]
		seen[k.String()]++
		probs = append(probs, &diag.Problem{File: path, Line: nthKeyLine(data, k, n),
			Msg:  fmt.Sprintf("无法识别的设置项 “%s”", k.String()),
			Hint: "请检查拼写，或删除这一项。" + manifestHint})
	}
	m := &Manifest{Path: path, Dir: filepath.Dir(path)}
	m.fill(&f, md, data, &probs)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *Manifest) fill(f *file, md toml.MetaData, data []byte, probs *diag.List) {
	g := &m.Issue.Gazette
	fg := &f.Gazette
	*g = model.Gazette{Name: fg.Name, EnglishName: fg.EnglishName, Sponsor: fg.Sponsor,
		Publisher: fg.Publisher, Frequency: fg.Frequency, Statement: fg.Statement,
		Mottos: fg.Mottos, Address: fg.Address, Postcode: fg.Postcode, Website: fg.Website,
		Telephone: fg.Telephone, Email: fg.Email, Permit: fg.Permit, Printer: fg.Printer}
	if fg.Emblem != "" {
		g.Emblem = m.resolve(fg.Emblem)
		line := keyLine(data, toml.Key{"gazette", "emblem"})
		if !m.checkEscapes(fg.Emblem, line, data, probs) {
			m.checkEmblem(fg.Emblem, line, probs)
		}
	}
	for _, c := range fg.Committee {
		g.Committee = append(g.Committee, model.CommitteeRole{Role: c.Role, Names: c.Names})
	}
	m.require(probs, data, g.Name != "", "gazette.name", "缺少公报名称")
	m.checkIssue(f, md, data, probs)
	m.fillFonts(f, data, probs)
	m.collectTexts(f, data)
	m.fillSections(f, data, probs)
	m.checkLayout(&f.Layout, data, probs)
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
	m.FontLines = map[fonts.Role]int{}
	for _, key := range slices.Sorted(maps.Keys(f.Fonts)) { // problems in a stable order
		src := f.Fonts[key]
		line := keyLine(data, toml.Key{"fonts", key})
		if key == "fallback" {
			m.fillFallback(src, line, data, probs)
			continue
		}
		if src.isList {
			*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
				Msg:  fmt.Sprintf("字体 %s 只能写一个字体，不能写成列表", key),
				Hint: "几个字体依次补缺字时，写在 fallback = [ … ] 中。"})
			continue
		}
		role, ok := fonts.ParseRole(key)
		if !ok {
			*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
				Msg:  fmt.Sprintf("没有名为 “%s” 的字体角色", key),
				Hint: "可用的角色：song（宋体）、fang（仿宋）、hei（黑体）、kai（楷体）、title（标题）、latin（西文），以及 fallback（后备字体）。"})
			continue
		}
		s := src.Source
		if s.Path != "" {
			if !m.checkEscapes(s.Path, line, data, probs) {
				m.checkFont(role, s.Path, line, probs)
			}
			s.Path = m.resolve(s.Path)
		}
		m.checkFontChoice(key, src, line)
		m.Fonts[role] = s
		m.FontLines[role] = line
	}
}

// fillFallback reads [fonts] fallback: the faces, in order, that print the
// characters a role's own face lacks (fonts.Set.FaceFor).
func (m *Manifest) fillFallback(src fontSource, line int, data []byte, probs *diag.List) {
	list := src.list
	if !src.isList {
		list = []fontSource{src}
	}
	m.FallbackLine = line
	for _, one := range list {
		s := one.Source
		if s.Path != "" {
			if !m.checkEscapes(s.Path, line, data, probs) {
				m.checkFont(fonts.Fallback, s.Path, line, probs)
			}
			s.Path = m.resolve(s.Path)
		}
		m.checkFontChoice("fallback", one, line)
		m.Fallback = append(m.Fallback, s)
	}
}

func (m *Manifest) fillSections(f *file, data []byte, probs *diag.List) {
	if len(f.Section) == 0 {
		*probs = append(*probs, &diag.Problem{File: m.Path, Msg: "清单中没有任何栏目（[[section]]）",
			Hint: "请至少添加一个 [[section]]，写明 title 和 documents。"})
	}
	lines := sectionLines(data)
	docs := documentLines{data: data, lines: strings.Split(string(data), "\n"), seen: map[string]listed{}, count: map[string]int{}}
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
			if p, ok := m.document(&docs, s.Title, d, probs); ok {
				sec.Documents = append(sec.Documents, p)
			}
		}
		m.Sections = append(m.Sections, sec)
		m.Issue.Sections = append(m.Issue.Sections, model.Section{Title: s.Title, ShortTitle: s.ShortTitle, Line: sec.Line})
	}
}

// listed is where a document was first listed.
type listed struct {
	section string
	line    int
}

// documentLines tracks the documents listed so far and the line of each.
type documentLines struct {
	data  []byte
	lines []string          // data's lines, split once for all the documents
	seen  map[string]listed // by resolved path
	count map[string]int    // occurrences so far, by name as written
}

// line is the line of the next occurrence of d as written.
func (dl *documentLines) line(d string) int {
	ls := stringLinesIn(dl.lines, escapeControls(d))
	n := dl.count[d]
	dl.count[d]++
	if n < len(ls) {
		return ls[n]
	}
	if len(ls) > 0 {
		return ls[0] // stringLine's answer
	}
	return 0
}

// document checks document d of section title: its path as written, that
// it exists, and that it is not listed twice. It returns the resolved path
// and whether to typeset it.
func (m *Manifest) document(dl *documentLines, title, d string, probs *diag.List) (string, bool) {
	line := dl.line(d)
	if m.checkEscapes(d, line, dl.data, probs) {
		return "", false
	}
	p := filepath.Clean(m.resolve(d))
	if first, ok := dl.seen[p]; ok {
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
			Msg:  fmt.Sprintf("文件 “%s” 列出了两次（栏目 “%s” 第%d行已经列过）", d, first.section, first.line),
			Hint: "同一份文件只能列一次，请删除这一行；如果这里本该是另一份文件，请改正文件名。"})
		return "", false
	}
	dl.seen[p] = listed{title, line}
	if _, err := os.Stat(p); err != nil {
		*probs = append(*probs, &diag.Problem{File: m.Path, Line: line,
			Msg:  fmt.Sprintf("找不到栏目 “%s” 中的文件 “%s”", title, d),
			Hint: notFoundHint(d)})
	}
	return p, true
}

// checkEscapes reports a path that a backslash escape changed as it was
// read (D:\fonts\new.ttf holds a form feed and a newline), at line; it
// reports whether it did.
func (m *Manifest) checkEscapes(p string, line int, data []byte, probs *diag.List) bool {
	if !strings.ContainsAny(p, "\b\t\n\f\r\x1b") {
		return false
	}
	key, value := rawAssignment(lineText(data, line))
	*probs = append(*probs, &diag.Problem{File: m.Path, Line: line, Msg: escapedPathMsg, Hint: backslashHint(key, value)})
	return true
}

// escapeControls writes the control characters of s back as the escapes
// they were read from, to find s in the text.
func escapeControls(s string) string {
	if !strings.ContainsAny(s, "\b\t\n\f\r\x1b") {
		return s // as nearly every path is
	}
	return strings.NewReplacer("\b", `\b`, "\t", `\t`, "\n", `\n`, "\f", `\f`, "\r", `\r`, "\x1b", `\e`).Replace(s)
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
