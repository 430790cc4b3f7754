// Package zhwords knows where the words of a Chinese text are, from a word
// set generated at development time from a real dictionary (NOTICE.md):
// about 100,000 words of 2 to 8 hanzi, embedded as one sorted blob and
// searched in place, so nothing is parsed at start-up.
//
// Layout uses it to break titles and 目录 entries between words
// (GB/T 9704-2012 7.3.1 "词意完整"; docs/line-composition.md#titles-and-table-of-contents-entries).
package zhwords

//go:generate go run ./internal/mkwords

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"strings"
)

//go:embed words.bin
var blob []byte

// The word lengths the set holds, in characters.
const (
	MinLen = 2
	MaxLen = 8
)

// sections holds, for each length, the sorted records of that length.
var sections = split(blob)

// split finds the sections of the blob (see mkwords for the format): a
// header of seven counts, then fixed-size records; nothing is copied.
func split(b []byte) [MaxLen + 1][]byte {
	var s [MaxLen + 1][]byte
	if len(b) < 4+4*(MaxLen-MinLen+1) || string(b[:4]) != "ZHW1" {
		return s // no words: every text is one character a word
	}
	off := 4 + 4*(MaxLen-MinLen+1)
	for n := MinLen; n <= MaxLen; n++ {
		size := int(binary.BigEndian.Uint32(b[4+4*(n-MinLen):])) * 2 * n
		if off+size > len(b) {
			return [MaxLen + 1][]byte{}
		}
		s[n] = b[off : off+size]
		off += size
	}
	return s
}

// Contains reports whether w is a word of the set.
func Contains(w []rune) bool {
	n := len(w)
	if n < MinLen || n > MaxLen {
		return false
	}
	var key [2 * MaxLen]byte
	for i, r := range w {
		if r < 0x4E00 || r > 0x9FFF {
			return false
		}
		binary.BigEndian.PutUint16(key[2*i:], uint16(r-0x4E00))
	}
	sec, size := sections[n], 2*n
	lo, hi := 0, len(sec)/size
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := bytes.Compare(sec[m*size:(m+1)*size], key[:size]); {
		case c == 0:
			return true
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return false
}

// Segment splits text into words and returns their lengths in runes. It
// picks the segmentation with the fewest words, a character standing alone
// (in no dictionary word there) counting one and a half words: so
// "常务/委员会" wins over "常务委员/会". Of equally good ones, the one whose
// first words are longest, a word before a character alone ("建议/和", not
// "建/议和"). Characters that are not hanzi are words of one.
func Segment(text []rune) []int {
	const word, single = 2, 3 // the costs of a word and of a character alone
	n := len(text)
	cost := make([]int, n+1) // least cost of text[i:]
	step := make([]int, n+1) // the first word's length there
	for i := n - 1; i >= 0; i-- {
		cost[i], step[i] = cost[i+1]+single, 1
		for k := min(MaxLen, n-i); k >= MinLen; k-- {
			if c := cost[i+k] + word; (c < cost[i] || c == cost[i] && step[i] == 1) && Contains(text[i:i+k]) {
				cost[i], step[i] = c, k
			}
		}
	}
	var out []int
	for i := 0; i < n; i += step[i] {
		out = append(out, step[i])
	}
	return out
}

// functionWords are the one-character function words (虚词) a line of a
// title or 目录 entry may break before or after freely: the structural
// particle 的, the conjunctions 和 与 及 或, the prepositions 在 对 为 于 把
// 被 将 and 之 (关于…的通知, A和B, 对…的).
const functionWords = "的和与及或在对为之于把被将"

// IsFunctionWord reports whether r is a one-character function word: a
// character standing alone in a segmentation that binds to neither
// neighbour.
func IsFunctionWord(r rune) bool {
	return r >= 0x4E00 && strings.ContainsRune(functionWords, r)
}
