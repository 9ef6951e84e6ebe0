#!/usr/bin/env python3
"""Peer for `shuraku-bench matrix`: scipy.sparse.csgraph.dijkstra with `limit=` on the very
same graph and sources, exported by `shuraku-bench matrix ... --export-csr DIR`.

Usage: bench/peers/.venv/bin/python bench/peers/scipy_matrix.py DIR [--batch B]

Counts the (source, place) pairs whose connector + road + connector time is within the cutoff,
exactly as the Swift matrix does (a place's own pair counts, at 0 s), and prints one line:
`scipy_ms=… pairs=… sum_s=…` (sum_s: sum of the pair times, to compare with the Swift run).
The dense result rows are produced B sources at a time (default 64) to bound memory.
"""
import json
import sys
import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra


def main():
    d = sys.argv[1]
    batch = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else 64
    meta = json.load(open(f"{d}/meta.json"))
    n = meta["nodes"]
    indptr = np.fromfile(f"{d}/indptr.i64", dtype=np.int64)
    indices = np.fromfile(f"{d}/indices.i32", dtype=np.int32)
    weights = np.fromfile(f"{d}/seconds.f64", dtype=np.float64)
    src_nodes = np.fromfile(f"{d}/source_nodes.i32", dtype=np.int32)
    src_conn = np.fromfile(f"{d}/source_conn_s.f64", dtype=np.float64)
    place_nodes = np.fromfile(f"{d}/place_nodes.i32", dtype=np.int32)
    place_conn = np.fromfile(f"{d}/place_conn_s.f64", dtype=np.float64)
    cutoff = meta["cutoffSeconds"]
    g = csr_matrix((weights, indices, indptr), shape=(n, n))
    ok = place_nodes >= 0
    tgt_nodes = np.where(ok, place_nodes, 0)
    min_conn = place_conn[ok].min() if ok.any() else 0.0

    t0 = time.perf_counter()
    pairs = 0
    total = 0.0
    for b0 in range(0, len(src_nodes), batch):
        sn = src_nodes[b0:b0 + batch]
        sc = src_conn[b0:b0 + batch]
        valid = sn >= 0
        limit = cutoff - min_conn - (sc[valid].min() if valid.any() else 0.0)
        dist = dijkstra(g, directed=True, indices=np.where(valid, sn, 0), limit=max(limit, 0.0))
        t = dist[:, tgt_nodes] + sc[:, None] + place_conn[None, :]
        t[:, ~ok] = np.inf
        t[~valid, :] = np.inf
        rows = np.arange(b0, b0 + len(sn))
        t[np.arange(len(sn)), rows] = 0.0  # a place's own pair (sources are the first places)
        within = t <= cutoff
        pairs += int(within.sum())
        total += float(t[within].sum())
    ms = (time.perf_counter() - t0) * 1000
    print(f"scipy_ms={ms:.1f} pairs={pairs} sum_s={total:.1f}")


if __name__ == "__main__":
    main()
