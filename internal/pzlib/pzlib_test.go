package pzlib

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"hash/adler32"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"testing"
)

// testData is n bytes that compress somewhat, as font programs do: runs of
// random bytes, some of them repeated from earlier.
func testData(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	b := make([]byte, 0, n)
	for len(b) < n {
		k := 1 + r.IntN(200)
		if len(b) > 1000 && r.IntN(3) == 0 {
			from := r.IntN(len(b) - k)
			b = append(b, b[from:from+k]...)
			continue
		}
		for range k {
			b = append(b, byte(r.IntN(64)))
		}
	}
	return b[:n]
}

func inflate(t *testing.T, z []byte) []byte {
	t.Helper()
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatalf("zlib header: %v", err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("inflate: %v", err)
	}
	if err := zr.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	return got
}

func TestCompressRoundTrips(t *testing.T) {
	sizes := []int{0, 1, 1000, ChunkSize - 1, ChunkSize, ChunkSize + 1, 2 * ChunkSize, 4*ChunkSize + 12345}
	for _, level := range []int{flate.HuffmanOnly, flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, 4, flate.BestCompression} {
		for _, n := range sizes {
			data := testData(n, uint64(n))
			z, err := Compress(data, level)
			if err != nil {
				t.Fatalf("level %d, %d bytes: %v", level, n, err)
			}
			if got := inflate(t, z); !bytes.Equal(got, data) {
				t.Errorf("level %d, %d bytes: inflated %d bytes, not the data", level, n, len(got))
			}
			// the trailer is the Adler-32 of the whole data (zlib's reader
			// checks it too; a wrong combination fails above)
			if want := adler32.Checksum(data); uint32(z[len(z)-4])<<24|uint32(z[len(z)-3])<<16|uint32(z[len(z)-2])<<8|uint32(z[len(z)-1]) != want {
				t.Errorf("level %d, %d bytes: trailer is not the data's Adler-32 %08x", level, n, want)
			}
		}
	}
}

// TestOneChunkIsZlib: at the levels compress/flate codes, data that fits
// one chunk gives compress/zlib's bytes; at every level the stream starts
// with zlib's header for the level.
func TestOneChunkIsZlib(t *testing.T) {
	for _, level := range []int{flate.HuffmanOnly, flate.BestSpeed, flate.DefaultCompression, flate.BestCompression} {
		for _, n := range []int{0, 5000, ChunkSize, 3 * ChunkSize} {
			data := testData(n, 7)
			var want bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&want, level)
			zw.Write(data)
			zw.Close()
			got, err := Compress(data, level)
			if err != nil {
				t.Fatal(err)
			}
			if level != flate.HuffmanOnly && n <= ChunkSize && !bytes.Equal(got, want.Bytes()) {
				t.Errorf("level %d, %d bytes: %d bytes, compress/zlib gives %d", level, n, len(got), want.Len())
			}
			if !bytes.Equal(got[:2], want.Bytes()[:2]) {
				t.Errorf("level %d, %d bytes: header % x, compress/zlib writes % x", level, n, got[:2], want.Bytes()[:2])
			}
		}
	}
}

// TestSameOnAnyCores: the bytes do not depend on GOMAXPROCS or on which
// goroutine compressed which chunk.
func TestSameOnAnyCores(t *testing.T) {
	data := testData(7*ChunkSize+999, 3)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first []byte
	for _, procs := range []int{1, 2, 3, 8, 1, 8} {
		runtime.GOMAXPROCS(procs)
		got, err := Compress(data, flate.BestSpeed)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = got
		} else if !bytes.Equal(got, first) {
			t.Errorf("GOMAXPROCS %d: %d bytes differ from GOMAXPROCS 1's %d", procs, len(got), len(first))
		}
	}
}

// TestChunksEndAtBlocks: the stream of several chunks has a sync marker
// (an empty stored block) at the end of every chunk but the last, and only
// the last chunk's blocks are final — the stream is the chunks' blocks in
// order, which a flate reader reads chunk by chunk.
func TestChunksEndAtBlocks(t *testing.T) {
	data := testData(3*ChunkSize, 5)
	z, err := Compress(data, flate.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	body := z[2 : len(z)-4]
	if n := bytes.Count(body, []byte{0, 0, 0xFF, 0xFF}); n < 2 {
		t.Errorf("%d sync markers in three chunks, want at least 2", n)
	}
	fr := flate.NewReader(bytes.NewReader(body))
	got, err := io.ReadAll(fr)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("raw flate reader: %d bytes, %v", len(got), err)
	}
}

func TestBadLevel(t *testing.T) {
	for _, level := range []int{-3, 10, 100} {
		if _, err := Compress([]byte("x"), level); err == nil {
			t.Errorf("level %d: no error", level)
		}
	}
}

func TestCombineAdler(t *testing.T) {
	for _, c := range []struct{ a, b int }{{0, 0}, {0, 10}, {10, 0}, {1, 1}, {5552, 5553}, {70000, 65521}, {65521 * 3, 200000}} {
		a, b := testData(c.a, 1), testData(c.b, 2)
		for i := range b {
			b[i] |= 0xC0 // large bytes make the sums wrap
		}
		want := adler32.Checksum(append(append([]byte{}, a...), b...))
		if got := combineAdler(adler32.Checksum(a), adler32.Checksum(b), len(b)); got != want {
			t.Errorf("%d + %d bytes: %08x, want %08x", c.a, c.b, got, want)
		}
	}
}

func FuzzCombineAdler(f *testing.F) {
	f.Add([]byte("abc"), []byte("defg"))
	f.Add(bytes.Repeat([]byte{0xFF}, 70000), bytes.Repeat([]byte{0xFE}, 66000))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		want := adler32.Checksum(append(append([]byte{}, a...), b...))
		if got := combineAdler(adler32.Checksum(a), adler32.Checksum(b), len(b)); got != want {
			t.Errorf("%d + %d bytes: %08x, want %08x", len(a), len(b), got, want)
		}
	})
}

// BenchmarkCompressFont compresses a font program of the size of the
// sample's body face subset; PZLIB_BENCH_FILE names a real one.
func BenchmarkCompressFont(b *testing.B) {
	data := testData(617036, 9)
	if f := os.Getenv("PZLIB_BENCH_FILE"); f != "" {
		var err error
		if data, err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct {
		name  string
		level int
	}{{"BestSpeed", flate.BestSpeed}, {"HuffmanOnly", flate.HuffmanOnly}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Compress(data, c.level); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzHuffmanRoundTrip: any data, coded Huffman-only in chunks, inflates
// back to itself with compress/zlib (which checks the codes are complete
// and the Adler-32).
func FuzzHuffmanRoundTrip(f *testing.F) {
	f.Add([]byte{}, uint8(0))
	f.Add([]byte("a"), uint8(1))
	f.Add(bytes.Repeat([]byte("ab"), 1000), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, repeat uint8) {
		whole := data
		if repeat%8 == 7 && len(data) > 0 { // now and then past one chunk
			whole = bytes.Repeat(data, ChunkSize/len(data)+2)
		}
		z, err := Compress(whole, flate.HuffmanOnly)
		if err != nil {
			t.Fatal(err)
		}
		if got := inflate(t, z); !bytes.Equal(got, whole) {
			t.Fatalf("%d bytes came back as %d", len(whole), len(got))
		}
	})
}

// TestHuffmanSkewed: bytes whose frequencies grow as Fibonacci numbers
// would get codes far longer than 15 bits from an unlimited Huffman code;
// the limited one still decodes.
func TestHuffmanSkewed(t *testing.T) {
	var data []byte
	a, b := 1, 1
	for c := range 26 {
		data = append(data, bytes.Repeat([]byte{byte(c)}, a)...)
		a, b = b, a+b
	}
	z, err := Compress(data, flate.HuffmanOnly)
	if err != nil {
		t.Fatal(err)
	}
	if got := inflate(t, z); !bytes.Equal(got, data) {
		t.Errorf("%d bytes came back as %d", len(data), len(got))
	}
}

// TestCodeLengths: the lengths respect the limit, fill the code exactly
// (Kraft sum 1), give no code to unused symbols, and where the limit does
// not bind cost what a Huffman code costs.
func TestCodeLengths(t *testing.T) {
	fib := make([]int, 30)
	fib[0], fib[1] = 1, 1
	for i := 2; i < len(fib); i++ {
		fib[i] = fib[i-1] + fib[i-2]
	}
	for _, c := range []struct {
		name     string
		freq     []int
		limit    int
		huffCost int // an unlimited Huffman code's cost, where the limit does not bind; 0: not checked
	}{
		{"one symbol", []int{0, 5, 0}, 15, 0},
		{"none", []int{0, 0, 0}, 7, 0},
		{"two", []int{3, 9}, 15, 12},
		{"equal four", []int{1, 1, 1, 1}, 15, 8},
		{"textbook", []int{45, 13, 12, 16, 9, 5}, 15, 224},
		{"fibonacci, limit 15", fib, 15, 0},
		{"fibonacci, limit 7", fib[:19], 7, 0},
	} {
		lens := make([]uint8, len(c.freq))
		codeLengths(c.freq, lens, c.limit)
		kraft, used, cost := 0.0, 0, 0
		for s, l := range lens {
			if int(l) > c.limit {
				t.Errorf("%s: symbol %d has %d bits, limit %d", c.name, s, l, c.limit)
			}
			if c.freq[s] > 0 && l == 0 {
				t.Errorf("%s: used symbol %d has no code", c.name, s)
			}
			if l > 0 {
				kraft += 1 / float64(uint(1)<<l)
				used++
			}
			cost += c.freq[s] * int(l)
		}
		if used >= 2 && kraft != 1 {
			t.Errorf("%s: Kraft sum %v, want 1 (a complete code): %v", c.name, kraft, lens)
		}
		if used < 2 {
			t.Errorf("%s: %d codes, want at least 2: %v", c.name, used, lens)
		}
		if c.huffCost > 0 && cost != c.huffCost {
			t.Errorf("%s: cost %d, a Huffman code costs %d: %v", c.name, cost, c.huffCost, lens)
		}
	}
}

// TestHuffmanEdgeCases: the inputs whose codes are degenerate or whose
// chunks end exactly at ChunkSize inflate back to themselves with
// compress/zlib, which rejects an incomplete or oversubscribed code, a
// missing end of block and a wrong Adler-32.
func TestHuffmanEdgeCases(t *testing.T) {
	allBytes := make([]byte, 256)
	for i := range allBytes {
		allBytes[i] = byte(i)
	}
	// every byte value in one chunk, 24 of them with Fibonacci
	// frequencies: an unlimited Huffman code would give codes of 23 bits
	steep := slices.Clone(allBytes)
	a, b := 1, 1
	for c := range 24 {
		steep = append(steep, bytes.Repeat([]byte{byte(c)}, a)...)
		a, b = b, a+b
	}
	if len(steep) > ChunkSize {
		t.Fatalf("steep frequencies: %d bytes, more than a chunk", len(steep))
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"one byte", []byte{0}},
		{"one byte 0xFF", []byte{0xFF}},
		{"two equal bytes", []byte{7, 7}},
		{"two symbols", []byte("abababab")},
		{"every byte once", allBytes},
		{"every byte, steep frequencies", steep},
		{"a chunk of one byte", bytes.Repeat([]byte{0}, ChunkSize)},
		{"a chunk and one byte", append(bytes.Repeat([]byte{'x'}, ChunkSize), 'y')},
		{"two chunks of one byte", bytes.Repeat([]byte{0xFF}, 2*ChunkSize)},
		{"a chunk less one of every byte", bytes.Repeat(allBytes, ChunkSize/256)[1:]},
		{"two chunks, the second of one byte value", append(testData(ChunkSize, 9), bytes.Repeat([]byte{3}, ChunkSize)...)},
	} {
		z, err := Compress(c.data, flate.HuffmanOnly)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := inflate(t, z); !bytes.Equal(got, c.data) {
			t.Errorf("%s: %d bytes came back as %d", c.name, len(c.data), len(got))
		}
	}
}
