#!/usr/bin/env python3
"""Exact reference for the p-median engine's `.most` facility count (max-p with a travel limit).

Reads one problem as JSON on stdin, solves it as a sequence of MILPs with HiGHS and prints the
optimum as JSON on stdout. Python package: highspy (see requirements.txt beside this file).

Input:
  {"demand": [int], "facilities": int, "rows": [[[facility, cost], ...] per client],
   "own": [client or -1 per facility], "fixed": [facility], "minLoad": int,
   "maxLoad": int or null, "score": [int per facility] or null}

The objective is the engine's, lexicographic over all open sets:
  1. least unassigned weight, a client counting demand * (clients + 1) + 1;
  2. least shortfall below minLoad, summed over the open facilities;
  3. most open facilities;
  4. largest total score of the open facilities;
  5. least cost.
An open facility serves its own client; at most one facility per own client is open.

Output: {"unassigned": weight, "shortfall": int, "count": int, "score": int, "cost": int,
         "costBound": float, "optimal": bool, "seconds": float}
("optimal" is false when the time limit stopped some stage: the figures are then not exact.)
("costBound" is the solver's lower bound on the last stage; "cost" equals it unless the time
limit stopped the last stage.)
"""
import json
import os
import sys
import time

import highspy


def solve(problem, time_limit=60.0):
    demand = problem["demand"]
    n = problem["facilities"]
    m = len(demand)
    rows = problem["rows"]
    own = problem.get("own") or [-1] * n
    fixed = problem.get("fixed") or []
    min_load = problem.get("minLoad") or 0
    max_load = problem.get("maxLoad")
    score = problem.get("score") or [0] * n

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.5)
    h.setOptionValue("time_limit", time_limit)
    y = [h.addBinary() for _ in range(n)]
    x = {}
    for c, row in enumerate(rows):
        for f, cost in row:
            x[(c, f)] = h.addBinary()
    u = [h.addBinary() for _ in range(m)]
    s = [h.addVariable(lb=0) for _ in range(n)]

    for c, row in enumerate(rows):
        h.addConstr(sum(x[(c, f)] for f, _ in row) + u[c] == 1)
    for (c, f), v in x.items():
        h.addConstr(v <= y[f])
    for f in range(n):
        if own[f] >= 0:
            if (own[f], f) in x:
                h.addConstr(x[(own[f], f)] >= y[f])
            else:
                h.addConstr(y[f] == 0)
    for f in fixed:
        h.addConstr(y[f] == 1)
    clients_of = [[] for _ in range(n)]
    for (c, f) in x:
        clients_of[f].append(c)
    for f in range(n):
        load = sum(demand[c] * x[(c, f)] for c in clients_of[f]) if clients_of[f] else 0
        if max_load is not None and clients_of[f]:
            h.addConstr(load <= max_load * y[f])
        if clients_of[f]:
            h.addConstr(s[f] >= min_load * y[f] - load)
        else:
            h.addConstr(s[f] >= min_load * y[f])

    started = time.time()
    optimal = True

    def run(stage):
        nonlocal optimal
        optimal = optimal and h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        return h.getInfo().objective_function_value

    weight = [d * (m + 1) + 1 for d in demand]
    unassigned_expr = sum(weight[c] * u[c] for c in range(m))
    unassigned = round(run(h.minimize(unassigned_expr)))
    h.addConstr(unassigned_expr <= unassigned + 0.5)

    shortfall_expr = sum(s)
    shortfall = round(run(h.minimize(shortfall_expr)))
    h.addConstr(shortfall_expr <= shortfall + 0.5)

    count_expr = sum(y)
    count = round(run(h.maximize(count_expr)))
    h.addConstr(count_expr >= count - 0.5)

    score_expr = sum(score[f] * y[f] for f in range(n))
    total_score = round(run(h.maximize(score_expr)))
    h.addConstr(score_expr >= total_score - 0.5)

    cost_expr = sum(cost * x[(c, f)] for c, row in enumerate(rows) for f, cost in row)
    cost = run(h.minimize(cost_expr))
    info = h.getInfo()
    return {
        "unassigned": unassigned,
        "shortfall": shortfall,
        "count": count,
        "score": total_score,
        "cost": round(cost),
        "costBound": info.mip_dual_bound,
        "optimal": optimal,
        "seconds": time.time() - started,
    }


if __name__ == "__main__":
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    problem = json.load(sys.stdin)
    # HiGHS prints a banner on the C stdout: send it to stderr, keep stdout for the result.
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        result = solve(problem, limit)
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
    print(json.dumps(result))
