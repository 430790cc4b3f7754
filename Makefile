# gazette — two commands for a new machine:
#   make sample   builds samples/changjiang-2023-04/issue.toml to a PDF
#   make test     runs every test (installs the PDF tools the tests read back with)
#   make fuzz     runs every fuzz target for FUZZTIME (default 10s) each

GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X main.version=$(VERSION)
# Build tags that make the program quicker to start (docs/speed.md#start-up);
# a plain `go build ./cmd/gazette` works too, only slower to start:
# urfave_cli_no_docs leaves out urfave/cli's man-page and Markdown export,
# which gazette does not use, and with it blackfriday's initialisation (0.5 ms
# and a hundred page faults of every run); netgo, Go's own DNS resolver
# rather than the C library's (gazette looks no host up), makes the binary
# static: no dynamic loader and C library to start (0.5-1 ms).
TAGS     := urfave_cli_no_docs,netgo
SAMPLE   := samples/changjiang-2023-04/issue.toml

.PHONY: all build sample test tools bench bench-typst fuzz pages vet clean

all: build

build:
	$(GO) build -trimpath -tags '$(TAGS)' -ldflags '$(LDFLAGS)' -o bin/gazette ./cmd/gazette

sample: build
	./bin/gazette build $(SAMPLE)

# tools installs what the end-to-end tests use to read the PDF back
# (pdftotext, pdffonts, pdfinfo from poppler-utils; qpdf; Ghostscript).
tools:
	@./scripts/install-test-tools.sh

test: tools
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# fuzz runs each fuzz target for FUZZTIME with a short minimisation
# (scripts/fuzz.sh says why); a crash is saved under testdata/fuzz.
FUZZTIME ?= 10s
fuzz:
	FUZZTIME=$(FUZZTIME) GO=$(GO) ./scripts/fuzz.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# bench-typst times gazette against Typst 0.14 on the sample and on ten
# times its content, alternating runs (docs/speed.md; needs Node.js and npm).
bench-typst:
	python3 scripts/bench-typst.py

# pages renders the sample to PNGs for a look (out/page-N.png).
pages: sample
	mkdir -p out && pdftoppm -r 70 -png samples/changjiang-2023-04/issue.pdf out/page

vet:
	$(GO) vet ./...
	gofmt -l .

clean:
	rm -rf bin out samples/*/issue.pdf
