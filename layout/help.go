package layout

import (
	"sync"

	"gazette/internal/diag"
)

// helpers hands work to composeAll's workers that have no document left to
// set: a send succeeds only while one of them is waiting, so a document
// asks for help as it goes and does the work itself when none is idle.
type helpers chan func()

// offer gives task to an idle worker and reports whether one took it.
func (h helpers) offer(task func()) bool {
	if h == nil {
		return false
	}
	select {
	case h <- task:
		return true
	default:
		return false
	}
}

// preBreaker is an idle worker breaking the paragraphs of the blocks a
// composer has not reached yet, from the document's end back, into a memo
// of its own: the composer, coming forward, takes that memo when it reaches
// the blocks the helper took, and sets them from it. The lines are what the
// composer would have broken itself, so the output is the same whoever
// breaks them, and whether anyone helps at all.
type preBreaker struct {
	mu    sync.Mutex
	owner int // the block the composer is at
	low   int // the first block the helper has taken
	memo  breakMemo
	done  chan struct{} // closed when the helper has stopped; then memo is the composer's
}

// minHelpBlocks is the fewest blocks left to set for which a composer asks
// for help: fewer are not worth a handover.
const minHelpBlocks = 4

// askHelp offers the blocks after block i to an idle worker, if there are
// enough of them and none has been offered yet.
func (c *composer) askHelp(i int) {
	n := len(c.doc.Blocks)
	if c.help == nil || c.pre != nil || c.helped || n-i < minHelpBlocks {
		return
	}
	pb := &preBreaker{owner: i, low: n, memo: breakMemo{}, done: make(chan struct{})}
	h := &composer{st: c.st, lb: c.lb, doc: c.doc, probs: &diag.List{}, tightLast: c.tightLast, memo: pb.memo, preBreak: true}
	if c.help.offer(func() { h.preBreakFrom(pb) }) {
		c.pre, c.helped = pb, true
	}
}

// preBreakFrom breaks, from the last block back, every block the composer
// has not reached.
func (h *composer) preBreakFrom(pb *preBreaker) {
	defer close(pb.done)
	for {
		pb.mu.Lock()
		i := pb.low - 1
		if i <= pb.owner {
			pb.mu.Unlock()
			return
		}
		pb.low = i
		pb.mu.Unlock()
		h.composeOne(i)
	}
}

// reach tells the helper the composer is at block i; once it is at the
// blocks the helper took, it waits for the helper to stop and takes its
// lines into its memo.
func (c *composer) reach(i int) {
	pb := c.pre
	if pb == nil {
		return
	}
	pb.mu.Lock()
	pb.owner = i
	reached := i >= pb.low
	pb.mu.Unlock()
	if !reached {
		return
	}
	<-pb.done
	c.helpedBlocks += len(c.doc.Blocks) - pb.low
	for k, v := range pb.memo {
		if _, ok := c.memo[k]; !ok {
			c.memo[k] = v
		}
	}
	c.pre = nil
}

// stopHelp waits for a helper that was not reached (it took no block, or
// the composer went past it) to stop.
func (c *composer) stopHelp() {
	if pb := c.pre; pb != nil {
		pb.mu.Lock()
		pb.owner = len(c.doc.Blocks)
		pb.mu.Unlock()
		<-pb.done
		c.pre = nil
	}
}
