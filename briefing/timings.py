"""Per-stage wall time and peak memory of a run, for the benchmarks (bench/bench_scale.py).

Off unless the environment variable BRIEFING_TIMINGS names a file: then every stage that ends
appends one JSON line to it, `{"stage", "seconds", "cpu_seconds", "peak_rss_mb", …}`: wall time,
the process's CPU time (steady when the machine is shared, where wall time is not), and its peak
resident memory so far (its waited-for children's peak beside it), so that a benchmark reads
the real build's own figures instead of timing a copy of its logic.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV = "BRIEFING_TIMINGS"


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block as stage `name` (when BRIEFING_TIMINGS is set; a failed stage is not written)."""
    target = os.environ.get(ENV)
    if not target:
        yield
        return
    start, cpu = time.perf_counter(), time.process_time()
    yield
    record = {
        "stage": name,
        "seconds": round(time.perf_counter() - start, 4),
        "cpu_seconds": round(time.process_time() - cpu, 4),
        "peak_rss_mb": _own_peak_mb(),
        "children_peak_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN),
    }
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")


def _own_peak_mb() -> float:
    """The process's peak resident size: VmHWM, which starts again at exec (getrusage's
    ru_maxrss keeps the peak of the process it was forked from, a test runner's gigabyte)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)  # kB
    except OSError:  # not Linux
        pass
    return _peak_mb(resource.RUSAGE_SELF)


def _peak_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # Linux gives kilobytes
