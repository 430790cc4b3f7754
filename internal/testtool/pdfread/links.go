package pdfread

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"gazette/internal/testtool"
)

// Link is a link annotation: its rectangle (top-down pt in the trimmed
// page's frame) and target page.
type Link struct {
	X0, Y0, X1, Y1 float64
	Target         int // 0-based page index, -1 if unresolved
}

// qpdfJSON is the part of qpdf --json (version 2) that Links reads.
type qpdfJSON struct {
	Pages []struct {
		Object string `json:"object"`
	} `json:"pages"`
	QPDF []json.RawMessage `json:"qpdf"`
}

// annotation is the part of a link annotation's dictionary Links reads.
type annotation struct {
	Subtype string            `json:"/Subtype"`
	Rect    []float64         `json:"/Rect"`
	Dest    []json.RawMessage `json:"/Dest"`
	A       struct {
		S string            `json:"/S"`
		D []json.RawMessage `json:"/D"`
	} `json:"/A"`
}

// Links reads every page's link annotations with qpdf --json, by page index.
func Links(t testing.TB, d *Doc) map[int][]Link {
	t.Helper()
	out := testtool.Run(t, "qpdf", "--json", d.Path)
	var j qpdfJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	if len(j.QPDF) < 2 {
		t.Fatalf("qpdf --json: no objects (qpdf too old?)")
	}
	var objs map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(j.QPDF[1], &objs); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	pageIndex := map[string]int{}
	for i, p := range j.Pages {
		pageIndex[p.Object] = i
	}
	resolve := func(v json.RawMessage) json.RawMessage {
		var ref string
		if json.Unmarshal(v, &ref) == nil && strings.HasSuffix(ref, " R") {
			return objs["obj:"+ref].Value
		}
		return v
	}
	links := map[int][]Link{}
	for i, p := range j.Pages {
		var page struct {
			Annots json.RawMessage `json:"/Annots"`
		}
		json.Unmarshal(objs["obj:"+p.Object].Value, &page)
		var annots []json.RawMessage
		json.Unmarshal(resolve(page.Annots), &annots)
		pp := d.Pages[i]
		h := pp.MediaH // media box assumed to start at 0 0, as pdfinfo shows
		for _, a := range annots {
			var an annotation
			json.Unmarshal(resolve(a), &an)
			if an.Subtype != "/Link" || len(an.Rect) != 4 {
				continue
			}
			dest := an.Dest
			if len(dest) == 0 {
				dest = an.A.D
			}
			l := Link{X0: math.Min(an.Rect[0], an.Rect[2]) - pp.Dx, X1: math.Max(an.Rect[0], an.Rect[2]) - pp.Dx,
				Y0: h - math.Max(an.Rect[1], an.Rect[3]) - pp.Dy, Y1: h - math.Min(an.Rect[1], an.Rect[3]) - pp.Dy, Target: -1}
			if len(dest) > 0 {
				var ref string
				if json.Unmarshal(dest[0], &ref) == nil {
					if k, ok := pageIndex[ref]; ok {
						l.Target = k
					}
				}
			}
			links[i] = append(links[i], l)
		}
	}
	return links
}
