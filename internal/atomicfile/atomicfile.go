// Package atomicfile writes a file so that it is either complete or absent:
// the data goes to a temporary file beside the target, which is renamed over
// it only when everything was written. A failed build never leaves a
// half-written PDF for the print shop.
//
// The temporary files in progress are registered, so that a program
// stopped by Ctrl+C can remove them (Abort) before it exits: a print PDF's
// temporary file can be hundreds of megabytes.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

// ErrAborted is the cause of the error of a Write that Abort stopped, or
// that started after it.
var ErrAborted = errors.New("atomicfile: aborted")

// registry holds the temporary files in progress. Creating one, renaming
// it and Abort hold mu, so a file is either renamed complete or removed.
var registry = struct {
	mu      sync.Mutex
	temps   map[*os.File]bool
	aborted bool
	writes  int // Writes started, for PauseEnv
}{temps: map[*os.File]bool{}}

// beforeRename, when not nil, runs between writing a temporary file and
// renaming it. Only tests set it: this package's directly, the program's
// through PauseEnv in a binary built with -tags gazette_testhook
// (testhook.go).
var beforeRename func(n int)

// Write writes the parts, in order, to path with mode 0644.
func Write(path string, parts ...[]byte) error {
	tmp, n, err := create(filepath.Dir(path), true)
	if err != nil {
		return fmt.Errorf("无法在 %s 创建临时文件（请检查文件夹是否存在、是否可写）: %w", filepath.Dir(path), err)
	}
	defer release(tmp) // removes the file unless it was renamed
	if err := writeAll(tmp, parts); err != nil {
		return fmt.Errorf("写出 %s: %w", path, interrupted(err))
	}
	// The data must be on the disk before the name points at it: otherwise
	// a power cut after the rename can leave a complete name over an empty
	// or partial file.
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("写出 %s（磁盘是否已满？）: %w", path, interrupted(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("写出 %s: %w", path, interrupted(err))
	}
	if beforeRename != nil {
		beforeRename(n)
	}
	if err := rename(tmp, path); err != nil {
		return fmt.Errorf("保存 %s（文件是否正被其他程序打开？）: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// syncDir writes the folder's entries to the disk, so that the rename
// survives a power cut. It is best effort: Windows and some file systems
// cannot sync a folder, and the file's own data is already on the disk.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// CheckWritable makes sure a file can be created in dir, by creating and
// removing an empty temporary file (registered like Write's, so that Abort
// removes it too).
func CheckWritable(dir string) error {
	f, _, err := create(dir, false)
	if err != nil {
		return err
	}
	f.Close()
	release(f)
	return nil
}

// Abort removes every temporary file in progress and makes the Writes in
// progress, and any started later, fail with ErrAborted; a Write that has
// already renamed its file is complete and stays. It reports the files it
// could not remove.
func Abort() error {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	registry.aborted = true
	var errs []error
	for f := range registry.temps {
		f.Close() // makes a Write in progress fail
		if err := removeRetrying(f.Name()); err != nil {
			errs = append(errs, fmt.Errorf("临时文件 %s 未能删除，请手动删除: %w", f.Name(), err))
		}
		delete(registry.temps, f)
	}
	return errors.Join(append(errs, abortDirs())...) // and WriteDir's folders (dir.go)
}

// removeRetrying removes name, retrying for a moment: on Windows a file
// cannot be removed while a write to it is still under way.
func removeRetrying(name string) error {
	var err error
	for range 20 {
		if err = os.Remove(name); err == nil || errors.Is(err, os.ErrNotExist) {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}

// create makes and registers a temporary file in dir, unless Abort was
// called; n counts the Writes' files (counted, not CheckWritable's).
func create(dir string, counted bool) (f *os.File, n int, err error) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if registry.aborted {
		return nil, 0, ErrAborted
	}
	f, err = os.CreateTemp(dir, ".gazette-*.tmp")
	if err != nil {
		return nil, 0, err
	}
	registry.temps[f] = true
	if counted {
		registry.writes++
	}
	return f, registry.writes, nil
}

// rename renames tmp to path, unless Abort was called (and removed tmp).
func rename(tmp *os.File, path string) error {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if registry.aborted {
		return ErrAborted
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	delete(registry.temps, tmp)
	return nil
}

// release closes and removes tmp if it is still registered (not renamed,
// not removed by Abort).
func release(tmp *os.File) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if registry.temps[tmp] {
		tmp.Close()
		os.Remove(tmp.Name())
		delete(registry.temps, tmp)
	}
}

// interrupted is err, or ErrAborted when Abort closed the file under it.
func interrupted(err error) error {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if registry.aborted {
		return ErrAborted
	}
	return err
}

// writeAll makes the file readable by others, as files written by an
// editor are (CreateTemp makes it 0600), and writes the parts. Small parts
// are gathered into writes of up to writeChunk bytes (a PDF's update comes
// in hundreds of parts of a few kilobytes: a system call each cost
// milliseconds); a large part is written as it is.
func writeAll(f *os.File, parts [][]byte) error {
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, writeChunk)
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return w.Flush()
}

// writeChunk is the most writeAll gathers for one write.
const writeChunk = 256 << 10
