package source

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// convertTimeout bounds one LibreOffice conversion.
const convertTimeout = 2 * time.Minute

// binaryKinds names the binary office formats and what to save them as.
var binaryKinds = map[string]struct{ what, saveAs, to string }{
	".doc": {"Word 97-2003 文档（.doc）", "“另存为”→“Word 文档（*.docx）”", "docx"},
	".wps": {"WPS 文字文档（.wps）", "“另存为”→“Word 文档（*.docx）”", "docx"},
	".rtf": {"RTF 文档（.rtf）", "“另存为”→“Word 文档（*.docx）”", "docx"},
	".odt": {"OpenDocument 文档（.odt）", "“另存为”→“Word 文档（*.docx）”", "docx"},
	".xls": {"Excel 97-2003 工作簿（.xls）", "“另存为”→“Excel 工作簿（*.xlsx）”", "xlsx"},
	".et":  {"WPS 表格（.et）", "“另存为”→“Excel 工作簿（*.xlsx）”", "xlsx"},
	".ods": {"OpenDocument 表格（.ods）", "“另存为”→“Excel 工作簿（*.xlsx）”", "xlsx"},
}

// readConverted reads a .doc, .wps (or .rtf, .odt) by having LibreOffice
// convert it to .docx, where it is installed; else it is refused with how to
// convert it by hand.
func readConverted(path string) (*model.Document, []*diag.Problem, error) {
	out, cleanup, note, err := convert(path)
	if err != nil {
		return nil, nil, err
	}
	defer cleanup()
	return readDocx(path, out, []*diag.Problem{note})
}

// convert has LibreOffice (soffice) convert an office file into a temporary
// folder; cleanup removes it. The note tells the office it happened.
func convert(path string) (out string, cleanup func(), note *diag.Problem, err error) {
	ext := strings.ToLower(filepath.Ext(path))
	kind := binaryKinds[ext]
	if _, err := os.Stat(path); err != nil {
		return "", nil, nil, &diag.Problem{File: path, Msg: "找不到文件或无法读取", Hint: "请检查文件名和位置", Err: err}
	}
	soffice := lookSoffice()
	if soffice == "" {
		return "", nil, nil, diag.New(path, 0, fmt.Sprintf("这是%s，gazette 不能直接读取", kind.what),
			fmt.Sprintf("请在 Word、WPS 或 Excel 中打开它，选择%s，再在 issue.toml 或【表格：…】中改用新文件名；"+
				"装有 LibreOffice 的电脑上 gazette 会自动转换", kind.saveAs))
	}
	dir, err := os.MkdirTemp("", "gazette-convert-")
	if err != nil {
		return "", nil, nil, fmt.Errorf("转换 %s: %w", path, err)
	}
	cleanup = func() { os.RemoveAll(dir) }
	ctx, cancel := context.WithTimeout(context.Background(), convertTimeout)
	defer cancel()
	abs, _ := filepath.Abs(path)
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", kind.to, "--outdir", dir, abs)
	msg, runErr := cmd.CombinedOutput()
	out = filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+"."+kind.to)
	if _, statErr := os.Stat(out); runErr != nil || statErr != nil {
		cleanup()
		cause := runErr
		if cause == nil {
			cause = errors.New(strings.TrimSpace(string(msg)))
		}
		return "", nil, nil, &diag.Problem{File: path, Msg: fmt.Sprintf("这是%s，用 LibreOffice 自动转换没有成功", kind.what),
			Hint: fmt.Sprintf("请在 Word、WPS 或 Excel 中打开它，选择%s后改用新文件", kind.saveAs), Err: cause}
	}
	note = diag.New(path, 0, fmt.Sprintf("这是%s，已用 LibreOffice 自动转换为 .%s 后读取", kind.what, kind.to),
		fmt.Sprintf("转换后的编号、表格可能与原件略有出入，请核对排出的页面；在 Word、WPS 或 Excel 中%s后改用新文件最稳妥", kind.saveAs))
	return out, cleanup, note, nil
}

// lookSoffice finds LibreOffice's command, or "".
func lookSoffice() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// readTableFile reads the table a 【表格：…】 line names, by its kind: CSV
// or tab-separated text, an Excel workbook (.xlsx, sheet "" for the first
// visible one), or a binary workbook (.xls, .et) LibreOffice converts.
func readTableFile(path, sheet string, headerRows int) (*model.Table, []*diag.Problem, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return ReadSheet(path, sheet, headerRows)
	case ".xls", ".et", ".ods":
		out, cleanup, note, err := convert(path)
		if err != nil {
			return nil, nil, err
		}
		defer cleanup()
		t, notes, err := readSheetAs(path, out, sheet, headerRows)
		return t, append([]*diag.Problem{note}, notes...), err
	}
	if sheet != "" {
		return nil, nil, diag.New(path, 0, "“工作表=”只能用于 Excel 表格（.xlsx）", "CSV 文件只有一张表，请删去“工作表=…”")
	}
	t, err := ReadTable(path, headerRows)
	return t, nil, err
}
