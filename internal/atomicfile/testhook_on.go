//go:build gazette_testhook

package atomicfile

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// pauseFor is how long the PauseEnv hook holds a Write: longer than any test
// takes to send its signal.
const pauseFor = time.Minute

func init() {
	if at, err := strconv.Atoi(os.Getenv(PauseEnv)); err == nil && at > 0 {
		beforeRename = func(n int) {
			if n == at {
				fmt.Fprintf(os.Stderr, "%s %d\n", PauseMarker, n)
				time.Sleep(pauseFor)
			}
		}
	}
}
