package watch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// recorder counts builds and hands their outcomes to the test.
type recorder struct {
	mu      sync.Mutex
	inputs  []string
	fail    bool
	reports chan error
}

func (r *recorder) build() ([]string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail {
		return nil, errors.New("坏了")
	}
	return r.inputs, nil
}

// next waits for the next build's report; the deadline only stops a broken
// test from hanging.
func (r *recorder) next(t *testing.T) error {
	t.Helper()
	select {
	case err := <-r.reports:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("no build after the change")
		return nil
	}
}

// none checks that no build follows within a while.
func (r *recorder) none(t *testing.T) {
	t.Helper()
	select {
	case err := <-r.reports:
		t.Fatalf("unexpected build (err %v)", err)
	case <-time.After(time.Second):
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoopRebuildsOnInputsOnly(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	manifest, doc, table := filepath.Join(dir, "issue.toml"), filepath.Join(dir, "01.txt"), filepath.Join(other, "表.csv")
	for _, p := range []string{manifest, doc, table} {
		write(t, p, "x")
	}
	r := &recorder{inputs: []string{manifest, doc, table}, reports: make(chan error, 16)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	l := &Loop{Build: r.build, Report: func(err error) { r.reports <- err }, Quiet: 250 * time.Millisecond, Fallback: dir}
	go func() { done <- l.Run(ctx) }()

	if err := r.next(t); err != nil {
		t.Fatalf("first build: %v", err)
	}
	write(t, doc, "改了")
	write(t, doc, "又改了") // two saves in a row: one build
	if err := r.next(t); err != nil {
		t.Fatal(err)
	}
	r.none(t)

	write(t, table, "1,2") // a table in another folder
	r.next(t)
	write(t, filepath.Join(dir, "草稿.txt"), "not listed") // not an input
	r.none(t)

	// Saved by rename, as Word does: still seen.
	tmp := filepath.Join(dir, "~tmp")
	write(t, tmp, "新")
	if err := os.Rename(tmp, doc); err != nil {
		t.Fatal(err)
	}
	r.next(t)

	// A failing build: any change in the manifest's folder is tried again.
	r.mu.Lock()
	r.fail = true
	r.mu.Unlock()
	write(t, manifest, "坏")
	if err := r.next(t); err == nil {
		t.Fatal("the failing build was reported as good")
	}
	r.mu.Lock()
	r.fail = false
	r.mu.Unlock()
	write(t, filepath.Join(dir, "新文件.txt"), "x")
	if err := r.next(t); err != nil {
		t.Fatal(err)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

// TestLoopSeesChangeDuringBuild: a file saved while the first build runs
// (before the build has said what it read) is built again.
func TestLoopSeesChangeDuringBuild(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "01.txt")
	write(t, doc, "x")
	reports := make(chan error, 16)
	first := true
	build := func() ([]string, error) {
		if first {
			first = false
			write(t, doc, "saved during the build")
		}
		return []string{doc}, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l := &Loop{Build: build, Report: func(err error) { reports <- err }, Quiet: 50 * time.Millisecond, Fallback: dir}
	go l.Run(ctx)
	r := &recorder{reports: reports}
	r.next(t)
	r.next(t) // the change made during the first build
}
