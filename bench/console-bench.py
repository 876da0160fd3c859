"""Drives the console's run page in headless Chromium through chromedriver's W3C WebDriver protocol (standard library
only) while a quick command runs on the farm, and prints the page's budgets of issue 17. Called by bench/console.sh."""
import base64
import json
import sys
import time
import urllib.error
import urllib.request

base, driver, hosts, lines, profile = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
shots = sys.argv[6] if len(sys.argv) > 6 else ""
app = {"appname": "bench", "appkey": "bench-key", "content-type": "application/json"}

# Every element of the document and of the open shadow roots beneath it (lit views).
ALL = "const all = (root, out) => { for (const el of root.querySelectorAll('*')) { out.push(el); if (el.shadowRoot) all(el.shadowRoot, out); } return out; };"

# Installed before the console's own scripts (CDP, so the page's CSP does not apply): long tasks from the start,
# and the first moment the page shows 3 groups with no host running or pending.
WATCH = ALL + """
window.__long = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ entryTypes: ['longtask'] });
const texts = sel => all(document, []).filter(el => el.matches(sel)).map(el => el.textContent.trim());
const timer = setInterval(() => {
  const groups = all(document, []).filter(el => el.matches('[data-test=group]'));
  const idle = texts('[data-test=count-running]')[0] === '0 running' && texts('[data-test=count-pending]')[0] === '0 pending';
  if (groups.length === 3 && idle) { window.__groupsShownAt = Date.now(); clearInterval(timer); }
}, 20);
"""


def call(method, url, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data, headers or {"content-type": "application/json"}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as reply:
            return json.load(reply), reply.headers
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {url} answered {error.code}: {error.read().decode(errors='replace')[:2000]}")


def api(path, body=None):
    return call("GET" if body is None else "POST", base + path, body, app)[0]


def wd(method, path, body=None):
    return call(method, f"{driver}/session/{session}{path}" if path is not None else f"{driver}/session", body)[0]["value"]


def run(script, *args):
    return wd("POST", "/execute/sync", {"script": script, "args": list(args)})


def run_async(script, *args):
    return wd("POST", "/execute/async", {"script": script, "args": list(args)})


session = None
session = call("POST", f"{driver}/session", {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
    "binary": "/usr/bin/chromium",
    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-precise-memory-info",
             f"--user-data-dir={profile}"]}}}})[0]["value"]["sessionId"]
try:
    wd("POST", "/timeouts", {"script": 60000})
    login, headers = call("POST", base + "/api/connector/default/user/login", {"user": "open-c3", "pass": "bench-admin-pass"})
    sid = headers["set-cookie"].split("sid=", 1)[1].split(";", 1)[0]
    wd("POST", "/url", {"url": base + "/healthz"})
    wd("POST", "/cookie", {"cookie": {"name": "sid", "value": sid, "path": "/"}})
    wd("POST", "/goog/cdp/execute", {"cmd": "Page.addScriptToEvaluateOnNewDocument", "params": {"source": WATCH}})

    count = len(hosts.split(","))
    # Three distinct outputs of `lines` lines; a short sleep so the page is open while the hosts run.
    script = (f"sleep 3; h=$(echo $SSH_CONNECTION | cut -d' ' -f3); k=$(( ${{h##*.}} % 3 )); "
              f"i=0; while [ $i -lt {lines} ]; do i=$((i+1)); echo \"line $i of output $k\"; done")
    started = api("/api/job/task/0/plugin_cmd", {"name": "console-bench", "user": "openc3bench", "node_type": "builtin", "node_cont": hosts,
                                                  "scripts_type": "shell", "scripts_cont": script, "timeout": 300})
    task = started["data"]["uuid"]
    wd("POST", "/url", {"url": f"{base}/console/0/run/{task}"})

    # The last host's report: the moment the API shows no host of the step running or pending.
    step = None
    last_report = None
    deadline = time.time() + 600
    while time.time() < deadline:
        steps = api(f"/api/job/subtask/0/{task}")["data"]
        step = steps[0]["uuid"] if steps else None
        if step:
            detail = api(f"/api/job/subtask/0/{task}/{step}")["data"]
            states = [h["status"] for h in detail.get("hosts") or []]
            if len(states) == count and all(s not in ("running", "pending") for s in states):
                last_report = time.time()
                break
        time.sleep(0.05)
    if last_report is None:
        sys.exit("the run did not finish within 10 minutes")
    shown = None
    while time.time() < deadline and shown is None:
        shown = run("return window.__groupsShownAt || null;")
        time.sleep(0.05)
    groups_latency = (shown / 1000.0 - last_report) if shown else float("nan")

    # The status filter: from the click to the frame after lit's update (style, layout and paint included).
    repaint = {}
    for name in ("fail", "success", "all"):
        repaint[name] = run_async(ALL + """
            const done = arguments[arguments.length - 1];
            const button = all(document, []).find(el => el.matches(`[data-test=filter-${arguments[0]}]`));
            const t0 = performance.now();
            button.click();
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
            """, name)
    time.sleep(0.5)
    elements = run(ALL + "return all(document, []).length;")
    heap = run("return performance.memory.usedJSHeapSize;")
    long_tasks = run("return window.__long;")
    status = api(f"/api/job/task/0/{task}")["data"]["status"]

    # The step's raw log (every host's lines, then the result block) through the websocket into the capped text view.
    run("window.__long = [];")
    log_started = time.time()
    run(ALL + """
        all(document, []).find(el => el.matches('[data-test=tab-log]')).click();
        """)
    time.sleep(0.2)
    run(ALL + """
        const select = all(document, []).find(el => el.matches('[data-test=log-of]'));
        select.value = arguments[0];
        select.dispatchEvent(new Event('change'));
        """, step)
    log_lines = None
    while time.time() < deadline:
        text = run(ALL + "return all(document, []).find(el => el.matches('[data-test=raw-log]')).textContent.slice(-200);")
        if "substatus = success" in text:
            log_lines = run(ALL + "return all(document, []).find(el => el.matches('[data-test=raw-log]')).textContent.split('\\n').length;")
            break
        time.sleep(0.05)
    log_seconds = time.time() - log_started
    log_long = run("return window.__long;")
    log_cut = run(ALL + "return all(document, []).some(el => el.matches('[data-test=log-cut]'));")
    log_elements = run(ALL + "return all(document, []).length;")
    if shots:
        # The README's pictures: a run waiting for a decision, with a failed group to retry and two kinds of success.
        failing = ("h=$(echo $SSH_CONNECTION | cut -d' ' -f3); k=$(( ${h##*.} % 7 )); "
                   "if [ $k -eq 0 ]; then echo 'df: /var is 97% full'; exit 3; fi; "
                   "if [ $k -eq 1 ]; then echo 'nginx 1.26.3 (reloaded)'; else echo 'nginx 1.26.3'; fi")
        shot_task = api("/api/job/task/0/plugin_cmd", {"name": "reload nginx", "user": "openc3bench", "node_type": "builtin", "node_cont": hosts,
                                                       "scripts_type": "shell", "scripts_cont": failing, "timeout": 60, "decide_on_fail": 1})["data"]["uuid"]
        until = time.time() + 300
        while time.time() < until and not any(s["status"] == "decision" for s in api(f"/api/job/subtask/0/{shot_task}")["data"]):
            time.sleep(0.2)
        wd("POST", "/url", {"url": f"{base}/console/0/run/{shot_task}"})
        time.sleep(2)
        run(ALL + "all(document, []).find(el => el.matches('[data-test=group-output]')).click();")
        for theme in ("light", "dark"):
            run("document.documentElement.dataset.theme = arguments[0];", theme)
            time.sleep(0.3)
            with open(f"{shots}/run-page-{theme}.png", "wb") as shot:
                shot.write(base64.b64decode(wd("GET", "/screenshot")))
finally:
    call("DELETE", f"{driver}/session/{session}")

print(f"run page, {count} hosts x {lines} lines, 3 distinct outputs (task {status})")
print(f"{'measure':44} {'value':>12} {'budget':>12}")
rows = [
    ("long tasks > 100 ms (count)", f"{sum(1 for d in long_tasks if d > 100)}", "0"),
    ("long tasks > 50 ms (count, longest ms)", f"{len(long_tasks)}, {max(long_tasks, default=0):.0f}", "-"),
    ("status filter repaint, fail / success / all (ms)", " / ".join(f"{repaint[n]:.0f}" for n in ("fail", "success", "all")), "< 200"),
    ("DOM elements (shadow roots included)", f"{elements}", "< 5000"),
    ("JS heap (MB)", f"{heap / 1048576:.1f}", "< 100"),
    ("last host's report -> 3 groups shown (s)", f"{groups_latency:.2f}", "< 1"),
    ("raw log of the step: seconds to its end", f"{log_seconds:.2f}", "-"),
    ("raw log: lines kept, cut note shown", f"{log_lines}, {'yes' if log_cut else 'no'}", "<= 2000"),
    ("raw log: long tasks > 100 ms (count, longest ms)", f"{sum(1 for d in log_long if d > 100)}, {max(log_long, default=0):.0f}", "0"),
    ("raw log: DOM elements", f"{log_elements}", "< 5000"),
]
for name, value, budget in rows:
    print(f"{name:44} {value:>12} {budget:>12}")
