// Package diag describes problems in the office's input the way the office
// staff need to read them: in Chinese, with the file, the line, what is wrong
// and what to do about it.
package diag

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Problem is a fault in a user's file. Its Error text is the message the CLI
// prints: 「文件 a.txt 第12行：<Msg>。<Hint>」 (第12段 in a Word file).
type Problem struct {
	File string // path as the user gave it (relative to the manifest is fine); "" if none
	Line int    // 1-based; 0 if the problem is about the whole file
	Msg  string // what is wrong, in Chinese
	Hint string // what to do, in Chinese; may be ""
	Err  error  // underlying cause, if any (shown in English after the message)
}

// Error formats the problem for the user.
func (p *Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString("文件 ")
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, " 第%d%s", p.Line, LineUnit(p.File))
		}
		b.WriteString("：")
	}
	b.WriteString(p.Msg)
	if p.Hint != "" {
		if !strings.HasSuffix(p.Msg, "。") {
			b.WriteString("。")
		}
		b.WriteString(p.Hint)
	}
	if p.Err != nil {
		fmt.Fprintf(&b, " (%v)", p.Err)
	}
	return b.String()
}

// LineUnit is what a Problem's Line counts in file: paragraphs (段) in a
// Word document, whose lines Word rewraps and nobody can count, else lines
// (行; an Excel table's rows are numbered as Excel numbers them).
func LineUnit(file string) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".docx", ".doc", ".wps":
		return "段"
	}
	return "行"
}

// Unwrap returns the underlying cause.
func (p *Problem) Unwrap() error { return p.Err }

// New returns a Problem at file:line.
func New(file string, line int, msg, hint string) *Problem {
	return &Problem{File: file, Line: line, Msg: msg, Hint: hint}
}

// List is several problems found in one pass, reported together so the staff
// can fix them all before the next run.
type List []*Problem

// Error joins the problems, one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns nil for an empty list, else the list itself.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Problems returns every Problem inside err (a Problem, a List, or either
// wrapped), or nil if err holds none.
func Problems(err error) []*Problem {
	var l List
	if errors.As(err, &l) {
		return l
	}
	var p *Problem
	if errors.As(err, &p) {
		return []*Problem{p}
	}
	return nil
}
