package lazyre

import (
	"sync"
	"testing"
)

func TestNewCompilesOnce(t *testing.T) {
	re := New(`^第([0-9]+)期$`)
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Go(func() { got[i] = re() })
	}
	wg.Wait()
	for _, g := range got {
		if g != got[0] {
			t.Fatal("two calls gave two different compiled expressions")
		}
	}
	if m := re().FindStringSubmatch("第4期"); len(m) != 2 || m[1] != "4" {
		t.Errorf("match of 第4期: %q", m)
	}
}

func TestNewPanicsOnUse(t *testing.T) {
	re := New(`(`) // not compiled yet: no panic here
	defer func() {
		if recover() == nil {
			t.Error("a malformed expression did not panic on its first use")
		}
	}()
	re()
}
