package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	if err := Write(path, []byte("%PDF-1.3\n"), []byte("%%EOF\n")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "%PDF-1.3\n%%EOF\n" {
		t.Fatalf("read back %q, %v", data, err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder, want only out.pdf", len(entries))
	}
}

func TestWriteFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	// The target is a directory: the rename fails after the data was written.
	target := filepath.Join(dir, "out.pdf")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(target, []byte("x")); err == nil {
		t.Fatal("no error renaming over a non-empty folder")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d entries left, want only the folder (no temporary file)", len(entries))
	}
	if err := Write(filepath.Join(dir, "missing", "out.pdf"), []byte("x")); err == nil {
		t.Error("no error for a missing folder")
	}
}

// reset undoes Abort, for the next test.
func reset(t *testing.T) {
	t.Cleanup(func() {
		registry.mu.Lock()
		registry.aborted = false
		registry.mu.Unlock()
		beforeRename = nil
	})
}

// TestAbort stops Writes at each point of their course and checks what is
// left in the folder: the complete file or nothing, never a temporary file.
func TestAbort(t *testing.T) {
	tests := []struct {
		name    string
		abortAt int      // abort while the n-th Write pauses before renaming; 0 = before any Write
		want    []string // files left in the folder
	}{
		{"before writing", 0, nil},
		{"before the first rename", 1, nil},
		{"before the second rename", 2, []string{"a.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reset(t)
			dir := t.TempDir()
			start := registry.writes
			paused, resume := make(chan bool), make(chan bool)
			beforeRename = func(n int) {
				if n-start == tt.abortAt {
					paused <- true
					<-resume
				}
			}
			if tt.abortAt == 0 {
				if err := Abort(); err != nil {
					t.Fatalf("Abort: %v", err)
				}
			}
			errs := make(chan error, 2)
			go func() {
				for _, name := range []string{"a.pdf", "b.pdf"} {
					err := Write(filepath.Join(dir, name), []byte("%PDF-1.3\n"), []byte("%%EOF\n"))
					errs <- err
					if err != nil {
						break
					}
				}
				close(errs)
			}()
			if tt.abortAt > 0 {
				<-paused
				if err := Abort(); err != nil {
					t.Fatalf("Abort: %v", err)
				}
			}
			close(resume)
			var last error
			for err := range errs {
				last = err
			}
			if !errors.Is(last, ErrAborted) {
				t.Errorf("the stopped Write returned %v, want ErrAborted", last)
			}
			entries, _ := os.ReadDir(dir)
			var got []string
			for _, e := range entries {
				got = append(got, e.Name())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("left %q, want %q", got, tt.want)
			}
			if err := CheckWritable(dir); !errors.Is(err, ErrAborted) {
				t.Errorf("CheckWritable after Abort: %v, want ErrAborted", err)
			}
		})
	}
}

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	if err := CheckWritable(dir); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("CheckWritable left %d files", len(entries))
	}
	if err := CheckWritable(filepath.Join(dir, "missing")); err == nil {
		t.Error("no error for a missing folder")
	}
	if len(registry.temps) != 0 {
		t.Errorf("%d temporary files still registered", len(registry.temps))
	}
}

func TestWriteDirReplacesWholeAndAbortRemovesTemporaryFolders(t *testing.T) {
	dirs.mu.Lock()
	dirs.aborted = false // another test's Abort
	dirs.mu.Unlock()
	parent := t.TempDir()
	dir := filepath.Join(parent, "issue-html")
	if err := WriteDir(dir, map[string][]byte{"a.html": []byte("1"), "b.html": []byte("2")}); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(dir, map[string][]byte{"a.html": []byte("new")}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 || entries[0].Name() != "issue-html" {
		t.Errorf("folder holds %v, want issue-html alone", entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.html")); !os.IsNotExist(err) {
		t.Errorf("the old edition's b.html is left: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "a.html")); string(data) != "new" {
		t.Errorf("a.html = %q", data)
	}
	if err := WriteDir(filepath.Join(parent, "x"), map[string][]byte{"../evil": nil}); err == nil {
		t.Error("a name with a folder was written")
	}
	// a temporary folder registered, then Abort: removed, later writes refused
	tmp, err := createDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { dirs.mu.Lock(); dirs.aborted = false; dirs.mu.Unlock() }()
	if err := abortDirs(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("Abort left %s", tmp)
	}
	if err := WriteDir(dir, map[string][]byte{"a.html": nil}); !errors.Is(err, ErrAborted) {
		t.Errorf("WriteDir after Abort: %v", err)
	}
}
