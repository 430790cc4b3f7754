package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gazette/internal/atomicfile"
	"gazette/internal/build"
)

// checkOutput refuses, before any work is done, an output path gazette must
// not or cannot write: a name not ending in .pdf (so that a slip of -o never
// replaces a manifest or a document), a folder, or a file in a folder that
// does not exist or cannot be written. example is a file name to suggest.
func checkOutput(path, example string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("输出位置 %s 是一个文件夹，请写成 %s", path, filepath.Join(path, example))
	}
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		return fmt.Errorf("输出文件 %s 不是 .pdf 文件：为免覆盖清单或文稿，gazette 只写以 .pdf 结尾的文件；请写成例如 -o %s", path, example)
	}
	return checkFolder(filepath.Dir(path))
}

// checkFolder makes sure dir exists and a file can be created in it, by
// creating and removing an empty one (permissions alone do not tell, e.g.
// on a read-only USB stick or a network share).
func checkFolder(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("文件夹 %s 不存在：请先建好这个文件夹，或把输出写到已有的文件夹中", dir)
	case err != nil:
		return fmt.Errorf("无法打开文件夹 %s，请换一个输出位置: %w", dir, err)
	case !fi.IsDir():
		return fmt.Errorf("%s 不是文件夹，无法在其中写出文件；请换一个输出位置", dir)
	}
	if err := atomicfile.CheckWritable(dir); err != nil {
		return &plainErr{msg: fmt.Sprintf("文件夹 %s 不能写入（没有写入权限，或是只读的），请换一个文件夹，例如桌面", dir), err: err}
	}
	return nil
}

// checkNotInput refuses an output that is one of the files in (by
// os.SameFile, so another spelling of the path is caught too).
func checkNotInput(out string, in []string) error {
	oi, err := os.Stat(out)
	if err != nil {
		return nil // a file that does not exist yet replaces nothing
	}
	for _, p := range in {
		if ii, err := os.Stat(p); err == nil && os.SameFile(oi, ii) {
			return fmt.Errorf("输出文件 %s 就是本期要读取的文件 %s，写出会把它覆盖；请换一个输出文件名", out, p)
		}
	}
	return nil
}

// issueInputs lists every file an issue reads: the manifest, the documents,
// their tables and images, the emblem and the configured fonts.
func issueInputs(is *build.Issue) []string {
	m := is.Manifest
	in := []string{m.Path}
	for _, s := range m.Sections {
		in = append(in, s.Documents...)
	}
	for _, d := range is.Documents() {
		for _, b := range d.Blocks {
			if b.Table != nil {
				in = append(in, b.Table.Source)
			}
			if b.Image != nil && b.Image.Data == nil { // a picture inside a Word file is read with it
				in = append(in, b.Image.Path)
			}
		}
	}
	if m.Issue.Gazette.Emblem != "" {
		in = append(in, m.Issue.Gazette.Emblem)
	}
	for _, src := range m.Fonts {
		if src.Path != "" {
			in = append(in, src.Path)
		}
	}
	for _, src := range m.Fallback {
		if src.Path != "" {
			in = append(in, src.Path)
		}
	}
	return in
}

// outputs lists the files ed writes.
func outputs(ed build.Editions) []string {
	var out []string
	for _, p := range []string{ed.Print, ed.Web} {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
