package fonts

import "testing"

// BenchmarkLoadFang measures a cold start: Load, then the first Advance of
// the bundled FandolFang (which parses it).
func BenchmarkLoadFang(b *testing.B) {
	for b.Loop() {
		s, err := Load(nil)
		if err != nil {
			b.Fatal(err)
		}
		f, err := s.Face(Fang)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := f.Advance('国'); !ok {
			b.Fatal("国 not covered")
		}
	}
}

// BenchmarkLoadAllRoles parses all six bundled faces, as layout does.
func BenchmarkLoadAllRoles(b *testing.B) {
	for b.Loop() {
		s, _ := Load(nil)
		for r := Role(0); r < NumRoles; r++ {
			if _, err := s.Face(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParse parses each bundled face on its own.
func BenchmarkParse(b *testing.B) {
	for r := Role(0); r < NumRoles; r++ {
		b.Run(builtins[r].file, func(b *testing.B) {
			for b.Loop() {
				if _, err := loadFace(r, Source{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAdvance measures one Advance call (over a mix of runes).
func BenchmarkAdvance(b *testing.B) {
	f := face(b, Fang)
	runes := []rune(sampleGazette + sampleLatin)
	b.ResetTimer()
	var sum float64
	for i := 0; b.Loop(); i++ {
		a, _ := f.Advance(runes[i%len(runes)])
		sum += a
	}
	_ = sum
}

// hanzi600 is 600 distinct GB 2312 hanzi, spread over the whole table.
func hanzi600() []rune {
	all := gb2312Hanzi()
	out := make([]rune, 0, 600)
	for i := 0; i < 600; i++ {
		out = append(out, all[i*len(all)/600])
	}
	return out
}

// BenchmarkSubset subsets ≈600 distinct hanzi from FandolFang, whose
// outlines are already loaded (as on every Subset after the first).
func BenchmarkSubset(b *testing.B) {
	f := face(b, Fang)
	runes := hanzi600()
	if _, err := f.Subset(runes); err != nil {
		b.Fatal(err)
	}
	var n int
	for b.Loop() {
		out, err := f.Subset(runes)
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(n), "bytes")
}

// BenchmarkSubsetCold includes parsing the face and its loca table.
func BenchmarkSubsetCold(b *testing.B) {
	runes := hanzi600()
	for b.Loop() {
		f, err := loadFace(Fang, Source{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.Subset(runes); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSubsetCFF subsets the same hanzi from the upstream CFF
// FandolFang, loaded as a user's OTF: the conversion the bundled faces no
// longer need on every build.
func BenchmarkSubsetCFF(b *testing.B) {
	f := sourceFace(b, Fang)
	runes := hanzi600()
	if _, err := f.Subset(runes); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := f.Subset(runes); err != nil {
			b.Fatal(err)
		}
	}
}
