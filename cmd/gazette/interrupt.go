package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"gazette/internal/atomicfile"
)

// Ctrl+C (SIGINT) or SIGTERM during a build must not leave the temporary
// file of a PDF (hundreds of megabytes) in the output folder: main catches
// the signal, atomicfile.Abort removes the temporary files, and the program
// says what was and was not written, then exits 130 (SIGINT) or 143
// (SIGTERM), as a shell does for a program the signal ended.

// interrupts ends the program on SIGINT or SIGTERM. The command's output
// goes through its gates, so that nothing the interrupted command still
// prints (the error of the write Abort stopped) follows the message.
type interrupts struct {
	mu             sync.Mutex // held by whichever ends the program: main or the handler
	stdout, stderr *gate
	w              io.Writer // the real stderr, for the message
	abort          func() error
}

// catchInterrupts installs the handler for SIGINT and SIGTERM.
func catchInterrupts(stdout, stderr io.Writer) *interrupts {
	in := &interrupts{stdout: &gate{w: stdout}, stderr: &gate{w: stderr}, w: stderr, abort: atomicfile.Abort}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		signal.Reset(os.Interrupt, syscall.SIGTERM) // a second Ctrl+C ends the program at once
		os.Exit(in.handle(sig))
	}()
	return in
}

// exit ends the program with code, unless the handler is ending it (then it
// waits for the handler's exit).
func (in *interrupts) exit(code int) {
	in.mu.Lock()
	os.Exit(code)
}

// handle silences the command, removes the temporary files, writes what
// became of the PDFs and returns the exit code. It keeps in.mu: the program
// ends.
func (in *interrupts) handle(sig os.Signal) int {
	in.mu.Lock()
	in.stdout.stop()
	in.stderr.stop()
	err := in.abort() // after it, no PDF is renamed into place any more
	msg, code := interruptMessage(sig, pending.state(), err)
	fmt.Fprint(in.w, msg)
	return code
}

// interruptMessage is what the office staff read after an interrupt, and the
// exit code.
func interruptMessage(sig os.Signal, st outputState, abortErr error) (string, int) {
	var b strings.Builder
	switch {
	case !st.pdf:
		b.WriteString("已中断。\n")
	case len(st.written) == 0:
		b.WriteString("已中断，未生成 PDF。\n")
	case len(st.stale)+len(st.missing) == 0:
		fmt.Fprintf(&b, "已中断：%s 已经生成完毕。\n", strings.Join(st.written, "、"))
	default:
		fmt.Fprintf(&b, "已中断：%s 已生成，%s 未生成。\n",
			strings.Join(st.written, "、"), strings.Join(append(st.stale, st.missing...), "、"))
	}
	b.WriteString(staleNotes(st.stale))
	for _, e := range splitJoined(abortErr) {
		fmt.Fprintf(&b, "  ✗ %v\n", e)
	}
	code := 130
	if sig == syscall.SIGTERM {
		code = 143
	}
	return b.String(), code
}

// staleNotes tells, for each PDF left from an earlier run, that it does not
// have the changes of this one.
func staleNotes(stale []string) string {
	var b strings.Builder
	for _, p := range stale {
		fmt.Fprintf(&b, "注意：现有的 %s 是以前生成的，不包含这次的修改，请勿拿去付印。\n", p)
	}
	return b.String()
}

// splitJoined lists the errors errors.Join put together (err itself if it
// is a single one).
func splitJoined(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// gate passes writes on until stop.
type gate struct {
	mu      sync.Mutex
	w       io.Writer
	stopped bool
}

func (g *gate) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return len(p), nil
	}
	return g.w.Write(p)
}

func (g *gate) stop() {
	g.mu.Lock()
	g.stopped = true
	g.mu.Unlock()
}

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
