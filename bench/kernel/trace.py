"""Where a kernel's round trip goes: runs trivial execute_requests against a kernel and,
for glasspy, lines the client's times up with the stages the kernel noted (GLASSPY_TRACE,
kernel/trace.ts). Prints each stage's median, p95 and max, and what the slowest 5% of the
round trips spent in each stage.

    python3 trace.py KERNEL_NAME [TRIPS] [--raw]

--raw sends and receives on plain pyzmq sockets (jupyter_client's Session signs), without
the blocking client's machinery, to see the kernel's own share.
"""
import json
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def raw_trips(km, trips):
    import zmq
    session = km.session
    ctx = zmq.Context.instance()
    shell = ctx.socket(zmq.DEALER)
    shell.connect(km._make_url("shell"))
    iopub = ctx.socket(zmq.SUB)
    iopub.setsockopt(zmq.SUBSCRIBE, b"")
    iopub.connect(km._make_url("iopub"))
    time.sleep(0.5)
    out = []
    for i in range(trips + 20):
        msg = session.msg("execute_request", {"code": "pass", "silent": False,
                                              "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False})
        t0 = time.time()
        session.send(shell, msg)
        while True:
            _, reply = session.recv(shell, mode=0)
            if reply["parent_header"]["msg_id"] == msg["header"]["msg_id"]:
                break
        t1 = time.time()
        # take this request's iopub messages, up to its idle, before the next one
        while True:
            _, m = session.recv(iopub, mode=0)
            if (m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
                    and m["parent_header"].get("msg_id") == msg["header"]["msg_id"]):
                break
        if i >= 20:
            out.append((msg["header"]["msg_id"], t0 * 1e3, t1 * 1e3))
    shell.close(0)
    iopub.close(0)
    return out


def client_trips(kc, trips):
    for _ in range(20):
        kc.execute("pass", reply=True, timeout=60)
    out = []
    for _ in range(trips):
        t0 = time.time()
        reply = kc.execute("pass", reply=True, timeout=60)
        t1 = time.time()
        out.append((reply["parent_header"]["msg_id"], t0 * 1e3, t1 * 1e3))
    return out


def main():
    name = sys.argv[1]
    trips = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 300
    raw = "--raw" in sys.argv
    trace_file = os.environ.get("GLASSPY_TRACE")
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    if raw:
        kc.stop_channels()
        trips_out = raw_trips(km, trips)
    else:
        trips_out = client_trips(kc, trips)
        kc.stop_channels()
    km.shutdown_kernel(now=False)
    rtt = [t1 - t0 for _, t0, t1 in trips_out]
    print(f"{name}{' (raw)' if raw else ''}: {len(rtt)} trips, median {statistics.median(rtt):.3f} ms,"
          f" p95 {percentile(rtt, 95):.3f} ms, max {max(rtt):.3f} ms")
    if not trace_file or not os.path.exists(trace_file):
        return
    notes = [json.loads(line) for line in open(trace_file)]
    notes.sort(key=lambda n: n[0])
    by_msg = {}
    worker_ids = {}
    last_to_worker = None
    last_poll = None
    pending = {}
    current_worker = None
    for t, thread, stage, key in notes:
        if stage in ("poll_return", "idle_wake"):
            last_poll = t
        elif stage == "frames":
            pending = {"poll_return": last_poll, "frames": t}
        elif stage == "parsed":
            pending["parsed"] = t
            by_msg[key] = pending
            pending = {}
        elif stage == "to_worker":
            by_msg.setdefault(key, {})[stage] = t
            last_to_worker = key
        elif stage == "w_post":
            worker_ids[key] = last_to_worker
            by_msg[last_to_worker]["w_post"] = t
        elif thread == "worker" and key in by_msg:
            # the worker that serves the shell socket names its stages by msg_id
            by_msg[key].setdefault(stage, t)
        elif thread == "worker":
            if key:
                current_worker = worker_ids.get(key)
            if current_worker:
                by_msg[current_worker].setdefault(stage, t)
        elif key:
            by_msg.setdefault(key, {}).setdefault(stage, t)
    rows = []
    for msg_id, t0, t1 in trips_out:
        d = by_msg.get(msg_id)
        if not d:
            continue
        d = {k: v for k, v in d.items() if v is not None}
        d.update(client_send=t0, client_recv=t1)
        rows.append(d)
    stages = {k for r in rows for k in r if k not in ("poll_return", "idle_sent")}
    offset = {k: statistics.median(r[k] - r["client_send"] for r in rows if k in r)
              for k in stages}
    order = sorted(stages, key=lambda k: offset[k])
    total = [r["client_recv"] - r["client_send"] for r in rows]
    cut = percentile(total, 95)
    slow = [r for r in rows if r["client_recv"] - r["client_send"] >= cut]
    print(f"{len(rows)} trips traced; slowest {len(slow)} at >= {cut:.3f} ms")
    print(f"{'stage':32} {'median':>8} {'p95':>8} {'max':>8} {'slow mean':>10}")
    for a, b in zip(order, order[1:]):
        ds = [r[b] - r[a] for r in rows if a in r and b in r]
        ss = [r[b] - r[a] for r in slow if a in r and b in r]
        if not ds:
            continue
        print(f"{a + ' -> ' + b:32} {statistics.median(ds):8.3f} {percentile(ds, 95):8.3f}"
              f" {max(ds):8.3f} {statistics.mean(ss) if ss else 0:10.3f}")
    polls = [r["frames"] - r["poll_return"] for r in rows if "poll_return" in r and "frames" in r]
    if polls:
        print(f"{'poll_return -> frames':32} {statistics.median(polls):8.3f}"
              f" {percentile(polls, 95):8.3f} {max(polls):8.3f}")

if __name__ == "__main__":
    main()
