package render

import (
	"slices"
	"testing"
)

// TestRuneBitsListsWhatWasAdded: each character once, whatever the plane.
func TestRuneBitsListsWhatWasAdded(t *testing.T) {
	in := []rune{'中', 0, 0xFFFF, 'a', '中', 0x10000, 0x2EBF0, 0x10FFFF, 63, 64, 65}
	var s runeBits
	for _, r := range in {
		s.add(r)
	}
	got := s.runes()
	slices.Sort(got)
	want := slices.Compact(slices.Sorted(slices.Values(in)))
	if !slices.Equal(got, want) {
		t.Errorf("runes() = %U, want %U", got, want)
	}
}
