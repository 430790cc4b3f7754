package html

// stylesheet is the edition's one stylesheet, for screen and print. The text
// is set in 仿宋 where the reader's system has it, else in a Song (宋体)
// face, as the printed gazette is (GB/T 9704-2012 7.3: 仿宋 text, 小标宋
// titles, 黑体 and 楷体 heads); Noto Serif CJK SC is the free face most
// Linux and Android systems carry. The measure is about 28 characters, as on
// the printed page, and shrinks with the screen; a table wider than the
// screen scrolls in its own box, and a long address or number breaks, so
// nothing ever widens the page. On a narrow screen a title runs on across
// its source line breaks.
//
// Line breaks (wrap.go; docs/web-editions.md#line-breaks): titles, heads,
// table cells, the 目录 and the other display lines are keep-all, breaking
// only at the <wbr> between words and at punctuation, titles and heads
// balanced (text-wrap: balance, as the print edition sets a title 梯形 or
// 菱形 with lines of near equal length, GB/T 9704-2012 7.3.1); body text
// breaks between any two hanzi. A number with its unit (.nb) never breaks;
// a long address (.long) breaks anywhere. break-word is the last resort
// for a run longer than the line, which the tests check never happens in
// a title or table.
const stylesheet = `:root {
  --fang: FangSong, "仿宋", "仿宋_GB2312", FangSong_GB2312, STFangsong, "华文仿宋",
    "Noto Serif CJK SC", "Source Han Serif SC", "宋体", SimSun, serif;
  --song: "宋体", SimSun, STSong, "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --title: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", STZhongsong,
    "Noto Serif CJK SC", "Source Han Serif SC", "宋体", SimSun, serif;
  --hei: "黑体", SimHei, STHeiti, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  --kai: "楷体", KaiTi, "楷体_GB2312", KaiTi_GB2312, STKaiti, "AR PL UKai CN", var(--fang);
}
html { font-size: 18px; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 0 1rem 2rem; max-width: 32em;
  font-family: var(--fang); line-height: 1.8; color: #000; background: #fff;
  overflow-wrap: break-word; word-break: normal;
}
h1, h2, h3, h4, h5, h6, th, td, ol.toc, .masthead, .issue-line, .docnumber, .addressee,
.attachment-note, .signature, .attachment-label, .headnote, .contents, .order-head,
.order-number, .presider {
  word-break: keep-all;
}
h1, h2, h3, h4, h5, h6, .order-head, .attachment-label { text-wrap: balance; }
ol.toc a, td, th, .contents li, .attachment-note li { text-wrap: balance; }
.nb { white-space: nowrap; }
.long { overflow-wrap: anywhere; }
nav { margin: 1rem 0; font-family: var(--song); font-size: 0.9rem; }
nav a { color: #0645ad; }
h1, h2 { font-family: var(--title); font-weight: bold; text-align: center; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 1.5rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 1rem; }
h3, h4, h5, h6, .head-1, .head-2, .head-3, .head-4 {
  font-size: 1rem; line-height: 1.8; margin: 0.5rem 0; text-indent: 2em; text-align: left;
}
.head-1, strong.lead-1 { font-family: var(--hei); font-weight: normal; }
.head-2, strong.lead-2 { font-family: var(--kai); font-weight: normal; }
.head-3, .head-4, strong.lead-3, strong.lead-4 { font-family: var(--fang); font-weight: bold; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.issue-line { text-indent: 0; text-align: center; font-family: var(--song); font-size: 0.8rem; color: #c00; border-bottom: 1px solid #c00; }
.docnumber { text-indent: 0; text-align: center; font-family: var(--kai); margin-bottom: 1em; }
.addressee { text-indent: 0; text-align: left; } /* keep-all: a justified line would spread between words */
.attachment-note { display: flex; margin: 1em 0 0 2em; }
.attachment-note .label { flex: none; }
.attachment-note ul, .contents ul, ul.roster { list-style: none; margin: 0; padding: 0; }
.signature { width: fit-content; max-width: 100%; margin: 2em 2em 0 auto; }
.signature p { text-indent: 0; text-align: left; }
.signature .date { padding-left: 2em; }
.note { margin-top: 1em; }
.attachment-label { text-indent: 0; font-family: var(--hei); margin-top: 2rem; }
.headnote { text-indent: 0; text-align: center; font-family: var(--kai); font-size: 0.9rem; margin-bottom: 1em; }
.contents { margin: 1em 0; }
.contents li { padding-left: 2em; font-family: var(--kai); }
.contents p.contents-title { text-indent: 0; text-align: center; font-family: var(--hei); }
h2.chapter, h3.chapter, h4.chapter { text-align: center; text-indent: 0; font-family: var(--hei); font-weight: normal; font-size: 1rem; }
strong.run-in, .question { font-family: var(--hei); font-weight: normal; }
.order-head { text-indent: 0; text-align: center; font-family: var(--title); font-size: 1.8rem; margin: 1rem 0 2rem; }
.order-number { text-indent: 0; text-align: center; margin-bottom: 1em; }
ul.roster li { padding-left: 5em; text-indent: -3em; text-align: justify; }
ul.roster li.roster-item { text-indent: 0; }
.presider { text-indent: 0; text-align: center; font-family: var(--kai); margin-bottom: 1em; }
section { margin-top: 2rem; }
.table { overflow-x: auto; margin: 1em 0; }
table { border-collapse: collapse; font-size: 0.8rem; line-height: 1.5; margin: 0 auto; overflow-wrap: normal; }
th, td { border: 1px solid #000; padding: 0.2em 0.4em; text-align: center; vertical-align: middle; }
th { font-family: var(--hei); font-weight: normal; }
td.num { font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; text-align: center; }
img { max-width: 100%; height: auto; }
.masthead { text-align: center; border-bottom: 2px solid #c00; margin-bottom: 1rem; }
.masthead h1 { color: #c00; font-size: 1.8rem; margin-bottom: 0.5rem; }
.masthead p { text-indent: 0; text-align: center; }
.toc-title { font-family: var(--hei); font-weight: normal; }
.toc-section h3 { text-indent: 0; font-family: var(--hei); font-weight: normal; margin-top: 1rem; }
ol.toc { list-style: none; padding: 0; margin: 0; }
ol.toc li { display: flex; gap: 0.5em; padding: 0.3em 0 0.3em 2em; }
ol.toc li a { flex: 1; color: #000; }
ol.toc .folio { flex: none; align-self: flex-end; font-family: var(--song); }
.toc-docnumber { display: block; font-family: var(--kai); }
.masthead p.statement { font-family: var(--kai); font-size: 0.8rem; margin: 0.5rem 0; }
footer { margin-top: 2rem; font-size: 0.8rem; font-family: var(--song); }
footer p { text-indent: 0; }
@media (max-width: 36em) {
  h1 br, h2 br { display: none; }
  th, td { padding: 0.2em 0.25em; }
}
@media print {
  html { font-size: 16pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4, .attachment-label { break-after: avoid; }
  section.attachment, section.forwarded { break-before: page; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
`
