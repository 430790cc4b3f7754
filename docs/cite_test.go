// Package docs holds gazette's notes on the rules it implements (Markdown);
// its test checks that every rule the code cites can be found here.
package docs

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// clreqAnchors are the clreq anchors the notes explain, checked against the
// clreq source (w3c/clreq, index.html). A new citation of clreq adds its
// anchor here, after checking it, and a section in clreq.md.
var clreqAnchors = []string{
	"prohibition_rules_for_line_start_end",
	"prohibition_rules_for_unbreakable_marks",
	"glyphs_sizes_and_positions_in_character_faces_of_punctuation_marks",
	"punctuation_width_adjustment",
	"hanging_punctuation_marks_at_line_end",
	"necessity_for_line_adjustment",
	"procedures_for_inter-character_spacing_reduction",
	"procedures_for_inter-character_space_expansion",
	"mixed_text_composition_in_horizontal_writing_mode",
	"handling_western_text_in_chinese_text_using_proportional_western_fonts",
	"ways_of_alignments",
	"first_line_indents",
	"adjustments_of_orphans_and_widows",
	"styling_of_headings",
	"procedure_for_defining_type_area",
}

var (
	docsRef  = regexp.MustCompile(`docs/([a-z0-9-]+\.md)(#[a-z0-9-]+)?`)
	clreqRef = regexp.MustCompile(`w3\.org/TR/clreq/#([A-Za-z0-9_-]+)`)
	// Citations of notes that are not in the repository, and clreq section
	// numbers, which move between editions.
	outside = regexp.MustCompile(`standards\.md|gazette-design\.md|fonts-and-pdf\.md|shared/spec|clreq §`)
	listed  = regexp.MustCompile(`\]\(([a-z0-9-]+\.md)\)`)
	// Clauses of the standards cited in code, and where the notes explain
	// them: a clause in bold at the start of a list item ("- **7.3.5.2**").
	gbt9704Ref  = regexp.MustCompile(`GB/T ?9704(?:-2012)?,? (?:clause |第)?(\d{1,2}(?:\.\d+)*)\b`)
	gbt15834Ref = regexp.MustCompile(`GB/T ?15834(?:-2011)? (\d+(?:\.\d+)+)`)
	clauseDoc   = regexp.MustCompile(`(?m)^- \*\*(\d+(?:\.\d+)*)[ *]`)
	heading     = regexp.MustCompile(`(?m)^#+ +(.+)$`)
	notSlug     = regexp.MustCompile(`[^\p{L}\p{N} _-]`)
)

// slug is the anchor GitHub gives a Markdown heading.
func slug(h string) string {
	return strings.ReplaceAll(notSlug.ReplaceAllString(strings.ToLower(strings.TrimSpace(h)), ""), " ", "-")
}

// anchors returns the heading anchors of the notes file name, or nil when
// it does not exist.
func anchors(name string, cache map[string]map[string]bool) map[string]bool {
	if a, ok := cache[name]; ok {
		return a
	}
	data, err := os.ReadFile(name)
	if err != nil {
		cache[name] = nil
		return nil
	}
	a := map[string]bool{}
	for _, m := range heading.FindAllStringSubmatch(string(data), -1) {
		a["#"+slug(m[1])] = true
	}
	cache[name] = a
	return a
}

// TestCitations reads every Go file of the module and checks each citation
// of docs/… (file and heading), each clreq anchor, and that nothing cites
// notes outside the repository or clreq by section number.
func TestCitations(t *testing.T) {
	known := map[string]bool{}
	for _, a := range clreqAnchors {
		known[a] = true
	}
	cache := map[string]map[string]bool{}
	coming := comingFiles(t)
	clauses := map[*regexp.Regexp]map[string]bool{gbt9704Ref: clausesIn(t, "gbt9704.md"), gbt15834Ref: clausesIn(t, "gbt15834.md")}
	n := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "cite_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			where := path + ":" + strconv.Itoa(i+1)
			if m := outside.FindString(line); m != "" {
				t.Errorf("%s cites %q: cite docs/… or the standard's clause (clreq by its anchor URL)", where, m)
			}
			for _, m := range docsRef.FindAllStringSubmatch(line, -1) {
				n++
				a := anchors(m[1], cache)
				if a == nil && coming[m[1]] {
					t.Logf("%s cites docs/%s, listed in README.md but not written yet", where, m[1])
				} else if a == nil {
					t.Errorf("%s cites docs/%s, which does not exist (nor does README.md list it)", where, m[1])
				} else if m[2] != "" && !a[m[2]] {
					t.Errorf("%s cites docs/%s%s: no such heading", where, m[1], m[2])
				}
			}
			for re, doc := range clauses {
				for _, m := range re.FindAllStringSubmatch(line, -1) {
					n++
					if !explained(doc, m[1]) {
						t.Errorf("%s cites %s: no docs/ note explains that clause (nor one above it)", where, m[0])
					}
				}
			}
			for _, m := range clreqRef.FindAllStringSubmatch(line, -1) {
				n++
				if !known[m[1]] {
					t.Errorf("%s cites clreq #%s, an anchor clreq.md does not explain (check it and add it)", where, m[1])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no citation found: the walk missed the code")
	}
	t.Logf("%d citations checked", n)
}

// clausesIn lists the clauses the notes file name explains.
func clausesIn(t *testing.T, name string) map[string]bool {
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, m := range clauseDoc.FindAllStringSubmatch(string(data), -1) {
		out[m[1]] = true
	}
	return out
}

// explained reports whether clause, a clause above it (7.3.5 for 7.3.5.2)
// or one under it (5.2.1 for 5.2) is in doc: a rule cited by a sub-clause is
// found under its clause, and a clause by its parts.
func explained(doc map[string]bool, clause string) bool {
	for c := range doc {
		if strings.HasPrefix(c, clause+".") {
			return true
		}
	}
	for c := clause; c != ""; {
		if doc[c] {
			return true
		}
		i := strings.LastIndex(c, ".")
		if i < 0 {
			return false
		}
		c = c[:i]
	}
	return false
}

// comingFiles are the notes README.md lists: one that is cited before it is
// written (on another branch) is logged, not an error.
func comingFiles(t *testing.T) map[string]bool {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, m := range listed.FindAllStringSubmatch(string(data), -1) {
		out[m[1]] = true
	}
	return out
}

// TestClreqNotesCoverAnchors checks that clreq.md explains every anchor.
func TestClreqNotesCoverAnchors(t *testing.T) {
	data, err := os.ReadFile("clreq.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range clreqAnchors {
		if !strings.Contains(string(data), "https://www.w3.org/TR/clreq/#"+a+">") {
			t.Errorf("clreq.md has no section for https://www.w3.org/TR/clreq/#%s", a)
		}
	}
}
