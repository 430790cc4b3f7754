package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"gazette/internal/atomicfile"
)

func TestInterruptMessage(t *testing.T) {
	cantRemove := errors.Join(errors.New("临时文件 /x/.gazette-1.tmp 未能删除，请手动删除: busy"))
	tests := []struct {
		name string
		sig  os.Signal
		st   outputState
		err  error
		want string
		code int
	}{
		{"check", os.Interrupt, outputState{}, nil, "已中断。\n", 130},
		{"build, nothing written", os.Interrupt, outputState{pdf: true, missing: []string{"a.pdf"}}, nil,
			"已中断，未生成 PDF。\n", 130},
		{"build over an old PDF", syscall.SIGTERM, outputState{pdf: true, stale: []string{"a.pdf"}}, nil,
			"已中断，未生成 PDF。\n注意：现有的 a.pdf 是以前生成的，不包含这次的修改，请勿拿去付印。\n", 143},
		{"print written, web not", os.Interrupt, outputState{pdf: true, written: []string{"a.pdf"}, stale: []string{"a-web.pdf"}}, nil,
			"已中断：a.pdf 已生成，a-web.pdf 未生成。\n注意：现有的 a-web.pdf 是以前生成的，不包含这次的修改，请勿拿去付印。\n", 130},
		{"all written", os.Interrupt, outputState{pdf: true, written: []string{"a.pdf"}}, nil, "已中断：a.pdf 已经生成完毕。\n", 130},
		{"a temporary file stays", os.Interrupt, outputState{pdf: true}, cantRemove,
			"已中断，未生成 PDF。\n  ✗ 临时文件 /x/.gazette-1.tmp 未能删除，请手动删除: busy\n", 130},
	}
	for _, tt := range tests {
		msg, code := interruptMessage(tt.sig, tt.st, tt.err)
		if msg != tt.want || code != tt.code {
			t.Errorf("%s: got %q, exit %d; want %q, exit %d", tt.name, msg, code, tt.want, tt.code)
		}
	}
}

// TestHandleSilencesTheCommand: after the handler has run, what the
// interrupted command still prints does not reach the user.
func TestHandleSilencesTheCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	aborted := false
	out, errOut := &gate{w: &stdout}, &gate{w: &stderr}
	pending.reset()
	out.Write([]byte("排版中\n"))
	if code := interrupted(os.Interrupt, &stderr, func() error { aborted = true; return nil }, out, errOut); code != 130 || !aborted {
		t.Errorf("exit %d, aborted %v", code, aborted)
	}
	errOut.Write([]byte("错误：写出 x.pdf: file already closed\n"))
	if stdout.String() != "排版中\n" || stderr.String() != "已中断。\n" {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
}

// TestInterruptedBuildLeavesNoTemporaryFile runs the gazette program on
// the sample, stops it with a signal while its PDF is written (the test hook
// makes the writer wait before renaming the finished temporary file), and
// checks the folder, the message and the exit code. The program is built
// with the test hook (programBinary).
func TestInterruptedBuildLeavesNoTemporaryFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	if testing.Short() {
		t.Skip("builds the program")
	}
	t.Parallel() // waits on the program it runs
	bin := programBinary(t)
	tests := []struct {
		name    string
		sig     os.Signal
		web     bool
		pauseAt string // the Write that waits: 1 the print edition, 2 the web edition
		old     bool   // an issue.pdf from an earlier run is there
		code    int
		want    []string // lines of stderr
		files   []string // PDFs in the folder afterwards
	}{
		{"Ctrl+C", os.Interrupt, false, "1", false, 130, []string{"已中断，未生成 PDF。"}, nil},
		{"SIGTERM over an old PDF", syscall.SIGTERM, false, "1", true, 143,
			[]string{"已中断，未生成 PDF。", "注意：现有的 issue.pdf 是以前生成的，不包含这次的修改，请勿拿去付印。"}, []string{"issue.pdf"}},
		{"Ctrl+C during the web edition", os.Interrupt, true, "2", false, 130,
			[]string{"已中断：issue.pdf 已生成，issue-web.pdf 未生成。"}, []string{"issue.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Dir(copySample(t, nil))
			oldPDF := []byte("%PDF-1.3 以前的\n")
			if tt.old {
				if err := os.WriteFile(filepath.Join(dir, "issue.pdf"), oldPDF, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := []string{"build", "issue.toml"}
			if tt.web {
				args = append(args, "--web")
			}
			cmd := exec.Command(bin, args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), atomicfile.PauseEnv+"="+tt.pauseAt)
			var stdout bytes.Buffer
			cmd.Stdout = &stdout
			pipe, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			lines := bufio.NewScanner(pipe)
			paused := false
			for !paused && lines.Scan() {
				paused = strings.HasPrefix(lines.Text(), atomicfile.PauseMarker)
			}
			if !paused {
				cmd.Wait()
				t.Fatalf("the program did not reach the rename (test hook): stdout %s", stdout.String())
			}
			if tmp, _ := filepath.Glob(filepath.Join(dir, ".gazette-*.tmp")); len(tmp) != 1 {
				t.Fatalf("%d temporary files while paused, want 1", len(tmp))
			}
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			var rest []string
			for lines.Scan() {
				rest = append(rest, lines.Text())
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("the program did not end after the signal")
			}
			if code := cmd.ProcessState.ExitCode(); code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if strings.Join(rest, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("stderr after the signal:\n%s\nwant:\n%s", strings.Join(rest, "\n"), strings.Join(tt.want, "\n"))
			}
			entries, _ := os.ReadDir(dir)
			var pdfs []string
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".gazette-") {
					t.Errorf("temporary file left: %s", e.Name())
				}
				if strings.HasSuffix(e.Name(), ".pdf") {
					pdfs = append(pdfs, e.Name())
				}
			}
			if strings.Join(pdfs, " ") != strings.Join(tt.files, " ") {
				t.Errorf("PDFs in the folder: %q, want %q", pdfs, tt.files)
			}
			if tt.old {
				if data, _ := os.ReadFile(filepath.Join(dir, "issue.pdf")); !bytes.Equal(data, oldPDF) {
					t.Error("the old issue.pdf was changed")
				}
			}
		})
	}
}
