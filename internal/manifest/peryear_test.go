package manifest

import (
	"errors"
	"strings"
	"testing"

	"gazette/internal/diag"
)

// TestIssuesPerYear: issues_per_year (read by `gazette new`) is accepted,
// and refused at its line when it is implausible or the number passes it.
func TestIssuesPerYear(t *testing.T) {
	for _, c := range []struct {
		name, value string
		line        int
		want        string
	}{
		{"accepted", "6", 0, ""},
		{"zero", "0", 11, "每年期数 issues_per_year = 0 不合理"},
		{"number passes it", "3", 48, "期号 4 大于每年期数 3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(copySample(t, "frequency = \"双月刊\"\n", "frequency = \"双月刊\"\nissues_per_year = "+c.value+"\n"))
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var probs diag.List
			if !errors.As(err, &probs) {
				t.Fatalf("error %v, want problems", err)
			}
			for _, p := range probs {
				if strings.Contains(p.Msg, c.want) && p.Line == c.line {
					return
				}
			}
			t.Errorf("no problem %q at line %d in %v", c.want, c.line, err)
		})
	}
}
