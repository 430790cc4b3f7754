// Package atomicfile writes a file so that it is either complete or absent:
// the data goes to a temporary file beside the target, which is renamed over
// it only when everything was written. A failed build never leaves a
// half-written PDF for the print shop.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Write writes the parts, in order, to path with mode 0644.
func Write(path string, parts ...[]byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gazette-*.tmp")
	if err != nil {
		return fmt.Errorf("无法在 %s 创建临时文件（请检查文件夹是否存在、是否可写）: %w", filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := writeAll(tmp, parts); err != nil {
		tmp.Close()
		return fmt.Errorf("写出 %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("写出 %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("保存 %s（文件是否正被其他程序打开？）: %w", path, err)
	}
	return nil
}

// writeAll makes the file readable by others, as files written by an
// editor are (CreateTemp makes it 0600), and writes the parts.
func writeAll(f *os.File, parts [][]byte) error {
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := f.Write(p); err != nil {
			return err
		}
	}
	return nil
}
