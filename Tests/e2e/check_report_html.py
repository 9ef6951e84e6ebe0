#!/usr/bin/env python3
"""Opens each plan folder's report.html in headless Chromium and checks the page it drew.

    check_report_html.py [--map leaflet|svg] PLAN_DIR ...

The page fills a status element after load (#shuraku-status: map kind, zone polygons drawn,
cards, script errors). From the DOM Chromium dumps, this checks: the page loaded with no script
error and nothing on the console; the map kind expected; one zone polygon and one card per zone
of plan.json, in order; every figure a card or the cover marks (data-k) equals plan.json's or
summary.csv's; and the page asks for nothing outside itself (no external src or href).
"""
import csv
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


class Page(html.parser.HTMLParser):
    """The status element, the cards with their marked figures, the cover's figures, and every
    src/href the DOM holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.status = None
        self.cards = []  # [{"attrs": {...}, "figures": {key: text}}]
        self.cover = {}
        self.links = []
        self._in_card = False
        self._depth = 0
        self._key = None  # (key, depth) of the open data-k element
        self._text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("src", "href"):
            if a.get(name) is not None:
                self.links.append(a[name])
        if a.get("id") == "shuraku-status":
            self.status = a
        if tag == "article" and "card" in (a.get("class") or "").split():
            self._in_card = True
            self.cards.append({"attrs": a, "figures": {}})
        if tag in ("br", "img", "meta", "link", "input", "hr"):
            return
        self._depth += 1
        if "data-k" in a and self._key is None:
            self._key = (a["data-k"], self._depth)
            self._text = []

    def handle_endtag(self, tag):
        if tag in ("br", "img", "meta", "link", "input", "hr"):
            return
        if self._key is not None and self._key[1] == self._depth:
            text = "".join(self._text).strip()
            target = self.cards[-1]["figures"] if self._in_card else self.cover
            target[self._key[0]] = text
            self._key = None
        self._depth -= 1
        if tag == "article":
            self._in_card = False

    def handle_data(self, data):
        if self._key is not None:
            self._text.append(data)


def number(text):
    """The number a figure shows: "3,822人" → 3822, "12.3分" → 12.3, "—" → None."""
    m = re.search(r"-?[\d,]+(?:\.\d+)?", text)
    if not m:
        return None
    v = m.group(0).replace(",", "")
    return float(v) if "." in v else int(v)


class Tenths(float):
    """A figure the page prints with one decimal, compared with the two or three decimals of
    plan.json or summary.csv: equal when within half a tenth (rounding twice may differ)."""

    def __eq__(self, other):
        return other is not None and abs(float(other) - float(self)) <= 0.0501

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = float.__hash__


def dump_dom(report):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium is not installed")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
               f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
               "--dump-dom", "file://" + os.path.abspath(report)]
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        sys.exit(f"{report}: chromium exited with {run.returncode}:\n{run.stderr[-2000:]}")
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    return run.stdout, console


def check(folder, expected_map):
    problems = []
    plan = json.load(open(os.path.join(folder, "plan.json"), encoding="utf-8"))
    with open(os.path.join(folder, "summary.csv"), encoding="utf-8") as f:
        summary = {row["zone_id"]: row for row in csv.DictReader(f)}
    zones = plan["zones"]
    start = time.monotonic()
    dom, console = dump_dom(os.path.join(folder, "report.html"))
    seconds = time.monotonic() - start
    page = Page()
    page.feed(dom)
    for line in console:
        problems.append(f"console: {line}")
    s = page.status
    if s is None:
        return [f"{folder}: no #shuraku-status element in the page"], seconds
    if s.get("data-state") != "ready":
        problems.append(f"the page script did not finish (data-state={s.get('data-state')})")
    if s.get("data-errors") != "0":
        problems.append(f"{s.get('data-errors')} script errors")
    if s.get("data-map") != expected_map:
        problems.append(f"map drawn as {s.get('data-map')}, expected {expected_map}")
    n = len(zones)
    if n != plan["metrics"]["zones"]:
        problems.append(f"plan.json has {n} zones but metrics.zones = {plan['metrics']['zones']}")
    for attr in ("data-zones", "data-polygons", "data-cards"):
        if s.get(attr) != str(n):
            problems.append(f"{attr} = {s.get(attr)}, plan.json has {n} zones")
    if expected_map.startswith("leaflet"):
        total = sum(z["population"] for z in zones)
        if s.get("data-map-population") != str(total):
            problems.append(f"the map's zones hold {s.get('data-map-population')} people, plan.json's {total}")
    external = [link for link in page.links if link and not link.startswith(("#", "data:"))]
    if external:
        problems.append(f"the page refers outside itself: {external[:5]}")

    # The cover.
    metrics = plan["metrics"]
    for key in ("zones", "population", "grant_cap_yen_total", "vehicles_total", "annual_cost_yen_total"):
        if key in page.cover and number(page.cover[key]) != metrics[key]:
            problems.append(f"cover: {key} shows {page.cover[key]!r}, plan.json {metrics[key]}")
    for key in [k for k in metrics if k.startswith("population_beyond_") or k.startswith("zones_viable_until_")]:
        if key in page.cover and number(page.cover[key]) != metrics[key]:
            problems.append(f"cover: {key} shows {page.cover[key]!r}, plan.json {metrics[key]}")

    # The cards, one per zone in plan.json's order.
    ids = [c["attrs"].get("data-zone") for c in page.cards]
    if ids != [z["zone_id"] for z in zones]:
        problems.append(f"cards {ids[:10]}… are not plan.json's zones {[z['zone_id'] for z in zones][:10]}…")
    for card, zone in zip(page.cards, zones):
        zid = zone["zone_id"]
        fig = card["figures"]
        row = summary.get(zid, {})

        def expect(key, want, shown=None):
            got = number(shown if shown is not None else fig.get(key, ""))
            if not want == got:
                problems.append(f"{zid}: {key} shows {fig.get(key)!r}, expected {want}")

        if card["attrs"].get("data-population") != str(zone["population"]):
            problems.append(f"{zid}: data-population {card['attrs'].get('data-population')} != {zone['population']}")
        if card["attrs"].get("data-settlements") != str(len(zone["members"])):
            problems.append(f"{zid}: data-settlements {card['attrs'].get('data-settlements')} != {len(zone['members'])}")
        expect("population", zone["population"])
        expect("settlements", len(zone["members"]))
        if fig.get("core_reason") != zone["core_reason"]:
            problems.append(f"{zid}: core_reason {fig.get('core_reason')!r} != {zone['core_reason']!r}")
        expect("grant_cap_yen", int(row["grant_cap_yen"]))
        if int(row["loops"]) > 0:
            expect("loops", int(row["loops"]))
            expect("route_min", Tenths(float(row["route_min"])))
            expect("route_km", Tenths(float(row["route_km"])))
        for key in ("vehicles", "annual_cost_yen", "pop_2050", "muui_chiku_settlements", "pop_beyond_500m_shop",
                    "isolatable_population"):
            value = zone.get(key, row.get(key))
            if value not in (None, ""):
                expect(key, int(value))
        for kind, a in (zone.get("access") or {}).items():
            expect(f"pop_beyond_{kind}", a["pop_beyond"])
            shown = fig.get(f"worst_{kind}_min", "")
            if a["worst"] is not None and a["worst_min"] is not None:
                expect(f"worst_{kind}_min", Tenths(a["worst_min"]))
            elif a["worst"] is not None and "超" not in shown:
                problems.append(f"{zid}: worst_{kind}_min shows {shown!r}, expected beyond the limit")
    return problems, seconds


def main(argv):
    expected_map = "leaflet"
    if len(argv) >= 2 and argv[0] == "--map":
        expected_map, argv = argv[1], argv[2:]
    if not argv:
        sys.exit(__doc__)
    failed = False
    for folder in argv:
        problems, seconds = check(folder, expected_map)
        if problems:
            failed = True
            print(f"{folder}/report.html: {len(problems)} problems", file=sys.stderr)
            for p in problems[:40]:
                print("  " + p, file=sys.stderr)
        else:
            print(f"{folder}/report.html: {expected_map} map, every zone's polygon and card, figures as plan.json "
                  f"({seconds:.1f} s in chromium)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
