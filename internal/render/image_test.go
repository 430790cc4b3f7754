package render

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"image"
	"image/color"
	"io"
	"testing"
)

func TestCMYKOf(t *testing.T) {
	tests := []struct {
		name    string
		r, g, b uint8
		want    [4]byte
	}{
		{"white paper", 255, 255, 255, [4]byte{0, 0, 0, 0}},
		{"black is K only", 0, 0, 0, [4]byte{0, 0, 0, 255}},
		{"grey is K only", 128, 128, 128, [4]byte{0, 0, 0, 127}},
		{"red is M + Y", 255, 0, 0, [4]byte{0, 255, 255, 0}},
		{"cyan", 0, 255, 255, [4]byte{255, 0, 0, 0}},
		{"dark red capped at 250 % ink", 64, 0, 0, [4]byte{0, 223, 223, 191}},
	}
	for _, tt := range tests {
		got := cmykOf(tt.r, tt.g, tt.b)
		if [4]byte(got) != tt.want {
			t.Errorf("%s: cmykOf(%d,%d,%d) = %v, want %v", tt.name, tt.r, tt.g, tt.b, got, tt.want)
		}
		ink := 0
		for _, v := range got {
			ink += int(v)
		}
		if float64(ink) > maxInk*255+2 {
			t.Errorf("%s: %d %% ink", tt.name, ink*100/255)
		}
	}
}

// samples decodes an inline image's data back to raw samples.
func samples(t *testing.T, im *inlineImage) []byte {
	t.Helper()
	dec := ascii85.NewDecoder(bytes.NewReader([]byte(im.data)))
	z, err := zlib.NewReader(dec)
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestConvertImage(t *testing.T) {
	transparent := image.NewNRGBA(image.Rect(0, 0, 2, 1))
	transparent.SetNRGBA(0, 0, color.NRGBA{R: 255, A: 255}) // opaque red
	transparent.SetNRGBA(1, 0, color.NRGBA{R: 255, A: 0})   // fully transparent: white paper
	greyScan := image.NewGray(image.Rect(0, 0, 2, 1))
	greyScan.SetGray(0, 0, color.Gray{Y: 0})
	greyScan.SetGray(1, 0, color.Gray{Y: 200})
	cmyk := image.NewCMYK(image.Rect(0, 0, 1, 1))
	cmyk.SetCMYK(0, 0, color.CMYK{C: 10, M: 20, Y: 30, K: 40})
	tests := []struct {
		name  string
		img   image.Image
		mode  ImageMode
		space string
		want  []byte
	}{
		{"alpha flattened onto white", transparent, ImagesCMYK, "CMYK", []byte{0, 255, 255, 0, 0, 0, 0, 0}},
		{"alpha flattened, grey", transparent, ImagesGray, "G", []byte{76, 255}},
		{"a grey scan stays K only", greyScan, ImagesCMYK, "G", []byte{0, 200}},
		{"a CMYK JPEG keeps its inks", cmyk, ImagesCMYK, "CMYK", []byte{10, 20, 30, 40}},
	}
	for _, tt := range tests {
		im, err := convertImage(tt.img, tt.mode)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if im.space != tt.space || !bytes.Equal(samples(t, im), tt.want) {
			t.Errorf("%s: %s %v, want %s %v", tt.name, im.space, samples(t, im), tt.space, tt.want)
		}
		if bytes.ContainsAny([]byte(im.data), " \t\r\n") {
			t.Errorf("%s: white space in the inline data", tt.name)
		}
	}
}

func TestParseImageMode(t *testing.T) {
	for in, want := range map[string]ImageMode{"": ImagesCMYK, "cmyk": ImagesCMYK, "gray": ImagesGray} {
		if got, err := ParseImageMode(in); err != nil || got != want {
			t.Errorf("ParseImageMode(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseImageMode("rgb"); err == nil {
		t.Error("rgb accepted")
	}
}
