package fonts

import _ "embed" // the bundled faces

// The bundled faces; data/NOTICE.md gives their origin and licences. Nothing
// writes to these slices: tables are read from them in place, never copied.
var (
	//go:embed data/FandolSong-Regular.otf
	fandolSong []byte
	//go:embed data/FandolFang-Regular.otf
	fandolFang []byte
	//go:embed data/FandolHei-Regular.otf
	fandolHei []byte
	//go:embed data/FandolKai-Regular.otf
	fandolKai []byte
	//go:embed data/FandolSong-Bold.otf
	fandolSongBold []byte
	//go:embed data/texgyretermes-regular.otf
	termes []byte
)

// builtin is one bundled face.
type builtin struct {
	file string // name in data/
	data []byte
}

// builtins gives the bundled face that serves each role by default.
var builtins = [NumRoles]builtin{
	Song:  {"FandolSong-Regular.otf", fandolSong},
	Fang:  {"FandolFang-Regular.otf", fandolFang},
	Hei:   {"FandolHei-Regular.otf", fandolHei},
	Kai:   {"FandolKai-Regular.otf", fandolKai},
	Title: {"FandolSong-Bold.otf", fandolSongBold},
	Latin: {"texgyretermes-regular.otf", termes},
}
