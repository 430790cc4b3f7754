package layout

import (
	"strings"
	"testing"
)

// TestRuneClassHasExactlyItsMembers compares every code point (and a few
// that are none) against the string the class was made from.
func TestRuneClassHasExactlyItsMembers(t *testing.T) {
	for _, s := range []string{"", "。，、：；！？．‼⁇”’）", "+＋", "\x00\uffff", "𮯰a𠀀", "年月日"} {
		c := newRuneClass(s)
		for r := rune(-2); r <= 0x10FFFF+2; r++ {
			if got, want := c.has(r), strings.ContainsRune(s, r) && r >= 0; got != want {
				t.Fatalf("%q: has(%U) = %v, want %v", s, r, got, want)
			}
		}
	}
}
