// Package watch rebuilds an issue whenever one of the files it reads is
// saved: the manifest, the documents, their tables and pictures, the fonts.
//
// It watches the folders that hold those files, not the files themselves:
// Word, WPS and most editors save by writing a new file and renaming it over
// the old one, which ends a watch on the file but shows in its folder.
package watch

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Quiet is how long the folders must stay quiet after a change before the
// issue is built again: an editor's save is several events (write, rename,
// chmod), and an office often saves several files in a row.
const Quiet = 300 * time.Millisecond

// Build builds the issue once. It returns the files the build read — as
// many as it got to know before an error — and the build's error.
type Build func() (inputs []string, err error)

// Loop builds the issue, then again after every change to its inputs, until
// ctx is done. report is told the outcome of every build; Loop itself
// returns only when ctx is done or the folders cannot be watched.
type Loop struct {
	Build  Build
	Report func(err error)
	Quiet  time.Duration // 0: Quiet
	// Fallback is a folder whose every change counts while the last build
	// failed before it knew its inputs (the manifest's folder).
	Fallback string
}

// Run runs the loop.
func (l *Loop) Run(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("无法监视文件的变化：%w", err)
	}
	defer w.Close()
	st := &state{w: w, dirs: map[string]bool{}}
	// The fallback folder (the manifest's) is watched before the first
	// build, and every folder stays watched while the next build runs, so
	// a file saved during a build sends its event; it is judged once the
	// build has said what it read.
	if err := st.rewatch(l.Fallback); err != nil {
		return err
	}
	st.build(l)
	quiet := l.Quiet
	if quiet == 0 {
		quiet = Quiet
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if st.relevant(ev.Name, l.Fallback) {
				timer.Reset(quiet)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			l.Report(fmt.Errorf("监视文件变化时出错：%w", err))
		case <-timer.C:
			st.build(l)
		}
	}
}

// state is what one Loop knows between builds.
type state struct {
	w      *fsnotify.Watcher
	inputs map[string]bool // cleaned absolute paths
	dirs   map[string]bool // folders being watched
	failed bool            // the last build failed
}

func (st *state) build(l *Loop) {
	inputs, err := l.Build()
	st.failed = err != nil
	if err == nil || len(inputs) > 0 {
		st.inputs = map[string]bool{}
		for _, p := range inputs {
			st.inputs[abs(p)] = true
		}
	}
	if werr := st.rewatch(l.Fallback); werr != nil && err == nil {
		err = werr
	}
	l.Report(err)
}

// rewatch watches exactly the folders of the current inputs (and the
// fallback folder).
func (st *state) rewatch(fallback string) error {
	want := map[string]bool{}
	for p := range st.inputs {
		want[filepath.Dir(p)] = true
	}
	if fallback != "" {
		want[abs(fallback)] = true
	}
	for _, d := range sorted(st.dirs) {
		if !want[d] {
			st.w.Remove(d)
			delete(st.dirs, d)
		}
	}
	var first error
	for _, d := range sorted(want) {
		if st.dirs[d] {
			continue
		}
		if err := st.w.Add(d); err != nil {
			if first == nil {
				first = fmt.Errorf("无法监视文件夹 %s：%w", d, err)
			}
			continue
		}
		st.dirs[d] = true
	}
	return first
}

// relevant reports whether a change to name should rebuild the issue.
func (st *state) relevant(name, fallback string) bool {
	p := abs(name)
	if st.inputs[p] {
		return true
	}
	return st.failed && fallback != "" && filepath.Dir(p) == abs(fallback)
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return a
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
