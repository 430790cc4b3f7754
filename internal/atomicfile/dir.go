package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// dirs holds the temporary folders of WriteDir in progress, which Abort
// removes like the temporary files.
var dirs = struct {
	mu      sync.Mutex
	temps   map[string]bool
	aborted bool
}{temps: map[string]bool{}}

// WriteDir writes files (name → bytes, names without folders) into the
// folder dir, so that dir is either the complete new folder or what it was
// before: the files go to a temporary folder beside dir, which replaces dir
// only when every file was written. An old dir is moved aside first (a
// folder cannot be renamed over a non-empty one) and removed after; if the
// new folder cannot be put in its place, the old one is put back.
func WriteDir(dir string, files map[string][]byte) error {
	parent := filepath.Dir(dir)
	tmp, err := createDir(parent)
	if err != nil {
		return fmt.Errorf("无法在 %s 创建临时文件夹（请检查文件夹是否存在、是否可写）: %w", parent, err)
	}
	defer releaseDir(tmp) // removes the folder unless it was renamed
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name != filepath.Base(name) || name == "." || name == ".." {
			return fmt.Errorf("写出 %s: 文件名 %q 不能含文件夹", dir, name)
		}
		if err := os.WriteFile(filepath.Join(tmp, name), files[name], 0o644); err != nil {
			return fmt.Errorf("写出 %s: %w", filepath.Join(dir, name), err)
		}
	}
	return renameDir(tmp, dir)
}

// createDir makes and registers a temporary folder in parent, unless Abort
// was called.
func createDir(parent string) (string, error) {
	dirs.mu.Lock()
	defer dirs.mu.Unlock()
	if dirs.aborted {
		return "", ErrAborted
	}
	tmp, err := os.MkdirTemp(parent, ".gazette-*.tmp")
	if err != nil {
		return "", err
	}
	if err := os.Chmod(tmp, 0o755); err != nil { // as a folder made by hand (MkdirTemp makes it 0700)
		os.RemoveAll(tmp)
		return "", err
	}
	dirs.temps[tmp] = true
	return tmp, nil
}

// renameDir puts tmp in dir's place, unless Abort was called.
func renameDir(tmp, dir string) error {
	dirs.mu.Lock()
	defer dirs.mu.Unlock()
	if dirs.aborted {
		return ErrAborted
	}
	old := ""
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s 已存在且不是文件夹，请改名或删除后再生成", dir)
		}
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("替换 %s（文件夹中是否有文件正被其他程序打开？）: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("保存 %s: %w", dir, err)
	}
	delete(dirs.temps, tmp)
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// releaseDir removes tmp if it is still registered.
func releaseDir(tmp string) {
	dirs.mu.Lock()
	defer dirs.mu.Unlock()
	if dirs.temps[tmp] {
		os.RemoveAll(tmp)
		delete(dirs.temps, tmp)
	}
}

// abortDirs removes every temporary folder in progress and makes later
// WriteDirs fail; Abort calls it.
func abortDirs() error {
	dirs.mu.Lock()
	defer dirs.mu.Unlock()
	dirs.aborted = true
	var errs []error
	for tmp := range dirs.temps {
		if err := os.RemoveAll(tmp); err != nil {
			errs = append(errs, fmt.Errorf("临时文件夹 %s 未能删除，请手动删除: %w", tmp, err))
		}
		delete(dirs.temps, tmp)
	}
	return errors.Join(errs...)
}
