#!/usr/bin/env python3
"""An attacker on the published files of peersurvey releases, independent of peersurvey's audit.

It reads only what a release publishes (`describe --format json` output and the DDI codebook),
writes every hidden count ("x") as an unknown, every published sum, total, running total
(cumulative percent), left-out count and mean as a linear relation, and asks SciPy's linprog
(HiGHS) for the smallest and largest value of each hidden count. A hidden count from 1 to
min_cell - 1 is recovered when its proven interval (narrowed to whole numbers) is less than
min_cell wide or has its true value at an end; any hidden count is recovered when it is pinned
to one value. The true values come from the same tables made with suppression off, and are used
only to judge the result, never in the attack.

Usage: attacker.py MANIFEST.json  (a list of studies: {"name", "min_cell", "describe": [paths],
"ddi": [paths], "truth": [paths of the matching --min-cell 0 describe outputs]}); prints one
JSON object per study with what was recovered.
"""
import json
import math
import re
import sys
import xml.etree.ElementTree as ET

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import lil_matrix

MISSING_CODES = {-7: "refused", -8: "dont_know", -9: "not_applicable", -6: "not_reached", -5: "not_in_version"}
KINDS = ["refused", "dont_know", "not_applicable", "not_reached", "not_in_version"]


class Model:
    def __init__(self, ceiling):
        self.ceiling = ceiling
        self.known = {}      # key -> value
        self.unknown = {}    # key -> index
        self.published = set()
        self.lower = []
        self.upper = []
        self.rows = []       # (terms {index: coefficient}, low, high)

    def var(self, low=0.0, high=None):
        self.lower.append(low)
        self.upper.append(self.ceiling if high is None else high)
        return len(self.lower) - 1

    def cell(self, key, value, published=True, low=0.0, high=None):
        """A count under a key; value is a number, "x" (hidden) or None (not published here)."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if key in self.unknown:
                self.rows.append(({self.unknown[key]: 1.0}, float(value), float(value)))
            self.known[key] = float(value)
            return ("k", float(value))
        if key in self.known:
            return ("k", self.known[key])
        if isinstance(value, str) and value.startswith("<"):
            # An older marker that said the count is small: 1 to N - 1.
            low, high = max(low, 1.0), float(value[1:]) - 1
        if key not in self.unknown:
            self.unknown[key] = self.var(low, high)
        else:
            self.lower[self.unknown[key]] = max(self.lower[self.unknown[key]], low)
            if high is not None:
                self.upper[self.unknown[key]] = min(self.upper[self.unknown[key]], high)
        if isinstance(value, str) and published:  # "x" (or "<10" from older versions)
            self.published.add(key)
        return ("u", self.unknown[key])

    def free(self):
        return ("u", self.var())

    def relate(self, terms, low, high):
        row = {}
        for (kind, ref), coefficient in terms:
            if kind == "k":
                low -= coefficient * ref
                high -= coefficient * ref
            else:
                row[ref] = row.get(ref, 0.0) + coefficient
        row = {k: v for k, v in row.items() if v != 0}
        if row:
            self.rows.append((row, low, high))

    def sum(self, parts, total):
        self.relate([(p, 1.0) for p in parts] + [(total, -1.0)], 0.0, 0.0)

    def at_most(self, small, large):
        self.relate([(small, 1.0), (large, -1.0)], -math.inf, 0.0)

    def intervals(self, keys):
        """The proven interval of each key's unknown, component by component."""
        n = len(self.lower)
        parent = list(range(n))

        def root(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for terms, _, _ in self.rows:
            indices = list(terms)
            for other in indices[1:]:
                a, b = root(indices[0]), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups = {}
        for i in range(n):
            groups.setdefault(root(i), []).append(i)
        rows_of = {}
        for r, (terms, _, _) in enumerate(self.rows):
            rows_of.setdefault(root(next(iter(terms))), []).append(r)
        wanted = {self.unknown[k]: k for k in keys}
        result = {}
        for group_root, members in groups.items():
            targets = [m for m in members if m in wanted]
            if not targets:
                continue
            rows = rows_of.get(group_root, [])
            if not rows:
                for m in targets:
                    result[wanted[m]] = (self.lower[m], self.upper[m])
                continue
            if len(rows) == 1:
                # One relation over a box: its projection on each unknown is exact, no LP needed.
                terms, low, high = self.rows[rows[0]]
                def ends(i, c):
                    a, b = c * self.lower[i], c * self.upper[i]
                    return (min(a, b), max(a, b))
                for m in targets:
                    others_low = sum(ends(i, c)[0] for i, c in terms.items() if i != m)
                    others_high = sum(ends(i, c)[1] for i, c in terms.items() if i != m)
                    c = terms[m]
                    span = sorted(((low - others_high) / c, (high - others_low) / c))
                    result[wanted[m]] = (max(self.lower[m], span[0]), min(self.upper[m], span[1]))
                continue
            position = {m: j for j, m in enumerate(members)}
            eq, eq_b, ub, ub_b = [], [], [], []
            for r in rows:
                terms, low, high = self.rows[r]
                vector = {position[i]: c for i, c in terms.items()}
                if low == high:
                    eq.append(vector); eq_b.append(low)
                else:
                    if high != math.inf:
                        ub.append(vector); ub_b.append(high)
                    if low != -math.inf:
                        ub.append({j: -c for j, c in vector.items()}); ub_b.append(-low)

            def matrix(vectors):
                if not vectors:
                    return None
                m = lil_matrix((len(vectors), len(members)))
                for i, vector in enumerate(vectors):
                    for j, c in vector.items():
                        m[i, j] = c
                return m.tocsr()

            a_eq, a_ub = matrix(eq), matrix(ub)
            bounds = [(self.lower[m], None if self.upper[m] == math.inf else self.upper[m]) for m in members]
            for m in targets:
                ends = []
                for sign in (1.0, -1.0):
                    c = np.zeros(len(members))
                    c[position[m]] = sign
                    solved = linprog(c, A_ub=a_ub, b_ub=ub_b or None, A_eq=a_eq, b_eq=eq_b or None,
                                     bounds=bounds, method="highs")
                    if solved.status == 0:
                        ends.append(sign * solved.fun)
                    elif solved.status == 3:
                        ends.append(-math.inf * sign)
                    else:
                        ends.append(None)
                if None in ends:
                    result[wanted[m]] = (self.lower[m], self.upper[m])
                else:
                    result[wanted[m]] = (ends[0], ends[1])
        return result


def count(value):
    return value


def add_describe(model, report, interviews_key="interviews"):
    for variable in report["variables"]:
        name = variable["name"]
        cases = variable["cases"]
        total = model.cell(f"{name}|total", cases["total"])
        answered = model.cell(f"{name}|answered", cases["answered"])
        parts = [answered]
        for kind in KINDS:
            parts.append(model.cell(f"{name}|missing|{kind}", cases["missing"].get(kind, 0)))
        model.sum(parts, total)
        unlisted = []
        if "frequencies" in variable:
            rows = [model.cell(f"{name}|code|{row['code']}", row["count"]) for row in variable["frequencies"]]
            unlisted = [row["code"] for row in variable["frequencies"] if row["label"].endswith("(not in the instrument)")]
            model.sum(rows, answered)
            if isinstance(cases["answered"], (int, float)):
                for i, row in enumerate(variable["frequencies"]):
                    if row.get("cumulative_percent") is not None:
                        running = row["cumulative_percent"] * cases["answered"] / 100
                        slack = 1e-6 * max(1.0, running)
                        model.relate([(r, 1.0) for r in rows[:i + 1]], running - slack, running + slack)
        model.unlisted[name] = unlisted
        bins = variable.get("histogram") or []
        if bins:
            cells = []
            for i, b in enumerate(bins):
                extreme = i in (0, len(bins) - 1)
                cells.append(model.cell(f"{name}|bin|{b['lower']}|{b['upper']}", b["count"], low=1.0 if extreme else 0.0))
            model.sum(cells, answered)
            summary = variable.get("summary")
            if summary and summary.get("mean") is not None and any(b["count"] == "x" for b in bins):
                terms = []
                for cell, b in zip(cells, bins):
                    values = model.free()
                    model.relate([(values, 1.0), (cell, -b["lower"])], 0.0, math.inf)
                    model.relate([(values, 1.0), (cell, -b["upper"])], -math.inf, 0.0)
                    terms.append((values, 1.0))
                total_value = summary["n"] * summary["mean"]
                slack = 1e-6 * max(1.0, abs(total_value))
                model.relate(terms, total_value - slack, total_value + slack)
        multiple = variable.get("multiple")
        if multiple:
            selections = model.cell(f"{name}|selections", multiple["selections"], high=math.inf)
            base = model.cell(f"{name}|base", multiple["base"])
            options = {o["code"]: model.cell(f"{name}|option|{o['code']}", o["count"]) for o in multiple["options"]}
            model.sum(list(options.values()), selections)
            model.at_most(base, answered)
            for option in options.values():
                model.at_most(option, base)
            for s in multiple.get("specified", []):
                specified = model.cell(f"{name}|specified|{s['code']}", s["count"])
                if s["code"] in options:
                    model.at_most(specified, options[s["code"]])
        if "crosstab" in variable:
            crosstab(model, name, variable["crosstab"], total, answered)
        by = variable.get("by")
        if by:
            by_name = by["variable"]
            left_out = model.cell(f"{name}|by|{by_name}|left out", by["left_out"])
            groups = by["groups"]
            if groups and "n" in groups[0]:
                counts = [model.cell(f"{name}|by|{by_name}|n|{g['code']}", g["n"]) for g in groups]
                model.sum(counts + [left_out], answered)
                for g, c in zip(groups, counts):
                    model.at_most(c, margin(model, by_name, g))
            elif groups:
                bases = [model.cell(f"{name}|by|{by_name}|base|{g['code']}", g["base"]) for g in groups]
                model.sum(bases + [left_out], model.cell(f"{name}|base", None, published=False))
                for g, b in zip(groups, bases):
                    model.at_most(b, margin(model, by_name, g))
                for o, option in enumerate((multiple or {}).get("options", [])):
                    cells = [model.cell(f"{name}|by|{by_name}|{g['code']}|{option['code']}", g["counts"][o]) for g in groups]
                    for c, b in zip(cells, bases):
                        model.at_most(c, b)
                    model.relate([(c, 1.0) for c in cells] + [(model.cell(f"{name}|option|{option['code']}", None, published=False), -1.0)], -math.inf, 0.0)
            skipped_by = [left_out, model.free()]
            model.relate([(s, 1.0) for s in skipped_by] + [(model.cell(f"{by_name}|total", None, published=False), -1.0),
                                                           (model.cell(f"{by_name}|answered", None, published=False), 1.0)], 0.0, 0.0)
    for scale in report.get("scales", []):
        complete = model.cell(f"scale|{scale['name']}|complete", scale["complete_cases"])
        for item in scale["items"]:
            model.at_most(complete, model.cell(f"{item}|answered", None, published=False))


def margin(model, by_name, column):
    if column.get("code") == -1 and column.get("label") == "codes not in the instrument":
        total = model.free()
        model.sum([model.cell(f"{by_name}|code|{c}", None, published=False) for c in model.unlisted.get(by_name, [])], total)
        return total
    return model.cell(f"{by_name}|code|{column['code']}", None, published=False)


def crosstab(model, name, table, row_variable_total, row_variable_answered):
    by = table["by"]
    rows, columns = table["rows"], table["columns"]
    cells = [[model.cell(f"{name}|x|{by}|{r['code']}|{j}", table["counts"][i][j]) for j in range(len(columns))]
             for i, r in enumerate(rows)]
    row_totals = [model.cell(f"{name}|x|{by}|row|{r['code']}", table["row_totals"][i]) for i, r in enumerate(rows)]
    column_totals = [model.cell(f"{name}|x|{by}|column|{j}", table["column_totals"][j]) for j in range(len(columns))]
    total = model.cell(f"{name}|x|{by}|total", table["total"])
    left_out = model.cell(f"{name}|x|{by}|left out", table["left_out"])
    for i in range(len(rows)):
        model.sum(cells[i], row_totals[i])
    for j in range(len(columns)):
        model.sum([cells[i][j] for i in range(len(rows))], column_totals[j])
    model.sum(row_totals, total)
    model.sum([total, left_out], row_variable_total)
    skipped_by = [model.free() for _ in rows]
    skipped_this = [model.free() for _ in columns]
    both = model.free()
    for i, r in enumerate(rows):
        model.sum([row_totals[i], skipped_by[i]], model.cell(f"{name}|code|{r['code']}", None, published=False))
    for j, c in enumerate(columns):
        model.sum([column_totals[j], skipped_this[j]], margin(model, by, c))
    model.sum(skipped_by + skipped_this + [both], left_out)
    by_total = model.cell(f"{by}|total", None, published=False)
    by_answered = model.cell(f"{by}|answered", None, published=False)
    model.relate([(s, 1.0) for s in skipped_by + [both]] + [(by_total, -1.0), (by_answered, 1.0)], 0.0, 0.0)
    model.relate([(s, 1.0) for s in skipped_this + [both]] + [(row_variable_total, -1.0), (row_variable_answered, 1.0)], 0.0, 0.0)


def add_ddi(model, path):
    tree = ET.parse(path)
    for var in tree.iter():
        if not var.tag.endswith("}var") and var.tag != "var":
            continue
        name = var.get("name")
        stats = {s.get("type"): s.text for s in var if s.tag.endswith("sumStat")}
        categories = [c for c in var if c.tag.endswith("catgry")]
        labels = [next((x.text for x in c if x.tag.endswith("labl")), "") for c in categories]
        if labels[:2] == ["Not chosen", "Chosen"]:
            continue  # a multiple-choice flag: the option's count, read from describe
        answered = None
        if "vald" in stats:
            answered = model.cell(f"{name}|answered", float(stats["vald"]))
            total = model.cell(f"{name}|total", None, published=False)
            model.relate([(total, 1.0), (answered, -1.0)], float(stats["invd"]), float(stats["invd"]))
        for c in categories:
            code = int(next(x.text for x in c if x.tag.endswith("catValu")))
            stat = next((x for x in c if x.tag.endswith("catStat")), None)
            if stat is None:
                continue
            value = float(stat.text) if stat.get("type") == "freq" else "x"
            if c.get("missing") == "Y":
                kind = MISSING_CODES.get(code, f"code{code}")
                model.cell(f"{name}|missing|{kind}", value)
            else:
                model.cell(f"{name}|code|{code}", value)


def truth_values(paths):
    truth = {}
    for path in paths:
        model = Model(math.inf)
        model.unlisted = {}
        document = json.load(open(path))
        for report in document.get("tables", [document]):
            add_describe(model, report)
        truth.update(model.known)
    return truth


def attack(study):
    min_cell = study["min_cell"]
    documents = [json.load(open(p)) for p in study["describe"]]
    reports = [r for d in documents for r in d.get("tables", [d])]
    ceiling = max(r["interviews"] for r in reports)
    if ceiling < min_cell:
        # Fewer interviews than min_cell: every count is small and the number of interviews is
        # always shown, so nothing can be protected; peersurvey says so (its audit line tells the
        # custodian not to publish), which the tests check apart.
        return {"name": study["name"], "hidden": 0, "recovered": [], "unprotectable": True}
    model = Model(float(ceiling))
    model.unlisted = {}
    for report in reports:
        add_describe(model, report)
    for path in study.get("ddi", []):
        add_ddi(model, path)
    truth = truth_values(study["truth"])
    hidden = sorted(model.published)
    intervals = model.intervals(hidden)
    recovered = []
    for key in hidden:
        low, high = intervals[key]
        low = math.ceil(low - 1e-6)
        high = math.floor(high + 1e-6) if high != math.inf else math.inf
        value = truth.get(key)
        if value is None:
            continue
        small = 1 <= value < min_cell
        if low == high:
            recovered.append({"cell": key, "value": value, "low": low, "high": high, "why": "pinned"})
        elif small and (high - low < min_cell or not (low < value < high)):
            recovered.append({"cell": key, "value": value, "low": low, "high": high, "why": "narrowed"})
    return {"name": study["name"], "hidden": len(hidden), "recovered": recovered}


def main():
    studies = json.load(open(sys.argv[1]))
    results = [attack(study) for study in studies]
    json.dump(results, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
