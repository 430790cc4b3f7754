package fonts

import (
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	ot "github.com/go-text/typesetting/font/opentype"
)

// candidate is one installed face that may serve as a fallback: its file,
// index and what its names and OS/2 table say about it.
type candidate struct {
	path   string
	index  int
	lang   scriptClass
	style  faceStyle
	weight int // OS/2 usWeightClass

	once sync.Once
	face *Face
}

// load parses the face on first use; nil if it cannot serve.
func (c *candidate) load() *Face {
	c.once.Do(func() {
		f, err := loadFace(Fallback, Source{Path: c.path, Index: c.index, IndexSet: true})
		if err == nil {
			c.face = f
		}
	})
	return c.face
}

// scriptClass is which Chinese (or other CJK) a face is designed for.
type scriptClass int

// Script classes, best first for a Simplified Chinese gazette.
const (
	scriptSC    scriptClass = iota // Simplified Chinese (GB): Noto … CJK SC, SimSun, Songti SC
	scriptOther                    // says nothing about its language
	scriptTC                       // Traditional Chinese (TW, HK): 繁体 glyph forms
	scriptJK                       // Japanese or Korean: never used by default
)

// faceStyle is the design a face's names suggest.
type faceStyle int

// Face styles (GB/T 9704 names the four for official documents).
const (
	styleSong faceStyle = iota // 宋体/明体, serif
	styleFang                  // 仿宋
	styleKai                   // 楷体
	styleHei                   // 黑体, sans-serif
	styleNone                  // the names say nothing
)

// Name fragments that tell a face's language and style, matched against its
// English and Chinese names (lower-cased, spaces kept).
var (
	scMarks    = []string{" sc", "-sc", "sc-", " cn", "gb", "simplified", "simsun", "simhei", "simfang", "simkai", "fangsong", "kaiti", "yahei", "dengxian", "songti sc", "heiti sc", "kaiti sc", "pingfang sc", "stsong", "stfangsong", "stkaiti", "stheiti", "简"}
	tcMarks    = []string{" tc", "-tc", " hk", "-hk", " tw", "mingliu", "pmingliu", "traditional", "繁", "big5", "uming tw", "ukai tw"}
	jkMarks    = []string{" jp", "-jp", " kr", "-kr", " k ", "japanese", "korean", "mincho", "gothic", "batang", "gulim", "dotum", "malgun", "meiryo", "yu ", "ms ", "hiragino", "apple sd", "nanum"}
	styleMarks = []struct {
		style faceStyle
		marks []string
	}{
		{styleFang, []string{"fang", "仿宋"}},
		{styleKai, []string{"kai", "楷"}},
		{styleHei, []string{"hei", "sans", "gothic", "yahei", "黑", "pingfang", "dengxian"}},
		{styleSong, []string{"song", "sun", "serif", "ming", "mincho", "myungjo", "batang", "宋", "明"}},
	}
)

// classify reads a face's language and style from its names.
func classify(names []nameRec) (scriptClass, faceStyle) {
	var all []string
	for _, n := range names {
		if n.id == nameFamily || n.id == nameFull || n.id == namePostScript || n.id == nameTypoFamily {
			all = append(all, " "+strings.ToLower(n.text)+" ")
		}
	}
	has := func(marks []string) bool {
		for _, s := range all {
			for _, m := range marks {
				if strings.Contains(s, m) {
					return true
				}
			}
		}
		return false
	}
	lang := scriptOther
	switch {
	case has(scMarks):
		lang = scriptSC
	case has(jkMarks):
		lang = scriptJK
	case has(tcMarks):
		lang = scriptTC
	}
	style := styleNone
	for _, sm := range styleMarks {
		if has(sm.marks) {
			style = sm.style
			break
		}
	}
	return lang, style
}

// styleOrder is the order of styles a role's text borrows from: its own
// first, then the nearest in feeling (仿宋 and 楷体 are both brush-derived
// serif designs; 黑体 text borrows a sans face).
var styleOrder = [NumRoles][]faceStyle{
	Song:  {styleSong, styleFang, styleKai, styleNone, styleHei},
	Fang:  {styleFang, styleSong, styleKai, styleNone, styleHei},
	Hei:   {styleHei, styleNone, styleSong, styleFang, styleKai},
	Kai:   {styleKai, styleFang, styleSong, styleNone, styleHei},
	Title: {styleSong, styleFang, styleKai, styleNone, styleHei},
	Latin: {styleSong, styleFang, styleKai, styleNone, styleHei},
}

// roleWeight is the OS/2 weight class a role's own face has: titles are set
// bold (the built-in title face is FandolSong-Bold), the rest regular.
func roleWeight(r Role) int {
	if r == Title {
		return 700
	}
	return 400
}

// rankCandidates orders the installed faces for role (docs/fonts.md#per-character-fallback): Simplified Chinese
// before faces of no stated language before Traditional; Japanese and
// Korean faces left out (their glyph forms differ from GB's: 骨, 直, 者);
// within a class the role's style order, then the weight nearest the
// role's, then file and index — so the choice is the same on every run.
func rankCandidates(cs []*candidate, role Role) []*candidate {
	order := styleOrder[Fang]
	if role >= 0 && role < NumRoles {
		order = styleOrder[role]
	}
	styleRank := func(s faceStyle) int { return slices.Index(order, s) }
	want := roleWeight(role)
	out := make([]*candidate, 0, len(cs))
	for _, c := range cs {
		if c.lang != scriptJK {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b *candidate) int {
		return cmp.Or(cmp.Compare(a.lang, b.lang), cmp.Compare(styleRank(a.style), styleRank(b.style)),
			cmp.Compare(abs(a.weight-want), abs(b.weight-want)),
			cmp.Compare(a.path, b.path), cmp.Compare(a.index, b.index))
	})
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// scanInstalled lists the installed faces that claim Chinese characters
// (OS/2 code page GB 2312 or Big5, or the CJK Unified Ideographs Unicode
// range): every face of every .ttf, .otf, .ttc and .otc file in the font
// folders (fontDirs), read in lexical order. It reads only table
// directories, names and OS/2.
func scanInstalled() []*candidate {
	var out []*candidate
	seen := map[string]bool{}
	for _, dir := range fontDirs() {
		if dir == "" {
			continue
		}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !isFontFile(p) || seen[p] {
				return nil
			}
			seen[p] = true
			out = append(out, scanFile(p)...)
			return nil
		})
	}
	return out
}

// scanFile lists the Chinese faces of one font file.
func scanFile(p string) (out []*candidate) {
	defer func() {
		if recover() != nil { // a damaged file is no candidate
			out = nil
		}
	}()
	file, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil
	}
	lds, err := ot.NewLoaders(file)
	if err != nil {
		return nil
	}
	f := &opened{loaders: lds, file: file, size: st.Size(), dirs: map[int]map[string]tableLoc{}}
	for i := range lds {
		os2, err := f.table(i, "OS/2", 78)
		if err != nil || !claimsChinese(os2) {
			continue
		}
		lang, style := classify(readNames(f, i))
		out = append(out, &candidate{path: p, index: i, lang: lang, style: style, weight: int(be.Uint16(os2[4:]))})
	}
	return out
}

// claimsChinese reports whether OS/2 says the face covers Chinese: code page
// bits 18 (GB 2312) or 20 (Big5) of ulCodePageRange1 (OS/2 version 1 and
// later), or Unicode range bit 59 (CJK Unified Ideographs).
func claimsChinese(os2 []byte) bool {
	if be.Uint32(os2[46:])&(1<<(59-32)) != 0 { // ulUnicodeRange2
		return true
	}
	if be.Uint16(os2[0:]) >= 1 && len(os2) >= 82 {
		cp := be.Uint32(os2[78:])
		return cp&(1<<18|1<<20) != 0
	}
	return false
}
