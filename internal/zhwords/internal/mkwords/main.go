// Command mkwords writes the word set of package zhwords (words.bin) from
// the Chinese dictionary of github.com/go-ego/gse (Apache-2.0, its data
// partly from jieba, MIT), read from the Go module cache. It runs at
// development time only (go generate ./internal/zhwords); gazette does not
// depend on gse.
//
// Kept: words of 2 to 8 characters, all of them CJK Unified Ideographs
// (U+4E00–U+9FFF), with a frequency of at least minFreq in the dictionary.
// The frequencies are dropped: a title needs to know where words are, not
// how common they are.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// gseModule is the dictionary's module and version.
const gseModule = "github.com/go-ego/gse@v0.80.3"

// minFreq is the frequency floor: about 100,000 words, 0.5 MB.
const minFreq = 10

// The word lengths kept, in characters.
const (
	minLen = 2
	maxLen = 8
)

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
	words, err := readDict(filepath.Join(dir, "data", "dict", "zh", "s_1.txt"))
	if err != nil {
		return err
	}
	if err := os.WriteFile("words.bin", encode(words), 0o644); err != nil {
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

// readDict reads the lines "word frequency tag" of a gse dictionary and
// returns the words kept, by length.
func readDict(path string) ([maxLen + 1][]string, error) {
	var byLen [maxLen + 1][]string
	f, err := os.Open(path)
	if err != nil {
		return byLen, err
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		w := fields[0]
		n := len([]rune(w))
		if err != nil || freq < minFreq || n < minLen || n > maxLen || !allHan(w) || seen[w] {
			continue
		}
		seen[w] = true
		byLen[n] = append(byLen[n], w)
	}
	if err := sc.Err(); err != nil {
		return byLen, err
	}
	if len(seen) == 0 {
		return byLen, errors.New(path + ": no words")
	}
	return byLen, nil
}

func allHan(w string) bool {
	for _, r := range w {
		if r < 0x4E00 || r > 0x9FFF {
			return false
		}
	}
	return true
}

// encode writes the format zhwords reads: "ZHW1", then for each length from
// minLen to maxLen the number of words (uint32, big-endian), then the words
// of each length sorted, each character as rune−0x4E00 in a big-endian
// uint16, so that byte order is character order.
func encode(byLen [maxLen + 1][]string) []byte {
	var b bytes.Buffer
	b.WriteString("ZHW1")
	for n := minLen; n <= maxLen; n++ {
		binary.Write(&b, binary.BigEndian, uint32(len(byLen[n])))
	}
	for n := minLen; n <= maxLen; n++ {
		recs := make([][]byte, 0, len(byLen[n]))
		for _, w := range byLen[n] {
			rec := make([]byte, 0, 2*n)
			for _, r := range w {
				rec = binary.BigEndian.AppendUint16(rec, uint16(r-0x4E00))
			}
			recs = append(recs, rec)
		}
		slices.SortFunc(recs, bytes.Compare)
		for _, rec := range recs {
			b.Write(rec)
		}
	}
	return b.Bytes()
}
