package layout

import (
	"reflect"
	"strings"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/model"
)

// TestResumeSameAsComposing: a setting that starts from the first
// setting's state before a block (composeAfter) makes the same items and
// warnings as composing the whole document again, with the blocks from
// there on set tight — for every block of every real document, not only
// the headings composeDocument starts its tries at.
func TestResumeSameAsComposing(t *testing.T) {
	st, _ := Preset("gbt9704")
	lb := &LineBreaker{Metrics: gridMetrics{}}
	resumed, spoilt := 0, 0
	for _, doc := range corpusDocs(t) {
		n := len(doc.Blocks)
		every := make([]int, n)
		for i := range every {
			every[i] = i
		}
		memo, tables := breakMemo{}, tableCache{}
		first := &composer{st: st, lb: lb, doc: doc, probs: &diag.List{}, memo: memo, tables: tables, resume: resumeAt(n, every)}
		first.compose()
		for i := 0; i < n; i++ {
			again := &composer{st: st, lb: lb, doc: doc, probs: &diag.List{}, tightLast: n - i, memo: memo, tables: tables}
			if !again.composeAfter(first, i) {
				spoilt++
				continue
			}
			resumed++
			whole := &composer{st: st, lb: lb, doc: doc, probs: &diag.List{}, tightLast: n - i}
			whole.compose()
			if k, why := sameItems(again.items, whole.items); why != "" {
				t.Fatalf("%s, resumed before block %d of %d: item %d differs: %s", doc.Source, i, n, k, why)
			}
			if !reflect.DeepEqual(again.warns, whole.warns) {
				t.Fatalf("%s, resumed before block %d: warnings %q, composed %q", doc.Source, i, again.warns, whole.warns)
			}
		}
	}
	if resumed == 0 {
		t.Fatal("no setting resumed")
	}
	t.Logf("%d settings resumed, %d composed whole (a block before took back an item)", resumed, spoilt)
}

// sameItems compares two vertical lists: the lines glyph by glyph, the
// keeps and places, the structure elements by their roles up the tree.
func sameItems(a, b []item) (int, string) {
	if len(a) != len(b) {
		return min(len(a), len(b)), "the lists have different lengths"
	}
	// an element (or parent) shared by items of a is shared by those of
	// b, and the other way round
	ab, ba := map[*Elem]*Elem{}, map[*Elem]*Elem{}
	for k := range a {
		for x, y := a[k].elem, b[k].elem; x != nil && y != nil; x, y = x.Parent, y.Parent {
			if e, ok := ab[x]; ok && e != y {
				return k, "element shared differently"
			}
			if e, ok := ba[y]; ok && e != x {
				return k, "element shared differently"
			}
			ab[x], ba[y] = y, x
		}
		x, y := a[k], b[k]
		switch {
		case (x.line == nil) != (y.line == nil) || x.line != nil && !reflect.DeepEqual(*x.line, *y.line):
			return k, "line"
		case x.x != y.x || x.baseline != y.baseline || x.height != y.height:
			return k, "place"
		case x.grid != y.grid || x.blank != y.blank || x.keepNext != y.keepNext || x.newPage != y.newPage || x.repeated != y.repeated:
			return k, "flags"
		case (x.draw == nil) != (y.draw == nil) || len(x.header) != len(y.header):
			return k, "drawing"
		case x.file != y.file || x.srcLine != y.srcLine:
			return k, "source"
		case elemPath(x.elem) != elemPath(y.elem):
			return k, "element " + elemPath(x.elem) + " vs " + elemPath(y.elem)
		}
	}
	return 0, ""
}

func elemPath(e *Elem) string {
	s := ""
	for ; e != nil; e = e.Parent {
		s += "/" + e.Role + e.Alt + e.Actual
	}
	return s
}

// TestResumeUndoesLaterKeeps: the blocks after a resume point may keep the
// item before it with theirs, and keepLastPageFull may keep any line with
// the next; a setting resumed there starts from the items as they were.
func TestResumeUndoesLaterKeeps(t *testing.T) {
	st, _ := Preset("gbt9704")
	lb := &LineBreaker{Metrics: gridMetrics{}}
	text := strings.Repeat("甲乙丙丁，", 11)
	doc := &model.Document{Blocks: []model.Block{{Kind: model.Title, Text: "通知"}, para(text), para(text),
		{Kind: model.Heading, Level: 1, Text: "一、总体要求"}, para(text)}}
	const at = 3
	first := &composer{st: st, lb: lb, doc: doc, probs: &diag.List{}, resume: resumeAt(len(doc.Blocks), []int{at})}
	first.compose()
	p := first.resume[at]
	// as if later blocks had kept the last item and a line before it
	last, k := &first.items[p.items-1], p.items-3
	last.keepNext = !last.keepNext
	first.pageFullKeep, first.pageFullWas = k, first.items[k].keepNext
	first.items[k].keepNext = !first.items[k].keepNext
	again := &composer{st: st, lb: lb, doc: doc, probs: &diag.List{}, tightLast: len(doc.Blocks) - at}
	if !again.composeAfter(first, at) {
		t.Fatal("not resumed")
	}
	whole := &composer{st: st, lb: lb, doc: doc, probs: &diag.List{}, tightLast: len(doc.Blocks) - at}
	whole.compose()
	if k, why := sameItems(again.items, whole.items); why != "" {
		t.Fatalf("item %d differs: %s", k, why)
	}
}
