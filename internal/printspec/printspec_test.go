package printspec

import (
	"slices"
	"testing"
)

func TestZihaoNamesFromTheLargest(t *testing.T) {
	names := ZihaoNames()
	if len(names) != len(Zihao) || names[0] != "初号" || names[len(names)-1] != "八号" {
		t.Fatalf("ZihaoNames() = %v", names)
	}
	for i := 1; i < len(names); i++ {
		if Zihao[names[i]] >= Zihao[names[i-1]] {
			t.Errorf("%s (%g bp) follows %s (%g bp)", names[i], Zihao[names[i]], names[i-1], Zihao[names[i-1]])
		}
	}
	if Zihao["三号"] != 16 || Zihao["二号"] != 22 || Zihao["四号"] != 14 {
		t.Errorf("三号 %g, 二号 %g, 四号 %g bp; GB/T 9704 uses 16, 22 and 14", Zihao["三号"], Zihao["二号"], Zihao["四号"])
	}
}

func TestTrimByName(t *testing.T) {
	for _, c := range []struct {
		name string
		want string
		w, h float64
	}{
		{"A4", "A4", 210, 297}, {"a4", "A4", 210, 297},
		{"大度16开", "大16开", 210, 285}, {"zheng16", "正16开", 185, 260},
	} {
		got, ok := TrimByName(c.name)
		if !ok || got.Name != c.want || got.Width != c.w || got.Height != c.h {
			t.Errorf("TrimByName(%q) = %+v, %v", c.name, got, ok)
		}
	}
	if _, ok := TrimByName("B5"); ok {
		t.Error("TrimByName(B5) found a size")
	}
}

func TestOutputConditions(t *testing.T) {
	if got := OutputConditionNames(); !slices.Equal(got, []string{"FOGRA39", "JC200103", "CGATS TR 001"}) {
		t.Errorf("OutputConditionNames() = %q", got)
	}
	if c, ok := OutputConditionByName("JC200103"); !ok || c.Info != "Japan Color 2001 Coated" {
		t.Errorf("JC200103: %+v, %v", c, ok)
	}
	if _, ok := OutputConditionByName("ISO Coated v2"); ok {
		t.Error("an unregistered condition was found")
	}
}
