package preflight

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// colorSpace is what the check needs to know of a PDF colour space.
type colorSpace struct {
	family string      // DeviceGray, DeviceRGB, DeviceCMYK, ICCBased, CalRGB, CalGray, Lab, Indexed, Separation, DeviceN, Pattern
	n      int         // number of components (ICCBased: /N)
	names  []string    // colorants of Separation and DeviceN
	base   *colorSpace // Indexed and Pattern: base space; Separation and DeviceN: alternate space
}

var (
	deviceGray = colorSpace{family: "DeviceGray", n: 1}
	deviceRGB  = colorSpace{family: "DeviceRGB", n: 3}
	deviceCMYK = colorSpace{family: "DeviceCMYK", n: 4}
)

// rgb reports whether colours in cs are RGB: DeviceRGB, CalRGB, a
// three-component ICC profile, or an indexed palette of those.
func (cs colorSpace) rgb() bool {
	switch cs.family {
	case "DeviceRGB", "CalRGB":
		return true
	case "ICCBased":
		return cs.n == 3
	case "Indexed":
		return cs.base != nil && cs.base.rgb()
	}
	return false
}

// calibrated reports whether cs is a device-independent space that PDF/X-1a
// does not allow and that is not RGB (ICC grey or CMYK, CalGray, Lab).
func (cs colorSpace) calibrated() bool {
	switch cs.family {
	case "ICCBased":
		return cs.n != 3
	case "CalGray", "Lab":
		return true
	case "Indexed":
		return cs.base != nil && cs.base.calibrated()
	}
	return false
}

// printable reports whether cs is a space PDF/X-1a allows as it is:
// DeviceGray or DeviceCMYK.
func (cs colorSpace) printable() bool {
	return cs.family == "DeviceGray" || cs.family == "DeviceCMYK"
}

// inks returns the Separation or DeviceN space of cs (cs itself, or the
// base of an Indexed space), or nil.
func (cs colorSpace) inks() *colorSpace {
	switch {
	case cs.family == "Separation" || cs.family == "DeviceN":
		return &cs
	case cs.family == "Indexed" && cs.base != nil:
		return cs.base.inks()
	}
	return nil
}

// badAlternate reports whether cs is a Separation or DeviceN (or an
// Indexed space of one) whose alternate space is not DeviceGray or
// DeviceCMYK: RGB, ICC, Lab… PDF/X-1a forbids those too, and a RIP that
// does not print the inks on plates of their own separates the alternate.
func (cs colorSpace) badAlternate() bool {
	in := cs.inks()
	return in != nil && in.base != nil && !in.base.printable() && in.base.family != ""
}

// spot reports whether cs is a spot colour: a Separation, or a DeviceN
// with a colorant other than the four process inks.
func (cs colorSpace) spot() bool {
	if cs.family == "Separation" {
		return true
	}
	if cs.family != "DeviceN" {
		return false
	}
	for _, n := range cs.names {
		switch n {
		case "Cyan", "Magenta", "Yellow", "Black", "None":
		default:
			return true
		}
	}
	return false
}

// label names cs for a message: "DeviceRGB", "ICCBased N=3", "Indexed/DeviceRGB".
func (cs colorSpace) label() string {
	switch {
	case cs.family == "ICCBased":
		return fmt.Sprintf("ICCBased N=%d", cs.n)
	case cs.base != nil && (cs.family == "Indexed" || cs.family == "Pattern"):
		return cs.family + "/" + cs.base.label()
	}
	return cs.family
}

// spotLabel names a spot colour space: "Separation /PANTONE 186 C（替代色 DeviceCMYK）".
func (cs colorSpace) spotLabel() string {
	s := cs.family + " /" + strings.Join(cs.names, " /")
	if cs.base != nil {
		s += "（替代色 " + cs.base.label() + "）"
	}
	return s
}

// maxColorSpaceDepth bounds nested colour spaces (Indexed of a named space…).
const maxColorSpaceDepth = 8

// resolveColorSpace interprets a colour space object: a name (device space,
// inline-image abbreviation, or a key of the resources' ColorSpace dict) or
// an array. Unknown or broken spaces come back with an empty family.
func (s *scanner) resolveColorSpace(o types.Object, depth int) colorSpace {
	if depth > maxColorSpaceDepth {
		return colorSpace{}
	}
	o, err := s.c.ctx.Dereference(o)
	if err != nil || o == nil {
		return colorSpace{}
	}
	switch o := o.(type) {
	case types.Name:
		return s.namedColorSpace(string(o), depth)
	case types.Array:
		return s.arrayColorSpace(o, depth)
	}
	return colorSpace{}
}

// namedColorSpace resolves a colour space name. The inline-image
// abbreviations G, RGB and CMYK give way to a ColorSpace resource of that
// name: "/G cs" in a content stream names a resource.
func (s *scanner) namedColorSpace(name string, depth int) colorSpace {
	switch name {
	case "DeviceGray":
		return deviceGray
	case "DeviceRGB":
		return deviceRGB
	case "DeviceCMYK":
		return deviceCMYK
	case "Pattern":
		return colorSpace{family: "Pattern"}
	}
	if o := s.resource("ColorSpace", name); o != nil {
		return s.resolveColorSpace(o, depth+1)
	}
	switch name {
	case "G":
		return deviceGray
	case "RGB":
		return deviceRGB
	case "CMYK":
		return deviceCMYK
	}
	return colorSpace{}
}

func (s *scanner) arrayColorSpace(a types.Array, depth int) colorSpace {
	if len(a) == 0 {
		return colorSpace{}
	}
	fam, _ := a[0].(types.Name)
	cs := colorSpace{family: string(fam)}
	switch cs.family {
	case "ICCBased":
		cs.n = s.iccComponents(a)
	case "CalRGB", "Lab":
		cs.n = 3
	case "CalGray":
		cs.n = 1
	case "I", "Indexed":
		cs.family, cs.n = "Indexed", 1
		cs.base = s.baseSpace(a, 1, depth)
	case "Pattern":
		cs.base = s.baseSpace(a, 1, depth)
	case "Separation":
		cs.n = 1
		cs.names = s.colorants(a)
		cs.base = s.baseSpace(a, 2, depth)
	case "DeviceN":
		cs.names = s.colorants(a)
		cs.n = len(cs.names)
		cs.base = s.baseSpace(a, 2, depth)
	default:
		return s.namedColorSpace(cs.family, depth)
	}
	return cs
}

func (s *scanner) baseSpace(a types.Array, i, depth int) *colorSpace {
	if i >= len(a) {
		return nil
	}
	b := s.resolveColorSpace(a[i], depth+1)
	return &b
}

// iccComponents returns /N of an ICC profile stream.
func (s *scanner) iccComponents(a types.Array) int {
	if len(a) < 2 {
		return 0
	}
	sd, _, err := s.c.ctx.DereferenceStreamDict(a[1])
	if err != nil || sd == nil {
		return 0
	}
	if n := sd.IntEntry("N"); n != nil {
		return *n
	}
	return 0
}

// colorants lists the colorant names of a Separation or DeviceN space.
func (s *scanner) colorants(a types.Array) []string {
	if len(a) < 2 {
		return nil
	}
	o, _ := s.c.ctx.Dereference(a[1])
	switch o := o.(type) {
	case types.Name:
		return []string{readableName(string(o))}
	case types.Array:
		var names []string
		for _, e := range o {
			if n, ok := e.(types.Name); ok {
				names = append(names, readableName(string(n)))
			}
		}
		return names
	}
	return nil
}
