package manifest

import (
	"strings"

	"github.com/BurntSushi/toml"
)

// TextField is a piece of issue.toml that is printed in the issue (a name,
// a committee member, an address, a section title), with where it is
// written, so that its characters are checked like the documents' are.
type TextField struct {
	Key   string // "gazette.committee.names"
	Label string // the key's Chinese meaning: "姓名"
	Line  int    // its line in issue.toml
	Text  string
}

// collectTexts lists the printed text of the manifest, in file order of
// the schema.
func (m *Manifest) collectTexts(f *file, data []byte) {
	add := func(key string, n int, texts ...string) {
		k := toml.Key(strings.Split(key, "."))
		line := nthKeyLine(data, k, n)
		for _, t := range texts {
			if t != "" {
				m.Texts = append(m.Texts, TextField{Key: key, Label: keyTable[key].name, Line: line, Text: t})
			}
		}
	}
	g := &f.Gazette
	for _, kv := range []struct{ key, text string }{
		{"gazette.name", g.Name}, {"gazette.english_name", g.EnglishName}, {"gazette.sponsor", g.Sponsor},
		{"gazette.publisher", g.Publisher}, {"gazette.frequency", g.Frequency}, {"gazette.statement", g.Statement},
		{"gazette.address", g.Address}, {"gazette.postcode", g.Postcode}, {"gazette.website", g.Website},
		{"gazette.telephone", g.Telephone}, {"gazette.email", g.Email}, {"gazette.permit", g.Permit},
		{"gazette.printer", g.Printer},
	} {
		add(kv.key, 0, kv.text)
	}
	add("gazette.mottos", 0, g.Mottos...)
	for i, c := range g.Committee {
		add("gazette.committee.role", i, c.Role)
		add("gazette.committee.names", i, c.Names...)
	}
	for i, s := range f.Section {
		add("section.title", i, s.Title)
	}
}
