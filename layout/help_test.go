package layout

import (
	"reflect"
	"runtime"
	"testing"

	"gazette/internal/diag"
)

// maxHelpAttempts bounds how many times TestHelpedSameAsAlone sets the
// corpus waiting for a helper to take a block.
const maxHelpAttempts = 20

// TestHelpedSameAsAlone: a document set with a worker always idle to break
// its paragraphs ahead (preBreaker) is set as it is alone: the same items,
// the same page-saving choice, the same problems and missing characters.
//
// The helper must be waiting when a document offers work, which on one
// core (GOMAXPROCS=1) it never is while the document runs: the test gives
// it a second. On a loaded machine it may still take no block of any
// document (its thread not running while the documents are set): the
// corpus is set again, every time compared, until some block was helped.
func TestHelpedSameAsAlone(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(2, runtime.GOMAXPROCS(0))))
	st, _ := Preset("gbt9704")
	lb := &LineBreaker{Metrics: lackingMetrics{"的"}, Kinsoku: KinsokuGB}
	helpedBlocks := 0
	for attempt := 0; helpedBlocks == 0 && attempt < maxHelpAttempts; attempt++ {
		for _, doc := range corpusDocs(t) {
			var probs, hprobs diag.List
			var missing, hmissing []missingChar
			alone := composeDocument(st, lb, doc, &probs, &missing)
			help := make(helpers)
			go func() {
				for task := range help {
					task()
				}
			}()
			helped := composeDoc(st, lb, doc, &hprobs, &hmissing, help)
			close(help)
			helpedBlocks += helped.helpedBlocks
			if k, why := sameItems(helped.items, alone.items); why != "" {
				t.Fatalf("%s: item %d differs when helped: %s", doc.Source, k, why)
			}
			if helped.tightLast != alone.tightLast || !reflect.DeepEqual(helped.warns, alone.warns) ||
				!reflect.DeepEqual(hprobs, probs) || !reflect.DeepEqual(hmissing, missing) {
				t.Fatalf("%s: helped, tight %d, warnings %q, problems %v, missing %v; alone %d, %q, %v, %v", doc.Source,
					helped.tightLast, helped.warns, hprobs, hmissing, alone.tightLast, alone.warns, probs, missing)
			}
		}
	}
	if helpedBlocks == 0 {
		t.Fatal("no block was broken by a helper")
	}
	t.Logf("%d blocks broken ahead by a helper", helpedBlocks)
}
