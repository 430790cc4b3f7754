// Package lazyre compiles a regular expression the first time it is used
// rather than when the program starts.
//
// A package-level regexp.MustCompile runs in every gazette process, for
// every command, whether or not the expression is ever matched: the
// messages for a malformed issue.toml, the checks of document kinds an
// issue does not have. Compiling the sixty-odd expressions of
// internal/source and internal/manifest took a third of the program's
// start-up (docs/speed.md#start-up).
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr with regexp.MustCompile on
// its first call and returns that *regexp.Regexp on every call, from any
// goroutine. expr must be a constant expression: tests that match with it
// show that it compiles.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
