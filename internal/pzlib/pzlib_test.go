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

// TestOneChunkIsZlib: data that fits one chunk gives compress/zlib's bytes,
// and longer data starts with zlib's header for the level.
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
			if n <= ChunkSize && !bytes.Equal(got, want.Bytes()) {
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
