// Package pzlib compresses large data into one zlib stream (RFC 1950) on
// several cores, as pigz does: the data is cut into chunks of a fixed size,
// each chunk is compressed on its own into deflate blocks (RFC 1951) ending
// on a byte boundary, and the blocks are joined in order between one zlib
// header and the Adler-32 of the whole. Any zlib or Flate decoder — a PDF
// reader's FlateDecode — reads the result as one stream.
//
// The chunk size is a constant, never derived from the number of cores, and
// each chunk is compressed on its own (by a freshly reset compressor, or
// pzlib's Huffman coder), so the bytes are the same on any machine,
// GOMAXPROCS and scheduling.
package pzlib

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"runtime"
	"sync"
	"sync/atomic"
)

// ChunkSize is how much data each chunk holds (the last one less). At
// 128 KiB a chunk is worth a goroutine — compressing it takes half a
// millisecond to two — and cutting the history at chunk starts costs about
// 0.1 % of size on a font program (measured on the sample's FandolFang subset,
// 617 KB: 429,654 bytes in one stream, 430,139 in 128 KiB chunks at
// BestSpeed).
const ChunkSize = 128 << 10

// Compress returns data compressed as one zlib stream at level (one of
// compress/flate's levels), a chunk per core. At HuffmanOnly each chunk is
// one block coded here (huffman.go), in two thirds of compress/flate's
// time; at the other levels compress/flate writes the blocks, and data of
// at most ChunkSize bytes comes out as compress/zlib's Writer writes it.
//
// A chunk is compressed without the previous chunk's last 32 KiB as a
// preset dictionary: at the levels the renderer uses, BestSpeed and
// HuffmanOnly, compress/flate ignores a dictionary (its fast matcher keeps
// history only of what it compressed itself), so chunks would reference
// nothing before them either way.
func Compress(data []byte, level int) ([]byte, error) {
	flevel, err := headerLevel(level)
	if err != nil {
		return nil, err
	}
	n := max(1, (len(data)+ChunkSize-1)/ChunkSize)
	parts := make([][]byte, n)
	sums := make([]uint32, n)
	var next atomic.Int64
	work := func() {
		var zw *flate.Writer
		if level != flate.HuffmanOnly {
			pool := writers(level)
			zw = pool.Get().(*flate.Writer)
			defer pool.Put(zw)
		}
		for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
			chunk := data[min(i*ChunkSize, len(data)):min((i+1)*ChunkSize, len(data))]
			if zw == nil {
				parts[i] = huffmanChunk(make([]byte, 0, len(chunk)*7/8+512), chunk, i == n-1)
			} else {
				parts[i] = compressChunk(zw, chunk, i == n-1)
			}
			sums[i] = adler32.Checksum(chunk)
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()

	size := 2 + 4
	for _, p := range parts {
		size += len(p)
	}
	out := make([]byte, 2, size)
	out[0], out[1] = 0x78, flevel // CM 8 (deflate), CINFO 7 (32 KiB window)
	out[1] += byte(31 - binary.BigEndian.Uint16(out)%31)
	sum := sums[0]
	for i, p := range parts {
		out = append(out, p...)
		if i > 0 {
			sum = combineAdler(sum, sums[i], chunkLen(len(data), i))
		}
	}
	return binary.BigEndian.AppendUint32(out, sum), nil
}

// chunkLen is the length of chunk i of data of length total.
func chunkLen(total, i int) int {
	return min((i+1)*ChunkSize, total) - i*ChunkSize
}

// compressChunk compresses one chunk with zw, reset, into deflate blocks and
// returns them. A chunk before the last ends with a sync flush (an empty
// stored block: the data so far, byte-aligned, no final block); the last
// ends the stream.
func compressChunk(zw *flate.Writer, chunk []byte, last bool) []byte {
	var buf bytes.Buffer
	buf.Grow(len(chunk)*4/5 + 64) // glyph outlines compress to 70–75 %: mostly one allocation
	zw.Reset(&buf)
	zw.Write(chunk) // a bytes.Buffer does not fail
	if last {
		zw.Close()
	} else {
		zw.Flush()
	}
	return buf.Bytes()
}

// adlerMod is the modulus of Adler-32 (RFC 1950 8.2).
const adlerMod = 65521

// combineAdler is the Adler-32 of A followed by B, from a = Adler-32(A),
// b = Adler-32(B) and len(B). Adler-32 keeps s1 = 1 + the sum of the bytes
// and s2 = the sum of s1 after each byte (RFC 1950 8.2): after B, s1 is
// a1 + b1 − 1, and each of B's n bytes adds to s2 its s1 within B plus
// a1 − 1, so s2 is a2 + b2 + n·(a1 − 1).
func combineAdler(a, b uint32, lenB int) uint32 {
	n := uint64(lenB % adlerMod)
	a1, a2 := uint64(a&0xFFFF), uint64(a>>16)
	b1, b2 := uint64(b&0xFFFF), uint64(b>>16)
	s1 := (a1 + b1 + adlerMod - 1) % adlerMod
	s2 := (a2 + b2 + n*a1 + adlerMod - n) % adlerMod
	return uint32(s2<<16 | s1)
}

// headerLevel is the FLEVEL bits of the zlib header for level, as
// compress/zlib writes them (RFC 1950 2.2: 0 fastest … 3 slowest).
func headerLevel(level int) (byte, error) {
	switch level {
	case flate.HuffmanOnly, flate.NoCompression, flate.BestSpeed:
		return 0 << 6, nil
	case 2, 3, 4, 5:
		return 1 << 6, nil
	case 6, flate.DefaultCompression:
		return 2 << 6, nil
	case 7, 8, flate.BestCompression:
		return 3 << 6, nil
	}
	return 0, fmt.Errorf("pzlib: no compression level %d", level)
}

// pools holds a pool of compressors per level. A compressor allocates about
// 700 KB (compress/flate's hash tables are part of it), so each is reused;
// a reset compressor writes the same bytes as a new one.
var pools sync.Map // level → *sync.Pool

// writers returns the pool of compressors of level, a valid level
// (headerLevel accepts it).
func writers(level int) *sync.Pool {
	if p, ok := pools.Load(level); ok {
		return p.(*sync.Pool)
	}
	p, _ := pools.LoadOrStore(level, &sync.Pool{New: func() any {
		zw, _ := flate.NewWriter(nil, level) // a valid level never fails
		return zw
	}})
	return p.(*sync.Pool)
}
