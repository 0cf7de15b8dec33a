"""How busy the whole machine was while something ran, so a timing taken on a shared host says so.

    with MachineLoad() as load:
        work()
    load.busy_cores   # cores in use on average, by every process on the machine (None off Linux)
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

__all__ = ["MachineLoad"]

_STAT = Path("/proc/stat")


def _cpu_ticks() -> tuple[int, int] | None:
    """(all ticks, idle ticks) summed over the machine's CPUs since boot; None where /proc is absent."""
    try:
        fields = [int(v) for v in _STAT.read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    return sum(fields[:8]), fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait


class MachineLoad:
    """Average number of busy CPUs between ``__enter__`` and ``__exit__``."""

    def __init__(self) -> None:
        self.busy_cores: float | None = None
        self._start: tuple[int, int] | None = None

    def __enter__(self) -> MachineLoad:
        self._start = _cpu_ticks()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        end = _cpu_ticks()
        if self._start is None or end is None or end[0] <= self._start[0]:
            return
        total, idle = end[0] - self._start[0], end[1] - self._start[1]
        self.busy_cores = (total - idle) / total * (os.cpu_count() or 1)
