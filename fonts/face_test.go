package fonts

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestBuiltinFaces(t *testing.T) {
	tests := []struct {
		role          Role
		name          string
		ascent, desc  float64
		capHeightHigh float64 // CapHeight must lie in (0.5, capHeightHigh]
	}{
		{Song, "FandolSong-Regular", 0.8, 0.2, 0.75},
		{Fang, "FandolFang-Regular", 0.88, 0.12, 0.75},
		{Hei, "FandolHei-Regular", 0.88, 0.12, 0.75},
		{Kai, "FandolKai-Regular", 0.88, 0.12, 0.75},
		{Title, "FandolSong-Bold", 0.88, 0.12, 0.75},
		{Latin, "TeXGyreTermes-Regular", 1.055, 0.281, 0.662},
	}
	for _, tt := range tests {
		t.Run(tt.role.Key(), func(t *testing.T) {
			f := face(t, tt.role)
			if f.Role() != tt.role || f.Name() != tt.name || f.Index() != 0 {
				t.Errorf("Role, Name, Index = %v, %q, %d; want %v, %q, 0", f.Role(), f.Name(), f.Index(), tt.role, tt.name)
			}
			if want := "内置 " + builtins[tt.role].file; f.File() != want {
				t.Errorf("File() = %q, want %q", f.File(), want)
			}
			if f.Ascent() != tt.ascent || f.Descent() != tt.desc {
				t.Errorf("Ascent, Descent = %v, %v; want %v, %v", f.Ascent(), f.Descent(), tt.ascent, tt.desc)
			}
			if c := f.CapHeight(); c <= 0.5 || c > tt.capHeightHigh {
				t.Errorf("CapHeight() = %v, want in (0.5, %v]", c, tt.capHeightHigh)
			}
		})
	}
}

func TestAdvance(t *testing.T) {
	tests := []struct {
		role Role
		r    rune
		want float64
		ok   bool
	}{
		{Fang, '国', 1, true},
		{Fang, '镒', 1, true},
		{Fang, '，', 1, true},
		{Fang, '“', 1, true},
		{Fang, '》', 1, true},
		{Fang, '—', 1, true},
		{Fang, '…', 1, true},
		{Fang, '·', 1, true},
		{Fang, '　', 1, true},
		{Fang, '2', 0.5, true},
		{Fang, ' ', 0.333, true},
		{Kai, '2', 0.555, true},
		{Latin, '2', 0.5, true},
		{Latin, 'A', 0.722, true},
		{Latin, ' ', 0.25, true},
		{Latin, '“', 0.444, true},
		{Latin, '国', 0, false},
		{Fang, 0x20000, 0, false}, // outside the BMP: never covered
		{Fang, -1, 0, false},
		{Fang, 0x10FFFF + 1, 0, false},
		{Fang, 0, 0, false},
		{Fang, 0xFFFF, 0, false},
	}
	for _, tt := range tests {
		f := face(t, tt.role)
		got, ok := f.Advance(tt.r)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s Advance(%U) = %v, %v; want %v, %v", tt.role.Key(), tt.r, got, ok, tt.want, tt.ok)
		}
		if f.Covers(tt.r) != tt.ok {
			t.Errorf("%s Covers(%U) = %v, want %v", tt.role.Key(), tt.r, !tt.ok, tt.ok)
		}
	}
}

func TestGB2312Coverage(t *testing.T) {
	hanzi := gb2312Hanzi()
	if len(hanzi) != GB2312Hanzi {
		t.Fatalf("gb2312Hanzi() has %d hanzi, want %d", len(hanzi), GB2312Hanzi)
	}
	specials := []rune("镒瀚〔〕《》“”—…·")
	for _, role := range []Role{Song, Fang, Hei, Kai, Title} {
		f := face(t, role)
		var missing []rune
		for _, r := range append(append([]rune(nil), hanzi...), specials...) {
			if !f.Covers(r) {
				missing = append(missing, r)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d runes, e.g. %q", f.Name(), len(missing), string(missing[:min(10, len(missing))]))
		}
	}
}

func TestDescribe(t *testing.T) {
	infos := builtinSet().Describe([]rune("国A𠀀"))
	if len(infos) != int(NumRoles) {
		t.Fatalf("Describe gave %d roles, want %d", len(infos), NumRoles)
	}
	tests := []struct {
		role    Role
		gb      int
		missing string
	}{
		{Fang, GB2312Hanzi, "𠀀"},
		{Title, GB2312Hanzi, "𠀀"},
		{Latin, 0, "国𠀀"},
	}
	for _, tt := range tests {
		in := infos[tt.role]
		if in.Err != nil || in.Role != tt.role || in.GB2312 != tt.gb || string(in.Missing) != tt.missing {
			t.Errorf("%s: Err=%v Role=%v GB2312=%d Missing=%q; want GB2312=%d Missing=%q",
				tt.role.Key(), in.Err, in.Role, in.GB2312, string(in.Missing), tt.gb, tt.missing)
		}
		if in.Glyphs < 1000 || in.Name == "" || in.File == "" {
			t.Errorf("%s: Glyphs=%d Name=%q File=%q", tt.role.Key(), in.Glyphs, in.Name, in.File)
		}
	}
}

func TestDescribeReportsLoadError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.ttf")
	if err := os.WriteFile(path, []byte("not a font at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(Config{Kai: {Path: path}})
	if err != nil {
		t.Fatal(err)
	}
	infos := s.Describe(nil)
	problem(t, infos[Kai].Err, "楷体")
	if infos[Fang].Err != nil {
		t.Errorf("Fang: %v", infos[Fang].Err)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	notFont := filepath.Join(dir, "notes.ttf")
	if err := os.WriteFile(notFont, []byte("这不是字体文件，只是一段文字。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "cut.otf")
	if err := os.WriteFile(truncated, termes[:3000], 0o644); err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(dir, "garbage.ttf")
	g := bytes.Clone(termes[:500])
	for i := 12; i < len(g); i++ { // keep the header, scramble the directory
		g[i] ^= byte(i * 37)
	}
	if err := os.WriteFile(garbage, g, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		src    Source
		atLoad bool // the error comes from Load (else from Face)
		want   []string
	}{
		{"missing", Source{Path: filepath.Join(dir, "nope.ttf")}, true, []string{"找不到宋体所用的字体文件", "nope.ttf", "[fonts]"}},
		{"directory", Source{Path: dir}, true, []string{"不是可用的字体文件"}},
		{"not a font", Source{Path: notFont}, false, []string{"不是可用的字体文件", "notes.ttf"}},
		{"truncated", Source{Path: truncated}, false, []string{"cut.otf"}},
		{"garbage", Source{Path: garbage}, false, []string{"garbage.ttf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Load(Config{Song: tt.src})
			if tt.atLoad {
				problem(t, err, tt.want...)
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			f, err := s.Face(Song)
			if f != nil {
				t.Errorf("Face returned a face with error %v", err)
			}
			problem(t, err, tt.want...)
			if _, err2 := s.Face(Song); err2 != err {
				t.Errorf("second Face call gave %v, want the same error", err2)
			}
		})
	}
}

func TestBadRole(t *testing.T) {
	if _, err := Load(Config{Role(99): {}}); err == nil {
		t.Error("Load accepted role 99")
	}
	if _, err := builtinSet().Face(NumRoles); err == nil {
		t.Error("Face(NumRoles) gave no error")
	}
}

func TestCollectionFaces(t *testing.T) {
	otc := filepath.Join(t.TempDir(), "pair.otc") // CFF faces
	if err := os.WriteFile(otc, makeCollection(t, sourceFont(t, Latin), sourceFont(t, Fang)), 0o644); err != nil {
		t.Fatal(err)
	}
	single := filepath.Join(t.TempDir(), "kai.otf")
	if err := os.WriteFile(single, sourceFont(t, Kai), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		src  Source
		want string // PostScript name, or "" for an error
		idx  int
		errs []string
	}{
		{"otc index 0", Source{Path: otc}, "TeXGyreTermes-Regular", 0, nil},
		{"otc index 1", Source{Path: otc, Index: 1}, "FandolFang-Regular", 1, nil},
		{"otc by PostScript name", Source{Path: otc, Name: "fandolfang-regular"}, "FandolFang-Regular", 1, nil},
		{"otc by family name", Source{Path: otc, Name: "TeXGyreTermes"}, "TeXGyreTermes-Regular", 0, nil},
		{"name wins over index", Source{Path: otc, Index: 0, Name: "FandolFang-Regular"}, "FandolFang-Regular", 1, nil},
		{"bad index", Source{Path: otc, Index: 2}, "", 0,
			[]string{"编号为 2 的字体", "只有 2 个字体（编号 0–1）", "0 TeXGyreTermes-Regular（TeXGyreTermes）", "1 FandolFang-Regular（FandolFang R）"}},
		{"negative index", Source{Path: otc, Index: -1}, "", 0, []string{"可用的字体"}},
		{"index in a single font", Source{Path: single, Index: 1}, "", 0, []string{"只有 1 个字体（编号 0）", "0 FandolKai-Regular（FandolKai）"}},
		{"bad name", Source{Path: otc, Name: "SimFang"}, "", 0, []string{"“SimFang”", "可用的字体：0 TeXGyreTermes-Regular"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := userFace(t, tt.src)
			if tt.want == "" {
				problem(t, err, tt.errs...)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Name() != tt.want || f.Index() != tt.idx || f.File() != otc {
				t.Errorf("Name, Index, File = %q, %d, %q; want %q, %d, %q", f.Name(), f.Index(), f.File(), tt.want, tt.idx, otc)
			}
		})
	}
}

func TestTTCNameLookup(t *testing.T) {
	path := needFile(t, microHeiPath, microHeiPkg)
	tests := []struct {
		name, want string
		idx        int
	}{
		{"WenQuanYi Micro Hei Mono", "WenQuanYiMicroHeiMono", 1},
		{"wenquanyimicrohei", "WenQuanYiMicroHei", 0},
		{"文泉驿等宽微米黑", "WenQuanYiMicroHeiMono", 1}, // the Chinese family name
	}
	for _, tt := range tests {
		f, err := userFace(t, Source{Path: path, Name: tt.name})
		if err != nil {
			t.Errorf("Name %q: %v", tt.name, err)
			continue
		}
		if f.Name() != tt.want || f.Index() != tt.idx {
			t.Errorf("Name %q → %q index %d; want %q index %d", tt.name, f.Name(), f.Index(), tt.want, tt.idx)
		}
	}
	_, err := userFace(t, Source{Path: path, Index: 7})
	problem(t, err, "可用的字体：0 WenQuanYiMicroHei（WenQuanYi Micro Hei）、1 WenQuanYiMicroHeiMono")
}

func TestConcurrentUse(t *testing.T) {
	s, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(sampleGazette)
	var wg sync.WaitGroup
	results := make([][]byte, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := s.Face(Fang)
			if err != nil {
				t.Error(err)
				return
			}
			for _, r := range runes {
				f.Advance(r)
			}
			results[i], err = f.Subset(runes)
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i := range results {
		if string(results[i]) != string(results[0]) {
			t.Fatalf("concurrent Subset %d differs", i)
		}
	}
	if !strings.HasPrefix(string(results[0]), "\x00\x01\x00\x00") {
		t.Error("subset does not start with the TrueType version tag")
	}
}
