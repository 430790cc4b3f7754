//go:build ttfgen

package fonts

// The ttfgen build (the generator of the embedded faces, see truetype.go)
// embeds no faces, so that it builds before they exist. Loading a built-in
// face fails in it.
var fandolSong, fandolFang, fandolHei, fandolKai, fandolSongBold, termes []byte
