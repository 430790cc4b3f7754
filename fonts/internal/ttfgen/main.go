//go:build ttfgen

// Command ttfgen makes the TrueType fonts gazette embeds from the upstream
// CFF fonts in fonts/data/src, with package fonts' own CFF-to-TrueType
// conversion (the one Face.Subset applies to a user's OTF). `go generate
// ./fonts` runs it as
//
//	go run -tags ttfgen ./internal/ttfgen
//
// in fonts/; the ttfgen tag builds package fonts without the embedded faces,
// so the generator runs even when they are missing or stale. The output
// depends only on the input files. It prints the SHA-256 of each file
// written, as fonts/data/NOTICE.md lists them.
package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"gazette/fonts"
)

func main() {
	src := flag.String("src", "data/src", "directory of the upstream fonts")
	out := flag.String("out", "data", "directory to write the TrueType fonts to")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "ttfgen:", err)
		os.Exit(1)
	}
}

// run converts every bundled face.
func run(srcDir, outDir string) error {
	ttfs, srcs := fonts.BuiltinFiles()
	for i, name := range srcs {
		otf, err := os.ReadFile(filepath.Join(srcDir, name))
		if err != nil {
			return err
		}
		ttf, err := fonts.ConvertBuiltin(name, otf)
		if err != nil {
			return err
		}
		path := filepath.Join(outDir, ttfs[i])
		if err := writeFile(path, ttf); err != nil {
			return err
		}
		fmt.Printf("%x  %s (%d bytes, from %s)\n", sha256.Sum256(ttf), ttfs[i], len(ttf), name)
	}
	return nil
}

// writeFile replaces path with data, through a temporary file, so that an
// interrupted run leaves the old file.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ttfgen-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
