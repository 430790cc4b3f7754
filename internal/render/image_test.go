package render

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"fmt"
	"image"
	"image/color"
	"io"
	"math/rand/v2"
	"strings"
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
		checkInlineData(t, tt.name, im)
	}
}

// checkInlineData: an inline image's data holds no "EI", and no white
// space but line ends between an E and an I, so that no reader, however
// it guesses where the data ends, takes part of it for the EI operator.
func checkInlineData(t *testing.T, name string, im *inlineImage) {
	t.Helper()
	if strings.Contains(im.data, "EI") {
		t.Errorf("%s: the inline data holds EI", name)
	}
	if strings.ContainsAny(strings.ReplaceAll(im.data, "E\nI", ""), " \t\r\n") {
		t.Errorf("%s: white space in the inline data", name)
	}
}

// TestInlineDataHoldsNoEI: the ASCII85 text of a picture of noise holds
// "EI" many times over (both letters are in its alphabet); qpdf --check
// took one followed by "[" and a "%" for the image's end and read the
// rest of the page as broken content. The data still decodes to the
// samples.
func TestInlineDataHoldsNoEI(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 1))
	noise := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for i := range noise.Pix {
		noise.Pix[i] = byte(r.Uint32())
	}
	for i := 3; i < len(noise.Pix); i += 4 {
		noise.Pix[i] = 255
	}
	rgb, _ := flatten(noise)
	for _, c := range []struct {
		mode ImageMode
		want []byte
	}{{ImagesCMYK, rgbToCMYK(rgb)}, {ImagesGray, graySamples(rgb)}, {imagesRGB, rgb}} {
		im, err := convertImage(noise, c.mode)
		if err != nil {
			t.Fatal(err)
		}
		checkInlineData(t, fmt.Sprintf("noise, mode %v", c.mode), im)
		if got := samples(t, im); !bytes.Equal(got, c.want) {
			t.Errorf("noise, mode %v: %d samples decoded, not the %d converted", c.mode, len(got), len(c.want))
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
