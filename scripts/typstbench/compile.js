// Compiles a Typst document to PDF with typst.ts (Typst 0.14 in a Node
// addon) and prints the wall time and the CPU time (user + system, all of the
// process's threads) of each run in milliseconds, one run per line,
// for scripts/bench-typst.sh. Each run creates a fresh compiler, so that
// font loading and Typst's caches count as gazette's start-up does.
//
//   node compile.js MAIN.typ FONTDIR RUNS OUT.pdf
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [main, fontDir, runs, out] = process.argv.slice(2);
const content = fs.readFileSync(main, 'utf8');
for (let i = 0; i < Number(runs); i++) {
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const c = NodeCompiler.create({ workspace: path.dirname(main), fontArgs: [{ fontPaths: [fontDir] }] });
  const pdf = c.pdf({ mainFileContent: content });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  if (i === 0) fs.writeFileSync(out, pdf);
  console.log(ms.toFixed(1), ((cpu.user + cpu.system) / 1000).toFixed(1));
}
