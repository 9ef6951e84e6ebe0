"""Independent bridge check for Tests/ShurakuNetworkTests/BridgesTests.swift.

Reads {"nodes": n, "edges": [[u, v], ...]} on stdin, builds a networkx MultiGraph (edge i has
key i, so parallel roads stay distinct) and prints the sorted ids of its bridges as JSON.
"""

import json
import sys

import networkx as nx


def main() -> None:
    data = json.load(sys.stdin)
    g = nx.MultiGraph()
    g.add_nodes_from(range(data["nodes"]))
    for i, (u, v) in enumerate(data["edges"]):
        if u != v:
            g.add_edge(u, v, key=i)
    ids = []
    for u, v in nx.bridges(g):
        keys = list(g[u][v].keys())
        assert len(keys) == 1, (u, v, keys)
        ids.append(keys[0])
    json.dump(sorted(ids), sys.stdout)


if __name__ == "__main__":
    main()
