package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWatchRebuildsAndStopsCleanly runs `gazette watch` on a copy of the
// sample: it builds, builds again when a document is saved, reports a broken
// manifest without exiting and keeps the last good PDF, recovers when the
// manifest is mended, and ends on Ctrl+C with no temporary file left.
func TestWatchRebuildsAndStopsCleanly(t *testing.T) {
	if runtime.GOOS == "windows" || testing.Short() {
		t.Skip("runs the program and sends it SIGINT")
	}
	t.Parallel() // waits on the program it runs
	bin := programBinary(t)
	manifest := copySample(t, nil)
	dir := filepath.Dir(manifest)
	cmd := exec.Command(bin, "watch", "issue.toml")
	cmd.Dir = dir
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	w.Close()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	waitFor := func(want string) {
		t.Helper()
		deadline := time.After(60 * time.Second) // only so a broken test cannot hang
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("watch ended before printing %q", want)
				}
				if strings.Contains(l, want) {
					return
				}
			case <-deadline:
				t.Fatalf("watch never printed %q", want)
			}
		}
	}
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	waitFor("已生成")
	good, err := os.ReadFile(filepath.Join(dir, "issue.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	edit("05-第33次常务会议.txt", "。", "。补记一句。")
	waitFor("已生成")
	edit("issue.toml", "number = 4 ", "number = x ")
	waitFor("未重新生成（上一次生成的 PDF 保持不变）")
	if kept, _ := os.ReadFile(filepath.Join(dir, "issue.pdf")); len(kept) == 0 || string(kept[:5]) != "%PDF-" {
		t.Fatal("the last good PDF is gone after a failed rebuild")
	}
	edit("issue.toml", "number = x ", "number = 4 ")
	waitFor("已生成")
	now, _ := os.ReadFile(filepath.Join(dir, "issue.pdf"))
	if string(now) == string(good) {
		t.Error("the PDF did not change after the document was edited")
	}

	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Errorf("exit after Ctrl+C: %v, want 130", err)
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".gazette-*.tmp")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}
