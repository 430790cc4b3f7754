// Package zhwords knows where the words of a Chinese text are, from a word
// set generated at development time from a real dictionary (NOTICE.md):
// about 170,000 words of 2 to 8 hanzi and their frequencies, embedded as
// one sorted blob and searched in place, so nothing is parsed at start-up.
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

// The hanzi the set knows: CJK Unified Ideographs, each stored as its
// offset from firstHan in a big-endian uint16.
const (
	firstHan = 0x4E00
	lastHan  = 0x9FFF
)

// headerSize is the size of the blob's header: the magic "ZHW2", the
// class of the dictionary's total frequency, a count for each length.
const headerSize = 4 + 2 + 4*(MaxLen-MinLen+1)

// set is the word set, its parts slices of the blob (see mkwords for the
// format): nothing is copied or parsed.
type set struct {
	// total is the class of the dictionary's total frequency: a word's
	// log-probability is its class minus total.
	total int
	// single holds the class of each hanzi, by offset from firstHan; 0
	// for one the dictionary lacks.
	single []byte
	// keys holds, for each length, the sorted records of that length;
	// classes the class of each, in the same order.
	keys, classes [MaxLen + 1][]byte
}

var wordSet = split(blob)

// split finds the parts of the blob. A blob it cannot read gives an empty
// set: every text is then one character a word.
func split(b []byte) set {
	var s set
	if len(b) < headerSize || string(b[:4]) != "ZHW2" {
		return set{}
	}
	s.total = int(binary.BigEndian.Uint16(b[4:]))
	off := headerSize
	s.single, off = b[off:min(len(b), off+lastHan-firstHan+1)], off+lastHan-firstHan+1
	for n := MinLen; n <= MaxLen; n++ {
		count := int(binary.BigEndian.Uint32(b[6+4*(n-MinLen):]))
		if off+count*(2*n+1) > len(b) {
			return set{}
		}
		s.keys[n], off = b[off:off+2*n*count], off+2*n*count
		s.classes[n], off = b[off:off+count], off+count
	}
	return s
}

// find returns the frequency class of w and whether it is a word of the
// set of two characters or more.
func (s *set) find(w []rune) (int, bool) {
	n := len(w)
	if n < MinLen || n > MaxLen {
		return 0, false
	}
	var key [2 * MaxLen]byte
	for i, r := range w {
		if r < firstHan || r > lastHan {
			return 0, false
		}
		binary.BigEndian.PutUint16(key[2*i:], uint16(r-firstHan))
	}
	sec, size := s.keys[n], 2*n
	lo, hi := 0, len(sec)/size
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := bytes.Compare(sec[m*size:(m+1)*size], key[:size]); {
		case c == 0:
			return int(s.classes[n][m]), true
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// singleClass returns the frequency class of a one-character word: a
// hanzi's from the dictionary, 0 (a frequency of one, as jieba counts an
// unknown character) for any other.
func (s *set) singleClass(r rune) int {
	if i := int(r) - firstHan; i >= 0 && i < len(s.single) {
		return int(s.single[i])
	}
	return 0
}

// Contains reports whether w is a word of the set.
func Contains(w []rune) bool {
	_, ok := wordSet.find(w)
	return ok
}

// Segment splits text into words and returns their lengths in runes. It
// picks the most probable segmentation, as jieba and gse do: each word's
// probability is its frequency in the dictionary over the dictionary's
// total, a character in no word there counts as a word of frequency one,
// and the segmentation whose product of probabilities is greatest wins
// (the sum of log-frequencies, over the graph of the dictionary words of
// text). So "区政府/第" beats "区政/府第", the pair of words being less
// probable than the word and the character together. Of equally probable
// ones, the one whose first words are longest. Characters that are not
// hanzi are words of one.
func Segment(text []rune) []int {
	n := len(text)
	score := make([]int, n+1) // the greatest log-probability of text[i:]
	step := make([]int, n+1)  // the first word's length there
	for i := n - 1; i >= 0; i-- {
		score[i], step[i] = score[i+1]+wordSet.singleClass(text[i])-wordSet.total, 1
		for k := min(MaxLen, n-i); k >= MinLen; k-- {
			if c, ok := wordSet.find(text[i : i+k]); ok {
				if s := score[i+k] + c - wordSet.total; s > score[i] {
					score[i], step[i] = s, k
				}
			}
		}
	}
	out := make([]int, 0, n)
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
