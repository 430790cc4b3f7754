package gctune

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// collector is the runtime's collector state as runtime/metrics reports it.
type collector struct {
	percent int64  // GOGC; -1 when off
	limit   uint64 // the memory limit
	cycles  uint64 // collections so far
}

func readCollector() collector {
	s := []metrics.Sample{
		{Name: "/gc/gogc:percent"},
		{Name: "/gc/gomemlimit:bytes"},
		{Name: "/gc/cycles/total:gc-cycles"},
	}
	metrics.Read(s)
	return collector{percent: int64(s[0].Value.Uint64()), limit: s[1].Value.Uint64(), cycles: s[2].Value.Uint64()}
}

// waitFor polls the collector until ok holds or a few seconds pass: the
// policy runs after a collection, on the runtime's cleanup goroutine, and
// a cleanup that runs while the next collection marks reads what the one
// before left live, so the change may take one collection more. poke, if
// not nil, runs before each poll.
func waitFor(ok func(collector) bool, poke func()) collector {
	deadline := time.Now().Add(5 * time.Second)
	for {
		if poke != nil {
			poke()
		}
		c := readCollector()
		if ok(c) || time.Now().After(deadline) {
			return c
		}
		time.Sleep(time.Millisecond)
	}
}

var sink []byte

// churn allocates n bytes that are garbage at once.
func churn(n int) {
	for range n / 4096 {
		sink = make([]byte, 4096)
	}
}

const testLimit = 1 << 30

// TestQuietWhileSmall: a process that allocates less than Quiet never
// collects.
func TestQuietWhileSmall(t *testing.T) {
	runtime.GC()
	stop := Start(Policy{Quiet: 64 << 20, Percent: 100, Limit: testLimit})
	defer stop()
	before := readCollector()
	if before.percent != -1 || before.limit != 64<<20 {
		t.Fatalf("after Start: GOGC %d, limit %d; want off under 64 MiB", before.percent, before.limit)
	}
	churn(16 << 20)
	if after := readCollector(); after.cycles != before.cycles {
		t.Errorf("16 MiB of garbage under a 64 MiB quiet limit: %d collections, want none", after.cycles-before.cycles)
	}
}

// TestOrdinaryOnGrowingHeap: a heap whose live part grows past what the
// quiet limit allows goes back to the ordinary pacing and the soft limit,
// without collecting over and over near the quiet limit on the way; when
// what is live falls again, the collector is switched off again.
func TestOrdinaryOnGrowingHeap(t *testing.T) {
	runtime.GC()
	const quiet = 16 << 20
	stop := Start(Policy{Quiet: quiet, Percent: 100, Limit: testLimit})
	defer stop()
	before := readCollector()
	// 64 MiB kept, four times what the quiet limit holds, and as much
	// garbage beside it
	var kept [][]byte
	for i := range (64 << 20) / (64 << 10) {
		kept = append(kept, make([]byte, 64<<10))
		churn(64 << 10)
		if i%16 == 15 {
			// The policy runs on the runtime's cleanup goroutine: with one
			// P it waits until this loop yields or is preempted (10 ms), as
			// it does in a build until a worker waits for a file or a channel.
			runtime.Gosched()
		}
	}
	grown := readCollector()
	// The policy takes 2–11 collections to get there (measured with 1, 2
	// and 4 Ps); the quiet limit alone, collecting whenever the heap passes
	// it, took 18–131 (the runtime caps the collector's CPU at half, so the
	// heap outgrows the limit in the end), and fails the check below.
	if n := grown.cycles - before.cycles; n > 20 {
		t.Errorf("the heap grew to 64 MiB in %d collections: the policy collected near its quiet limit too long", n)
	}
	c := waitFor(func(c collector) bool { return c.percent == 100 }, nil)
	if c.percent != 100 || c.limit != testLimit {
		t.Fatalf("with 64 MiB live: GOGC %d, limit %d; want 100 and %d", c.percent, c.limit, testLimit)
	}
	runtime.KeepAlive(kept)
	kept = nil
	c = waitFor(func(c collector) bool { return c.percent == -1 }, runtime.GC)
	if c.percent != -1 || c.limit != quiet {
		t.Errorf("with the heap freed again: GOGC %d, limit %d; want off under %d", c.percent, c.limit, quiet)
	}
}

// TestStopRestores: stop gives back the percent and limit the process had.
func TestStopRestores(t *testing.T) {
	before := readCollector()
	stop := Start(Policy{Quiet: 32 << 20, Percent: 100, Limit: testLimit})
	stop()
	runtime.GC() // a cleanup after stop changes nothing
	time.Sleep(10 * time.Millisecond)
	if c := readCollector(); c.percent != before.percent || c.limit != before.limit {
		t.Errorf("after stop: GOGC %d, limit %d; want %d, %d", c.percent, c.limit, before.percent, before.limit)
	}
}

func TestOrdinaryAt(t *testing.T) {
	for _, tc := range []struct {
		p               Policy
		live, quietGoal uint64
		want            bool
	}{
		{Policy{Percent: 100}, 25 << 20, 50 << 20, false},
		{Policy{Percent: 100}, 26 << 20, 50 << 20, true},
		{Policy{Percent: 50}, 33 << 20, 50 << 20, false},
		{Policy{Percent: 50}, 34 << 20, 50 << 20, true},
		{Policy{Percent: 0}, 50 << 20, 50 << 20, false},
		{Policy{Percent: -1}, 1 << 40, 50 << 20, false},
	} {
		if got := tc.p.ordinaryAt(tc.live, tc.quietGoal); got != tc.want {
			t.Errorf("GOGC %d, %d MiB live, quiet goal %d MiB: ordinary %v, want %v",
				tc.p.Percent, tc.live>>20, tc.quietGoal>>20, got, tc.want)
		}
	}
}
