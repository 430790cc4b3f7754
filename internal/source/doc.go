// Package source reads the documents the office submits — plain text pasted
// from Word or Word files (.docx), CSV tables saved from Excel or Excel files
// (.xlsx) — and recognises their structure
// by the conventions of Chinese official documents (GB/T 9704-2012 clause 7),
// filling a model.Document.
//
// The API:
//
//	Decode(name, data)          bytes → text (UTF-8, UTF-16, GBK/GB18030)
//	Normalize(text)             white-space normalisation, line by line
//	ParseDocument(path)         read + decode + recognise a file
//	Parse(name, text)           recognise text (name: messages, relative paths)
//	ReadDocument(path)          ParseDocument for .txt, .docx (and .doc/.wps via LibreOffice), with notes
//	ReadTable(path, headerRows) a CSV table with merged cells
//	ReadSheet(path, sheet, hdr) an Excel (.xlsx) table: displayed values, merges, hidden rows left out
//	Check(doc)                  the office's slips, as warnings
//
// # 文字文件 / Text files
//
// 每个文件是一篇文件（一则通知连同它印发的方案和附件，或一篇政务动态），
// 保存为纯文本 .txt。编码用 UTF-8（记事本“另存为”→编码“UTF-8”）；GBK 和
// Word 的“Unicode”（UTF-16）也能读。行首的空格、全角空格和制表符不算内容，
// 段落缩进由排版决定；行中的空格照印。Word 书签标记（[bookmark: _GoBack]）
// 会被删掉；数字与“年月日号”之间多余的空格（“29 日”）会被去掉。
//
// One file is one document (a notice with the plan it forwards and its
// attachments, or one 政务动态 report), saved as plain text, UTF-8 preferred
// (GBK and Word's UTF-16 "Unicode text" are read too). Leading spaces, full-
// width spaces and tabs are not content; spaces inside a line print as
// written. Word bookmark markers are dropped, and a stray space between a
// digit and 年/月/日/号 is removed. Nothing else of the text is changed.
//
// # 自动识别 / What is recognised
//
// 程序按公文格式（GB/T 9704-2012 第7章）识别每一行的作用：
//
//   - 标题（7.3.1）：文件开头没有句末标点的连续几行，原文在哪里换行，印刷
//     时就在哪里换行；空行结束标题。标题下如果紧跟一行没有句末标点的
//     正文，请在两者之间留一个空行。
//   - 发文字号（7.2.4）：标题前后的“昌府办字〔2023〕25号”或
//     “（昌府办字〔2023〕25号）”一行，括号不计入。
//   - 主送机关（7.3.2）：标题（或发文字号）后以冒号结尾的一行，
//     如“各乡（镇）人民政府、街道办事处，区政府各部门：”。
//     含“如下”的行（“现将有关事项通知如下：”）和冒号前以“决定”“通知”
//     “批复”等动词结尾的行（“……第三次会议决定：”）是正文的第一句。
//   - 层次序号（7.3.3）：“一、”一级，“（一）”二级，“1.”或“1．”三级，
//     “（1）”四级。只有序号和一个短标题（没有句末标点，或只在行末有一个
//     句号）的一行是标题行；序号后紧跟一句短话（不超过25字，以“。”“：”
//     等结束）再接正文的，是段首小标题（如“（一）强化理论学习。全区……”）；
//     第一句以“；”结束的（“1.……情况；2.……”）是普通段落。
//     以句号结束的一行，只有下面统领着内容时才是标题：下一行是更低一级的
//     序号，或者它是不带逗号顿号的短语（如“一、 领导机构。”）、下面接正文、
//     前一项也是标题。下一行就是同级或更高一级的序号、或后面只剩署名日期，
//     或前一项已是条目的（批复、决定、通告里的“一、同意……。”
//     “二、本决定自公布之日起施行。”），是条目：整段按正文排，只有序号
//     “一、”用黑体、“（一）”用楷体，句子用仿宋。
//     “2、”这种阿拉伯数字加顿号的写法：如果它接在“一、”之后、下一个是
//     “三、”（或是没有“一、”系列时的第一项），按一级标题处理，否则按三级
//     处理；`gazette check` 会提示改正。
//   - 附件说明（7.3.4）：“附件：……”一行，以及紧接其下依次编号的
//     “2.……”“3.……”各行。
//   - 署名和成文日期（7.3.5）：“2023年6月29日”一行（或“二〇二三年……”），
//     以及紧挨在它上面、不带标点的短行（发文机关名称）。
//   - 附注（7.3.6）：日期之后整行在括号里的一行，如“（此件公开发布）”。
//   - 印发的文件：通知里写“印发《X》”（或“转发”），后面有一行（或连续几行）
//     正好是 X（带不带书名号都可以），这一行就是所印发文件的标题，另起一页。
//     署名日期之后的标题行，也另起一页。
//   - 附件（7.3.7）：只有“附件”或“附件2”的一行，另起一页；其下不带句末
//     标点的行是附件标题。
//   - 政务动态：标题下以“主持”结尾的短行（“伊文斌主持”）。
//   - 其他文种（规则见 docs/document-kinds.md）：规章的题注（标题下整行
//     括号、含日期或“通过”“公布”等）、目录、“第一章 总则”（章节标题，
//     空格多少不论）、“第一条……”（条，后面不空格也行）；政府令的令头
//     “某省人民政府令”和令号“第15号”；公告、通告的编号“（第1号）”；
//     纪要的“出席：”“列席：”“请假：”和人事任免的“任命：”“免去：”名单；
//     政策解读的“问：”“答：”。
//   - 其余各行都是正文段落。原文在句子中间断行的（上一行末尾是文字而不是
//     标点，且不少于15字或含逗号，两行之间没有空行，下一行不是序号、命令、
//     “——”、附件、日期、附注等的开头），两行合为一段。标题行从不与下一行
//     合并。
//
// The rules in English: a title is the first lines without sentence-final
// punctuation, kept with their line breaks, ended by a blank line (leave one
// before a first body line that has no punctuation); a 发文字号 line is recognised
// with or without parentheses (stored without); a line ending in a colon right
// after the title is the 主送机关 unless it says 如下 or ends with a verb
// of deciding or telling (决定：, 批复：); 一、（一）1.（1） are
// levels 1–4, a line holding only the number and a short head (or a head and
// one sentence ending the line) is a Heading when it heads something (a
// deeper head follows, or it is a short phrase over body text after a
// heading sibling) and otherwise a numbered item, a Paragraph whose Lead is
// the number alone (docs/document-kinds.md#numbered-items), a number followed by a short
// first sentence (≤ 25 characters, closed by 。！？ or ：) and more text is a
// Paragraph with that run-in head as Lead, a first sentence closed by ；
// means inline items and no Lead; "2、" is level 1 when it continues the
// 一、 sequence (the head before it is 一、 numbered one less, the next 一、
// head numbered one more), level 3 otherwise; "附件：" and the numbered lines
// after it are the 附件说明; a date line is the 成文日期 and the short
// organisation name over it the 署名; a line in parentheses after the date is
// the 附注; a line (or up to 4 lines) spelling the X of a notice's 印发《X》,
// or a title-like line after the date, is a forwarded document's title on a
// new page; "附件" or "附件N" alone is an attachment label on a new page,
// and the title-like lines under it its title; a short line ending in 主持
// under a title is the 主持 line; all else is Paragraph. A body line is
// joined to the next when it ends in a letter or digit (not punctuation), is
// at least 15 characters long or holds a comma, no blank line comes between
// and the next line starts no element (a head number, a command, ——, 附件, a
// 发文字号, a date or signer, a 附注, a forwarded title). Headings are never
// joined.
//
// # 命令 / Explicit commands
//
// 程序推断不出来的，用整行的方括号命令“【】”写明（冒号全角半角均可）：
//
//	【分页】                      另起一页 / page break
//	【表格：指标表.csv】          插入表格 / a table (CSV, see below)
//	【表格：指标表.csv 表头=1】   表格，第1行是表头（跨页时重复）/ 1 header row
//	【图片：图1.png】             插入图片，与版心同宽 / a picture, full width
//	【图片：图1.png 宽=120毫米】  图片宽120毫米（也可写 120mm、12厘米）/ width
//
// 文件名相对于本文件所在的文件夹。写在一行开头的角色前缀，强制指定这一行
// 的作用 / A role prefix at the start of a line forces that line's role:
//
//	【标题】文字      标题（连续几行都是标题时，每行都可加；另起一页，
//	                  文件开头和附件标识下除外）/ a title
//	【正文】文字      正文段落，不做任何识别 / a plain paragraph
//	【发文字号】文字  发文字号 / 发文字号
//	【主送】文字      主送机关 / addressee
//	【署名】文字      发文机关署名 / signer
//	【日期】文字      成文日期 / date
//	【附注】文字      附注 / note
//	【主持】文字      政务动态的主持人一行 / presider
//
// 不认识的整行命令（如“【分业】”）会报错，并列出可用的命令；
// 以“【…】”开头、后面还有文字、而括号里不是上述名称的行，是普通正文。
// An unknown command alone on its line is an error listing the commands; a
// line that merely starts with some other 【…】 and has text after it is
// ordinary text.
//
// # 表格文件 / Table files
//
// 表格在 Excel 中另存为“CSV UTF-8（逗号分隔）”（GBK 的“CSV（逗号分隔）”
// 和制表符分隔的文本也可以）。每行格数相同。合并单元格这样写：与上方格子
// 合并的格子只写“^”，与左侧格子合并的格子只写“<”。合并区域必须是矩形，
// 不能从表头跨到表身。例如：
//
// Save the table from Excel as CSV (UTF-8 or GBK, comma or tab separated),
// every row with the same number of cells. A cell holding only "^" merges
// into the cell above, one holding only "<" into the cell to its left; a
// merged area must be a rectangle and may not cross from header to body:
//
//	类别,项目,2023年,2024年,2025年
//	产值目标（亿元）,综合产值,17.2,19.2,21.2
//	^,稻米,1.55,1.58,1.61
//	合计,<,18.75,20.78,22.81
//
// # 检查 / Checks
//
// Check（gazette check）提示原文中的疏漏，但从不改动文字：序号重复或不连续、
// “第N条”“第N章”跳号或重复、“1)”应为“（1）”、日期里的字母“O”、
// “2、”应为“二、”或“2.”、“(一)”应为“（一）”、中文里的半角标点
// （, ; : ( ) ! ? "）、发文字号的年份没用六角括号〔〕（写成 [] 【】 （） „‟）、
// 序号加“第”或编虚位（025号）、成文日期编虚位（06月）。
package source
