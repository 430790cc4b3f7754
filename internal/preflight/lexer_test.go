package preflight

import (
	"slices"
	"testing"
)

func TestLexer(t *testing.T) {
	src := "% comment (not a string\n" +
		"/Span <</ActualText (a\\) (b) c)>> BDC [(x) -250 <48 65>] TJ EMC\n" +
		"1 0 0 -1.5 .5 +2 cm /Im#201 Do 'x' false"
	var got []string
	l := &lexer{b: []byte(src)}
	for {
		tok, ok := l.next()
		if !ok {
			break
		}
		switch tok.kind {
		case tokNumber:
			got = append(got, "n:"+tok.text)
		case tokName:
			got = append(got, "/"+tok.text)
		case tokString:
			got = append(got, "s:"+tok.text)
		case tokOperator:
			got = append(got, tok.text)
		case tokArrayOpen, tokArrayClose, tokDictOpen, tokDictClose:
			got = append(got, map[tokKind]string{tokArrayOpen: "[", tokArrayClose: "]", tokDictOpen: "<<", tokDictClose: ">>"}[tok.kind])
		}
	}
	want := []string{"/Span", "<<", "/ActualText", "s:a\\) (b) c", ">>", "BDC", "[", "s:x", "n:-250", "s:48 65", "]", "TJ", "EMC",
		"n:1", "n:0", "n:0", "n:-1.5", "n:.5", "n:+2", "cm", "/Im#201", "Do", "'x'", "false"}
	if !slices.Equal(got, want) {
		t.Errorf("tokens\n got %q\nwant %q", got, want)
	}
}

func TestSkipInlineImage(t *testing.T) {
	tests := []struct {
		data string
		size int
		rest string
	}{
		{"ID abcEI EI Q", 6, " Q"},    // known size: the EI inside the data is skipped
		{"ID abc EI Q", -1, " Q"},     // unknown size: first EI between white space
		{"ID xEIx\nEI\nQ", -1, "\nQ"}, // EI inside a word is data
		{"ID abc", -1, ""},            // no EI: to the end
		{"ID ab", 100, ""},            // size beyond the stream
	}
	for _, tt := range tests {
		l := &lexer{b: []byte(tt.data), pos: 2}
		l.skipInlineImage(tt.size)
		if got := string(l.b[l.pos:]); got != tt.rest {
			t.Errorf("%q size %d: rest %q, want %q", tt.data, tt.size, got, tt.rest)
		}
	}
}

func TestMatrixTimes(t *testing.T) {
	scale := matrix{2, 0, 0, 3, 0, 0}
	move := matrix{1, 0, 0, 1, 10, 20}
	// "2 0 0 3 0 0 cm" on a CTM that moves by (10, 20): scale first, then move.
	if got := scale.times(move); got != (matrix{2, 0, 0, 3, 10, 20}) {
		t.Errorf("scale × move = %v", got)
	}
	if got := move.times(scale); got != (matrix{2, 0, 0, 3, 20, 60}) {
		t.Errorf("move × scale = %v", got)
	}
	if got := identity.times(scale); got != scale {
		t.Errorf("identity × scale = %v", got)
	}
}
