package layout

import (
	"strings"
	"testing"
	"unicode"
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

// TestIsCJKFastPathsKeepTheRule compares isCJK, with its shortcuts for the
// common ranges, against the rule written out plainly, on every code point.
func TestIsCJKFastPathsKeepTheRule(t *testing.T) {
	rule := func(r rune) bool {
		switch {
		case unicode.Is(unicode.Han, r):
			return true
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x2E80 && r <= 0x2FFF,
			r >= 0x3200 && r <= 0x33FF, r >= 0xFE30 && r <= 0xFE4F:
			return true
		case strings.ContainsRune("“”‘’—…·", r), r == '⋯', r == '⸺', r == '●', r == '★':
			return true
		}
		return false
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isCJK(r) != rule(r) {
			t.Fatalf("isCJK(%U) = %v", r, isCJK(r))
		}
	}
}
