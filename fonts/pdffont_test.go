package fonts

import (
	"regexp"
	"testing"
)

// TestSubsetTagFollowsProgram: a subset's name is six capitals, a plus and
// the PostScript name (ISO 32000-1 9.6.4); the same characters give the
// same tag, and subsets of different characters — or of the same
// characters with a narrowed glyph — different tags.
func TestSubsetTagFollowsProgram(t *testing.T) {
	f := face(t, Fang)
	name := regexp.MustCompile(`^[A-Z]{6}\+` + regexp.QuoteMeta(f.Name()) + `$`)
	embed := func(text string, narrow ...Narrowed) string {
		t.Helper()
		p, err := f.EmbedSubsetNarrowed([]rune(text), narrow)
		if err != nil {
			t.Fatal(err)
		}
		if !name.MatchString(p.BaseFont) {
			t.Fatalf("BaseFont %q: want TAG+%s", p.BaseFont, f.Name())
		}
		return p.BaseFont
	}
	base := embed("昌江区人民政府公报，")
	if again := embed("，报公府政民人区江昌"); again != base {
		t.Errorf("same characters: %s, then %s", base, again)
	}
	seen := map[string]string{base: "昌江区人民政府公报，"}
	for _, c := range []struct {
		label, text string
		narrow      []Narrowed
	}{
		{"one character more", "昌江区人民政府公报，第", nil},
		{"one character less", "昌江区人民政府公", nil},
		{"one character other", "昌江区人民政府公告，", nil},
		{"a narrowed comma", "昌江区人民政府公报，", []Narrowed{{R: '，', Right: 500}}},
	} {
		got := embed(c.text, c.narrow...)
		if prev, ok := seen[got]; ok {
			t.Errorf("%s: tag %s, as for %q", c.label, got, prev)
		}
		seen[got] = c.text
	}
}

// TestSubsetTagSpreads: programs differing in one byte get different tags,
// spread over the letters.
func TestSubsetTagSpreads(t *testing.T) {
	prog := make([]byte, 4096)
	tags := map[string]int{}
	letters := map[byte]bool{}
	for i := range 300 {
		prog[i*13%len(prog)]++
		tag := subsetTag(prog)
		if j, ok := tags[tag]; ok {
			t.Fatalf("programs %d and %d share tag %s", j, i, tag)
		}
		tags[tag] = i
		for k := range len(tag) {
			letters[tag[k]] = true
		}
	}
	if len(letters) != 26 {
		t.Errorf("300 tags use %d of the 26 letters", len(letters))
	}
}
