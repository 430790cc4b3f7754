// Command typstbench prepares the side-by-side speed comparison of issue 14:
// the same issue content as a gazette issue and as a Typst document, at a
// given scale (the issue's documents repeated N times).
//
//	go run ./scripts/typstbench -scale 10 -out /tmp/bench SAMPLE/issue.toml
//
// writes /tmp/bench/gazette/issue.toml (with its documents and tables) and
// /tmp/bench/typst/main.typ. scripts/bench-typst.sh times both. The Typst
// document sets the same text with the same faces, sizes and grid (A4,
// 156 × 225 mm type area, 16 pt 仿宋 on a 28.95 pt pitch, titles in 小标宋,
// a 目录 from the titles, a table per table block, a page per document),
// so that both programs do comparable work; it is no reproduction of
// gazette's typography.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gazette/internal/build"
	"gazette/internal/model"
)

func main() {
	scale := flag.Int("scale", 1, "how many times the issue's documents are repeated")
	out := flag.String("out", "", "output folder")
	flag.Parse()
	if flag.NArg() != 1 || *out == "" || *scale < 1 {
		fmt.Fprintln(os.Stderr, "usage: typstbench -scale N -out DIR issue.toml")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, *scale); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(manifestPath, out string, scale int) error {
	is, err := build.Read(manifestPath)
	if err != nil {
		return err
	}
	if err := writeGazette(manifestPath, is, filepath.Join(out, "gazette"), scale); err != nil {
		return err
	}
	return writeTypst(is, filepath.Join(out, "typst"), scale)
}

// writeGazette copies the issue with every document (and its tables) copied
// scale times under new names, the manifest listing the copies in order.
func writeGazette(manifestPath string, is *build.Issue, dir string, scale int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	src := filepath.Dir(manifestPath)
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries { // tables and pictures keep their names
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || ext == ".txt" || ext == ".toml" || ext == ".pdf" {
			continue
		}
		if err := copyFile(filepath.Join(src, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	data, err := os.ReadFile(manifestPath)
	if err != nil {
		return err
	}
	text := string(data)
	head := text[:strings.Index(text, "\n[[section]]")+1]
	var b strings.Builder
	b.WriteString(head)
	for _, s := range is.Manifest.Sections {
		fmt.Fprintf(&b, "[[section]]\ntitle = %q\ndocuments = [\n", s.Title)
		for k := 0; k < scale; k++ {
			for _, d := range s.Documents {
				name := fmt.Sprintf("%02d-%s", k, filepath.Base(d))
				if err := copyFile(d, filepath.Join(dir, name)); err != nil {
					return err
				}
				fmt.Fprintf(&b, "  %q,\n", name)
			}
		}
		b.WriteString("]\n\n")
	}
	return os.WriteFile(filepath.Join(dir, "issue.toml"), []byte(b.String()), 0o644)
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// preamble sets the page, the faces and the grid of GB/T 9704-2012 5.2.
const preamble = `#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, inside: 28mm, outside: 26mm),
  footer: context align(if calc.odd(here().page()) { right } else { left }, text(font: "FandolSong", size: 14pt)[— #counter(page).display() —]))
#set text(font: ("TeX Gyre Termes", "FandolFang"), size: 16pt, lang: "zh", region: "cn")
#set par(justify: true, leading: 12.95pt, spacing: 12.95pt, first-line-indent: (amount: 2em, all: true))
#show heading.where(level: 1): it => align(center, text(font: "FandolSong", weight: "bold", size: 22pt, it.body))
#show heading.where(level: 2): it => text(font: "FandolHei", size: 16pt, weight: "regular", it.body)
#show heading.where(level: 3): it => text(font: "FandolKai", size: 16pt, weight: "regular", it.body)
#set table(stroke: 0.5pt)
`

func writeTypst(is *build.Issue, dir string, scale int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(preamble)
	g := is.Manifest.Issue.Gazette
	fmt.Fprintf(&b, "#align(center, text(font: \"FandolSong\", weight: \"bold\", size: 42pt, %s))\n", str(g.Name))
	fmt.Fprintf(&b, "#align(center, text(size: 16pt, %s))\n#pagebreak()\n", str(g.Sponsor))
	b.WriteString("#outline(title: [目　录], depth: 1)\n")
	for k := 0; k < scale; k++ {
		for _, s := range is.Manifest.Issue.Sections {
			for _, d := range s.Documents {
				b.WriteString("#pagebreak()\n")
				writeDocument(&b, d)
			}
		}
	}
	return os.WriteFile(filepath.Join(dir, "main.typ"), []byte(b.String()), 0o644)
}

func writeDocument(b *strings.Builder, d *model.Document) {
	for _, bl := range d.Blocks {
		switch bl.Kind {
		case model.Title:
			fmt.Fprintf(b, "#heading(level: 1, %s)\n\n", str(strings.ReplaceAll(bl.Text, "\n", "")))
		case model.Heading, model.Chapter:
			fmt.Fprintf(b, "#heading(level: %d, outlined: false, %s)\n\n", min(3, 1+max(1, bl.Level)), str(bl.Text))
		case model.Signer, model.SignDate:
			fmt.Fprintf(b, "#align(right, %s)\n\n", str(bl.Text))
		case model.DocNumber, model.OrderHead, model.OrderNumber, model.Headnote:
			fmt.Fprintf(b, "#align(center, %s)\n\n", str(bl.Text))
		case model.TableBlock:
			writeTable(b, bl.Table)
		case model.PageBreak, model.AttachmentLabel:
			b.WriteString("#pagebreak()\n")
			if bl.Text != "" {
				fmt.Fprintf(b, "#text(font: \"FandolHei\", %s)\n\n", str(bl.Text))
			}
		case model.ImageBlock:
		default:
			for _, line := range strings.Split(bl.Text, "\n") {
				fmt.Fprintf(b, "#%s\n\n", str(line))
			}
		}
	}
}

func writeTable(b *strings.Builder, t *model.Table) {
	if t == nil {
		return
	}
	fmt.Fprintf(b, "#text(size: 12pt, table(columns: %d, align: center + horizon,\n", t.Columns)
	for _, c := range t.Cells {
		fmt.Fprintf(b, "  table.cell(colspan: %d, rowspan: %d, %s),\n", c.ColSpan, c.RowSpan, str(c.Text))
	}
	b.WriteString("))\n\n")
}

// str is s as a Typst string literal.
func str(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
