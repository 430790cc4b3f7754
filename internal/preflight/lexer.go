package preflight

import (
	"bytes"
	"strconv"
)

// tokKind is the kind of a content-stream token.
type tokKind int

const (
	tokNumber tokKind = iota
	tokName
	tokString
	tokOperator
	tokArrayOpen
	tokArrayClose
	tokDictOpen
	tokDictClose
)

// token is one lexical element of a content stream (ISO 32000-1 7.2, 7.8.2).
type token struct {
	kind tokKind
	text string  // name without the slash, operator, or raw string bytes
	num  float64 // value of a number
	hex  bool    // a <hex> string (its text is the hex digits)
}

// lexer splits a content stream into tokens. It never fails: bytes it does
// not understand are skipped, because a preflight must keep going on the odd
// stream a word processor writes.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// next returns the next token, or false at the end of the stream.
func (l *lexer) next() (token, bool) {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			l.skipComment()
		case c == '/':
			l.pos++
			return token{kind: tokName, text: l.regular()}, true
		case c == '(':
			return token{kind: tokString, text: l.literalString()}, true
		case c == '<':
			return l.angle(), true
		case c == '>':
			l.pos++
			if l.pos < len(l.b) && l.b[l.pos] == '>' {
				l.pos++
				return token{kind: tokDictClose}, true
			}
		case c == '[':
			l.pos++
			return token{kind: tokArrayOpen}, true
		case c == ']':
			l.pos++
			return token{kind: tokArrayClose}, true
		case c == '{' || c == '}' || c == ')':
			l.pos++
		default:
			return l.word(), true
		}
	}
	return token{}, false
}

func (l *lexer) skipComment() {
	for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
		l.pos++
	}
}

// regular reads a run of regular characters.
func (l *lexer) regular() string {
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	return string(l.b[start:l.pos])
}

// word is a number or an operator.
func (l *lexer) word() token {
	s := l.regular()
	if s == "" { // a stray delimiter we do not handle
		l.pos++
		return token{kind: tokOperator}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && (s[0] == '-' || s[0] == '+' || s[0] == '.' || (s[0] >= '0' && s[0] <= '9')) {
		return token{kind: tokNumber, text: s, num: f}
	}
	return token{kind: tokOperator, text: s}
}

// literalString reads a (…) string with balanced parentheses and escapes.
func (l *lexer) literalString() string {
	l.pos++ // (
	start, depth := l.pos, 1
	for l.pos < len(l.b) {
		switch l.b[l.pos] {
		case '\\':
			l.pos++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				s := string(l.b[start:l.pos])
				l.pos++
				return s
			}
		}
		l.pos++
	}
	return string(l.b[start:])
}

// angle reads << or a <hex> string.
func (l *lexer) angle() token {
	l.pos++
	if l.pos < len(l.b) && l.b[l.pos] == '<' {
		l.pos++
		return token{kind: tokDictOpen}
	}
	end := bytes.IndexByte(l.b[l.pos:], '>')
	if end < 0 {
		end = len(l.b) - l.pos
	}
	s := string(l.b[l.pos : l.pos+end])
	l.pos += end + 1
	return token{kind: tokString, text: s, hex: true}
}

// skipInlineImage skips the data of an inline image after the ID operator.
// size is the byte length of unfiltered data, or -1 when it is not known; the
// data then ends at the first "EI" that stands between white space.
func (l *lexer) skipInlineImage(size int) {
	if l.pos < len(l.b) && isSpace(l.b[l.pos]) {
		l.pos++
	}
	if size >= 0 && l.pos+size <= len(l.b) {
		l.pos += size
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] != 'E' || l.b[i+1] != 'I' {
			continue
		}
		before := i == 0 || isSpace(l.b[i-1])
		after := i+2 >= len(l.b) || isSpace(l.b[i+2]) || isDelim(l.b[i+2])
		if before && after {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}
