#!/usr/bin/env python3
"""Line coverage of the hwmx RTL from Verilator coverage data (scripts/coverage).

Verilator's line coverage (--coverage-line) puts a counter on every statement block and branch;
each counter names the source lines it stands for (its span, key 'S'). A source line is
*coverable* when it lies in the span of at least one counter and *covered* when every counter
spanning it counted at least once. Counters are summed over instances and configurations (a line
is covered when any instance of any configuration ran it). Counters without a span are implicit
`else` branches (no line of their own): they are listed, not counted as lines.

Nothing is taken out of the figures. Lines that cannot be reached are listed in UNREACHABLE with
the reason, matched by their text and the `case` statement they belong to (not by line number:
the RTL is being edited), so the report can say which uncovered lines are explained.

Usage: coverage_lines.py COVERAGE_DAT RTL_DIR [--min PERCENT]
Exit status 1 when the total line coverage is below --min (default 95).
"""
import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

# (file, regex of the enclosing `case (...)` line or None, regex of the line, reason)
UNREACHABLE = [
    ("hwmx_axil_slave.sv", r"case \(state_q\)", r"^\s*default:\s*state_q <= FE_IDLE;\s*$",
     "fe_state_e has 3 states in 2 bits and state_q is only ever assigned one of them"),
    ("hwmx_engine.sv", r"case \(state_q\)", r"^\s*default:\s*state_d = S_IDLE;\s*$",
     "state_e has 10 states in 4 bits and state_q is only ever assigned one of them"),
    ("hwmx_engine.sv", r"case \(outcome\)", r"^\s*default:\s*;\s*$",
     "outcome_e has 16 values in 4 bits and all 16 are listed"),
    ("hwmx_engine.sv", r"case \(req_i\.xreg\)", r"^\s*default:\s*;\s*$",
     "REQ_WR_CTX is decoded only for the five writable context registers, all listed "
     "(writes to STATUS and GRANT are SLVERR)"),
    ("hwmx_regs.sv", r"case \(req_i\.creg\)", r"^\s*default:\s*;\s*$",
     "wr_en_i is raised only for REQ_WR_CTRL, decoded only for CTRL_LAST_ERROR and INSPECT_SLOT, "
     "both listed"),
]
# Implicit else branches (no line of their own) never taken: (file, regex of the `if` line, why).
BRANCHES = [
    ("hwmx_axil_slave.sv", r"if \(rsp_done\)",
     "response not taken in its first cycle: needs R/B backpressure (hwmx_difftest --stall)"),
    ("hwmx_engine.sv", r"if \(32'\(init_q\) < NUM_MUTEX\)",
     "false only when NUM_CTX > NUM_MUTEX (not a measured configuration)"),
    ("hwmx_engine.sv", r"if \(32'\(init_q\) < NUM_CTX\)",
     "false only when NUM_MUTEX > NUM_CTX (not a measured configuration)"),
]


def parse(dat):
    """Counters as {(file, line, column, kind, comment, span): count}, summed over instances."""
    points = defaultdict(int)
    for raw in Path(dat).read_text().splitlines():
        m = re.match(r"C '(.*)' (\d+)$", raw)
        if not m:
            continue
        key = dict(re.findall("\x01(\\w+)\x02([^\x01]*)", m.group(1)))
        kind = key.get("page", "").split("/")[0]
        if kind not in ("v_line", "v_branch"):
            continue  # toggle or user coverage, if ever compiled in
        points[(Path(key["f"]).name, int(key["l"]), key.get("n", ""), kind, key.get("o", ""),
                key.get("S", ""))] += int(m.group(2))
    return points


def span_lines(span):
    lines = set()
    for part in span.split(","):
        lo, _, hi = part.partition("-")
        lines.update(range(int(lo), int(hi or lo) + 1))
    return lines


def reason_for(name, text, case_line):
    for f, case_re, line_re, why in UNREACHABLE:
        if f == name and re.search(line_re, text) and (case_re is None or
                                                       (case_line and re.search(case_re, case_line))):
            return why
    return None


def enclosing_case(src, line):
    """The nearest `case (...)` line above `line` that is still open there."""
    depth = 0
    for i in range(line - 1, 0, -1):
        t = src[i - 1]
        if re.search(r"\bendcase\b", t):
            depth += 1
        elif re.search(r"\bcase\s*\(", t):
            if depth == 0:
                return t
            depth -= 1
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dat")
    ap.add_argument("rtl_dir")
    ap.add_argument("--min", type=float, default=95.0)
    args = ap.parse_args()
    rtl = Path(args.rtl_dir)
    files = [l.strip() for l in (rtl / "hwmx.f").read_text().splitlines()
             if l.strip().endswith(".sv") and not l.startswith("#")]
    points = parse(args.dat)

    per_line = defaultdict(list)  # (file, line) -> counts of the counters spanning it
    spanless = []  # (file, line, count)
    pts = defaultdict(lambda: [0, 0])  # file -> [hit, total] counters
    for (name, line, _col, _kind, _comment, span), count in points.items():
        pts[name][1] += 1
        pts[name][0] += count > 0
        if span:
            for l in span_lines(span):
                per_line[(name, l)].append(count)
        else:
            spanless.append((name, line, count))

    print(f"{'file':<22}{'lines':>7}{'covered':>9}{'%':>8}{'counters':>12}")
    total = covered = 0
    uncovered = []
    for name in files:
        lines = sorted(l for (f, l) in per_line if f == name)
        if not lines:
            print(f"{name:<22}{'-':>7}{'-':>9}{'-':>8}{'-':>12}   (no statements: types, "
                  "constants, functions)")
            continue
        src = (rtl / name).read_text().splitlines()
        hit = [l for l in lines if all(c > 0 for c in per_line[(name, l)])]
        for l in lines:
            if l not in hit:
                text = src[l - 1] if l <= len(src) else ""
                uncovered.append((name, l, text.strip(), reason_for(name, text, enclosing_case(src, l))))
        total += len(lines)
        covered += len(hit)
        p = pts[name]
        print(f"{name:<22}{len(lines):>7}{len(hit):>9}{100.0 * len(hit) / len(lines):>7.1f}%"
              f"{p[0]:>6}/{p[1]:<5}")
    pct = 100.0 * covered / total if total else 0.0
    ptot = [sum(p[0] for p in pts.values()), sum(p[1] for p in pts.values())]
    print(f"{'total':<22}{total:>7}{covered:>9}{pct:>7.1f}%{ptot[0]:>6}/{ptot[1]:<5}")

    explained = [u for u in uncovered if u[3]]
    print(f"\nuncovered lines ({len(uncovered)}):")
    for name, l, text, why in uncovered:
        print(f"  {name}:{l}: {text}\n      -> " + (f"unreachable: {why}" if why else
                                                  "NOT EXPLAINED: a gap in the tests?"))
    missed = [(n, l) for n, l, c in spanless if c == 0]
    print(f"\nbranches without a line of their own (implicit else) never taken ({len(missed)}):")
    for name, l in sorted(missed):
        src = (rtl / name).read_text().splitlines() if (rtl / name).exists() else []
        text = src[l - 1].strip() if l <= len(src) else ""
        why = next((w for f, r, w in BRANCHES if f == name and re.search(r, text)), None)
        print(f"  {name}:{l}: else of '{text}'\n      -> " + (why or "NOT EXPLAINED"))
    reachable = total - len(explained)
    print(f"\nline coverage: {covered} of {total} lines = {pct:.1f}% (nothing excluded); of the "
          f"{reachable} lines not listed as unreachable: {100.0 * covered / reachable:.1f}%")
    if pct < args.min:
        print(f"FAIL line coverage {pct:.1f}% < {args.min:g}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
