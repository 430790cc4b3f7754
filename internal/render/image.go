package render

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"fmt"
	"image"
	_ "image/jpeg" // the emblem and 【图片】 pictures may be JPEG
	_ "image/png"
	"io"
	"os"
	"strings"

	"gazette/layout"
)

// ImageMode is how pictures are converted for print (docs/pdfx.md#images:
// PDF/X-1a allows only CMYK and grey images).
type ImageMode int

// The image modes of [print] images.
const (
	ImagesCMYK ImageMode = iota // colour pictures in DeviceCMYK, grey ones in DeviceGray
	ImagesGray                  // every picture in DeviceGray (black ink only)
	imagesRGB                   // the web edition: colour pictures in DeviceRGB, grey ones in DeviceGray
)

// ParseImageMode reads the [print] images value: "cmyk" or "gray".
func ParseImageMode(s string) (ImageMode, error) {
	switch s {
	case "", "cmyk":
		return ImagesCMYK, nil
	case "gray":
		return ImagesGray, nil
	}
	return 0, fmt.Errorf("图片的印刷色 %q 不存在（可选 cmyk、gray）", s)
}

// maxInk is the total ink coverage a converted colour may reach
// (docs/pdfx.md#colour: ≤ 250 %; more makes the paper set off and wrinkle).
const maxInk = 2.5

// inlineImage is a picture converted for print, ready to be written into a
// content stream as an inline image (BI … ID … EI, ISO 32000-1 8.9.7).
// Inline images keep the file deterministic (fpdf orders image objects by
// width, from map order, when two are equally wide) and never carry an
// SMask: fpdf turns a PNG's alpha channel into an SMask and the whole file
// into PDF 1.4 with an RGB transparency group on every page, which PDF/X-1a
// forbids.
type inlineImage struct {
	w, h  int
	space string // "G" (DeviceGray) or "CMYK"
	data  string // samples, Flate-compressed then ASCII85-encoded
}

// loadImage reads a PNG or JPEG and converts it for print: alpha flattened
// onto white paper, then DeviceGray or DeviceCMYK by mode.
// data, when not nil, holds the picture's bytes (a picture that came inside
// a Word file) and path only names it.
func loadImage(path string, data []byte, mode ImageMode) (*inlineImage, error) {
	// the size from the header first: a picture over the pixel limit is
	// refused before it is decoded (layout refused it already; this guards
	// a file changed since)
	open := func() (io.ReadCloser, error) {
		if data != nil {
			return io.NopCloser(bytes.NewReader(data)), nil
		}
		return os.Open(path)
	}
	if _, _, err := layout.PictureSizeOf(open); err != nil {
		return nil, fmt.Errorf("图片 %s 有 %w", path, err)
	}
	var r io.Reader = bytes.NewReader(data)
	if data == nil {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("打开图片 %s: %w", path, err)
		}
		defer f.Close()
		r = f
	}
	img, _, err := image.Decode(r)
	if err != nil {
		return nil, fmt.Errorf("图片 %s 无法读取（请使用 PNG 或 JPEG）: %w", path, err)
	}
	return convertImage(img, mode)
}

// convertImage turns any image into print samples. A picture whose every
// pixel is neutral is written in DeviceGray even in CMYK mode, so that a
// grey scan prints in black ink alone.
func convertImage(img image.Image, mode ImageMode) (*inlineImage, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("图片是空的（%d × %d 像素）", w, h)
	}
	if c, ok := img.(*image.CMYK); ok && mode == ImagesCMYK {
		return encodeImage(w, h, "CMYK", cmykSamples(c))
	}
	rgb, gray := flatten(img)
	if gray || mode == ImagesGray {
		return encodeImage(w, h, "G", graySamples(rgb))
	}
	if mode == imagesRGB {
		return encodeImage(w, h, "RGB", rgb)
	}
	return encodeImage(w, h, "CMYK", rgbToCMYK(rgb))
}

// flatten composites the image onto white paper and returns 8-bit RGB
// samples, and whether every pixel is neutral (R = G = B).
func flatten(img image.Image) ([]byte, bool) {
	b := img.Bounds()
	out := make([]byte, 0, 3*b.Dx()*b.Dy())
	neutral := true
	at := pixelReader(img)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := at(x, y) // alpha-premultiplied, 16 bit
			white := 0xffff - a
			r8, g8, b8 := byte((r+white)>>8), byte((g+white)>>8), byte((bl+white)>>8)
			neutral = neutral && r8 == g8 && g8 == b8
			out = append(out, r8, g8, b8)
		}
	}
	return out, neutral
}

// pixelReader reads a pixel's colour as color.Color's RGBA does, without
// boxing each pixel in an interface for the kinds of picture PNG and JPEG
// decode to (a picture of 40 million pixels made as many allocations).
func pixelReader(img image.Image) func(x, y int) (r, g, b, a uint32) {
	switch im := img.(type) {
	case *image.RGBA:
		return func(x, y int) (uint32, uint32, uint32, uint32) { return im.RGBAAt(x, y).RGBA() }
	case *image.NRGBA:
		return func(x, y int) (uint32, uint32, uint32, uint32) { return im.NRGBAAt(x, y).RGBA() }
	case *image.Gray:
		return func(x, y int) (uint32, uint32, uint32, uint32) { return im.GrayAt(x, y).RGBA() }
	case *image.YCbCr:
		return func(x, y int) (uint32, uint32, uint32, uint32) { return im.YCbCrAt(x, y).RGBA() }
	case *image.Paletted:
		return func(x, y int) (uint32, uint32, uint32, uint32) { return im.At(x, y).RGBA() }
	}
	return func(x, y int) (uint32, uint32, uint32, uint32) { return img.At(x, y).RGBA() }
}

// graySamples is the luma of each RGB pixel (ITU-R BT.601 weights, as
// color.GrayModel), 0 = black as in DeviceGray.
func graySamples(rgb []byte) []byte {
	out := make([]byte, len(rgb)/3)
	for i := range out {
		r, g, b := uint32(rgb[3*i]), uint32(rgb[3*i+1]), uint32(rgb[3*i+2])
		out[i] = byte((19595*r + 38470*g + 7471*b + 1<<15) >> 16)
	}
	return out
}

// rgbToCMYK converts without an ICC profile (none is shipped:
// docs/pdfx.md#images): grey component replacement puts all of the neutral part into black
// (K = 1 − max(R, G, B)), so text-like greys print in K alone and red stays
// M + Y; C, M and Y are then reduced together where the sum of the four inks
// would pass maxInk.
func rgbToCMYK(rgb []byte) []byte {
	out := make([]byte, 0, len(rgb)/3*4)
	for i := 0; i < len(rgb); i += 3 {
		c := cmykOf(rgb[i], rgb[i+1], rgb[i+2])
		out = append(out, c[:]...)
	}
	return out
}

// cmykOf converts one 8-bit RGB colour to 8-bit C, M, Y, K.
func cmykOf(r8, g8, b8 uint8) [4]byte {
	r, g, b := float64(r8)/255, float64(g8)/255, float64(b8)/255
	k := 1 - max(r, g, b)
	if k >= 1 {
		return [4]byte{0, 0, 0, 255}
	}
	c, m, y := (1-r-k)/(1-k), (1-g-k)/(1-k), (1-b-k)/(1-k)
	if sum := c + m + y + k; sum > maxInk {
		f := (maxInk - k) / (c + m + y)
		c, m, y = c*f, m*f, y*f
	}
	q := func(v float64) byte { return byte(v*255 + 0.5) }
	return [4]byte{q(c), q(m), q(y), q(k)}
}

// cmykSamples copies a CMYK image's samples (a CMYK JPEG keeps its inks).
func cmykSamples(c *image.CMYK) []byte {
	b := c.Bounds()
	out := make([]byte, 0, 4*b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := c.CMYKAt(x, y)
			out = append(out, p.C, p.M, p.Y, p.K)
		}
	}
	return out
}

// encodeImage compresses samples with Flate and encodes them in ASCII85, so
// that the data holds no white space a reader could take for the image's end
// with an "EI" after it. ASCII85 text holds "EI" here and there (both
// letters are in its alphabet), which a reader that guesses the end from
// the operators around an "EI" (qpdf does) may take for it: a line end
// goes between the two letters, which the decoder skips (ISO 32000-1 7.4.3:
// ASCII85Decode ignores white space), so that the data holds no "EI".
func encodeImage(w, h int, space string, samples []byte) (*inlineImage, error) {
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	if err != nil {
		return nil, fmt.Errorf("压缩图片: %w", err)
	}
	if _, err := zw.Write(samples); err != nil {
		return nil, fmt.Errorf("压缩图片: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("压缩图片: %w", err)
	}
	a := make([]byte, ascii85.MaxEncodedLen(z.Len()))
	a = a[:ascii85.Encode(a, z.Bytes())]
	data := strings.ReplaceAll(string(a), "EI", "E\nI")
	return &inlineImage{w: w, h: h, space: space, data: data}, nil
}

// operators draws the image into the rectangle (x, y) w × h of PDF space
// (lower-left corner).
func (im *inlineImage) operators(x, y, w, h float64) string {
	var s strings.Builder
	fmt.Fprintf(&s, "q %.4f 0 0 %.4f %.2f %.2f cm\n", w, h, x, y)
	fmt.Fprintf(&s, "BI /W %d /H %d /CS /%s /BPC 8 /F [/A85 /Fl] ID\n", im.w, im.h, im.space)
	s.WriteString(im.data)
	s.WriteString("~>\nEI Q\n")
	return s.String()
}
