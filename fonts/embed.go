//go:build !ttfgen

package fonts

import _ "embed" // the bundled faces

// The bundled faces, generated from data/src by `go generate ./fonts`.
// Nothing writes to these slices: tables and glyphs are read from them in
// place, never copied.
var (
	//go:embed data/FandolSong-Regular.ttf
	fandolSong []byte
	//go:embed data/FandolFang-Regular.ttf
	fandolFang []byte
	//go:embed data/FandolHei-Regular.ttf
	fandolHei []byte
	//go:embed data/FandolKai-Regular.ttf
	fandolKai []byte
	//go:embed data/FandolSong-Bold.ttf
	fandolSongBold []byte
	//go:embed data/texgyretermes-regular.ttf
	termes []byte
)
