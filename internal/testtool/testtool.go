// Package testtool runs the command-line tools that gazette's tests read
// PDFs back with (poppler's pdftotext, pdffonts, pdfinfo; qpdf; Ghostscript).
// A missing tool skips the test on a developer's machine and fails it in CI
// (CI=true), where `make tools` must have installed it.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of the tool name, or skips (fails in CI) the test.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (make tools installs it)", name)
		}
		t.Skipf("%s is not installed; run make tools", name)
	}
	return p
}

// Run runs the tool with args and returns its combined output; a failure
// ends the test with that output.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(Need(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}
