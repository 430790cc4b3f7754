// Package gctune sets the garbage collector's policy for one gazette
// process: no collection at all while the heap is small, the Go runtime's
// ordinary pacing once what is live would make that policy collect too
// often.
//
// A build of one issue allocates 20–110 MB, of which at most about 30 MB
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
// soon as the ordinary pacing's goal (live × (1 + Percent/100)) passes
// Quiet, gives the runtime back its ordinary pacing (GOGC=Percent) and the
// process's soft memory limit (Limit, 800 MiB: docs/pages-and-limits.md).
// The heap goal is therefore max(Quiet, live × (1 + Percent/100)): never
// below what the ordinary pacing would allow, so a collection never frees
// less than the ordinary pacing's would, and never above Limit. When what
// is live falls back (`gazette watch` between builds), the policy goes back
// to Quiet.
//
// The policy learns of each collection from a sentinel: an object nothing
// refers to, with a cleanup (runtime.AddCleanup) that runs after the
// collection that freed it and makes the next sentinel.
package gctune

import (
	"math"
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
	// Percent is the ordinary pacing (debug.SetGCPercent, GOGC) used once
	// it would let the heap grow past Quiet.
	Percent int
	// Limit is the soft memory limit with the ordinary pacing.
	Limit int64
}

// Command is gazette's policy (docs/speed.md#the-collector):
//
//   - Quiet 64 MiB: the sample issue allocates about 19 MB in all and never
//     collects; ten times its content (about 100 MB allocated, at most
//     30 MB live) collects three or four times instead of nine, and its
//     peak RSS stays near 92 MiB (the program's own pages, fonts included,
//     are about 28 MiB of it), under the 100 MiB the issue allows;
//   - Percent 100: the runtime's default once what is live passes 32 MiB;
//   - Limit 800 MiB: the command's soft limit (internal/build.MemoryLimit,
//     passed by the command).
func Command(limit int64) Policy {
	return Policy{Quiet: 64 << 20, Percent: 100, Limit: limit}
}

// ordinaryAbove is the live heap above which p's ordinary pacing lets the
// heap grow past Quiet: there the policy collects ordinarily.
func (p Policy) ordinaryAbove() uint64 {
	if p.Percent < 0 {
		return math.MaxUint64
	}
	return uint64(p.Quiet) * 100 / uint64(100+p.Percent)
}

// tuner is a started policy.
type tuner struct {
	p Policy

	mu       sync.Mutex
	stopped  bool
	ordinary bool // collecting with the ordinary pacing
	sample   []metrics.Sample
}

// Start sets p for the process and returns a function that stops it and
// restores the collector's percent and memory limit as they were. Only one
// policy may be started at a time.
func Start(p Policy) (stop func()) {
	t := &tuner{p: p, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(p.Quiet)
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
	if ordinary := live > t.p.ordinaryAbove(); ordinary != t.ordinary {
		t.ordinary = ordinary
		if ordinary {
			debug.SetMemoryLimit(t.p.Limit)
			debug.SetGCPercent(t.p.Percent)
		} else {
			debug.SetGCPercent(-1)
			debug.SetMemoryLimit(t.p.Quiet)
		}
	}
	t.arm()
}
