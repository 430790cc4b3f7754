package pzlib

import (
	"cmp"
	"encoding/binary"
	"slices"
	"sync"
)

// Huffman-only deflate (RFC 1951), written here rather than by
// compress/flate, whose HuffmanOnly level took half as long again on a font
// program (3.0 against 2.0 ms for the sample's body face, 617 KB): it
// writes a block, with a code of its own, per 64 KiB, and moves every code
// through its writer's fields with a branch on each full word. A chunk is
// one block with a dynamic Huffman code of its bytes' frequencies (RFC 1951
// 3.2.7), literals only.

const (
	maxLitBits  = 15  // longest literal/length code (RFC 1951 3.2.7)
	maxCodeBits = 7   // longest code length code
	endOfBlock  = 256 // the literal/length symbol ending a block
	numLits     = 257 // literal/length codes sent: the bytes and end of block (HLIT 0)
)

// codeLengthOrder is the order the code length code's lengths are sent in
// (RFC 1951 3.2.7).
var codeLengthOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// bitWriter appends bits to a byte slice, least significant bit first as
// deflate packs them (RFC 1951 3.1.1).
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

// put writes the n low bits of v (n ≤ 32).
func (w *bitWriter) put(v uint32, n uint) {
	w.acc |= uint64(v) << w.nacc
	w.nacc += n
	if w.nacc >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.nacc -= 32
	}
}

// align pads with zero bits to a byte boundary and writes out what is held.
func (w *bitWriter) align() {
	for w.nacc > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nacc = max(w.nacc, 8) - 8
	}
	w.acc = 0
}

// huffmanChunk appends chunk to dst as one deflate block of literals coded
// with the chunk's own Huffman code. The last chunk's block is final; any
// other is followed by an empty stored block (a sync flush), so that it
// ends on a byte boundary and the next chunk's block can follow it.
func huffmanChunk(dst, chunk []byte, last bool) []byte {
	var freq [numLits]int
	histogram(chunk, &freq)
	freq[endOfBlock] = 1
	var lens [numLits]uint8
	codeLengths(freq[:], lens[:], maxLitBits)
	var codes [numLits]uint16
	canonicalCodes(lens[:], codes[:])

	w := bitWriter{out: dst}
	w.put(b2u(last)|2<<1, 3) // BFINAL, BTYPE 10: dynamic Huffman codes
	writeCodeLengths(&w, lens[:])

	var enc [256]uint32 // code << 8 | length, for the loop below
	for i := range enc {
		enc[i] = uint32(codes[i])<<8 | uint32(lens[i])
	}
	w.out = slices.Grow(w.out, dataBytes(&freq, &lens)+16)
	w.acc, w.nacc, w.out = emitLiterals(w.acc, w.nacc, w.out, chunk, &enc)
	w.put(uint32(codes[endOfBlock]), uint(lens[endOfBlock]))
	if !last {
		w.put(0, 3) // BFINAL 0, BTYPE 00: a stored block …
		w.align()
		w.out = append(w.out, 0, 0, 0xFF, 0xFF) // … of no bytes (LEN 0, NLEN ~0)
	}
	w.align()
	return w.out
}

// dataBytes is how many bytes the chunk of byte frequencies freq takes
// coded with lengths lens, rounded up.
func dataBytes(freq *[numLits]int, lens *[numLits]uint8) int {
	bits := 0
	for c := range 256 {
		bits += freq[c] * int(lens[c])
	}
	return (bits + 7) / 8
}

// emitLiterals appends the codes of chunk's bytes (enc: code << 8 | length)
// to out, after the nacc (< 32) bits held in acc, and returns what is then
// held and written. out must have room for the codes and 8 bytes more: each
// step stores all 8 bytes of acc and keeps only the bits of the last,
// unfinished byte, without a branch on whether a byte is full. Two bytes go
// a step, their codes (at most 30 bits) joined first, so that the bit count
// the next step shifts by is added once per two bytes.
func emitLiterals(acc uint64, nacc uint, out, chunk []byte, enc *[256]uint32) (uint64, uint, []byte) {
	for nacc >= 8 { // start with less than a byte held
		out = append(out, byte(acc))
		acc >>= 8
		nacc -= 8
	}
	buf := out[:cap(out)]
	pos := len(out)
	i := 0
	for ; i+2 <= len(chunk); i += 2 {
		e1, e2 := enc[chunk[i]], enc[chunk[i+1]]
		n1 := uint(e1 & 0xFF)
		acc |= (uint64(e1>>8) | uint64(e2>>8)<<n1) << nacc
		nacc += n1 + uint(e2&0xFF)
		binary.LittleEndian.PutUint64(buf[pos:], acc)
		full := nacc >> 3
		pos += int(full)
		acc >>= full << 3
		nacc &= 7
	}
	if i < len(chunk) {
		e := enc[chunk[i]]
		acc |= uint64(e>>8) << nacc
		nacc += uint(e & 0xFF)
	}
	return acc, nacc, buf[:pos]
}

// histogram counts the bytes of b into freq.
func histogram(b []byte, freq *[numLits]int) {
	var f [4][256]int32 // four tables, so that runs of one byte do not wait on one counter
	i := 0
	for ; i+4 <= len(b); i += 4 {
		f[0][b[i]]++
		f[1][b[i+1]]++
		f[2][b[i+2]]++
		f[3][b[i+3]]++
	}
	for ; i < len(b); i++ {
		f[0][b[i]]++
	}
	for c := range 256 {
		freq[c] = int(f[0][c]) + int(f[1][c]) + int(f[2][c]) + int(f[3][c])
	}
}

// writeCodeLengths writes the block header after BTYPE: the numbers of
// codes, the code length code and, in it, the literal/length code's
// lengths followed by the one distance code's (RFC 1951 3.2.7). No distance
// is used, but a decoder expects a distance code: one of one bit, as RFC
// 1951 3.2.7 allows.
func writeCodeLengths(w *bitWriter, lens []uint8) {
	seq := append(append(make([]uint8, 0, len(lens)+1), lens...), 1)
	syms := runLengths(seq)
	var freq [19]int
	for _, s := range syms {
		freq[s.sym]++
	}
	var clLens [19]uint8
	codeLengths(freq[:], clLens[:], maxCodeBits)
	var clCodes [19]uint16
	canonicalCodes(clLens[:], clCodes[:])
	n := len(codeLengthOrder)
	for n > 4 && clLens[codeLengthOrder[n-1]] == 0 {
		n--
	}
	w.put(uint32(len(lens)-257), 5) // HLIT
	w.put(0, 5)                     // HDIST: one distance code
	w.put(uint32(n-4), 4)           // HCLEN
	for _, s := range codeLengthOrder[:n] {
		w.put(uint32(clLens[s]), 3)
	}
	for _, s := range syms {
		w.put(uint32(clCodes[s.sym]), uint(clLens[s.sym]))
		switch s.sym {
		case 16:
			w.put(uint32(s.extra), 2)
		case 17:
			w.put(uint32(s.extra), 3)
		case 18:
			w.put(uint32(s.extra), 7)
		}
	}
}

// clSym is one symbol of the code length code and its extra bits.
type clSym struct{ sym, extra uint8 }

// runLengths codes a sequence of code lengths with the code length
// alphabet: 0–15 themselves, 16 the previous length 3–6 times, 17 zero 3–10
// times, 18 zero 11–138 times (RFC 1951 3.2.7).
func runLengths(seq []uint8) []clSym {
	var out []clSym
	for i := 0; i < len(seq); {
		v, run := seq[i], 1
		for i+run < len(seq) && seq[i+run] == v {
			run++
		}
		i += run
		if v == 0 {
			for run >= 11 {
				k := min(run, 138)
				out = append(out, clSym{18, uint8(k - 11)})
				run -= k
			}
			if run >= 3 {
				out = append(out, clSym{17, uint8(run - 3)})
				run = 0
			}
		} else {
			out = append(out, clSym{v, 0})
			run--
			for run >= 3 {
				k := min(run, 6)
				out = append(out, clSym{16, uint8(k - 3)})
				run -= k
			}
		}
		for ; run > 0; run-- {
			out = append(out, clSym{v, 0})
		}
	}
	return out
}

// codeLengths sets lens to the lengths of an optimal prefix code for freq
// with no code longer than limit, by package-merge (Larmore and Hirschberg,
// 1990). Symbols of frequency zero get no code. Fewer than two used symbols
// get codes of one bit, padded with the first unused symbols, so that the
// code is complete, as zlib's decoder requires of the code length code.
// Ties are broken by symbol, so the lengths depend only on freq.
func codeLengths(freq []int, lens []uint8, limit int) {
	clear(lens)
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	// every list has at most 2n − 1 items: all in one array, carved list
	// by list (it never grows, so the lists stay valid)
	if need := limit * 2 * max(len(freq), 2); cap(sc.items) < need {
		sc.items = make([]pmItem, 0, need)
	}
	all := sc.items[:0]
	for s, f := range freq {
		if f > 0 {
			all = append(all, pmItem{f, s})
		}
	}
	for s := 0; len(all) < 2; s++ {
		if freq[s] == 0 {
			all = append(all, pmItem{1, s})
		}
	}
	leaves := all
	slices.SortFunc(leaves, func(a, b pmItem) int {
		return cmp.Or(cmp.Compare(a.weight, b.weight), cmp.Compare(a.leaf, b.leaf))
	})
	lists := sc.lists[:limit]
	lists[0] = leaves
	for l := 1; l < limit; l++ {
		prev, start, li := lists[l-1], len(all), 0
		for p := 0; p+1 < len(prev); p += 2 {
			pkg := pmItem{prev[p].weight + prev[p+1].weight, -1}
			for li < len(leaves) && leaves[li].weight <= pkg.weight {
				all = append(all, leaves[li])
				li++
			}
			all = append(all, pkg)
		}
		all = append(all, leaves[li:]...)
		lists[l] = all[start:]
	}
	// The 2n−2 cheapest items of the last list make the code: a symbol's
	// length is the number of lists in which it is among those chosen, and
	// k packages chosen in a list choose the first 2k items of the one
	// before.
	take := 2*len(leaves) - 2
	for l := limit - 1; l >= 0; l-- {
		pkgs := 0
		for _, it := range lists[l][:take] {
			if it.leaf >= 0 {
				lens[it.leaf]++
			} else {
				pkgs++
			}
		}
		take = 2 * pkgs
	}
}

// pmItem is an item of a package-merge list: a symbol and its frequency,
// or a package of two items of the list before and their summed weight.
type pmItem struct {
	weight int
	leaf   int // the symbol, or -1 for a package
}

// scratch is codeLengths' working space, kept for reuse (for the
// literal/length code about 120 KB).
type scratch struct {
	items []pmItem
	lists [maxLitBits][]pmItem
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// canonicalCodes sets codes to the canonical Huffman code of lens (RFC 1951
// 3.2.2), each bit-reversed, since deflate sends a code's bits from its
// most significant one into a stream packed from the least significant.
func canonicalCodes(lens []uint8, codes []uint16) {
	var count [maxLitBits + 1]int
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	var next [maxLitBits + 2]int
	code := 0
	for bits := 1; bits <= maxLitBits; bits++ {
		code = (code + count[bits-1]) << 1
		next[bits] = code
	}
	for s, l := range lens {
		if l == 0 {
			continue
		}
		codes[s] = reverse(uint16(next[l]), l)
		next[l]++
	}
}

// reverse is the n low bits of v in reverse order.
func reverse(v uint16, n uint8) uint16 {
	var r uint16
	for range n {
		r = r<<1 | v&1
		v >>= 1
	}
	return r
}

// b2u is 1 for true.
func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}
