package layout

import "strings"

// Tokens are the runs of a paragraph that break by rules of their own
// (docs/line-composition.md#tokens):
//
//   - addresses: web addresses, e-mail addresses and identifiers, which may
//     break only after / . _ ? & = @ (never after a hyphen: a line ending
//     in "-" reads as a hyphenated word, and text extraction drops the
//     hyphen, so the copied address would be wrong) and never take a hyphen;
//   - standards numbers ("GB/T 9704-2012", "YD/T 5185—2021"), kept whole;
//   - numbers in half- or full-width digits with their decimal point,
//     thousands separators, percent sign and range ("12.5%", "１２．５％",
//     "1,234", "2023-2025"), kept whole and with the unit or measure word
//     after them ("25平方公里", "3架", "500 kV"; units.go).
//
// Inside a token the breaks of UAX #14 are replaced by the token's own.

// addressPen is the cost of breaking an address at one of its break points:
// more than a break between hanzi, so that an address breaks only where
// the line needs it.
const addressPen = 30

// addressBreakAfter holds the characters an address may break after.
var addressBreakAfter = runeSet("/._?&=@")

// urlChar reports the characters of a web or e-mail address (RFC 3986's
// unreserved and reserved characters, and %).
func urlChar(r rune) bool {
	return r < 0x80 && (isASCIILetterOrDigit(r) || urlMarkClass.has(r))
}

// urlMarkClass holds the marks of addresses.
var urlMarkClass = newRuneClass("-._~:/?#[]@!$&'()*+,;=%")

func isASCIILetterOrDigit(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// isDigit reports a half- or full-width decimal digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// markTokens replaces the breaks inside each token by the token's own.
func markTokens(atoms []atom) {
	for i := 0; i < len(atoms); {
		if r := atoms[i].r; r >= 0x80 && !isDigit(r) { // no token starts here: each starts with an ASCII letter or a digit
			i++
			continue
		}
		if n := standardAt(atoms, i); n > 0 {
			noBreaks(atoms[i : i+n])
			i += n
			continue
		}
		if n := addressAt(atoms, i); n > 0 {
			addressBreaks(atoms[i : i+n])
			i += n
			continue
		}
		if n := numberAt(atoms, i); n > 0 {
			end := i + n
			for k := i + 1; k < end; k++ {
				atoms[k].solid = true
			}
			if u := unitAt(atoms, end); u > 0 {
				end += u
			} else if end+1 < len(atoms) && atoms[end].r == ' ' {
				if s := symbolAt(atoms, end+1); s > 0 {
					end += 1 + s
				}
			}
			if i > 0 && atoms[i-1].r == '第' { // an ordinal: 第4期
				i--
			}
			noBreaks(atoms[i:end])
			i = end
			continue
		}
		i++
	}
}

// noBreaks removes every break inside atoms.
func noBreaks(atoms []atom) {
	for k := 1; k < len(atoms); k++ {
		atoms[k].breakB = false
	}
}

// addressAt returns the length of the web address, e-mail address or
// identifier starting at atoms[i], or 0. An address is a run of URL
// characters that has a letter and a scheme ("://"), starts with "www.", or
// holds an @ or an underscore or a slash between letters; its trailing
// punctuation (".", ",", ")") belongs to the sentence.
func addressAt(atoms []atom, i int) int {
	if i > 0 && urlChar(atoms[i-1].r) || !isASCIILetterOrDigit(atoms[i].r) {
		return 0
	}
	j := i
	for j < len(atoms) && urlChar(atoms[j].r) {
		j++
	}
	for j > i && strings.ContainsRune(".,;:!?)]'", atoms[j-1].r) {
		j--
	}
	if j-i < 4 || !isAddress(atoms[i:j]) {
		return 0
	}
	return j - i
}

// isAddress reports whether a run of URL characters, four or more, is an
// address: it has a letter, and a scheme ("://"), or starts with "www." in
// any case, or holds an @ with a dot after it, or a slash or an underscore.
// (URL characters are ASCII and include no space.)
func isAddress(run []atom) bool {
	letters, scheme, at, dotAfterAt, slash := false, false, false, false, false
	for k := range run {
		switch r := run[k].r; {
		case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
			letters = true
		case r == ':':
			scheme = scheme || k+2 < len(run) && run[k+1].r == '/' && run[k+2].r == '/'
		case r == '@':
			at = true
		case r == '.':
			dotAfterAt = dotAfterAt || at
		case r == '/' || r == '_':
			slash = true
		}
	}
	www := run[0].r|0x20 == 'w' && run[1].r|0x20 == 'w' && run[2].r|0x20 == 'w' && run[3].r == '.'
	return letters && (scheme || www || dotAfterAt || slash)
}

// addressBreaks sets an address's breaks: after / . _ ? & = @, not inside
// "//", and never after a hyphen (docs/line-composition.md#addresses).
func addressBreaks(atoms []atom) {
	for k := 1; k < len(atoms); k++ {
		prev, next := atoms[k-1].r, atoms[k].r
		ok := addressBreakAfterClass.has(prev) && prev != next && next != '/' && !noLineStartClass.has(next)
		atoms[k].breakB = ok
		if ok {
			atoms[k].pen = addressPen
		}
	}
}

// standardAt returns the length of a standard's number starting at i, or 0:
// a code of capital letters with an optional "/T" or "/Z" ("GB", "GB/T",
// "YD/T", "DB36/T"), an optional space, the number ("9704", "3100.1") and an
// optional year after a dash ("-2012", "—2021"). It is kept whole.
func standardAt(atoms []atom, i int) int {
	if i > 0 && urlChar(atoms[i-1].r) {
		return 0
	}
	j := i
	for j < len(atoms) && j-i < 4 && atoms[j].r >= 'A' && atoms[j].r <= 'Z' {
		j++
	}
	if j-i < 2 {
		return 0
	}
	for j < len(atoms) && isDigit(atoms[j].r) && j-i < 6 { // DB36/T
		j++
	}
	slash := j+1 < len(atoms) && atoms[j].r == '/' && atoms[j+1].r >= 'A' && atoms[j+1].r <= 'Z'
	if slash {
		j += 2
	}
	if j < len(atoms) && atoms[j].r == ' ' {
		j++
	}
	d := j
	for j < len(atoms) && (isDigit(atoms[j].r) || atoms[j].r == '.' && j > d && j+1 < len(atoms) && isDigit(atoms[j+1].r)) {
		j++
	}
	if j == d {
		return 0
	}
	year := 0
	if j+4 < len(atoms) && strings.ContainsRune("-–—", atoms[j].r) {
		k := j + 1
		for k < len(atoms) && isDigit(atoms[k].r) {
			k++
		}
		if k-j-1 == 4 {
			year = k - j
		}
	}
	if !slash && year == 0 {
		return 0
	}
	return j + year - i
}

// numberAt returns the length of the number starting at atoms[i], or 0:
// digits (half or full width) with decimal points, thousands separators
// (a comma before exactly three digits), a range to a second number
// ("2023-2025", "3～5") and a trailing percent or per-mille sign.
func numberAt(atoms []atom, i int) int {
	if !isDigit(atoms[i].r) || i > 0 && (isDigit(atoms[i-1].r) || isASCIILetterOrDigit(atoms[i-1].r)) {
		return 0
	}
	j := digitsFrom(atoms, i)
	for j < len(atoms) {
		switch r := atoms[j].r; {
		case (r == '.' || r == '．') && j+1 < len(atoms) && isDigit(atoms[j+1].r):
			j = digitsFrom(atoms, j+1)
		case (r == ',' || r == '，') && digitsFrom(atoms, j+1)-(j+1) == 3:
			j = digitsFrom(atoms, j+1)
		case strings.ContainsRune("-–—~～", r) && j+1 < len(atoms) && isDigit(atoms[j+1].r):
			j = digitsFrom(atoms, j+1)
		default:
			if strings.ContainsRune("%％‰", r) {
				j++
			}
			return j - i
		}
	}
	return j - i
}

// digitsFrom is the end of the run of digits starting at i.
func digitsFrom(atoms []atom, i int) int {
	for i < len(atoms) && isDigit(atoms[i].r) {
		i++
	}
	return i
}
