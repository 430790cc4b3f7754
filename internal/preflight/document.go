package preflight

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// checkPageCount checks the page count for saddle stitching: a multiple of
// 4 (one sheet folded in two carries 4 pages) and not too many.
func (c *checker) checkPageCount() {
	n := c.ctx.PageCount
	ok := true
	if r := n % 4; r != 0 {
		ok = false
		c.add(Warning, 0, "page-count", "共 %d 页，不是 4 的倍数：骑马钉要补 %d 个空白页，凑成 %d 页", n, 4-r, n+4-r)
	}
	if n > c.opt.MaxSaddle {
		ok = false
		c.add(Warning, 0, "saddle-limit", "共 %d 页，超过骑马钉的上限 %d 页（--max-saddle）：钉不牢、内页外移太多，宜改用胶装", n, c.opt.MaxSaddle)
	}
	if ok {
		c.add(Info, 0, "page-count", "共 %d 页，可以骑马钉（%d 张纸对折）", n, n/4)
	}
}

// checkEncryption reports an encrypted file. One that needs a password to
// open never gets here (Check cannot read it); one with only an owner
// (permissions) password opens anywhere, but PDF/X forbids encryption and
// a RIP may refuse it.
func (c *checker) checkEncryption() {
	if c.ctx.Encrypt != nil {
		c.add(Error, 0, "encrypted", "文件加了密（权限密码），印刷厂的 RIP 可能拒收，请导出不加密的 PDF")
	}
}

// checkPDFX reports the PDF/X markers: the GTS_PDFX output intent, the
// GTS_PDFXVersion and Trapped keys of the document information and the
// document ID.
func (c *checker) checkPDFX() {
	c.checkOutputIntents()
	info := c.infoDict()
	if v := c.text(info, "GTS_PDFXVersion"); v != "" {
		if conf := c.text(info, "GTS_PDFXConformance"); conf != "" {
			v += "，" + conf
		}
		c.add(Info, 0, "pdfx-version", "PDF/X 版本：%s", v)
	} else {
		c.add(Warning, 0, "pdfx-version", "文档信息里没有 GTS_PDFXVersion：不是 PDF/X 文件（印刷厂多要 PDF/X-1a）")
	}
	c.checkTrapped(info)
	if len(c.ctx.ID) == 2 {
		c.add(Info, 0, "document-id", "有文档 ID（trailer /ID）")
	} else {
		c.add(Warning, 0, "document-id", "没有文档 ID（trailer /ID）：PDF/X 要求有")
	}
}

// checkOutputIntents looks for exactly one GTS_PDFX output intent.
func (c *checker) checkOutputIntents() {
	var pdfx, others []string
	for _, oi := range c.outputIntents() {
		s := "?"
		if n := oi.NameEntry("S"); n != nil {
			s = *n
		}
		if s != "GTS_PDFX" {
			others = append(others, s)
			continue
		}
		desc := "OutputConditionIdentifier=" + c.text(oi, "OutputConditionIdentifier")
		if _, ok := oi.Find("DestOutputProfile"); ok {
			desc += "，嵌入了 ICC 特性文件"
		} else if r := c.text(oi, "RegistryName"); r != "" {
			desc += "，登记处 " + r
		}
		pdfx = append(pdfx, desc)
	}
	switch {
	case len(pdfx) == 1:
		c.add(Info, 0, "pdfx-outputintent", "PDF/X 输出意图（GTS_PDFX）：%s", pdfx[0])
	case len(pdfx) > 1:
		c.add(Warning, 0, "pdfx-outputintent", "有 %d 个 GTS_PDFX 输出意图，PDF/X 只允许一个：%s", len(pdfx), strings.Join(pdfx, "；"))
	case len(others) > 0:
		c.add(Warning, 0, "pdfx-outputintent", "没有 PDF/X 输出意图（只有 %s）：印刷厂无法确认文件按哪种印刷条件制作", strings.Join(others, "、"))
	default:
		c.add(Warning, 0, "pdfx-outputintent", "没有 PDF/X 输出意图（OutputIntent /S /GTS_PDFX）：印刷厂无法确认文件按哪种印刷条件制作")
	}
}

// outputIntents returns the catalog's output intent dictionaries.
func (c *checker) outputIntents() []types.Dict {
	root, err := c.ctx.Catalog()
	if err != nil || root == nil {
		return nil
	}
	o, ok := root.Find("OutputIntents")
	if !ok {
		return nil
	}
	a, err := c.ctx.DereferenceArray(o)
	if err != nil {
		return nil
	}
	var out []types.Dict
	for _, e := range a {
		if d, err := c.ctx.DereferenceDict(e); err == nil && d != nil {
			out = append(out, d)
		}
	}
	return out
}

// checkTrapped reports the Trapped key, which PDF/X wants True or False.
func (c *checker) checkTrapped(info types.Dict) {
	var v string
	if o, ok := info.Find("Trapped"); ok {
		o, _ = c.ctx.Dereference(o)
		switch o := o.(type) {
		case types.Name:
			v = string(o)
		default:
			v = c.text(info, "Trapped")
		}
	}
	switch v {
	case "True", "False":
		c.add(Info, 0, "trapped", "Trapped=%s（陷印%s）", v, map[string]string{"True": "已做", "False": "未做"}[v])
	case "":
		c.add(Warning, 0, "trapped", "文档信息里没有 Trapped（是否已做陷印）：PDF/X 要求写明 True 或 False")
	default:
		c.add(Warning, 0, "trapped", "Trapped=%s：PDF/X 要求写明 True 或 False", v)
	}
}

// infoDict returns the document information dictionary (nil if none).
func (c *checker) infoDict() types.Dict {
	if c.ctx.Info == nil {
		return nil
	}
	d, err := c.ctx.DereferenceDict(*c.ctx.Info)
	if err != nil {
		return nil
	}
	return d
}

// text returns the text string d[key], or "".
func (c *checker) text(d types.Dict, key string) string {
	o, ok := d.Find(key)
	if !ok {
		return ""
	}
	s, err := c.ctx.DereferenceText(o)
	if err != nil {
		return fmt.Sprint(o)
	}
	return s
}
