package main

import (
	"context"
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
// file of a PDF (hundreds of megabytes) in the output folder: the command
// runs while main waits for it or for a signal; on a signal atomicfile.Abort
// removes the temporary files, and the program says what was and was not
// written, then exits 130 (SIGINT) or 143 (SIGTERM), as a shell does for a
// program the signal ended.

// runInterruptibly runs the command of args and returns its exit code, or
// the code of the signal that stopped it. The command writes through gates,
// so that nothing it still prints after the signal (the error of the write
// Abort stopped) follows the message.
func runInterruptibly(args []string, stdout, stderr io.Writer) int {
	term, stopTerm := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stopTerm()
	ctx, stopInt := signal.NotifyContext(term, os.Interrupt)
	defer stopInt()
	out, errOut := &gate{w: stdout}, &gate{w: stderr}
	done := make(chan int, 1)
	go func() { done <- run(args, out, errOut) }()
	select {
	case code := <-done:
		return code
	case <-ctx.Done():
	}
	sig := os.Signal(os.Interrupt)
	if term.Err() != nil { // SIGTERM ended both contexts, SIGINT only ctx
		sig = syscall.SIGTERM
	}
	stopInt() // a second Ctrl+C ends the program at once
	stopTerm()
	return interrupted(sig, stderr, atomicfile.Abort, out, errOut)
}

// interrupted silences the command's gates, removes the temporary files
// (abort), writes to w what became of the PDFs and returns the exit code.
func interrupted(sig os.Signal, w io.Writer, abort func() error, gates ...*gate) int {
	for _, g := range gates {
		g.stop()
	}
	err := abort() // after it, no PDF is renamed into place any more
	msg, code := interruptMessage(sig, pending.state(), err)
	fmt.Fprint(w, msg)
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
