package preflight

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"gazette/internal/testtool"
)

// encrypted returns a copy of the good booklet encrypted by encrypt, which
// writes in to out.
func encrypted(t *testing.T, encrypt func(in, out string)) string {
	t.Helper()
	pdf := newDoc()
	addPages(pdf, 4)
	in := save(t, pdf, "plain.pdf")
	out := filepath.Join(t.TempDir(), "encrypted.pdf")
	encrypt(in, out)
	return out
}

// byPdfcpu encrypts with pdfcpu: AES-256, the passwords user and owner.
func byPdfcpu(t *testing.T, user, owner string) func(in, out string) {
	return func(in, out string) {
		if err := api.EncryptFile(in, out, model.NewAESConfiguration(user, owner, 256)); err != nil {
			t.Fatalf("pdfcpu encrypt: %v", err)
		}
	}
}

func TestCheckEncrypted(t *testing.T) {
	tests := []struct {
		name    string
		encrypt func(t *testing.T) func(in, out string)
		err     string // in the error of Check; "" for a report with the finding
	}{
		{name: "owner password only (pdfcpu)", encrypt: func(t *testing.T) func(in, out string) { return byPdfcpu(t, "", "own") }},
		{name: "owner password only (qpdf --encrypt \"\" own 256)", encrypt: func(t *testing.T) func(in, out string) {
			return func(in, out string) { testtool.Run(t, "qpdf", "--encrypt", "", "own", "256", "--", in, out) }
		}},
		{name: "a password to open", encrypt: func(t *testing.T) func(in, out string) { return byPdfcpu(t, "open", "own") }, err: "加了打开密码"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := encrypted(t, tt.encrypt(t))
			rep, err := Check(path, Options{})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), path) {
					t.Fatalf("Check = %v, want an error naming the file with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			assertReport(t, rep, []want{{code: "encrypted", sev: Error, pages: doc,
				text: "文件加了密（权限密码），印刷厂的 RIP 可能拒收，请导出不加密的 PDF"}}, nil)
		})
	}
	pdf := newDoc() // and not encrypted: no finding
	addPages(pdf, 4)
	rep, err := Check(save(t, pdf, "plain.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertReport(t, rep, nil, []string{"encrypted"})
}
