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

// TestInHanScriptKeepsTheTable compares inHanScript with unicode.Han on every code point.
func TestInHanScriptKeepsTheTable(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if inHanScript(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("inHanScript(%U) = %v", r, inHanScript(r))
		}
	}
}

// TestIsWesternKeepsTheRule compares isWestern, with its shortcut for
// ASCII, against the rule written out plainly, on every code point.
func TestIsWesternKeepsTheRule(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		want := r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%')
		if isWestern(r) != want {
			t.Fatalf("isWestern(%U) = %v", r, isWestern(r))
		}
	}
}

// TestLongestUnitFindsEveryName: longestUnit, which looks up only the
// lengths of the names starting with the first character, finds what
// looking up every length finds, on every unit name followed by each
// character that continues some name, and on every prefix of a name.
func TestLongestUnitFindsEveryName(t *testing.T) {
	every := func(rs []rune) int {
		for k := min(len(rs), maxUnitLen); k > 0; k-- {
			if unitSet[string(rs[:k])] {
				return k
			}
		}
		return 0
	}
	var chars []rune
	for _, w := range unitNames {
		chars = append(chars, w...)
	}
	for _, w := range unitNames {
		for k := 1; k <= len(w); k++ {
			for _, c := range append(chars, '中', '1') {
				rs := append(append([]rune(nil), w[:k]...), c)
				atoms := make([]atom, len(rs))
				for i, r := range rs {
					atoms[i].r = r
				}
				if got, want := longestUnit(atoms), every(rs); got != want {
					t.Fatalf("%q: longestUnit %d, want %d", string(rs), got, want)
				}
			}
		}
	}
}

// TestMarksOfKeepsTheClasses compares the bits of marksOf with the classes
// behind them on every code point.
func TestMarksOfKeepsTheClasses(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		m := marksOf(r)
		for _, c := range markClasses {
			if m&c.mark != 0 != c.class.has(r) {
				t.Fatalf("marksOf(%U) = %08b: bit %08b wrong", r, m, c.mark)
			}
		}
	}
}
