package layout

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/segmenter"
)

// segmenterBreaks is what go-text's segmenter says: out[i] when a line may
// break before runes[i] (never before the first).
func segmenterBreaks(runes []rune) []bool {
	var seg segmenter.Segmenter
	seg.Init(runes)
	out := make([]bool, len(runes))
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		if end := l.Offset + len(l.Text); end < len(runes) {
			out[end] = true
		}
	}
	return out
}

// fastBreaks is what uax14Breaks says, and whether it handled runes.
func fastBreaks(runes []rune) ([]bool, bool) {
	atoms := make([]atom, len(runes))
	for i, r := range runes {
		atoms[i].r = r
	}
	if _, ok := uax14Breaks(atoms, nil); !ok {
		return nil, false
	}
	out := make([]bool, len(runes))
	for i := range atoms {
		out[i] = atoms[i].breakB
	}
	return out, true
}

// sameBreaks fails t where the fast path and the segmenter disagree on
// runes; it reports whether the fast path handled them.
func sameBreaks(t *testing.T, runes []rune) bool {
	t.Helper()
	got, ok := fastBreaks(runes)
	if !ok {
		if !slices.ContainsFunc(runes, func(r rune) bool { return lbCodeOf(r) == 0 }) {
			t.Fatalf("%q: every character is handled, but the fast path declined", string(runes))
		}
		return false
	}
	want := segmenterBreaks(runes)
	for i := range runes {
		if got[i] != want[i] {
			t.Fatalf("%q: before %q (%d, %U): fast path %v, segmenter %v\n%s", string(runes), runes[i], i, runes[i], got[i], want[i], showBreaks(runes, want))
		}
	}
	return true
}

// showBreaks writes runes with a | where the segmenter breaks.
func showBreaks(runes []rune, breaks []bool) string {
	var b strings.Builder
	for i, r := range runes {
		if breaks[i] {
			b.WriteByte('|')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lbRepresentatives holds one character of every code in the table.
func lbRepresentatives() []rune {
	var reps []rune
	seen := map[lbCode]bool{}
	for _, s := range uax14Spans {
		if !seen[s.code] {
			seen[s.code] = true
			reps = append(reps, s.lo)
		}
	}
	return reps
}

// TestUAX14Table checks the table character by character against the
// segmenter: every character of a span (or 64 of a longer one), next to a
// character of every code in the table, with and without a space between,
// on either side, and inside a number. A character whose class, width or
// quotation category the table has wrong breaks differently in one of
// these.
func TestUAX14Table(t *testing.T) {
	var sampled []rune
	for _, s := range uax14Spans {
		n := int(s.hi - s.lo + 1)
		step := max(1, n/64)
		for k := 0; k < n; k += step {
			sampled = append(sampled, s.lo+rune(k))
		}
		sampled = append(sampled, s.hi)
	}
	patterns := []func(q, r rune) []rune{
		func(q, r rune) []rune { return []rune{q, r} },
		func(q, r rune) []rune { return []rune{r, q} },
		func(q, r rune) []rune { return []rune{q, ' ', r} },
		func(q, r rune) []rune { return []rune{r, ' ', q} },
		func(q, r rune) []rune { return []rune{'1', q, r, '1', ' '} },
		func(q, r rune) []rune { return []rune{'中', r, q, '中', ' '} },
	}
	for _, q := range append(lbRepresentatives(), '中', '1', '“', '”') {
		for _, p := range patterns {
			var text []rune
			for _, r := range sampled {
				text = append(text, p(q, r)...)
			}
			sameBreaks(t, text)
		}
	}
}

// TestUAX14Lookup checks lbCodeOf against the spans for every code point:
// the characters outside them are declined.
func TestUAX14Lookup(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		var want lbCode
		if k, ok := slices.BinarySearchFunc(uax14Spans[:], r, func(s lbSpan, r rune) int {
			switch {
			case s.hi < r:
				return -1
			case s.lo > r:
				return 1
			}
			return 0
		}); ok {
			want = uax14Spans[k].code
		}
		if got := lbCodeOf(r); got != want {
			t.Fatalf("%U: code %#x, spans say %#x", r, got, want)
		}
	}
}

// uax14Palette is the characters the random and fuzz tests mix: one of
// every code, and the ones Chinese documents are made of.
var uax14Palette = append(lbRepresentatives(), []rune("中文，。、；：？！“”‘’（）《》〔〕【】〈〉「」—…·・ 　0123456789"+
	"abcXYZ.,;:!?\"'()[]{}/-+%$#&*@_|~<>=\\^`０１２％＄＋－．／：；ｘ～①②℃°±×÷№§々ー〇")...)

// TestUAX14Random compares the fast path with the segmenter on random
// mixtures of the palette.
func TestUAX14Random(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2023))
	for range 20000 {
		runes := make([]rune, 1+rng.IntN(24))
		for i := range runes {
			runes[i] = uax14Palette[rng.IntN(len(uax14Palette))]
		}
		sameBreaks(t, runes)
	}
}

// TestUAX14Corpus compares them on every paragraph of the corpus, the
// sample and the test issues, and checks that the fast path handles nearly
// all of them: it exists for such text.
func TestUAX14Corpus(t *testing.T) {
	var files []string
	for _, glob := range []string{"../testdata/corpus/*/*.txt", "../testdata/issues/*/*.txt", "../samples/*/*.txt", "../samples/*/*.csv"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d files of text found", len(files))
	}
	paragraphs, handled := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(b)) {
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				continue
			}
			paragraphs++
			if sameBreaks(t, []rune(line)) {
				handled++
			}
		}
	}
	t.Logf("%d of %d paragraphs by the fast path", handled, paragraphs)
	if handled < paragraphs*95/100 {
		t.Errorf("the fast path handles only %d of %d paragraphs", handled, paragraphs)
	}
}

// FuzzUAX14: the fast path finds the segmenter's opportunities in any text
// it handles, and declines only text with a character it does not handle.
// Each input is tried as it is and with its bytes read as picks from the
// palette (random text is rarely all handled characters).
func FuzzUAX14(f *testing.F) {
	for _, s := range []string{"中文“引号”（括号）。", "1,234.5%和$12", "a “b” c", "——…… 《》〔2023〕25号", "(1)2%", "— —x", "\"中\" ' 文'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 400 {
			return
		}
		sameBreaks(t, []rune(s))
		picks := make([]rune, len(s))
		for i := range len(s) {
			picks[i] = uax14Palette[int(s[i])%len(uax14Palette)]
		}
		sameBreaks(t, picks)
	})
}
