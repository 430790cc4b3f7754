package source

import (
	"reflect"
	"testing"
)

// TestFindDocRefs: looking only around bracketed years finds what the whole
// regexp finds, on texts with several references, none, and ones at the
// start and the end.
func TestFindDocRefs(t *testing.T) {
	for _, s := range []string{
		"",
		"根据《关于加强管理的通知》（昌府办字[2023]25号）和赣府发(2022)3号文件精神，",
		"国办发【2019】第12号",
		"（2023年）没有文号（2024）年",
		"很长很长很长很长很长很长很长很长的机关名称市府办发[2020] 7 号，又见市府办发„2009‟12号",
		"x县府[2019]1号县府[2019]2号",
		"第5号文件（2023—2025年）的方案",
		"市府办发(2023)号",
	} {
		want := docRefRE().FindAllString(s, -1)
		if got := findDocRefs(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}

func FuzzFindDocRefs(f *testing.F) {
	f.Add("根据昌府办字[2023]25号和赣府发(2022)3号")
	f.Add("国办发【2019】第12号（2023）")
	f.Fuzz(func(t *testing.T, s string) {
		if want, got := docRefRE().FindAllString(s, -1), findDocRefs(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	})
}
