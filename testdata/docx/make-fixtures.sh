#!/bin/sh
# Makes the Word and Excel test files of testdata/docx, once; they are
# committed, and the tests only read them. Run from anywhere:
#
#   sh testdata/docx/make-fixtures.sh
#
# Two producers:
#   hand/    written part by part by a Go program (testdata/docx/gen) and
#            with excelize: numbering, tracked changes, comments, hidden
#            text, footnotes, merged cells, a picture; number formats, hidden
#            sheets, rows and columns, formulas; two hostile files.
#   lo/      the same files as LibreOffice writes them (opened and saved
#            again by soffice), and a .doc and .xls for the conversion.
#   sample/  the sample issue's .txt documents converted to .docx by
#            LibreOffice (its table referenced as .xlsx), its CSV table as an
#            .xlsx with real merged cells, and an issue.toml listing them: the
#            same issue from Word and Excel files.
#   kinds/   the same for testdata/issues/kinds: ten real documents of
#            other kinds (规章, 令, 批复, 任免, 纪要) converted to .docx.
#
# Needs LibreOffice (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/testdata/docx"
src="$root/samples/changjiang-2023-04"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice() {
	command soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore "$@" >/dev/null 2>&1
}

rm -rf "$out/hand" "$out/lo" "$out/sample" "$out/kinds"
mkdir -p "$out/hand" "$out/lo" "$out/sample" "$out/kinds"
(cd "$root" && go run ./testdata/docx/gen "$out" "$src/附件2-指标分解表.csv")

# LibreOffice's own writing of the hand-built files, and binary formats.
soffice --convert-to docx:"MS Word 2007 XML" --outdir "$out/lo" "$out/hand/编号修订.docx"
soffice --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out/lo" "$out/hand/指标.xlsx"
soffice --convert-to doc:"MS Word 97" --outdir "$out/lo" "$out/hand/编号修订.docx"
soffice --convert-to xls:"MS Excel 97" --outdir "$out/lo" "$out/hand/指标.xlsx"

# The sample issue from Word files: each .txt as Word opens it (UTF-8,
# one paragraph a line), its table named as the .xlsx.
for f in "$src"/*.txt; do
	name=$(basename "$f")
	sed 's/附件2-指标分解表\.csv/附件2-指标分解表.xlsx/' "$f" >"$tmp/$name"
	soffice --infilter="Text (encoded):UTF8,LF,,," --convert-to docx:"MS Word 2007 XML" --outdir "$out/sample" "$tmp/$name"
done
sed -e 's/\.txt"/.docx"/g' "$src/issue.toml" >"$out/sample/issue.toml"

kinds="$root/testdata/issues/kinds"
for f in "$kinds"/*.txt; do
	soffice --infilter="Text (encoded):UTF8,LF,,," --convert-to docx:"MS Word 2007 XML" --outdir "$out/kinds" "$f"
done
sed -e 's/\.txt"/.docx"/g' "$kinds/issue.toml" >"$out/kinds/issue.toml"
ls -R "$out/hand" "$out/lo" "$out/sample" "$out/kinds"
