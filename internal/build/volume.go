package build

import (
	"gazette/fonts"
	"gazette/internal/render"
	"gazette/layout"
)

// What a 合订本 (internal/volume) needs of an issue beyond Prepare: to lay
// issues out with one font set shared by the volume, so that every character
// is measured and printed in the face the volume embeds, and the issue's
// layout and print settings.

// ReadWithFonts is Read with the issue's faces taken from set instead of
// its own [fonts]; the caller has checked that the two say the same.
func ReadWithFonts(manifestPath string, set *fonts.Set) (*Issue, error) {
	is, err := Read(manifestPath)
	if err != nil {
		return nil, err
	}
	is.Fonts = set
	return is, nil
}

// LayoutInput is what the issue's [layout] and [print] give layout — the
// style fitted to the trim and the type sizes, punctuation and kinsoku —
// with the metrics of its fonts.
func (is *Issue) LayoutInput() (layout.Input, error) {
	in, err := layoutInput(is.Manifest)
	if err != nil {
		return layout.Input{}, err
	}
	metrics, err := layout.NewFontMetrics(is.Fonts)
	if err != nil {
		return layout.Input{}, atFontLines(is.Manifest, err)
	}
	in.Metrics = metrics
	return in, nil
}

// PrintOptions are the render options of the issue's print edition: its
// picture conversion, bleed, crop marks and PDF/X output condition.
func (is *Issue) PrintOptions() (render.Options, error) {
	opt, err := is.renderOptions()
	if err != nil {
		return opt, err
	}
	p := is.Manifest.Print
	opt.Print = &render.Print{BleedMM: p.BleedMM, CropMarks: p.CropMarks, Condition: p.OutputCondition}
	return opt, nil
}
