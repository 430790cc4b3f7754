package source

import (
	"strings"
	"unicode"

	"gazette/internal/lazyre"
)

// bookmarkRE matches the bookmark markers Word leaves in text it exports or
// pastes: "[bookmark: _GoBack]", "[bookmark: OLE_LINK1]".
var bookmarkRE = lazyre.New(`\[bookmark:[^\]\n]*\]`)

// bookmarkOpen is how every bookmarkRE match starts: a line without it is
// left alone without running the regexp (NormalizeLine runs on every line).
const bookmarkOpen = "[bookmark:"

// dateSpaceRE matches a stray space between a digit and 年, 月, 日 or 号, as in
// "2023年6月29 日".
var dateSpaceRE = lazyre.New(`([0-9０-９])[ \t\x{00A0}\x{3000}]+([年月日号])`)

// hasDateSpace reports whether line has one of the blanks dateSpaceRE
// removes (a space, a tab, U+00A0, U+3000): a line with none of them has no
// match. It looks for their bytes, as strings.ContainsAny with runes past
// ASCII compares every rune of the line with each of them; the byte search
// of the strings package does it faster than a loop of ours.
func hasDateSpace(line string) bool {
	return strings.IndexByte(line, ' ') >= 0 || strings.IndexByte(line, '\t') >= 0 ||
		strings.Contains(line, "\u3000") || strings.Contains(line, "\u00A0")
}

// hasInvisible reports whether line holds a character isInvisible reports,
// found by its bytes: strings.ContainsFunc decodes every character of every
// line, and the byte search of the strings package is quicker than a loop
// of ours even run once for each character. The first bytes of these
// characters (C2, E2, EF) never continue another character, so where one
// stands a decoder starts a character, and the bytes after it make the
// invisible one just when the decoder would read it (FuzzPrechecks).
func hasInvisible(line string) bool {
	for _, c := range invisibles {
		if strings.Contains(line, c) {
			return true
		}
	}
	return false
}

// invisibles are the characters isInvisible reports.
var invisibles = [...]string{"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"}

// Normalize applies NormalizeLine to every line of text. It keeps the number
// of lines, so line numbers still match the file.
func Normalize(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = NormalizeLine(l)
	}
	return strings.Join(lines, "\n")
}

// NormalizeLine normalises the white space of one line and nothing else:
// Word bookmark markers are removed; spaces, tabs, full-width spaces (U+3000),
// no-break spaces and other Unicode white space are stripped from both ends
// (leading indentation is not content: the layout indents paragraphs itself);
// a space between a digit and 年/月/日/号 is removed; invisible format
// characters that Word and web pages leave inside a line (zero-width space,
// joiners, word joiner, soft hyphen, a byte-order mark) are dropped, since
// they print as nothing but no font has a glyph for them. Spaces inside the
// line otherwise stay, because they print as the office submitted them.
func NormalizeLine(line string) string {
	return normalizeLine(line, textMarks{bookmarks: true, invisible: true})
}

// textMarks says what a text may hold that normalizeLine removes: a line of
// a text that has no Word bookmark, or no invisible character, has none
// either, and is not searched for one.
type textMarks struct {
	bookmarks bool // the text holds "[bookmark:"
	invisible bool // the text holds a character isInvisible reports
}

// marksOf finds the marks of a whole text.
func marksOf(text string) textMarks {
	return textMarks{bookmarks: strings.Contains(text, bookmarkOpen), invisible: hasInvisible(text)}
}

// normalizeLine is NormalizeLine for a line of a text with the given marks.
func normalizeLine(line string, marks textMarks) string {
	if marks.bookmarks && strings.Contains(line, bookmarkOpen) {
		line = bookmarkRE().ReplaceAllString(line, "")
	}
	if marks.invisible && hasInvisible(line) {
		line = strings.Map(func(r rune) rune {
			if isInvisible(r) {
				return -1
			}
			return r
		}, line)
	}
	line = strings.TrimFunc(line, isBlank)
	if !hasDateSpace(line) {
		return line
	}
	return dateSpaceRE().ReplaceAllString(line, "$1$2")
}

// isBlank reports white space, including the full-width space, the no-break
// space, the paragraph separator Word sometimes leaves at a line end, the
// zero-width space and a stray byte-order mark.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}

// isInvisible reports the format characters that print as nothing.
func isInvisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return true
	}
	return false
}
