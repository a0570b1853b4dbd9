"""Times a Jupyter kernel through jupyter_client, as a front end sees it:

- start-up: from KernelManager.start_kernel() to the first kernel_info_reply;
- round trip: a trivial execute_request ("pass") to its execute_reply, median and p95.

    python3 client.py KERNEL_NAME [STARTS] [ROUND_TRIPS]

Prints one JSON object.
"""
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


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    name = sys.argv[1]
    starts = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    trips = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    startup = []
    km = kc = None
    for i in range(starts):
        km, kc, elapsed = first_kernel_info(name)
        startup.append(elapsed)
        if i < starts - 1:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    kc.wait_for_ready(timeout=60)
    for _ in range(20):  # warm up
        kc.execute("pass", reply=True, timeout=60)
    rtt = []
    for _ in range(trips):
        t0 = time.perf_counter()
        reply = kc.execute("pass", reply=True, timeout=60)
        rtt.append(time.perf_counter() - t0)
    status = reply["content"]["status"]
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    print(json.dumps({
        "kernel": name,
        "startup_median_s": statistics.median(startup),
        "startup_all_s": startup,
        "rtt_median_ms": statistics.median(rtt) * 1e3,
        "rtt_p95_ms": percentile(rtt, 95) * 1e3,
        "last_status": status,
    }))


if __name__ == "__main__":
    main()
