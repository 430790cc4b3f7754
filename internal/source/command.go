package source

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"gazette/internal/diag"
	"gazette/internal/lazyre"
	"gazette/internal/model"
)

// cmdKind is what an explicit command line asks for.
type cmdKind int

const (
	cmdNone      cmdKind = iota // a faulty command, already reported
	cmdPageBreak                // 【分页】
	cmdTable                    // 【表格：file.csv 表头=1】
	cmdImage                    // 【图片：file.png 宽=120毫米】
	cmdRole                     // 【标题】text and the other role prefixes
)

// command is one explicit command line (see doc.go).
type command struct {
	kind cmdKind
	role model.Kind        // for cmdRole
	arg  string            // file name (table, image) or text (role)
	opts map[string]string // key=value options after the file name
}

// roles maps the role prefixes to the block kind they force.
var roles = map[string]model.Kind{
	"标题":   model.Title,
	"正文":   model.Paragraph,
	"发文字号": model.DocNumber,
	"主送":   model.Addressee,
	"署名":   model.Signer,
	"日期":   model.SignDate,
	"附注":   model.Note,
	"主持":   model.Presider,
}

// knownCommands lists the commands for messages, in the order doc.go gives.
const knownCommands = "【分页】【表格：文件名.csv 或 .xlsx】【图片：文件名.png】，以及写在一行开头的【标题】【正文】【发文字号】【主送】【署名】【日期】【附注】【主持】"

// options each file command accepts.
var commandOptions = map[string][]string{"表格": {"表头", "工作表"}, "图片": {"宽", altOption}}

// altOption is the 【图片】 option that describes the picture in words
// (说明=昌江区位置示意图): the text a screen reader speaks for it in the web
// PDF and the HTML edition (docs/web-editions.md).
const altOption = "说明"

// parseCommand reads a line starting with 【. ok is false when the line is
// ordinary text that merely starts with a bracket (【典型经验】……); a faulty
// command is reported as a problem, with ok true.
func parseCommand(s string) (c command, ok bool, err error) {
	body, rest, closed := strings.Cut(strings.TrimPrefix(s, "【"), "】")
	key, arg, hasArg := cutColon(body)
	key = strings.TrimFunc(key, isBlank)
	arg = strings.TrimFunc(arg, isBlank)
	rest = strings.TrimFunc(rest, isBlank)
	_, isRole := roles[key]
	_, isFile := commandOptions[key]
	known := isRole || isFile || key == "分页"
	switch {
	case !closed && known:
		return c, true, fmt.Errorf("命令“【%s”缺少右括号“】”", body)
	case !closed || !known && rest != "":
		return c, false, nil
	case !known:
		return c, true, fmt.Errorf("无法识别的命令“【%s】”", body)
	case key == "分页":
		return pageBreak(hasArg, rest)
	case isFile:
		return fileCommand(key, arg, rest)
	}
	if hasArg || rest == "" {
		return c, true, fmt.Errorf("“【%s】”后面应直接写正文，例如“【%s】昌江区人民政府办公室”", key, key)
	}
	return command{kind: cmdRole, role: roles[key], arg: rest}, true, nil
}

// cutColon splits "表格：a.csv" at its full-width or ASCII colon.
func cutColon(s string) (key, arg string, found bool) {
	i := strings.IndexAny(s, "：:")
	if i < 0 {
		return s, "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[:i], s[i+size:], true
}

// pageBreak checks 【分页】, which takes nothing.
func pageBreak(hasArg bool, rest string) (command, bool, error) {
	if hasArg || rest != "" {
		return command{}, true, fmt.Errorf("“【分页】”须单独占一行，不带其他文字")
	}
	return command{kind: cmdPageBreak}, true, nil
}

// fileCommand reads 【表格：file 表头=1】 and 【图片：file 宽=120毫米】.
func fileCommand(key, arg, rest string) (command, bool, error) {
	if rest != "" {
		return command{}, true, fmt.Errorf("“【%s：…】”须单独占一行，后面不能再有文字", key)
	}
	arg, alt, hasAlt := cutAlt(key, arg)
	file, opts := splitOptions(arg)
	if hasAlt {
		text, after := splitOptions(alt)
		for k, v := range after {
			opts[k] = v
		}
		if text == "" {
			return command{}, true, fmt.Errorf("“【%s：…】”的“%s=”后面缺少文字，请写明图片的内容，例如“%s=昌江区位置示意图”", key, altOption, altOption)
		}
		opts[altOption] = text
	}
	if file == "" {
		return command{}, true, fmt.Errorf("“【%s：】”缺少文件名", key)
	}
	for k := range opts {
		if !contains(commandOptions[key], k) {
			return command{}, true, fmt.Errorf("“【%s：…】”不认识选项“%s”，可用的选项：%s=…", key, k, strings.Join(commandOptions[key], "=…、"))
		}
	}
	kind := cmdTable
	if key == "图片" {
		kind = cmdImage
	}
	return command{kind: kind, arg: file, opts: opts}, true, nil
}

// cutAlt cuts a picture's 说明=… off arg. A description is a phrase that
// may hold spaces, so it runs from "说明=" to the end of the command; the
// caller takes any key=value options written after it off its end.
func cutAlt(key, arg string) (rest, alt string, found bool) {
	if key != "图片" {
		return arg, "", false
	}
	norm := strings.ReplaceAll(arg, "＝", "=")
	for from := 0; ; {
		i := strings.Index(norm[from:], altOption+"=")
		if i < 0 {
			return arg, "", false
		}
		i += from
		before := strings.TrimRightFunc(norm[:i], isBlank)
		if len(before) < i || i == 0 { // the option starts a word
			return before, strings.TrimFunc(norm[i+len(altOption)+1:], isBlank), true
		}
		from = i + len(altOption)
	}
}

// splitOptions takes the key=value words off the end of a command argument;
// what is left is the file name, which may hold spaces.
func splitOptions(arg string) (string, map[string]string) {
	opts := map[string]string{}
	for {
		i := strings.LastIndexFunc(arg, isBlank)
		word := arg
		if i >= 0 {
			_, size := utf8.DecodeRuneInString(arg[i:])
			word = arg[i+size:]
		}
		k, v, ok := strings.Cut(strings.ReplaceAll(word, "＝", "="), "=")
		if !ok {
			return arg, opts
		}
		opts[strings.TrimSpace(k)] = strings.TrimSpace(v)
		if i < 0 {
			return "", opts
		}
		arg = strings.TrimRightFunc(arg[:i], isBlank)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var widthRE = lazyre.New(`^([0-9]+(?:\.[0-9]+)?)\s*(毫米|mm|MM|厘米|cm|CM)$`)

// parseWidth reads 宽=120毫米, 120mm, 12厘米 or 12cm, in millimetres.
func parseWidth(s string) (float64, error) {
	m := widthRE().FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("图片宽度“%s”无法识别，请写成“宽=120毫米”", s)
	}
	w, err := strconv.ParseFloat(m[1], 64)
	if err != nil || w <= 0 {
		return 0, fmt.Errorf("图片宽度“%s”无法识别，请写成“宽=120毫米”", s)
	}
	if m[2] == "厘米" || strings.EqualFold(m[2], "cm") {
		w *= 10
	}
	return w, nil
}

// resolve makes a file named in a command relative to the document's folder.
// Backslashes, as Windows users type them, are folder separators too.
func (p *parser) resolve(file string) string {
	file = filepath.FromSlash(strings.ReplaceAll(file, `\`, "/"))
	if filepath.IsAbs(file) {
		return file
	}
	return filepath.Join(filepath.Dir(p.name), file)
}

// table reads the table file (CSV, .xlsx) a 【表格：…】 line names.
func (p *parser) table(c command, no int) {
	rows := 0
	if v, ok := c.opts["表头"]; ok {
		n, err := strconv.Atoi(strings.TrimSuffix(v, "行"))
		if err != nil || n < 0 {
			p.problem(no, fmt.Sprintf("表头行数“%s”无法识别", v), "请写成“表头=1”（表头占几行就写几）")
			return
		}
		rows = n
	}
	path := p.resolve(c.arg)
	if _, err := os.Stat(path); err != nil {
		p.problem(no, fmt.Sprintf("找不到表格文件“%s”", c.arg), "表格文件的位置相对于本文件所在的文件夹，请检查文件名")
		return
	}
	t, notes, err := readTableFile(path, c.opts["工作表"], rows)
	p.notes = append(p.notes, notes...)
	if err != nil {
		p.fail(no, err)
		return
	}
	p.add(model.Block{Kind: model.TableBlock, Line: no, Table: t})
}

// image checks the picture a 【图片：…】 line names.
func (p *parser) image(c command, no int) {
	img := &model.Image{Path: p.resolve(c.arg)}
	if v, ok := c.opts["宽"]; ok {
		w, err := parseWidth(v)
		if err != nil {
			p.problem(no, err.Error(), "")
			return
		}
		img.WidthMM = w
	}
	img.Alt = c.opts[altOption]
	switch strings.ToLower(filepath.Ext(c.arg)) {
	case ".png", ".jpg", ".jpeg":
	default:
		p.problem(no, fmt.Sprintf("图片“%s”不是 PNG 或 JPEG 文件", c.arg), "请把图片另存为 PNG 或 JPEG 格式")
		return
	}
	if fi, err := os.Stat(img.Path); err != nil || !fi.Mode().IsRegular() {
		p.problem(no, fmt.Sprintf("找不到图片文件“%s”", c.arg), "图片文件的位置相对于本文件所在的文件夹，请检查文件名")
		return
	}
	if img.Alt == "" {
		p.notes = append(p.notes, altMissing(p.name, no, c.arg))
	}
	p.add(model.Block{Kind: model.ImageBlock, Line: no, Image: img})
}

// altMissing is the note for a picture with no 说明: the print edition
// needs none, but the web PDF and the HTML edition can only name the file
// for readers who cannot see the picture (GB/T 37668-2019 asks for a text
// alternative for every picture of a web page).
func altMissing(file string, no int, picture string) *diag.Problem {
	return diag.New(file, no,
		fmt.Sprintf("图片“%s”没有文字说明：网络版 PDF 和网页版只能用文件名代替，读屏软件的用户不知道图中是什么（印刷版不受影响）", picture),
		fmt.Sprintf("请在命令中加上“%s=…”，用一句话写明图片的内容，例如“【图片：%s %s=昌江区位置示意图】”", altOption, picture, altOption))
}

// fail records err: its problems as they are, anything else at line no.
func (p *parser) fail(no int, err error) {
	if ps := diag.Problems(err); ps != nil {
		p.probs = append(p.probs, ps...)
		return
	}
	p.probs = append(p.probs, &diag.Problem{File: p.name, Line: no, Msg: "无法读取文件", Err: err})
}
