package layout

//go:generate go run gen_uax14.go

// The line-break opportunities of UAX #14 (Unicode Line Breaking
// Algorithm), found without go-text's segmenter for the text Chinese
// documents are made of: hanzi, CJK and Western punctuation, Latin, Greek
// and Cyrillic letters, digits, spaces, symbols. The segmenter computes
// grapheme and word boundaries too and looks up six Unicode properties for
// every character; breaking a paragraph needs only the line classes. A
// paragraph with any character outside uax14Spans (combining marks,
// zero-width characters, Hangul, Brahmic scripts, emoji modifiers…) goes to
// the segmenter. The rules below are go-text's (the Unicode version it
// carries) as they apply to the classes handled, so that both give the same
// opportunities everywhere (TestUAX14*, FuzzUAX14):
// docs/line-composition.md#finding-the-opportunities-fast.

// lbClass is a UAX #14 line-breaking class, resolved by LB1 (AI is AL,
// CJ is NS). Quotation marks (QU) are split by their general category:
// lbQUi an initial quote (Pi: “ ‘), lbQUf a final one (Pf: ” ’), lbQU the
// others (" ').
type lbClass uint8

// The classes handled; 0 is a character that is not.
const (
	lbID lbClass = 1 + iota
	lbAL
	lbNU
	lbSP
	lbBA
	lbHY
	lbHH
	lbB2
	lbBB
	lbGL
	lbIN
	lbNS
	lbEX
	lbSY
	lbIS
	lbPR
	lbPO
	lbOP
	lbCL
	lbCP
	lbQU
	lbQUi
	lbQUf
	// lbEdge stands for the start and the end of the text where a rule
	// looks past them.
	lbEdge
	numLBClasses
)

// lbCode is a character's class, with lbWide when its East Asian width is
// wide, full-width or half-width (LB19a, LB30 look at it).
type lbCode uint8

const lbWide lbCode = 0x80

func (c lbCode) class() lbClass { return lbClass(c &^ lbWide) }
func (c lbCode) wide() bool     { return c&lbWide != 0 }

// lbSpan is a run of characters with the same code (uax14_table.go).
type lbSpan struct {
	lo, hi rune
	code   lbCode
}

// lbSet is a set of classes, a bit each.
type lbSet uint32

func (s lbSet) has(c lbClass) bool { return s&(1<<c) != 0 }

const lbQuotes = lbSet(1<<lbQU | 1<<lbQUi | 1<<lbQUf)

// lbBlocks holds the codes of the Basic Multilingual Plane by blocks of 256
// characters (nil: none handled); lbAstral the spans beyond it.
// A block whose characters all have one code (the ideographs: ninety
// blocks) shares one array of it.
var lbBlocks, lbAstral = func() (blocks [256]*[256]lbCode, astral []lbSpan) {
	whole := map[lbCode]*[256]lbCode{}
	for _, s := range uax14Spans {
		if s.lo > 0xFFFF {
			astral = append(astral, s)
			continue
		}
		for r := s.lo; r <= s.hi; {
			if r&0xFF == 0 && s.hi-r >= 0xFF && blocks[r>>8] == nil { // the whole block
				if whole[s.code] == nil {
					b := new([256]lbCode)
					for k := range b {
						b[k] = s.code
					}
					whole[s.code] = b
				}
				blocks[r>>8] = whole[s.code]
				r += 0x100
				continue
			}
			b := blocks[r>>8]
			if b == nil {
				b = new([256]lbCode)
				blocks[r>>8] = b
			}
			b[r&0xFF] = s.code
			r++
		}
	}
	return blocks, astral
}()

// lbCodeOf is r's code, 0 when the fast path does not handle r.
func lbCodeOf(r rune) lbCode {
	if r >= 0 && r <= 0xFFFF {
		if b := lbBlocks[r>>8]; b != nil {
			return b[r&0xFF]
		}
		return 0
	}
	for _, s := range lbAstral {
		if r >= s.lo && r <= s.hi {
			return s.code
		}
	}
	return 0
}

// numState follows LB25's numbers: NU (NU | SY | IS)* (CL | CP)?, as
// go-text's segmenter follows them.
type numState uint8

const (
	numNone   numState = iota
	numIn              // after NU (NU | SY | IS)*
	numClosed          // after NU (NU | SY | IS)* (CL | CP)
)

// next moves the state over a character of class c and reports whether
// LB25 forbids the break before it: NU (NU|SY|IS)* × (NU|SY|IS|CL|CP|PO|PR)
// and NU (NU|SY|IS)* (CL|CP) × (PO|PR).
func (s numState) next(c lbClass) (numState, bool) {
	switch s {
	case numIn:
		switch c {
		case lbNU, lbSY, lbIS:
			return numIn, true
		case lbCL, lbCP:
			return numClosed, true
		case lbPO, lbPR:
			return numNone, true
		}
		return numNone, false
	case numClosed:
		return numNone, c == lbPO || c == lbPR
	}
	if c == lbNU {
		return numIn, false
	}
	return numNone, false
}

// lbContext is what a rule may look at around the break before codes[i]
// besides the classes of the two characters it separates.
type lbContext struct {
	codes   []lbCode
	i       int
	spaced  int  // index of the last character before i that is no space, -1 if none
	inNum   bool // LB25 forbids the break (numState.next)
	probing bool // building lbPairs: no text, only note that context is read
	read    bool // probing and the rules read the context
}

func (x *lbContext) look() bool {
	x.read = true
	return !x.probing
}

// classAt is the class of codes[k], lbEdge outside the text.
func (x *lbContext) classAt(k int) lbClass {
	if !x.look() || k < 0 || k >= len(x.codes) {
		return lbEdge
	}
	return x.codes[k].class()
}

// first reports the break after the text's first character.
func (x *lbContext) first() bool { return x.look() && x.i == 1 }

// last reports the break before the text's last character.
func (x *lbContext) last() bool { return x.look() && x.i == len(x.codes)-1 }

// wideAt reports codes[k] wide; nothing outside the text is.
func (x *lbContext) wideAt(k int) bool {
	return x.look() && k >= 0 && k < len(x.codes) && x.codes[k].wide()
}

// lbBreaks reports, for the characters of classes c0 and c1 side by side,
// whether UAX #14 allows a line break between them, applying the rules in
// their order to the classes handled (LB1 to LB31, as go-text implements
// them; the rules about classes not handled never match). The context x is
// read only where a rule needs more than the two classes.
func lbBreaks(c0, c1 lbClass, x *lbContext) bool {
	q0, q1 := lbQuotes.has(c0), lbQuotes.has(c1)
	switch {
	case c1 == lbSP: // LB7: × SP
		return false
	case c0 == lbGL: // LB12: GL ×
		return false
	case c1 == lbGL && !lbSet(1<<lbSP|1<<lbBA|1<<lbHY|1<<lbHH).has(c0): // LB12a: [^SP BA HY HH] × GL
		return false
	case lbSet(1<<lbCL | 1<<lbCP | 1<<lbEX | 1<<lbSY).has(c1): // LB13: × CL, × CP, × EX, × SY
		return false
	}
	// s1 is the class of the last character before any spaces, s2 that of
	// the one before it (LB14–LB17 look across spaces).
	s1, k := c0, x.i-1
	if c0 == lbSP {
		k = x.spaced
		s1 = x.classAt(k)
	}
	switch {
	case s1 == lbOP: // LB14: OP SP* ×
		return false
	case s1 == lbQUi && (x.look() && k == 0 || lbSet(1<<lbOP|1<<lbQU|1<<lbQUi|1<<lbQUf|1<<lbGL|1<<lbSP).has(x.classAt(k-1))):
		// LB15a: (sot | OP | QU | GL | SP) [Pi & QU] SP* ×
		return false
	case c1 == lbQUf && (x.last() || lbSet(1<<lbSP|1<<lbGL|1<<lbCL|1<<lbQU|1<<lbQUi|1<<lbQUf|1<<lbCP|1<<lbEX|1<<lbIS|1<<lbSY|1<<lbEdge).has(x.classAt(x.i+1))):
		// LB15b: × [Pf & QU] (SP | GL | CL | QU | CP | EX | IS | SY | eot)
		return false
	case c0 == lbSP && c1 == lbIS && x.classAt(x.i+1) == lbNU: // LB15c: SP ÷ IS NU
		return true
	case c1 == lbIS: // LB15d: × IS
		return false
	case lbSet(1<<lbCL|1<<lbCP).has(s1) && c1 == lbNS: // LB16: (CL | CP) SP* × NS
		return false
	case s1 == lbB2 && c1 == lbB2: // LB17: B2 SP* × B2
		return false
	case c0 == lbSP: // LB18: SP ÷
		return true
	case q1 && c1 != lbQUi, q0 && c0 != lbQUf: // LB19: × [QU - Pi], [QU - Pf] ×
		return false
	case q1 && (!x.wideAt(x.i-1) || x.last() || !x.wideAt(x.i+1)),
		q0 && (!x.wideAt(x.i) || x.first() || !x.wideAt(x.i-2)):
		// LB19a: no break at a quotation mark unless East Asian characters
		// stand on both sides of it
		return false
	case lbSet(1<<lbHY|1<<lbHH).has(c0) && c1 == lbAL && (x.first() || lbSet(1<<lbSP|1<<lbGL).has(x.classAt(x.i-2))):
		// LB20a: (sot | SP | GL) (HY | HH) × AL
		return false
	case lbSet(1<<lbBA | 1<<lbHH | 1<<lbHY | 1<<lbNS).has(c1), c0 == lbBB: // LB21
		return false
	case c1 == lbIN: // LB22: × IN
		return false
	case c0 == lbAL && c1 == lbNU, c0 == lbNU && c1 == lbAL: // LB23
		return false
	case c0 == lbPR && c1 == lbID, c0 == lbID && c1 == lbPO: // LB23a
		return false
	case lbSet(1<<lbPR|1<<lbPO).has(c0) && c1 == lbAL, c0 == lbAL && lbSet(1<<lbPR|1<<lbPO).has(c1): // LB24
		return false
	case lbSet(1<<lbPR|1<<lbPO).has(c0) && (c1 == lbNU || lbSet(1<<lbOP|1<<lbHY).has(c1) && x.classAt(x.i+1) == lbNU),
		lbSet(1<<lbOP|1<<lbHY|1<<lbIS).has(c0) && c1 == lbNU,
		c0 == lbNU && lbSet(1<<lbNU|1<<lbSY|1<<lbIS).has(c1): // LB25
		return false
	case lbSet(1<<lbNU|1<<lbSY|1<<lbIS|1<<lbCL|1<<lbCP|1<<lbPO|1<<lbPR).has(c1) && x.look() && x.inNum: // LB25, in a number
		return false
	case c0 == lbAL && c1 == lbAL: // LB28: AL × AL
		return false
	case c0 == lbIS && c1 == lbAL: // LB29: IS × AL
		return false
	case lbSet(1<<lbAL|1<<lbNU).has(c0) && c1 == lbOP && !x.wideAt(x.i),
		c0 == lbCP && lbSet(1<<lbAL|1<<lbNU).has(c1) && !x.wideAt(x.i-1): // LB30
		return false
	}
	return true // LB31: break everywhere else
}

// lbPair is what the two classes around a break decide.
type lbPair uint8

const (
	pairKeep  lbPair = iota // no break, whatever the context
	pairBreak               // a break, whatever the context
	pairAsk                 // it depends on the context: apply the rules
)

// lbPairs is the pair table: lbBreaks for two classes wherever the rules
// it applies read no more than the two classes.
var lbPairs = func() (t [numLBClasses][numLBClasses]lbPair) {
	for c0 := lbClass(1); c0 < lbEdge; c0++ {
		for c1 := lbClass(1); c1 < lbEdge; c1++ {
			x := lbContext{probing: true}
			brk := lbBreaks(c0, c1, &x)
			switch {
			case x.read:
				t[c0][c1] = pairAsk
			case brk:
				t[c0][c1] = pairBreak
			}
		}
	}
	return t
}()

// uax14Breaks sets breakB on every atom after the first where UAX #14 allows
// a line break before it, exactly as go-text's segmenter would, and reports
// true; it reports false, changing nothing, when a character is not
// handled. codes is working memory, returned for reuse.
func uax14Breaks(atoms []atom, codes []lbCode) ([]lbCode, bool) {
	codes = codes[:0]
	for i := range atoms {
		c := lbCodeOf(atoms[i].r)
		if c == 0 {
			return codes, false
		}
		codes = append(codes, c)
	}
	if len(codes) == 0 {
		return codes, true
	}
	x := lbContext{codes: codes, spaced: -1}
	num, _ := numNone.next(codes[0].class())
	if codes[0].class() != lbSP {
		x.spaced = 0
	}
	for i := 1; i < len(codes); i++ {
		c0, c1 := codes[i-1].class(), codes[i].class()
		num, x.inNum = num.next(c1)
		switch lbPairs[c0][c1] {
		case pairKeep:
			atoms[i].breakB = false
		case pairBreak:
			atoms[i].breakB = true
		default:
			x.i = i
			atoms[i].breakB = lbBreaks(c0, c1, &x)
		}
		if c1 != lbSP {
			x.spaced = i
		}
	}
	return codes, true
}
