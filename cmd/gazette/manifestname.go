package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkManifestName refuses, before it is read, a manifest argument that is
// not a .toml file: given a document, a table or a PDF, the TOML parser's
// complaint (设置项名称 “” 不能用中文…) would say nothing useful. cmd is the
// command, for the example.
func checkManifestName(cmd, path string) error {
	if strings.EqualFold(filepath.Ext(path), ".toml") {
		return nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		m := filepath.Join(path, "issue.toml")
		if _, err := os.Stat(m); err == nil {
			return fmt.Errorf("%s 是一个文件夹；请给出其中的期刊清单，例如：gazette %s %s", path, cmd, m)
		}
		return fmt.Errorf("%s 是一个文件夹，不是期刊清单；请给出期刊清单 issue.toml 的位置，例如：gazette %s %s", path, cmd, m)
	}
	if base, ok := cutSuffixFold(path, ".txt"); ok && strings.EqualFold(filepath.Ext(base), ".toml") {
		return fmt.Errorf("请给出期刊清单 issue.toml（现在给的 %s 多了 .txt：记事本另存时可能加上了它，Windows 又隐藏了扩展名）；请把文件改名为 %s",
			path, filepath.Base(base))
	}
	msg := fmt.Sprintf("请给出期刊清单 issue.toml（现在给的是%s）", describeFile(path))
	if m := nearbyManifest(filepath.Dir(path)); m != "" {
		msg += fmt.Sprintf("；同一文件夹中的期刊清单是 %s，请写：gazette %s %s", filepath.Base(m), cmd, m)
	}
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		msg += fmt.Sprintf("；要检查这个 PDF，请写：gazette preflight %s", path)
	}
	return fmt.Errorf("%s", msg)
}

// fileKinds names the files an office has beside a manifest, by extension.
var fileKinds = map[string]string{
	".txt": "文稿", ".md": "文稿", ".doc": "文稿", ".docx": "文稿", ".wps": "文稿", ".rtf": "文稿",
	".csv": "表格", ".tsv": "表格", ".xls": "表格", ".xlsx": "表格", ".et": "表格",
	".pdf": " PDF 文件",
	".png": "图片", ".jpg": "图片", ".jpeg": "图片", ".tif": "图片", ".tiff": "图片", ".bmp": "图片", ".gif": "图片",
	".ttf": "字体文件", ".otf": "字体文件", ".ttc": "字体文件",
}

// describeFile says what kind of file path is: "文稿 01-通知.txt".
func describeFile(path string) string {
	if kind, ok := fileKinds[strings.ToLower(filepath.Ext(path))]; ok {
		return kind + " " + path
	}
	return " " + path + "，不是 .toml 文件"
}

// nearbyManifest returns the manifest in dir: issue.toml, or the only .toml
// file there ("" when there is none, or several).
func nearbyManifest(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	var found []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(e.Name()), ".toml") {
			if e.Name() == "issue.toml" {
				return filepath.Join(dir, e.Name())
			}
			found = append(found, filepath.Join(dir, e.Name()))
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// cutSuffixFold is strings.CutSuffix ignoring ASCII case.
func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}
