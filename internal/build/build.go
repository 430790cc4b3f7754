// Package build runs gazette's pipeline for one issue: manifest → documents →
// fonts → layout → PDF. The CLI calls one function of it per command.
package build

import (
	"fmt"
	"path/filepath"
	"strings"

	"gazette/fonts"
	"gazette/internal/diag"
	"gazette/internal/manifest"
	"gazette/internal/model"
	"gazette/internal/render"
	"gazette/internal/source"
	"gazette/layout"
)

// Issue is an issue read and laid out.
type Issue struct {
	Manifest *manifest.Manifest
	Fonts    *fonts.Set
	Book     *layout.Book
	Warnings []*diag.Problem // slips the office may want to fix; they do not stop a build
}

// Prepare reads the manifest and every document, loads the fonts and lays the
// issue out. It writes nothing.
func Prepare(manifestPath string) (*Issue, error) {
	m, err := manifest.Load(manifestPath)
	if err != nil {
		return nil, err
	}
	is := &Issue{Manifest: m}
	if err := is.readDocuments(); err != nil {
		return nil, err
	}
	set, err := fonts.Load(m.Fonts)
	if err != nil {
		return nil, err
	}
	is.Fonts = set
	metrics, err := layout.NewFontMetrics(set)
	if err != nil {
		return nil, err
	}
	st, err := layout.Preset(m.Layout.Preset)
	if err != nil {
		return nil, &diag.Problem{File: m.Path, Msg: err.Error()}
	}
	book, err := layout.Lay(layout.Input{Issue: &m.Issue, Style: st, Metrics: metrics, Kinsoku: layout.KinsokuGB})
	if err != nil {
		return nil, err
	}
	is.Book = book
	for _, w := range book.Warnings {
		is.Warnings = append(is.Warnings, &diag.Problem{Msg: w})
	}
	return is, nil
}

// readDocuments parses every document of every section into the issue.
func (is *Issue) readDocuments() error {
	m := is.Manifest
	var probs diag.List
	for si, sec := range m.Sections {
		for _, path := range sec.Documents {
			doc, err := source.ParseDocument(path)
			if err != nil {
				if ps := diag.Problems(err); ps != nil {
					probs = append(probs, ps...)
					continue
				}
				return fmt.Errorf("读取 %s: %w", path, err)
			}
			doc.Source = rel(m.Dir, path)
			is.Warnings = append(is.Warnings, source.Check(doc)...)
			m.Issue.Sections[si].Documents = append(m.Issue.Sections[si].Documents, doc)
		}
	}
	return probs.Err()
}

// rel shows a document path relative to the manifest's folder, as the
// office wrote it.
func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// Build lays out the issue at manifestPath and writes the PDF to out
// ("" = beside the manifest, same name, .pdf).
func Build(manifestPath, out string) (*Issue, string, error) {
	is, err := Prepare(manifestPath)
	if err != nil {
		return nil, "", err
	}
	if out == "" {
		out = DefaultOutput(manifestPath)
	}
	m := is.Manifest
	opt := render.Options{Created: m.CreationTime(), Author: m.Issue.Gazette.Publisher,
		Subject: fmt.Sprintf("%d年第%d期", m.Issue.Year, m.Issue.Number)}
	if err := render.WriteFile(out, is.Book, is.Fonts, opt); err != nil {
		return nil, "", err
	}
	return is, out, nil
}

// DefaultOutput is the PDF path beside the manifest: issue.toml → issue.pdf.
func DefaultOutput(manifestPath string) string {
	ext := filepath.Ext(manifestPath)
	return strings.TrimSuffix(manifestPath, ext) + ".pdf"
}

// Documents returns the issue's documents in order (for tests and reports).
func (is *Issue) Documents() []*model.Document {
	var out []*model.Document
	for _, s := range is.Manifest.Issue.Sections {
		out = append(out, s.Documents...)
	}
	return out
}
