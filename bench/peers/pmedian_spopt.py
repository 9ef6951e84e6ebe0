#!/usr/bin/env python3
"""spopt's PMedian (PuLP + bundled CBC) on OR-Library pmed instances, for BENCHMARKS.md.

Reads each pmed file with the same rule as Shuraku's reader (the LAST occurrence of a duplicate
edge wins), computes all-pairs shortest paths with scipy, builds spopt's PMedian from the cost
matrix (demand 1 per node) and solves it with CBC under a wall-clock cap. Prints one line per
instance: name, status, objective (or -), seconds (reading + shortest paths + model + solve).

usage: .venv/bin/python pmedian_spopt.py [--cap SECONDS] FILE...
"""
import argparse
import os
import sys
import time

import numpy as np
import pulp
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import shortest_path
from spopt.locate import PMedian


def read_pmed(path):
    tokens = open(path).read().split()
    n, e, p = int(tokens[0]), int(tokens[1]), int(tokens[2])
    last = {}
    for k in range(e):
        i, j, c = (int(t) for t in tokens[3 + 3 * k: 6 + 3 * k])
        if i != j:
            last[(min(i, j) - 1, max(i, j) - 1)] = c
    rows = [a for a, b in last] + [b for a, b in last]
    cols = [b for a, b in last] + [a for a, b in last]
    vals = list(last.values()) * 2
    graph = csr_matrix((vals, (rows, cols)), shape=(n, n))
    return n, p, shortest_path(graph, method="D", directed=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cap", type=float, default=180.0, help="CBC time limit per instance, seconds")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    for path in args.files:
        name = os.path.splitext(os.path.basename(path))[0]
        start = time.perf_counter()
        n, p, dist = read_pmed(path)
        model = PMedian.from_cost_matrix(dist, np.ones(n), p_facilities=p, name=name)
        solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=args.cap, threads=1)
        try:
            model = model.solve(solver, results=False)
            status = pulp.LpStatus[model.problem.status]
            sol_status = pulp.constants.LpSolution[model.problem.sol_status]
            objective = pulp.value(model.problem.objective)
        except Exception as exc:  # noqa: BLE001 - report and continue with the next instance
            status, sol_status, objective = "error", type(exc).__name__, None
        seconds = time.perf_counter() - start
        obj = "-" if objective is None else f"{objective:.0f}"
        print(f"{name} status={status} solution={sol_status.replace(' ', '_')} objective={obj} s={seconds:.1f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
