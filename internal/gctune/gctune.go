// Package gctune sets the garbage collector's policy for one gazette
// process: no collection at all while the heap is small, GOGC-style pacing
// once what is live would make that collect too often.
//
// A build of one issue allocates 20–110 MB, of which at most about 35 MB
// is live at any moment; with the runtime's default pacing (GOGC=100: the
// heap may grow to twice what was live after the last collection) the
// collector starts when the heap is a few megabytes and runs six to ten
// times a build, about 15 % of its CPU. Most of that work is wasted: the
// process ends a few tens of milliseconds later and gives everything back.
// So the policy starts with the collector switched off under a modest
// memory limit, Quiet: the heap grows freely up to it, and only there does
// the runtime collect (a build of one ordinary issue never gets there).
//
// Switched off under a limit the collector would thrash once what is live
// comes near the limit: a 合订本 of sixty issues keeps more than 100 MB
// live. So after every collection the policy reads the live heap and, as
// soon as GOGC-style pacing (GOGC=Percent) would let the heap grow further
// than the quiet limit does (live × (1 + Percent/100) above the heap goal
// the quiet limit gave: Quiet less what the runtime holds besides the
// heap), switches to that pacing under the process's soft memory limit
// (Limit, 800 MiB: docs/pages-and-limits.md). The heap goal is therefore
// the larger of the two: each collection frees at least what the
// GOGC-style pacing's would, and the heap stays under Limit. When what is
// live falls back (`gazette watch` between builds), the policy goes back
// to the quiet limit.
//
// The policy learns of each collection from a sentinel: an object nothing
// refers to, with a cleanup (runtime.AddCleanup) that runs after the
// collection that freed it and makes the next sentinel.
package gctune

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Policy is a collector policy: its numbers are in bytes.
type Policy struct {
	// Quiet is the memory limit (debug.SetMemoryLimit) under which the
	// collector runs only when the Go runtime's memory reaches it.
	Quiet int64
	// Percent is the ordinary, GOGC-style pacing (debug.SetGCPercent) used
	// once it would let the heap grow further than Quiet does.
	Percent int
	// Limit is the soft memory limit with the ordinary pacing.
	Limit int64
}

// Command is gazette's policy (docs/speed.md#the-collector):
//
//   - Quiet 64 MiB, a heap goal of about 50 MB: the sample issue allocates
//     about 19 MB in all and never collects; ten times its content (about
//     100 MB allocated, 25–37 MB live at a collection) collects two to five
//     times instead of nine, and its peak RSS stays at 83–91 MiB (the
//     program's own pages, fonts included, are about 35 MiB of it), under
//     the 100 MiB the issue allows;
//   - Percent 50, from about 33 MB live on: where the policy switches, the
//     default 100 would at once let the heap grow to 66 MB or more (peak
//     RSS of ten times the sample up to 101–104 MiB); 50 carries on from
//     the quiet limit's goal. On a volume of sixty issues it costs about
//     3 % more CPU than 100 and 25 MiB less peak RSS (208 against 234 MiB);
//   - Limit 800 MiB: the command's soft limit (internal/build.MemoryLimit,
//     passed by the command).
func Command(limit int64) Policy {
	return Policy{Quiet: 64 << 20, Percent: 50, Limit: limit}
}

// ordinaryAt reports whether p collects with the ordinary pacing when live
// bytes are live and the quiet limit leaves the heap quietGoal bytes: when
// the ordinary pacing would let the heap grow further than that.
func (p Policy) ordinaryAt(live, quietGoal uint64) bool {
	if p.Percent < 0 {
		return false
	}
	return live+live*uint64(p.Percent)/100 > quietGoal
}

// tuner is a started policy.
type tuner struct {
	p Policy

	mu       sync.Mutex
	stopped  bool
	ordinary bool // collecting with the ordinary pacing
	// quietGoal is the heap's size at which the quiet limit had the next
	// collection start, as of the last collection in the quiet mode: Quiet
	// less what the runtime holds besides the heap.
	quietGoal uint64
	sample    []metrics.Sample
}

// Start sets p for the process and returns a function that stops it and
// restores the collector's percent and memory limit as they were. Only one
// policy may be started at a time.
func Start(p Policy) (stop func()) {
	t := &tuner{p: p, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}}
	// the limit first: no moment with the collector off and no limit
	limit := debug.SetMemoryLimit(p.Quiet)
	percent := debug.SetGCPercent(-1)
	t.arm()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.stopped = true
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// sentinel is the object whose cleanup reports a collection. It holds a
// pointer so that it is never put in a tiny block with other objects,
// which could keep it alive.
type sentinel struct {
	_ *int
	_ [8]byte
}

// arm makes a sentinel whose cleanup runs after the collection that frees
// it.
func (t *tuner) arm() {
	runtime.AddCleanup(new(sentinel), (*tuner).collected, t)
}

// collected runs after a collection: it chooses the mode from what is live
// now and arms the next sentinel.
func (t *tuner) collected() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	metrics.Read(t.sample)
	live := t.sample[0].Value.Uint64()
	if !t.ordinary {
		t.quietGoal = t.sample[1].Value.Uint64()
	}
	if ordinary := t.p.ordinaryAt(live, t.quietGoal); ordinary != t.ordinary {
		t.ordinary = ordinary
		// in the order that leaves no moment with neither a percent nor
		// a tight limit
		if ordinary {
			debug.SetGCPercent(t.p.Percent)
			debug.SetMemoryLimit(t.p.Limit)
		} else {
			debug.SetMemoryLimit(t.p.Quiet)
			debug.SetGCPercent(-1)
		}
	}
	t.arm()
}
