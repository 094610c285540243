#!/usr/bin/env python3
"""The benchmark table with this project's columns: one line per row and dataset,
median wall time, cells per second, median peak RSS, and the ratios to
python-calamine (reading only) and to the libxml2 SAX2 floor of the same dataset.

  bench/table.py RESULTS.jsonl [LATER.jsonl ...]

A row measured again in a later file replaces the earlier one, so the project's
rows can be re-run alone (bench/run --only pipeline) and shown beside the peers.

Reads the JSONL that ../shared/bench/harness.py writes (--out) and the
manifest of the data folder ($BENCH_DATA/manifest.json) for the cell counts.
"""
import json
import os
import statistics
import sys

PEER = "python-calamine"
FLOOR = "limit: libxml2 SAX2 push"


def load(paths):
    rows, order = {}, []
    for p in paths:
        for line in open(p, encoding="utf-8"):
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("kind") == "env" or "walls" not in r:
                continue
            key = (r["dataset"], r["name"])
            if key not in rows:
                order.append(key)
            rows[key] = {"walls": r["walls"], "peaks": r["peaks_kib"], "rc": set(r["rc"])}
    return rows, order


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit(__doc__)
    data = os.environ.get("BENCH_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".bench-data"))
    manifest = json.load(open(os.path.join(data, "manifest.json")))
    rows, order = load(paths)
    print("| dataset | row | wall s (median) | min–max | n | cells/s | peak RSS MiB | × calamine | × SAX2 floor |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|")
    for ds in sorted({d for d, _ in order}, key=lambda d: ["S", "L"].index(d) if d in ("S", "L") else 9):
        med = {n: statistics.median(rows[(d, n)]["walls"]) for d, n in order if d == ds}
        cells = manifest.get(ds, {}).get("cells")
        for name in sorted(med, key=med.get):
            r = rows[(ds, name)]
            w = med[name]
            rate = f"{cells / w / 1e6:.2f} M" if cells else "–"
            peer = f"{w / med[PEER]:.2f}" if PEER in med else "–"
            floor = f"{w / med[FLOOR]:.2f}" if FLOOR in med else "–"
            rc = "" if r["rc"] == {0} else f" (rc {sorted(r['rc'])})"
            print(f"| {ds} | {name}{rc} | {w:.3f} | {min(r['walls']):.3f}–{max(r['walls']):.3f} | "
                  f"{len(r['walls'])} | {rate} | {statistics.median(r['peaks']) / 1024:.0f} | {peer} | {floor} |")


if __name__ == "__main__":
    main()
