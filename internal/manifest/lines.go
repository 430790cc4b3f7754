package manifest

// Finding lines in issue.toml's text, so that every message names one.

import (
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// headerName reads a table header line: "[issue]", "[[section]]  # 栏目".
func headerName(l string) (string, bool) {
	t := strings.TrimSpace(l)
	if !strings.HasPrefix(t, "[") {
		return "", false
	}
	name := strings.TrimLeft(t, "[ \t")
	if j := strings.Index(name, "]"); j >= 0 {
		name = name[:j]
	}
	return strings.TrimSpace(name), true
}

// assignment reads a "key = value" line; lhs is the key as written.
func assignment(l string) (lhs, rhs string, ok bool) {
	t := strings.TrimSpace(l)
	if t == "" || t[0] == '#' || t[0] == '[' {
		return "", "", false
	}
	lhs, rhs, ok = strings.Cut(t, "=")
	lhs = strings.Trim(strings.TrimSpace(lhs), `"'`)
	return lhs, strings.TrimSpace(rhs), ok && lhs != "" && !strings.ContainsAny(lhs, `"',`)
}

// rawAssignment is the key and the quoted value of line l as written,
// backslashes and all: fang = "C:\Fonts\a.ttf" gives fang, C:\Fonts\a.ttf.
// A list item on a line of its own gives "" for the key.
func rawAssignment(l string) (key, value string) {
	t := strings.TrimSpace(l)
	if lhs, rhs, ok := assignment(t); ok {
		key, t = lhs, rhs
	}
	if i, j := strings.IndexAny(t, `"'`), strings.LastIndexAny(t, `"'`); i >= 0 && j > i {
		return key, t[i+1 : j]
	}
	return key, strings.Trim(t, `"', `)
}

// lineText is line n (1-based) of data, "" if there is none.
func lineText(data []byte, n int) string {
	ls := strings.Split(string(data), "\n")
	if n < 1 || n > len(ls) {
		return ""
	}
	return strings.TrimRight(ls[n-1], "\r")
}

// tableAt is the name of the table line n (1-based) is in, "" for the top.
func tableAt(data []byte, n int) string {
	ls := strings.Split(string(data), "\n")
	for i := min(n, len(ls)) - 1; i >= 0; i-- {
		if name, ok := headerName(ls[i]); ok {
			return name
		}
	}
	return ""
}

// keyOnLine is the full key that line n assigns, nil if it assigns none.
func keyOnLine(data []byte, n int) toml.Key {
	lhs, _, ok := assignment(lineText(data, n))
	if !ok {
		return nil
	}
	return append(splitKey(tableAt(data, n)), splitKey(lhs)...)
}

// firstHeaderLine is the line of the first header of table name.
func firstHeaderLine(data []byte, name string) int {
	for i, l := range strings.Split(string(data), "\n") {
		if h, ok := headerName(l); ok && h == name {
			return i + 1
		}
	}
	return 0
}

// headerLineWith is the line of the first header of table name written
// with double brackets, [[name]], or single ones, [name].
func headerLineWith(data []byte, name string, double bool) int {
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if h, ok := headerName(t); ok && h == name && strings.HasPrefix(t, "[[") == double {
			return i + 1
		}
	}
	return 0
}

// keyLine finds the line of key k in the TOML text: the line of its table
// header, then the first line inside that table that assigns its last part.
func keyLine(data []byte, k toml.Key) int { return nthKeyLine(data, k, 0) }

// nthKeyLine is keyLine for occurrence n (0-based) of k: the same key in
// the nth [[section]] that has it. Past the last occurrence it is the
// first, 0 if there is none.
func nthKeyLine(data []byte, k toml.Key, n int) int {
	if len(k) == 0 {
		return 0
	}
	table := strings.Join(k[:len(k)-1], ".")
	inTable := table == ""
	first := 0
	for i, l := range strings.Split(string(data), "\n") {
		found := false
		if name, ok := headerName(l); ok {
			found = name == strings.Join(k, ".")
			inTable = name == table
		} else if lhs, _, ok := assignment(l); inTable && ok && lhs == k[len(k)-1] {
			found = true
		}
		if !found {
			continue
		}
		if first == 0 {
			first = i + 1
		}
		if n == 0 {
			return i + 1
		}
		n--
	}
	return first
}

// keyLineIn is the line assigning last in instance i (0-based) of table,
// counting each [table] or [[table]] header; 0 if there is none.
func keyLineIn(data []byte, table string, i int, last string) int {
	seen := -1
	if table == "" {
		seen = 0
	}
	for n, l := range strings.Split(string(data), "\n") {
		if name, ok := headerName(l); ok {
			if name == table {
				seen++
			} else if seen == i {
				return 0
			}
			continue
		}
		if lhs, _, ok := assignment(l); ok && seen == i && lhs == last {
			return n + 1
		}
	}
	return 0
}

// typeErrorLine finds the line of key's value whose TOML type is got (as
// toml names it: "string", "int64", "[]any"), itself or else in a list. toml
// names the line of the key's last assignment, which is wrong for all but
// the last [[section]].
func typeErrorLine(data []byte, key toml.Key, got string) int {
	var doc map[string]any
	if len(key) < 2 {
		return 0
	}
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return 0
	}
	table, last := key[:len(key)-1], key[len(key)-1]
	tables := tablesAt(doc, table)
	for _, inList := range []bool{false, true} {
		for i, t := range tables {
			if v, ok := t[last]; ok && hasType(v, got, inList) {
				return keyLineIn(data, table.String(), i, last)
			}
		}
	}
	return 0
}

// tablesAt is every instance of the table at path, in the file's order.
func tablesAt(doc map[string]any, path toml.Key) []map[string]any {
	tables := []map[string]any{doc}
	for _, part := range path {
		var next []map[string]any
		for _, t := range tables {
			switch v := t[part].(type) {
			case map[string]any:
				next = append(next, v)
			case []map[string]any:
				next = append(next, v...)
			}
		}
		tables = next
	}
	return tables
}

// hasType reports whether v has the TOML type got, or with inList, whether
// an item of v has.
func hasType(v any, got string, inList bool) bool {
	items, ok := v.([]any)
	if !inList || !ok {
		return !inList && typeName(v) == got
	}
	for _, it := range items {
		if typeName(it) == got {
			return true
		}
	}
	return false
}

// typeName names a decoded value's type the way toml's messages do.
func typeName(v any) string { return strings.ReplaceAll(fmt.Sprintf("%T", v), "interface {}", "any") }

// stringLines returns the lines where the quoted string s appears.
func stringLines(data []byte, s string) []int {
	return stringLinesIn(strings.Split(string(data), "\n"), s)
}

// stringLinesIn is stringLines over the file's lines, split once by a
// caller that looks for many strings.
func stringLinesIn(lines []string, s string) []int {
	var out []int
	double, single := `"`+s+`"`, `'`+s+`'`
	for i, l := range lines {
		if strings.Contains(l, double) || strings.Contains(l, single) {
			out = append(out, i+1)
		}
	}
	return out
}

// stringLine returns the line where the quoted string s first appears.
func stringLine(data []byte, s string) int {
	if ls := stringLines(data, s); len(ls) > 0 {
		return ls[0]
	}
	return 0
}

// sectionLines returns the line of each [[section]] header, in order.
func sectionLines(data []byte) []int {
	var out []int
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == "[[section]]" {
			out = append(out, i+1)
		}
	}
	return out
}
