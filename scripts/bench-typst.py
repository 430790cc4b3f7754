#!/usr/bin/env python3
"""Times gazette against Typst 0.14 on the same content, in one run.

Issue 14's benchmark: the sample issue, and the sample's documents repeated
ten times, set by gazette (the `gazette build` process, start-up included)
and by Typst 0.14.2 (typst.ts, in a Node process: each run a fresh compiler,
timed inside the process, so Node's own start-up is not counted against
Typst). Runs alternate, gazette then Typst, so both see the same machine.
Prints the median wall time of each, the ratio, and gazette's peak memory;
then the median CPU time (user + system) of each, which a machine shared
with other work stretches less than the wall time: gazette's whole process,
Typst's compilation (Node's process.cpuUsage around it).

    make bench-typst            # or: python3 scripts/bench-typst.py [--runs 7] [--scales 1,10]

Needs Go, Node.js and npm; installs typst.ts into ~/.cache/gazette-bench.
"""
import argparse, os, resource, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "samples/changjiang-2023-04/issue.toml")
TYPST_TS = "@myriaddreamin/typst-ts-node-compiler@0.7.0"  # Typst 0.14.2


def sh(*args, **kw):
    return subprocess.run(args, check=True, **kw)


def setup(cache, bindir):
    mod = os.path.join(cache, "node_modules/@myriaddreamin/typst-ts-node-compiler")
    if not os.path.isdir(mod):
        os.makedirs(cache, exist_ok=True)
        sh("npm", "install", "--silent", "--prefix", cache, TYPST_TS)
    # the binary in a folder of this run's own: the cache is shared by every
    # checkout on the machine, and another one's build must not replace it
    gazette = os.path.join(bindir, "gazette")
    # the tags of the Makefile's build (Makefile: TAGS)
    sh("go", "build", "-tags", "urfave_cli_no_docs,netgo", "-o", gazette, "./cmd/gazette", cwd=ROOT)
    return gazette


def gazette_run(gazette, manifest, out):
    """Returns the wall time and the CPU time (user + system) of one build, in ms."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    sh(gazette, "build", "-o", out, manifest, stdout=subprocess.DEVNULL)
    ms = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return ms, cpu


def typst_run(cache, main, out):
    env = dict(os.environ, NODE_PATH=os.path.join(cache, "node_modules"))
    res = sh("node", os.path.join(ROOT, "scripts/typstbench/compile.js"), main,
             os.path.join(ROOT, "fonts/data"), "1", out, env=env, capture_output=True, text=True)
    ms, cpu = res.stdout.split()[-2:]
    return float(ms), float(cpu)


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--scales", default="1,10")
    a = ap.parse_args()
    cache = os.path.join(os.path.expanduser("~"), ".cache", "gazette-bench")
    with tempfile.TemporaryDirectory() as bindir:
        run(a, cache, setup(cache, bindir))


def run(a, cache, gazette):
    """Times the gazette binary and Typst at each scale and prints a row for each."""
    print(f"{'scale':>5} {'gazette ms':>11} {'pages':>5} {'Typst ms':>9} {'pages':>5} {'ratio':>6} "
          f"{'gazette max RSS':>16} {'CPU ms gazette':>15} {'Typst':>6} {'ratio':>6}")
    for scale in [int(s) for s in a.scales.split(",")]:
        with tempfile.TemporaryDirectory() as d:
            sh("go", "run", "./scripts/typstbench", "-scale", str(scale), "-out", d, SAMPLE, cwd=ROOT)
            g, t, gc, tc = [], [], [], []
            manifest, main_typ = os.path.join(d, "gazette/issue.toml"), os.path.join(d, "typst/main.typ")
            for _ in range(a.runs):
                ms, cpu = gazette_run(gazette, manifest, os.path.join(d, "g.pdf"))
                g.append(ms)
                gc.append(cpu)
                ms, cpu = typst_run(cache, main_typ, os.path.join(d, "t.pdf"))
                t.append(ms)
                tc.append(cpu)
            # peak memory of one more gazette run, alone in its own process
            rss = peak_rss(gazette, manifest, os.path.join(d, "g.pdf"))
            gm, tm = statistics.median(g), statistics.median(t)
            gcm, tcm = statistics.median(gc), statistics.median(tc)
            print(f"{scale:>5} {gm:>11.1f} {pages(os.path.join(d, 'g.pdf')):>5} {tm:>9.1f} "
                  f"{pages(os.path.join(d, 't.pdf')):>5} {tm / gm:>5.1f}x {rss / 1024:>12.1f} MiB "
                  f"{gcm:>15.1f} {tcm:>6.1f} {tcm / gcm:>5.1f}x")


def peak_rss(gazette, manifest, out):
    res = subprocess.run(["/usr/bin/time", "-f", "%M", gazette, "build", "-o", out, manifest],
                         capture_output=True, text=True)
    return int(res.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.exit(main())
