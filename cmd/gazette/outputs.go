package main

import (
	"errors"
	"os"
	"sync"
)

// The PDFs a command writes, watched so that an interrupted or failed
// command can say which PDFs are new and which are left from an earlier run.

// outputWatch remembers the PDFs the command in progress writes and the
// files that were at their paths before, to tell afterwards which PDFs are
// new and which are left from an earlier run.
type outputWatch struct {
	mu   sync.Mutex
	pdf  bool // the command writes PDFs
	outs []watched
}

type watched struct {
	path   string
	before os.FileInfo // nil: there was no file
}

// pending is the watch of this process's command.
var pending outputWatch

// begin starts the watch of a command that writes PDFs (build, impose).
func (w *outputWatch) begin() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pdf, w.outs = true, nil
}

// reset forgets the previous command.
func (w *outputWatch) reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pdf, w.outs = false, nil
}

// watch records the files now at paths, the PDFs about to be written.
func (w *outputWatch) watch(paths []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.outs = nil
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			fi = nil
		}
		w.outs = append(w.outs, watched{p, fi})
	}
}

// outputState sorts the watched PDFs: written by this run, left from an
// earlier run, absent.
type outputState struct {
	pdf                     bool
	written, stale, missing []string
}

func (w *outputWatch) state() outputState {
	w.mu.Lock()
	defer w.mu.Unlock()
	st := outputState{pdf: w.pdf}
	for _, o := range w.outs {
		fi, err := os.Stat(o.path)
		switch {
		case err != nil:
			st.missing = append(st.missing, o.path)
		case o.before != nil && os.SameFile(o.before, fi):
			st.stale = append(st.stale, o.path)
		default:
			st.written = append(st.written, o.path) // renamed into place: a new file
		}
	}
	return st
}

// staleErr is the error of a build or impose that wrote no new PDF where an
// old one is: report adds that the old one lacks this run's changes.
type staleErr struct {
	err   error
	stale []string
}

func (e *staleErr) Error() string { return e.err.Error() }
func (e *staleErr) Unwrap() error { return e.err }

// withStale adds to err the watched PDFs left from an earlier run.
func withStale(err error) error {
	if st := pending.state(); len(st.stale) > 0 {
		return &staleErr{err: err, stale: st.stale}
	}
	return err
}

// staleOf returns the old PDFs err names.
func staleOf(err error) []string {
	var se *staleErr
	if errors.As(err, &se) {
		return se.stale
	}
	return nil
}
