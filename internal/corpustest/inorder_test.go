package corpustest

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gazette/internal/model"
	"gazette/internal/source"
	"gazette/internal/testtool/pdfread"
)

// In-order matching (the logic of the reviewers' inorder.py).
const (
	// inOrderWindow is how many PDF characters may stand between two source
	// characters found in turn: running heads, folios, a 目录 entry.
	inOrderWindow = 60
	// inOrderResync is how many source characters are looked up ahead when
	// the next one is not within the window.
	inOrderResync = 8
)

// inOrder looks for the characters of want, in order, in pdf (both without
// white space). It returns how many it found and, for each lost one, the
// source around it.
func inOrder(pdf, want []rune) (found int, lost []string) {
	i := 0
	for k := 0; k < len(want); {
		if j := index(pdf, want[k:k+1], i); j >= 0 && j <= i+inOrderWindow {
			found, i, k = found+1, j+1, k+1
			continue
		}
		if m := index(pdf, want[k:min(k+inOrderResync, len(want))], i); m > i+inOrderWindow {
			i = m
			continue
		}
		lost = append(lost, string(want[max(0, k-6):min(len(want), k+6)]))
		k++
	}
	return found, lost
}

// index is the first position at or after from where sub occurs in s, or −1.
func index(s, sub []rune, from int) int {
	for j := from; j+len(sub) <= len(s); j++ {
		if slices.Equal(s[j:j+len(sub)], sub) {
			return j
		}
	}
	return -1
}

// tableCommand matches a 【表格：x.csv …】 command line (colon full- or half-width).
var tableCommand = regexp.MustCompile(`^【表格[:：]\s*([^\s】]+)`)

// sourceText reads a document as gazette does (encoding, line ends) and
// returns its characters without white space, skipping the command lines
// 【…】, and the cells of the tables those commands insert.
func sourceText(path string) (text []rune, cells []string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	s, err := source.Decode(path, data)
	if err != nil {
		return nil, nil, err
	}
	framed := docNumberFrames(path)
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		l := strings.TrimSpace(line)
		if n, ok := framed[i+1]; ok {
			l = n
		}
		if !strings.HasPrefix(l, "【") {
			b.WriteString(pdfread.Squeeze(l))
			continue
		}
		if m := tableCommand.FindStringSubmatch(l); m != nil {
			c, err := tableCells(filepath.Join(filepath.Dir(path), m[1]))
			if err != nil {
				return nil, nil, err
			}
			cells = append(cells, c...)
		}
	}
	return []rune(b.String()), cells, nil
}

// docNumberFrames maps the lines of a document that hold its 发文字号 in
// brackets ("(遵府办发〔2007〕2号)", "( 吉府发〔2003〕37号 )") to the number
// alone. gazette prints every 发文字号 in the house's frame, （…） in 楷体
// under the title (docs/document-kinds.md#the-number-in-its-frame): the
// brackets the office typed around the whole line are that frame, not
// part of the number, so the read-back looks for the number and lets the
// house's brackets stand where the office's did. Nothing else is excused:
// brackets inside the number ("[2007]") are the office's text and must
// print as written.
func docNumberFrames(path string) map[int]string {
	doc, err := source.ParseDocument(path)
	if err != nil {
		return nil
	}
	out := map[int]string{}
	for _, b := range doc.Blocks {
		if b.Kind == model.DocNumber && b.Line > 0 {
			out[b.Line] = b.Text
		}
	}
	return out
}

// tableCells are the printed cells of a CSV table: every cell but the empty
// ones and the merge marks ^ and <.
func tableCells(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := source.Decode(path, data)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []string
	for _, row := range rows {
		for _, c := range row {
			if c = pdfread.Squeeze(c); c != "" && c != "^" && c != "<" {
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// inOrderFaults checks one document against the whole PDF's text.
func inOrderFaults(t testing.TB, path string, pdf []rune) []string {
	t.Helper()
	want, cells, err := sourceText(path)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	var out []string
	if found, lost := inOrder(pdf, want); found < len(want) {
		out = append(out, fmt.Sprintf("%d of %d characters lost, first at …%s…", len(want)-found, len(want), lost[0]))
	}
	text := string(pdf)
	for _, c := range cells {
		if !strings.Contains(text, c) {
			out = append(out, fmt.Sprintf("table cell %q not in the PDF", c))
		}
	}
	return out
}
