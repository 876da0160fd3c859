#!/usr/bin/env python3
"""Drives a running product over HTTP (app key `bench`): warm fan-out of one cmd step on N hosts, and
throughput of single-host tasks submitted by C concurrent clients, each polling its task to the end.
   load.py BASE fanout HOSTS_CSV N REPS          -> one line per rep: wall_s status
   load.py BASE throughput HOSTS_CSV TASKS CLIENTS POLL_S
                                                   -> tasks/s, p50/p99 latency (request to seen final), failures"""
import http.client, json, statistics, sys, threading, time, urllib.parse

HEADERS = {"appname": "bench", "appkey": "bench-key", "content-type": "application/json"}


class Client:
    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=300)

    def call(self, method, path, body=None):
        self.conn.request(method, "/api/job" + path, None if body is None else json.dumps(body), HEADERS)
        reply = json.loads(self.conn.getresponse().read())
        if not reply.get("stat"):
            raise RuntimeError(f"{path}: {reply}")
        return reply

    def run(self, hosts, poll, deadline_s=600):
        body = {"name": "bench", "user": "openc3bench", "node_type": "builtin", "node_cont": hosts,
                "scripts_type": "shell", "scripts_cont": "true", "timeout": 120}
        start = time.time()
        uuid = self.call("POST", "/task/0/plugin_cmd", body)["data"]["uuid"]
        while time.time() - start < deadline_s:
            status = self.call("GET", f"/task/0/{uuid}")["data"]["status"]
            if status in ("success", "fail"):
                return time.time() - start, status
            time.sleep(poll)
        return time.time() - start, "deadline"


def fanout(base, hosts, n, reps):
    chosen = ",".join(hosts.split(",")[:n])
    client = Client(base)
    for _ in range(reps):
        wall, status = client.run(chosen, 0.05)
        print(f"{wall:.2f} {status}", flush=True)


def throughput(base, hosts, tasks, clients, poll):
    hosts = hosts.split(",")
    latencies, failures, lock, counter = [], [], threading.Lock(), iter(range(tasks))

    def worker(k):
        client = Client(base)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            try:
                wall, status = client.run(hosts[i % len(hosts)], poll)
            except Exception as error:  # noqa: BLE001 - a bench counts every way a task can go wrong
                wall, status = 0.0, f"error {error}"
                client = Client(base)
            with lock:
                latencies.append(wall)
                if status != "success":
                    failures.append(status)

    started = time.time()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - started
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"tasks {tasks} clients {clients} wall {elapsed:.2f} s, {tasks / elapsed:.1f} tasks/s, "
          f"p50 {statistics.median(ordered):.3f} s, p99 {p99:.3f} s, failed {len(failures)} {sorted(set(failures))[:3]}", flush=True)


if __name__ == "__main__":
    base, mode, hosts = sys.argv[1], sys.argv[2], sys.argv[3]
    if mode == "fanout":
        fanout(base, hosts, int(sys.argv[4]), int(sys.argv[5]))
    else:
        throughput(base, hosts, int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]))
