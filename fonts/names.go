package fonts

import (
	"strings"
	"unicode/utf16"

	"github.com/go-text/typesetting/font/opentype/tables"
)

// findFace returns the index of the face named name, or -1. A PostScript
// name match wins over a family or full-name match; case is ignored.
func findFace(f *opened, name string) int {
	name = strings.TrimSpace(name)
	other := -1
	for i := range f.loaders {
		for _, rec := range readNames(f, i) {
			if !strings.EqualFold(strings.TrimSpace(rec.text), name) {
				continue
			}
			switch rec.id {
			case namePostScript:
				return i
			case nameFamily, nameFull, nameTypoFamily:
				if other < 0 {
					other = i
				}
			}
		}
	}
	return other
}

// labels names every face of a file for a message.
func labels(f *opened) []faceLabel {
	out := make([]faceLabel, len(f.loaders))
	for i := range f.loaders {
		n := englishNames(readNames(f, i))
		out[i] = faceLabel{index: i, psName: n[namePostScript], family: n[nameFamily]}
	}
	return out
}

// Name IDs used here (OpenType 'name' table).
const (
	nameCopyright   = 0
	nameFamily      = 1
	nameSubfamily   = 2
	nameUnique      = 3
	nameFull        = 4
	nameVersion     = 5
	namePostScript  = 6
	nameLicense     = 13
	nameLicenseURL  = 14
	nameTypoFamily  = 16
	maxNameID       = nameTypoFamily // higher IDs are not read
	langEnglishUS   = 0x409
	platformUnicode = 0
	platformMac     = 1
	platformWindows = 3
)

// nameRec is one decoded 'name' record.
type nameRec struct {
	id      uint16
	english bool
	windows bool
	text    string
}

// readNames decodes the Unicode and Mac Roman records of a face's 'name'
// table; records in other encodings are skipped. A bad table gives none.
func readNames(f *opened, index int) []nameRec {
	raw, err := f.table(index, "name", 6)
	if err != nil {
		return nil
	}
	count := int(be.Uint16(raw[2:]))
	strs := int(be.Uint16(raw[4:]))
	var out []nameRec
	for i := 0; i < count && 6+12*i+12 <= len(raw); i++ {
		r := raw[6+12*i:]
		plat, enc, lang := be.Uint16(r), be.Uint16(r[2:]), be.Uint16(r[4:])
		id := be.Uint16(r[6:])
		start := strs + int(be.Uint16(r[10:]))
		end := start + int(be.Uint16(r[8:]))
		if id > maxNameID || end > len(raw) {
			continue
		}
		text, ok := decodeName(plat, enc, raw[start:end])
		if !ok || text == "" {
			continue
		}
		english := (plat == platformWindows && lang == langEnglishUS) || (plat == platformMac && lang == 0)
		out = append(out, nameRec{id: id, english: english, windows: plat == platformWindows, text: text})
	}
	return out
}

// decodeName decodes one record's bytes, if its encoding is one we read.
func decodeName(plat, enc uint16, b []byte) (string, bool) {
	switch {
	case plat == platformUnicode || (plat == platformWindows && (enc == 0 || enc == 1 || enc == 10)):
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = be.Uint16(b[2*i:])
		}
		return string(utf16.Decode(u)), true
	case plat == platformMac && enc == 0:
		return tables.DecodeMacintosh(b), true
	}
	return "", false
}

// englishNames picks one string per name ID, preferring Windows US English,
// then Mac English, then whatever the font has.
func englishNames(recs []nameRec) map[uint16]string {
	rank := func(r nameRec) int {
		switch {
		case r.english && r.windows:
			return 3
		case r.english:
			return 2
		}
		return 1
	}
	best := map[uint16]nameRec{}
	out := map[uint16]string{}
	for _, r := range recs {
		if b, ok := best[r.id]; !ok || rank(r) > rank(b) {
			best[r.id] = r
			out[r.id] = r.text
		}
	}
	return out
}
