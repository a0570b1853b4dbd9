"""Times Jupyter kernels through jupyter_client, as a front end sees them:

- start-up: from KernelManager.start_kernel() to the first kernel_info_reply;
- round trip: a trivial execute_request ("pass") to its execute_reply, median and p95;
- the kernel process's voluntary context switches per round trip, by thread name (Linux):
  each is a thread going to sleep to be woken again, the expensive step of a round trip on
  a virtual machine, and a count that a loaded machine does not blur as it does times.

    python3 client.py [--starts N] [--trips N] [--warmup N] KERNEL_NAME...

The kernels are measured side by side, interleaved, so that a machine whose load changes
during the run weighs on each of them alike: the starts alternate between the kernels, and
so do the round trips (all kernels are up, each one's trip in turn). Prints one JSON object
per kernel, one per line.
"""
import glob
import json
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def first_kernel_info(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    msg_id = kc.kernel_info()
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    elapsed = time.perf_counter() - t0
    return km, kc, elapsed


def switches(pid):
    """Voluntary context switches of each thread of process `pid` so far, by thread id."""
    out = {}
    for task in glob.glob(f"/proc/{pid}/task/*"):
        try:
            with open(f"{task}/comm") as f:
                name = f.read().strip()
            with open(f"{task}/status") as f:
                count = next(int(line.split()[1]) for line in f
                             if line.startswith("voluntary_ctxt_switches"))
        except (OSError, StopIteration):
            continue
        out[task.rsplit("/", 1)[1]] = (name, count)
    return out


def switches_per_trip(before, after, trips):
    by_name = {}
    for tid, (name, count) in after.items():
        by_name[name] = by_name.get(name, 0) + count - before.get(tid, (name, 0))[1]
    return {name: n / trips for name, n in sorted(by_name.items(), key=lambda x: -x[1]) if n}


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def option(args, name, default):
    if name in args:
        i = args.index(name)
        value = int(args[i + 1])
        del args[i:i + 2]
        return value
    return default


def main():
    args = sys.argv[1:]
    starts = option(args, "--starts", 5)
    trips = option(args, "--trips", 300)
    warmup = option(args, "--warmup", 20)
    names = args
    startup = {name: [] for name in names}
    running = {}
    for i in range(starts):
        for name in names:
            km, kc, elapsed = first_kernel_info(name)
            startup[name].append(elapsed)
            if i < starts - 1:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
            else:
                running[name] = (km, kc)
    for name in names:
        running[name][1].wait_for_ready(timeout=60)
    for _ in range(warmup):
        for name in names:
            running[name][1].execute("pass", reply=True, timeout=60)
    rtt = {name: [] for name in names}
    status = {}
    pids = {name: running[name][0].provisioner.process.pid for name in names}
    before = {name: switches(pids[name]) for name in names}
    for _ in range(trips):
        for name in names:
            kc = running[name][1]
            t0 = time.perf_counter()
            reply = kc.execute("pass", reply=True, timeout=60)
            rtt[name].append(time.perf_counter() - t0)
            status[name] = reply["content"]["status"]
    per_trip = {name: switches_per_trip(before[name], switches(pids[name]), trips)
                for name in names}
    for name in names:
        km, kc = running[name]
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    for name in names:
        print(json.dumps({
            "kernel": name,
            "startup_median_s": statistics.median(startup[name]),
            "startup_all_s": startup[name],
            "rtt_median_ms": statistics.median(rtt[name]) * 1e3,
            "rtt_p95_ms": percentile(rtt[name], 95) * 1e3,
            "last_status": status[name],
            "switches_per_trip": per_trip[name],
        }))


if __name__ == "__main__":
    main()
