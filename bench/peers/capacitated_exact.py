#!/usr/bin/env python3
"""Exact optimum of a capacitated p-median instance dumped by
`shuraku-bench pmedian --synthetic ... --dump FILE.json`, with PuLP + CBC, for BENCHMARKS.md.

Same model as Shuraku's engine: allowed pairs only; a facility's own client is assigned to it
when it is open; maxLoad hard; lexicographic objective solved in three stages: (1) unassigned
weight (demand × (m + 1) + 1 per client), (2) total shortfall below minLoad, (3) cost.
Prints `stage1= stage2= cost= status= s=`.

usage: .venv/bin/python capacitated_exact.py FILE.json [--cap SECONDS] [--print-open]
"""
import argparse
import json
import time

import pulp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--cap", type=float, default=300.0)
    ap.add_argument("--print-open", action="store_true", help="also print the optimal open set")
    args = ap.parse_args()
    inst = json.load(open(args.file))
    demand, rows, n, p = inst["demand"], inst["rows"], inst["facilities"], inst["p"]
    lo, hi = inst["minLoad"] or 0, inst["maxLoad"]
    m = len(demand)
    start = time.perf_counter()
    prob = pulp.LpProblem("cpmp", pulp.LpMinimize)
    x = {(c, f): pulp.LpVariable(f"x_{c}_{f}", cat="Binary") for c in range(m) for f, _ in rows[c]}
    y = [pulp.LpVariable(f"y_{f}", cat="Binary") for f in range(n)]
    u = [pulp.LpVariable(f"u_{c}", cat="Binary") for c in range(m)]
    s = [pulp.LpVariable(f"s_{f}", lowBound=0) for f in range(n)]
    cost = {(c, f): w for c in range(m) for f, w in rows[c]}
    for c in range(m):
        prob += pulp.lpSum(x[c, f] for f, _ in rows[c]) + u[c] == 1
        for f, _ in rows[c]:
            prob += x[c, f] <= y[f]
    prob += pulp.lpSum(y) == p
    for f in range(n):
        load = pulp.lpSum(demand[c] * x[c, f] for c in range(m) if (c, f) in x)
        if hi is not None:
            prob += load <= hi * y[f]
        prob += s[f] >= lo * y[f] - load
        own = inst["own"][f]
        if own >= 0:
            prob += x[own, f] >= y[f]
    unassigned = pulp.lpSum((demand[c] * (m + 1) + 1) * u[c] for c in range(m))
    shortfall = pulp.lpSum(s)
    total = pulp.lpSum(w * x[k] for k, w in cost.items())
    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=args.cap, threads=1)
    values, status = [], []
    for stage, objective in enumerate([unassigned, shortfall, total]):
        prob.setObjective(objective)
        prob.solve(solver)
        value = round(pulp.value(objective) or 0)
        values.append(value)
        status.append(pulp.constants.LpSolution[prob.sol_status].replace(" ", "_"))
        if stage < 2:
            prob += objective <= value
    if args.print_open:
        print("open=" + ",".join(str(f) for f in range(n) if y[f].value() > 0.5))
    print(
        f"stage1={values[0]} stage2={values[1]} cost={values[2]} status={','.join(status)} "
        f"s={time.perf_counter() - start:.1f}"
    )


if __name__ == "__main__":
    main()
