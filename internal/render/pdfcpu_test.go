package render

import (
	"fmt"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The tests read the PDFs back with pdfcpu.

var disableConfigDir sync.Once

// pdfcpuConfig is pdfcpu's configuration for reading a PDF back: no config
// directory in the user's home, relaxed validation unless a test asks for
// strict.
func pdfcpuConfig() *model.Configuration {
	disableConfigDir.Do(func() { model.ConfigPath = "disable" })
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// pageRefs lists the page objects in order, walking the page tree.
func pageRefs(ctx *model.Context) ([]types.IndirectRef, error) {
	root, err := ctx.Catalog()
	if err != nil {
		return nil, fmt.Errorf("读取 PDF 目录对象: %w", err)
	}
	pages := root.IndirectRefEntry("Pages")
	if pages == nil {
		return nil, fmt.Errorf("PDF 没有页面树")
	}
	var out []types.IndirectRef
	return out, collectPages(ctx, *pages, &out, 0)
}

func collectPages(ctx *model.Context, ref types.IndirectRef, out *[]types.IndirectRef, depth int) error {
	if depth > 32 {
		return fmt.Errorf("PDF 页面树过深")
	}
	d, err := ctx.DereferenceDict(ref)
	if err != nil || d == nil {
		return fmt.Errorf("读取第 %d 号页面树对象: %v", ref.ObjectNumber, err)
	}
	if t := d.Type(); t == nil || *t != "Pages" {
		*out = append(*out, ref)
		return nil
	}
	for _, k := range d.ArrayEntry("Kids") {
		kr, ok := k.(types.IndirectRef)
		if !ok {
			return fmt.Errorf("PDF 页面树的 Kids 不是间接引用")
		}
		if err := collectPages(ctx, kr, out, depth+1); err != nil {
			return err
		}
	}
	return nil
}
