package nextissue

import (
	"os"
	"strings"
	"testing"
)

func TestNextSample(t *testing.T) {
	data, err := os.ReadFile("../../samples/changjiang-2023-04/issue.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Next(data)
	if err != nil {
		t.Fatal(err)
	}
	got := string(r.Manifest)
	for _, want := range []string{
		"# 昌江区人民政府公报 2023年第5期 —— 期刊清单（issue.toml）\n",
		"year = 2023\n",
		"number = 5          # 第5期\n",
		"serial = 18         # 总第18期\n",
		"# date = 2023-10-30   # 出版日期：请填写后去掉行首的 #（上期 2023-08-30）\n",
		"title = \"政务动态\"\ndocuments = []\n",
		"# 编辑委员会：按印刷顺序排列\n",
		`names = ["段守阳", "彭丹", "郝卿雅", "徐润发", "胡河胜", "胡招龙", "李胜", "王炜", "程国锦"]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("next manifest lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, ".txt") {
		t.Errorf("document lists were not emptied:\n%s", got)
	}
	if r.Sections != 2 {
		t.Errorf("emptied %d sections, want 2", r.Sections)
	}
}

func TestAdvance(t *testing.T) {
	for _, c := range []struct {
		name      string
		toml      string
		want      Issue
		wantDate  string
		wantError string
	}{
		{"bimonthly mid-year", "[gazette]\nfrequency = \"双月刊\"\n[issue]\nyear = 2023\nnumber = 4\nserial = 17\ndate = 2023-08-30\n",
			Issue{2023, 5, 18}, "2023-10-30", ""},
		{"bimonthly rolls over", "[gazette]\nfrequency = \"双月刊\"\n[issue]\nyear = 2023\nnumber = 6\nserial = 19\ndate = 2023-12-28\n",
			Issue{2024, 1, 20}, "2024-02-28", ""},
		{"monthly", "[gazette]\nfrequency = \"月刊\"\n[issue]\nyear = 2024\nnumber = 12\ndate = 2024-12-20\n",
			Issue{2025, 1, 0}, "2025-01-20", ""},
		{"semi-monthly", "[gazette]\nfrequency = \"半月刊\"\n[issue]\nyear = 2024\nnumber = 23\nserial = 400\ndate = 2024-12-01\n",
			Issue{2024, 24, 401}, "2024-12-16", ""},
		{"explicit count wins", "[gazette]\nfrequency = \"不定期\"\nissues_per_year = 3\n[issue]\nyear = 2024\nnumber = 3\ndate = 2024-12-01\n",
			Issue{2025, 1, 0}, "2025-04-01", ""},
		{"unknown frequency", "[gazette]\nfrequency = \"不定期\"\n[issue]\nyear = 2024\nnumber = 3\n",
			Issue{}, "", "issues_per_year"},
		{"number past the year", "[gazette]\nfrequency = \"季刊\"\n[issue]\nyear = 2024\nnumber = 5\n",
			Issue{}, "", "每年只有 4 期"},
		{"no issue table", "[gazette]\nfrequency = \"季刊\"\n", Issue{}, "", "year 和 number"},
		{"broken toml", "[gazette\n", Issue{}, "", "无法读取"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Next([]byte(c.toml))
			if c.wantError != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantError) {
					t.Fatalf("error %v, want one saying %q", err, c.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Next != c.want {
				t.Errorf("next issue %+v, want %+v", r.Next, c.want)
			}
			if got := r.SuggestedDate.Format("2006-01-02"); got != c.wantDate {
				t.Errorf("suggested date %s, want %s", got, c.wantDate)
			}
		})
	}
}

func TestRewriteKeepsForm(t *testing.T) {
	in := "[gazette]\r\nfrequency = \"季刊\"  # 每季度一期\r\n\r\n[issue]\r\nyear = 2024\r\nnumber = 2 # 第2期\r\ndate = 2024-06-30\r\n" +
		"[[section]]\r\ntitle = \"文件\"\r\ndocuments = [ # 本期文件\r\n  \"a].txt\",  # 名字里有 ]\r\n  'b#.txt',\r\n]  # 完\r\n" +
		"[[section]]\r\ntitle = \"动态\"\r\ndocuments = [\"c.txt\"]\r\n"
	r, err := Next([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "[gazette]\r\nfrequency = \"季刊\"  # 每季度一期\r\n\r\n[issue]\r\nyear = 2024\r\nnumber = 3 # 第3期\r\n" +
		"# date = 2024-09-30   # 出版日期：请填写后去掉行首的 #（上期 2024-06-30）\r\n" +
		"[[section]]\r\ntitle = \"文件\"\r\ndocuments = []  # 完\r\n" +
		"[[section]]\r\ntitle = \"动态\"\r\ndocuments = []\r\n"
	if got := string(r.Manifest); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func FuzzNext(f *testing.F) {
	if data, err := os.ReadFile("../../samples/changjiang-2023-04/issue.toml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("[gazette]\nfrequency = \"月刊\"\n[issue]\nyear = 2024\nnumber = 1\n[[section]]\ndocuments = [\n\"a\",\n]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Next(data)
		if err != nil {
			return
		}
		if r.Next.Number < 1 || r.Next.Year < r.Prev.Year {
			t.Fatalf("next issue %+v after %+v", r.Next, r.Prev)
		}
	})
}
