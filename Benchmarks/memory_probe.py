#!/usr/bin/env python3
"""Time the first touch of new memory, 256 MB at a time.

    Benchmarks/memory_probe.py [MB]     (default 6144)

On a virtual machine whose balloon reports free memory to the host (virtio-balloon
free page reporting), free blocks of 2^order pages or more are handed back, and the
first touch of such a page then waits for the host. The probe first prints how much
free memory lies in smaller blocks (which the kernel cannot report, so they are still
backed), then allocates and fills MB megabytes in steps, printing each step's time:
steps served from still-backed memory are several times faster than the rest.
Run it on an otherwise idle machine; it holds MB megabytes until it exits.
"""

import sys
import time
from pathlib import Path

STEP_MB = 256


def unreported_free_mb():
    """Free memory in blocks below the page reporting order, from /proc/buddyinfo."""
    order_file = Path("/sys/module/page_reporting/parameters/page_reporting_order")
    if not order_file.exists():
        return None, None
    order = int(order_file.read_text())
    pages = 0
    for line in Path("/proc/buddyinfo").read_text().splitlines():
        counts = [int(n) for n in line.split()[4:]]
        pages += sum(n << k for k, n in enumerate(counts[:order]))
    return pages * 4096 >> 20, order


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 6144
    small, order = unreported_free_mb()
    if small is None:
        print("no free page reporting on this machine")
    else:
        print(f"free memory in blocks below order {order} (not reported to the host): {small} MB")
    held = []
    for start in range(0, limit, STEP_MB):
        began = time.perf_counter()
        held.append(bytearray(STEP_MB << 20))
        print(f"{start:5d}-{start + STEP_MB:5d} MB: {(time.perf_counter() - began) * 1000:5.0f} ms", flush=True)


if __name__ == "__main__":
    main()
