#!/usr/bin/env python3
"""OR-Tools routing on a TSPLIB .tsp or CVRPLIB .vrp file, as a peer for shuraku-bench.

usage: ortools_routes.py tsp|cvrp FILE --time-limit-ms MS
Prints one line: cost=... ms=... (cost recomputed from the returned routes with the same
rounded distances as shuraku-bench: EUC_2D, nint(sqrt(dx*dx + dy*dy))).
Search: first solution PATH_CHEAPEST_ARC, then GUIDED_LOCAL_SEARCH until the time limit.
"""
import math
import sys
import time

from ortools.constraint_solver import pywrapcp, routing_enums_pb2


def read_instance(path):
    fields, sections, current = {}, {}, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.strip()
            if not line:
                continue
            word = line.split()[0].rstrip(":").upper()
            if word == "EOF":
                break
            if word.endswith("_SECTION"):
                current = word
                sections[current] = []
                continue
            if ":" in line and not line[0].isdigit() and not line[0] == "-":
                key, value = line.split(":", 1)
                fields[key.strip().upper()] = value.strip()
                current = None
                continue
            if current:
                sections[current].append(line.split())
    n = int(fields["DIMENSION"])
    if fields.get("EDGE_WEIGHT_TYPE", "").upper() != "EUC_2D":
        sys.exit("only EUC_2D instances are supported")
    xy = [None] * n
    for row in sections["NODE_COORD_SECTION"]:
        xy[int(row[0]) - 1] = (float(row[1]), float(row[2]))
    dist = [[int(math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) + 0.5) for b in xy] for a in xy]
    demand = [0] * n
    for row in sections.get("DEMAND_SECTION", []):
        demand[int(row[0]) - 1] = int(row[1])
    depot = 0
    for row in sections.get("DEPOT_SECTION", []):
        if int(row[0]) > 0:
            depot = int(row[0]) - 1
            break
    capacity = int(fields["CAPACITY"]) if "CAPACITY" in fields else None
    return n, dist, demand, depot, capacity


def solve(kind, path, time_limit_ms):
    n, dist, demand, depot, capacity = read_instance(path)
    if kind == "tsp":
        vehicles = 1
    else:
        lower = math.ceil(sum(demand) / capacity)
        vehicles = lower + max(2, lower // 10)
    manager = pywrapcp.RoutingIndexManager(n, vehicles, depot)
    routing = pywrapcp.RoutingModel(manager)

    def distance(i, j):
        return dist[manager.IndexToNode(i)][manager.IndexToNode(j)]

    transit = routing.RegisterTransitCallback(distance)
    routing.SetArcCostEvaluatorOfAllVehicles(transit)
    if kind == "cvrp":
        def load(i):
            return demand[manager.IndexToNode(i)]
        loads = routing.RegisterUnaryTransitCallback(load)
        routing.AddDimensionWithVehicleCapacity(loads, 0, [capacity] * vehicles, True, "load")
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(time_limit_ms))
    start = time.monotonic()
    solution = routing.SolveWithParameters(params)
    elapsed_ms = int((time.monotonic() - start) * 1000)
    if solution is None:
        print(f"cost=none ms={elapsed_ms}")
        return
    total = 0
    for v in range(vehicles):
        index = routing.Start(v)
        while not routing.IsEnd(index):
            nxt = solution.Value(routing.NextVar(index))
            total += dist[manager.IndexToNode(index)][manager.IndexToNode(nxt)]
            index = nxt
    print(f"cost={total} ms={elapsed_ms}")


def main():
    args = sys.argv[1:]
    if len(args) != 4 or args[0] not in ("tsp", "cvrp") or args[2] != "--time-limit-ms":
        sys.exit(__doc__)
    solve(args[0], args[1], int(args[3]))


if __name__ == "__main__":
    main()
