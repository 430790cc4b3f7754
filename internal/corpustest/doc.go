// Package corpustest holds the read-back property tests that run gazette's
// real pipeline over real documents.
//
// The documents are the corpus in testdata/corpus (real public documents of
// provincial, municipal and county bodies, kept with the slips offices make:
// see testdata/README.md and testdata/corpus/SOURCES.md) and the two test
// issues in testdata/issues (county, province). The tests build them with
// internal/build exactly as `gazette build` does — the corpus grouped on the
// fly into one issue in a temporary folder, one section per kind of document
// — read the PDFs back with poppler (internal/testtool/pdfread) and assert,
// for every page and every line:
//
//   - in order: every non-space character of each source text comes out of
//     pdftotext, in order (the command lines 【…】 aside; a table's cells are
//     looked for one by one). Between two source characters the PDF may hold
//     up to 60 others (running heads, folios); past that the next eight source
//     characters are looked up ahead to resync (a 目录 entry before the body).
//     A character is lost when it is not where its neighbours are.
//   - kinsoku: no printed line starts with a mark that may not start a line,
//     nor ends with one that may not end a line, at clreq's GB level
//     (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_end:
//     点号, closing quotes and brackets, connectors and interpuncts never start
//     a line; opening quotes and brackets and the solidus never end one). The
//     half-width forms offices type for them count as the marks they stand for.
//   - letter spacing: in a justified body line (body size, from the left edge
//     or the paragraph indent to the right edge of the type area) two
//     consecutive CJK glyphs are never more than a quarter em apart beyond
//     their own advance — the hard limit of issue 9 — unless the text itself
//     has a space there.
//   - inside the trim: no word box crosses the trim box.
//   - no overlap: the glyph boxes (one em high around the baseline) of
//     different lines never intersect, and no two words of one line overprint
//     by more than half an em (the most two compressed marks may share).
//
// Two tests keep the letter-spacing measure honest: a generated probe notice
// with a long URL and an e-mail address (the lines issue 9 found spread) must
// be flagged exactly where the layout spread it, and a body line spread by
// the test itself in the layout (its run's character spacing) must read back
// with that spacing to within 0.02 em.
//
// A property that fails on today's code stays strict. The failure is listed
// in knownFailures (document, property, the issue that fixes it) and the test
// checks the list both ways: an unlisted failure fails the test, and so does
// a listed one that now passes, telling the developer who fixed it to delete
// the row. So main stays green and every fix shows.
package corpustest
