//go:build ttfgen

package fonts

// BuiltinFiles lists the bundled faces for the generator: each embedded
// TrueType file (in data/) and the upstream font it is made from (in
// data/src/). It exists only in builds with the ttfgen tag.
func BuiltinFiles() (ttf, src []string) {
	for _, b := range builtins {
		ttf, src = append(ttf, b.file), append(src, b.src)
	}
	return ttf, src
}

// ConvertBuiltin converts the upstream font otf, named name in data/src/, to
// the TrueType font gazette embeds for it. It exists only in builds with the
// ttfgen tag, for internal/ttfgen (`go generate ./fonts`).
func ConvertBuiltin(name string, otf []byte) ([]byte, error) {
	return convertBuiltin(name, otf)
}
