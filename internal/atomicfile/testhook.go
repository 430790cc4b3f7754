package atomicfile

// The names of the test hook that lets the program's end-to-end tests
// interrupt it at a known point. The hook itself is compiled only into a
// binary built with -tags gazette_testhook (testhook_on.go); a gazette built
// without the tag never reads PauseEnv.

// PauseEnv names the test hook: when it is set to a number N, the N-th Write
// of the process (1 for the first, the print edition of a build) pauses for
// up to a minute after writing its temporary file, before renaming it, and
// says so on stderr with PauseMarker.
const PauseEnv = "GAZETTE_TEST_PAUSE_BEFORE_RENAME"

// PauseMarker starts the line a paused Write writes on stderr.
const PauseMarker = "gazette-test: paused before rename"
