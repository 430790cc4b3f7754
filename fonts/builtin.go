package fonts

// builtin is one bundled face.
type builtin struct {
	file string // the embedded TrueType font, in data/
	src  string // the upstream font it is generated from, in data/src/
	data []byte
}

// builtins gives the bundled face that serves each role by default.
// data/NOTICE.md gives their origin and licences; truetype.go tells why
// the embedded files are TrueType conversions of the upstream CFF fonts.
var builtins = [NumRoles]builtin{
	Song:  {"FandolSong-Regular.ttf", "FandolSong-Regular.otf", fandolSong},
	Fang:  {"FandolFang-Regular.ttf", "FandolFang-Regular.otf", fandolFang},
	Hei:   {"FandolHei-Regular.ttf", "FandolHei-Regular.otf", fandolHei},
	Kai:   {"FandolKai-Regular.ttf", "FandolKai-Regular.otf", fandolKai},
	Title: {"FandolSong-Bold.ttf", "FandolSong-Bold.otf", fandolSongBold},
	Latin: {"texgyretermes-regular.ttf", "texgyretermes-regular.otf", termes},
}
