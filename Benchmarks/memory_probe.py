#!/usr/bin/env python3
"""Time the first touch of new memory, 256 MB at a time.

    Benchmarks/memory_probe.py [MB]     (default 6144, rounded up to a multiple of 256)

On a virtual machine whose balloon reports free memory to the host (virtio-balloon
free page reporting), free blocks of 2^order pages and up are handed back, and the
first touch of such a page then waits for the host. The probe prints an estimate of the
free memory in smaller blocks, which the kernel does not report (they may still be
backed, unless they were split from a reported block), then allocates and fills MB
megabytes in steps, printing each step's time: steps served from memory the host still
backs are several times faster than the rest. Run it on an otherwise idle machine; it
holds all MB megabytes until it exits.
"""

import os
import sys
import time
from pathlib import Path

STEP_MB = 256
REPORTING_ORDER = Path("/sys/module/page_reporting/parameters/page_reporting_order")


def small_free_blocks():
    """(MB free in blocks below the reporting order, the order); None without reporting."""
    if not REPORTING_ORDER.exists():
        return None
    order = int(REPORTING_ORDER.read_text())
    pages = 0
    for line in Path("/proc/buddyinfo").read_text().splitlines():
        counts = [int(n) for n in line.split()[4:]]
        pages += sum(n << k for k, n in enumerate(counts[:order]))
    return pages * os.sysconf("SC_PAGE_SIZE") >> 20, order


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 6144
    small = small_free_blocks()
    if small is None:
        print("this kernel has no free page reporting")
    else:
        mb, order = small
        print(f"free memory in blocks below order {order}, too small to report: {mb} MB")
    held = []
    for start in range(0, limit, STEP_MB):
        began = time.perf_counter()
        held.append(bytearray(STEP_MB << 20))
        ms = (time.perf_counter() - began) * 1000
        print(f"{start:5d}-{start + STEP_MB:5d} MB: {ms:5.0f} ms", flush=True)


if __name__ == "__main__":
    main()
