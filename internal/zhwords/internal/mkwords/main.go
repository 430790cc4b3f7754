// Command mkwords writes the word set of package zhwords (words.bin) from
// the Chinese dictionary of github.com/go-ego/gse (Apache-2.0, its data
// partly from jieba, MIT), read from the Go module cache. It runs at
// development time only (go generate ./internal/zhwords); gazette does not
// depend on gse.
//
// Kept: words of 2 to 8 characters, all of them CJK Unified Ideographs
// (U+4E00–U+9FFF), with a frequency of at least floor(length) in the
// dictionary, and every single hanzi's frequency (at least shortFloor).
// Each frequency is kept as a class, its natural logarithm in sixteenths
// (one byte), for segmentation by the most probable path.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// gseModule is the dictionary's module and version.
const gseModule = "github.com/go-ego/gse@v0.80.3"

// The frequency floors. A short word of low frequency is often a name or
// a fragment (区政, 府第-like pairs) that would steal characters from
// its neighbours; a word of four characters or more rarely matches text
// it is not, and the dictionary gives many real compounds only its
// default frequency of 3 (常务会议, 文化遗产). So short words need
// shortFloor and long ones longFloor.
const (
	shortFloor = 10
	longFloor  = 3
	longFrom   = 4 // the length from which longFloor applies
)

// floor returns the least frequency a word of n characters needs.
func floor(n int) float64 {
	if n >= longFrom {
		return longFloor
	}
	return shortFloor
}

// The word lengths kept, in characters.
const (
	minLen = 2
	maxLen = 8
)

// The hanzi kept: CJK Unified Ideographs.
const (
	firstHan = 0x4E00
	lastHan  = 0x9FFF
)

// classScale is the number of frequency classes per unit of natural
// logarithm: a class is round(ln(frequency) × classScale), 0 to 255.
const classScale = 16

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "mkwords:", err)
		os.Exit(1)
	}
}

func run() error {
	dir, err := moduleDir(gseModule)
	if err != nil {
		return err
	}
	d, err := readDict(filepath.Join(dir, "data", "dict", "zh", "s_1.txt"))
	if err != nil {
		return err
	}
	if err := os.WriteFile("words.bin", encode(d), 0o644); err != nil {
		return err
	}
	lic, err := os.ReadFile(filepath.Join(dir, "LICENSE"))
	if err != nil {
		return fmt.Errorf("gse's licence: %w", err)
	}
	return os.WriteFile("LICENSE-gse.txt", lic, 0o644)
}

// moduleDir downloads mod into the module cache (or finds it there) and
// returns its directory.
func moduleDir(mod string) (string, error) {
	out, err := exec.Command("go", "mod", "download", "-json", mod).Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %w", mod, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", fmt.Errorf("go mod download %s: %w", mod, err)
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", mod, info.Error)
	}
	return info.Dir, nil
}

// word is a dictionary word and its frequency class.
type word struct {
	text  string
	class byte
}

// dict is what the blob holds.
type dict struct {
	total  float64                      // the sum of all frequencies of the dictionary
	single [lastHan - firstHan + 1]byte // each hanzi's class
	byLen  [maxLen + 1][]word
}

// readDict reads the lines "word frequency tag" of a gse dictionary.
func readDict(path string) (*dict, error) {
	d := new(dict)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	kept := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || freq <= 0 {
			continue
		}
		d.total += freq // as jieba: every entry counts toward the total
		w := fields[0]
		rs := []rune(w)
		n := len(rs)
		if seen[w] || !allHan(w) || n > maxLen {
			continue
		}
		seen[w] = true
		switch {
		case n == 1:
			// A hanzi alone counts at least shortFloor: the dictionary
			// lists bound characters (局 会 员 议, tagged zg) at 2 to 9,
			// below any short word kept, and a rare word would then take
			// them from their neighbour (建/设局 for 建设/局).
			d.single[rs[0]-firstHan] = class(max(freq, shortFloor))
		case n >= minLen && freq >= floor(n):
			d.byLen[n] = append(d.byLen[n], word{w, class(freq)})
			kept++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if kept == 0 {
		return nil, errors.New(path + ": no words")
	}
	return d, nil
}

// class returns the frequency class of freq.
func class(freq float64) byte {
	return byte(min(255, max(0, math.Round(math.Log(freq)*classScale))))
}

func allHan(w string) bool {
	for _, r := range w {
		if r < firstHan || r > lastHan {
			return false
		}
	}
	return true
}

// encode writes the format zhwords reads:
//
//   - "ZHW2";
//   - the class of the dictionary's total frequency (uint16, big-endian);
//   - for each length from minLen to maxLen the number of words (uint32,
//     big-endian);
//   - the class of each hanzi from U+4E00 to U+9FFF, one byte each (0: not
//     in the dictionary);
//   - for each length, the words of that length sorted, each character as
//     rune−0x4E00 in a big-endian uint16, so that byte order is character
//     order; then their classes, one byte each, in the same order.
func encode(d *dict) []byte {
	var b bytes.Buffer
	b.WriteString("ZHW2")
	binary.Write(&b, binary.BigEndian, uint16(math.Round(math.Log(d.total)*classScale)))
	for n := minLen; n <= maxLen; n++ {
		binary.Write(&b, binary.BigEndian, uint32(len(d.byLen[n])))
	}
	b.Write(d.single[:])
	for n := minLen; n <= maxLen; n++ {
		type rec struct {
			key   []byte
			class byte
		}
		recs := make([]rec, 0, len(d.byLen[n]))
		for _, w := range d.byLen[n] {
			key := make([]byte, 0, 2*n)
			for _, r := range w.text {
				key = binary.BigEndian.AppendUint16(key, uint16(r-firstHan))
			}
			recs = append(recs, rec{key, w.class})
		}
		slices.SortFunc(recs, func(a, b rec) int { return bytes.Compare(a.key, b.key) })
		for _, r := range recs {
			b.Write(r.key)
		}
		for _, r := range recs {
			b.WriteByte(r.class)
		}
	}
	return b.Bytes()
}
