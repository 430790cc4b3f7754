package preflight

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// inlineImage reads the dictionary of an inline image (the operands between
// BI and ID), skips its data and checks it like an image XObject.
func (s *scanner) inlineImage(l *lexer, args []token) {
	entries := inlineDict(args)
	img := imageInfo{name: "内嵌图像 BI/ID"}
	bpc, filtered := 8, false
	for key, val := range entries {
		switch key {
		case "W", "Width":
			img.width = int(firstNum(val))
		case "H", "Height":
			img.height = int(firstNum(val))
		case "BPC", "BitsPerComponent":
			bpc = int(firstNum(val))
		case "IM", "ImageMask":
			img.stencil = len(val) == 1 && val[0].text == "true"
		case "F", "Filter":
			filtered = len(val) > 0 && !(len(val) == 2 && val[0].kind == tokArrayOpen)
		case "CS", "ColorSpace":
			img.cs = s.inlineColorSpace(val)
		}
	}
	size := -1
	if !filtered && img.width > 0 && img.height > 0 && bpc > 0 {
		n := max(img.cs.n, 1)
		size = (img.width*n*bpc + 7) / 8 * img.height
	}
	l.skipInlineImage(size)
	s.checkImage(img)
}

// inlineDict groups the operands of BI…ID into key → value tokens.
func inlineDict(args []token) map[string][]token {
	out := map[string][]token{}
	for i := 0; i < len(args); {
		if args[i].kind != tokName {
			i++
			continue
		}
		key := args[i].text
		j := i + 1
		if j < len(args) && args[j].kind == tokArrayOpen {
			for j < len(args) && args[j].kind != tokArrayClose {
				j++
			}
		}
		end := min(j+1, len(args))
		out[key] = args[i+1 : end]
		i = end
	}
	return out
}

func firstNum(val []token) float64 {
	for _, t := range val {
		if t.kind == tokNumber {
			return t.num
		}
	}
	return 0
}

// inlineColorSpace resolves /CS of an inline image: a name (abbreviated
// device space or a ColorSpace resource) or [/I base hival lookup].
func (s *scanner) inlineColorSpace(val []token) colorSpace {
	if len(val) == 0 {
		return colorSpace{}
	}
	if val[0].kind == tokName {
		return s.resolveColorSpace(types.Name(val[0].text), 0)
	}
	for _, t := range val {
		if t.kind == tokName && t.text != "I" && t.text != "Indexed" {
			base := s.resolveColorSpace(types.Name(t.text), 0)
			return colorSpace{family: "Indexed", n: 1, base: &base}
		}
	}
	return colorSpace{}
}
