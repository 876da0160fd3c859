#!/usr/bin/env python3
"""bench/run.sh's report: raw measurements (JSON lines) -> medians, ratios and targets -> results JSON and a Markdown table.
   report.py RAW.jsonl OUT.json [--quick 0|1] [--note TEXT]"""
import argparse
import json
import os
import platform
import socket
import statistics
import time


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return {"host": socket.gethostname(), "cpus": os.cpu_count(), "cpu_model": model, "mem_gib": round(mem_kb / 1048576, 1),
            "kernel": platform.release(), "loadavg_at_end": open("/proc/loadavg").read().split()[:3]}


def spread(values):
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2), "max": round(max(values), 2)} if values else None


def groups(raw):
    """Runs of one (scenario, tool, N, phase) together, in first-seen order."""
    keyed = {}
    for row in raw:
        key = (row["scenario"], row["tool"], row["n"], row.get("phase", ""))
        keyed.setdefault(key, []).append(row)
    return keyed


def summarize(raw):
    rows = []
    for (scenario, tool, n, phase), runs in groups(raw).items():
        row = {"scenario": scenario, "tool": tool, "n": n, "phase": phase, "runs": len(runs)}
        if scenario in (1, 2):
            row |= {"wall_s": spread([r["wall_s"] for r in runs]), "cpu_s": spread([r["cpu_s"] for r in runs]),
                    "hosts_failed": [r["hosts_failed"] for r in runs]}
        elif scenario == 3:
            result = runs[0]["result"]
            row |= {"wall_s": runs[0]["wall_s"], "cpu_s": runs[0]["cpu_s"], "failed": runs[0]["hosts_failed"],
                    "tasks_per_s": result["tasks_per_s"], "p50_ms": result.get("p50_ms"), "p99_ms": result.get("p99_ms"),
                    "cpu_ms_per_task": round(1000 * runs[0]["cpu_s"] / n, 1)}
        elif scenario == 4:
            row |= {"readings": [r["reading"] | {"product_cpu_s": r["product_cpu_s"]} for r in runs], "seed": runs[0]["seed"]}
        else:
            row |= {k: runs[0][k] for k in ("rss_mb", "hwm_mb", "rss_mb_later", "later_after_s") if k in runs[0]}
        rows.append(row)
    return rows


def find(rows, scenario, tool_prefix, n=None, phase=None):
    return next((r for r in rows if r["scenario"] == scenario and r["tool"].startswith(tool_prefix)
                 and (n is None or r["n"] == n) and (phase is None or r["phase"] == phase)), None)


def ratio(ours, theirs):
    return round(ours / theirs, 3) if ours is not None and theirs else None


def median_wall(row):
    return row["wall_s"]["median"] if row else None


def comparisons(rows):
    out = []
    for n in sorted({r["n"] for r in rows if r["scenario"] == 1}):
        cold, warm = find(rows, 1, "openc3", n, "cold"), find(rows, 1, "openc3", n, "warm")
        for label, other in (("pdsh default kex", find(rows, 1, "pdsh -f 64 (default", n)),
                             ("pdsh curve25519", find(rows, 1, "pdsh -f 64 (curve", n)),
                             ("ansible", find(rows, 1, "ansible", n))):
            out.append({"scenario": 1, "n": n, "vs": label, "cold_wall_ratio": ratio(median_wall(cold), median_wall(other)),
                        "warm_wall_ratio": ratio(median_wall(warm), median_wall(other)),
                        "cold_cpu_ratio": ratio(cold and cold["cpu_s"]["median"], other and other["cpu_s"]["median"])})
    for n in sorted({r["n"] for r in rows if r["scenario"] == 2}):
        ours = find(rows, 2, "openc3", n)
        for label, other in (("pdsh + pdcp + pdsh", find(rows, 2, "pdsh", n)), ("ansible-playbook", find(rows, 2, "ansible", n))):
            out.append({"scenario": 2, "n": n, "vs": label, "wall_ratio": ratio(median_wall(ours), median_wall(other)),
                        "cpu_ratio": ratio(ours and ours["cpu_s"]["median"], other and other["cpu_s"]["median"])})
    baseline = find(rows, 3, "xargs")
    for profile in ("sqlite", "mysql"):
        ours = find(rows, 3, f"openc3 {profile}")
        if ours and baseline:
            out.append({"scenario": 3, "profile": profile, "vs": "xargs ControlMaster",
                        "tasks_per_s_ratio": ratio(ours["tasks_per_s"], baseline["tasks_per_s"])})
    return out


def targets(rows):
    """Issue 14's targets, checked where this run measured the case (a quick run lacks N=500)."""
    checks = []

    def check(name, value, ok):
        checks.append({"target": name, "measured": value, "met": None if value is None else ok(value)})

    cold500 = find(rows, 1, "openc3", 500, "cold")
    check("S1 N=500 cold: 0 hosts failed", cold500 and max(cold500["hosts_failed"]), lambda v: v == 0)
    check("S1 N=500 cold: wall <= 0.5x pdsh default kex", ratio(median_wall(cold500), median_wall(find(rows, 1, "pdsh -f 64 (default", 500))), lambda v: v <= 0.5)
    check("S1 N=500 cold: wall <= 0.1x ansible", ratio(median_wall(cold500), median_wall(find(rows, 1, "ansible", 500))), lambda v: v <= 0.1)
    check("S1 N=500 warm: <= 8 s", median_wall(find(rows, 1, "openc3", 500, "warm")), lambda v: v <= 8)
    for n in sorted({r["n"] for r in rows if r["scenario"] == 2}):
        check(f"S2 N={n}: <= 0.4x pdsh+pdcp", ratio(median_wall(find(rows, 2, "openc3", n)), median_wall(find(rows, 2, "pdsh", n))), lambda v: v <= 0.4)
    baseline = find(rows, 3, "xargs")
    for profile in ("sqlite", "mysql"):
        ours = find(rows, 3, f"openc3 {profile}")
        if ours:
            check(f"S3 {profile}: >= 50 tasks/s", ours["tasks_per_s"], lambda v: v >= 50)
            check(f"S3 {profile}: >= ControlMaster baseline tasks/s", ratio(ours["tasks_per_s"], baseline and baseline["tasks_per_s"]), lambda v: v >= 1)
    for row in (r for r in rows if r["scenario"] == 4):
        for reading in row["readings"]:
            check(f"S4 {row['tool']} {reading['read']}: p99 < 50 ms", reading["p99_ms"], lambda v: v < 50)
    idle = find(rows, 5, "openc3 idle")
    check("S5 idle RSS <= 120 MB", idle and idle["rss_mb"], lambda v: v <= 120)
    loaded = [r for r in rows if r["scenario"] == 5 and "finished tasks" in r["tool"]]
    if loaded:
        check(f"S5 RSS with {loaded[0]['n']} pooled connections and 10k tasks <= 400 MB (peak)", loaded[0]["hwm_mb"], lambda v: v <= 400)
    return checks


def spread_text(s):
    return f"{s['median']} ({s['min']}–{s['max']})" if s["min"] != s["max"] else f"{s['median']}"


def table(rows, compared, checked):
    lines = ["| scenario | tool | N | runs | wall s median (min–max) | CPU s median | hosts failed |", "|---|---|---|---|---|---|---|"]
    for r in (r for r in rows if r["scenario"] in (1, 2)):
        phase = f" {r['phase']}" if r["tool"] == "openc3" else ""
        lines.append(f"| {r['scenario']} | {r['tool']}{phase} | {r['n']} | {r['runs']} | {spread_text(r['wall_s'])} | {r['cpu_s']['median']} | {max(r['hosts_failed'])} |")
    lines += ["", "| scenario 3 | tasks | tasks/s | p50 ms | p99 ms | CPU ms per task | failed |", "|---|---|---|---|---|---|---|"]
    for r in (r for r in rows if r["scenario"] == 3):
        lines.append(f"| {r['tool']} | {r['n']} | {r['tasks_per_s']} | {r['p50_ms'] or '–'} | {r['p99_ms'] or '–'} | {r['cpu_ms_per_task']} | {r['failed']} |")
    lines += ["", "| scenario 4 | read | req/s | p50 ms | p99 ms | reply bytes | failed |", "|---|---|---|---|---|---|---|"]
    for r in (r for r in rows if r["scenario"] == 4):
        for x in r["readings"]:
            lines.append(f"| {r['tool']} | {x['read']} | {x['requests_per_s']} | {x['p50_ms']} | {x['p99_ms']} | {x['mean_reply_bytes']} | {x['failed']} |")
    lines += ["", "| scenario 5 | RSS MB | peak RSS MB | RSS MB later |", "|---|---|---|---|"]
    for r in (r for r in rows if r["scenario"] == 5):
        later = f"{r['rss_mb_later']} ({r['later_after_s']} s after start)" if "rss_mb_later" in r else "–"
        lines.append(f"| {r['tool']} | {r['rss_mb']} | {r['hwm_mb']} | {later} |")
    lines += ["", "| ratio (ours / theirs) | N | cold wall | warm wall | CPU |", "|---|---|---|---|---|"]
    for c in compared:
        if c["scenario"] == 1:
            lines.append(f"| S1 vs {c['vs']} | {c['n']} | {c['cold_wall_ratio']} | {c['warm_wall_ratio']} | {c['cold_cpu_ratio']} |")
        elif c["scenario"] == 2:
            lines.append(f"| S2 vs {c['vs']} | {c['n']} | {c['wall_ratio']} | – | {c['cpu_ratio']} |")
        else:
            lines.append(f"| S3 {c['profile']} tasks/s vs {c['vs']} | – | {c['tasks_per_s_ratio']} | – | – |")
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for t in checked:
        lines.append(f"| {t['target']} | {t['measured'] if t['measured'] is not None else 'not measured'} | {'–' if t['met'] is None else ('yes' if t['met'] else 'NO')} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("raw")
    parser.add_argument("out")
    parser.add_argument("--quick", default="0")
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    raw = [json.loads(line) for line in open(args.raw) if line.strip()]
    rows = summarize(raw)
    compared, checked = comparisons(rows), targets(rows)
    result = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": machine(), "quick": args.quick == "1",
              "note": args.note, "rows": rows, "ratios": compared, "targets": checked, "raw": raw}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print(f"machine: {result['machine']['cpus']} x {result['machine']['cpu_model']}, {result['machine']['mem_gib']} GiB, load at end {' '.join(result['machine']['loadavg_at_end'])}")
    if result["quick"]:
        print("QUICK run: smaller N and fewer repetitions than issue 14 asks; not the reference numbers")
    if args.note:
        print(f"note: {args.note}")
    print(table(rows, compared, checked))


main()
