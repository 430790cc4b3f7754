package impose

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImposeRefusesASelfDrawingPattern: a PDF whose tiling pattern draws
// itself would send pdfcpu into a recursion that overflows the stack (a
// crash no recover catches); impose refuses it with a message instead.
func TestImposeRefusesASelfDrawingPattern(t *testing.T) {
	content := "/Pattern cs /P scn 0 0 1 1 re f"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595.28 841.89] >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Pattern << /P 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		fmt.Sprintf("<< /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 1 1] /XStep 1 /YStep 1 /Resources << /Pattern << /P 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	dir := t.TempDir()
	in := filepath.Join(dir, "loop.pdf")
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := File(in, "")
	if err == nil || !strings.Contains(err.Error(), "引用自身的图案") {
		t.Fatalf("impose of a self-drawing pattern: %v", err)
	}
	if _, err := os.Stat(DefaultOut(in)); err == nil {
		t.Errorf("a proof was written for a file impose refused")
	}
}
