"""Installer figures: bundle size, .deb size, frozen start-to-first-window time.

Reads what `make package` built (build/dist/gistquiz, dist/*.deb); prints each figure beside
its target from the installers issue. Two start-up figures, offscreen, median of 5 warm runs
(wall time, and the process's CPU time beside it: the machine is shared):
* first window: launch to the main window's first paint, the app started as a user starts it
  (GISTQUIZ_STARTUP_PROBE makes it print that time and exit) -- the issue's target. Its CPU
  figure is the GUI thread's own: the loading threads and other processes do not count;
* window with summary: `gistquiz --screenshot` (start, open and summarize the sample in the
  foreground, render, save the PNG, exit) -- an upper bound including the first summary.
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "build" / "dist" / "gistquiz"


def tree_mb(path: Path) -> float:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_window_seconds(executable: Path, runs: int = 5) -> tuple[list[float], list[float]]:
    """(wall, GUI-thread CPU) seconds from launch to the first paint of the main window."""
    walls, cpus = [], []
    for i in range(runs + 1):  # the first run warms the page cache and is dropped
        with tempfile.TemporaryDirectory() as home:
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": "offscreen",
                "HOME": home,
                "XDG_CONFIG_HOME": f"{home}/cfg",
                "XDG_DATA_HOME": f"{home}/data",
                "XDG_STATE_HOME": f"{home}/state",
                "GISTQUIZ_STARTUP_PROBE": repr(time.time()),
            }
            out = subprocess.run(
                [str(executable)], env=env, check=True, capture_output=True, text=True, timeout=120
            ).stdout
        wall, cpu = re.search(r"first window ([\d.]+) s, main thread CPU ([\d.]+) s", out).groups()
        if i:
            walls.append(float(wall))
            cpus.append(float(cpu))
    return walls, cpus


def screenshot_seconds(executable: Path, runs: int = 5) -> tuple[list[float], list[float]]:
    """(wall, CPU) seconds of `gistquiz --screenshot` on the sample."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs + 1):  # the first run warms the page cache and is dropped
            cpu = _children_cpu()
            started = time.perf_counter()
            subprocess.run(
                [str(executable), "--screenshot", f"{tmp}/w{i}.png"],
                env=env,
                check=True,
                capture_output=True,
                timeout=120,
            )
            if i:
                walls.append(time.perf_counter() - started)
                cpus.append(_children_cpu() - cpu)
    return walls, cpus


def _row(label: str, walls: list[float], cpus: list[float], target: str) -> str:
    return (
        f"{label:<34} {statistics.median(walls):>8.2f} s   {target}  (wall: "
        f"{', '.join(f'{t:.2f}' for t in walls)}; CPU median {statistics.median(cpus):.2f} s; "
        f"load average {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    if not BUNDLE.exists():
        print("no frozen bundle: run `make package` first")
        return
    print(f"{'figure':<34} {'ours':>10}  reference / target")
    reference = "245 MB default, 171 MB slimmed (reference app)"
    print(f"{'bundle (one folder)':<34} {tree_mb(BUNDLE):>8.0f} MB  {reference}")
    for deb in sorted((ROOT / "dist").glob("gistquiz_*.deb")):
        compression = subprocess.run(
            ["sh", "-c", f"ar t {deb} | grep data"], capture_output=True, text=True
        ).stdout.strip()
        size = deb.stat().st_size / 1e6
        print(f"{'.deb (' + compression + ')':<34} {size:>8.1f} MB  target <= 55 MB (xz)")
    for tarball in sorted((ROOT / "dist").glob("gistquiz-*.tar.gz")):
        print(f"{'tar.gz':<34} {tarball.stat().st_size / 1e6:>8.1f} MB  69 MB (reference app)")
    executable = BUNDLE / "gistquiz"
    print(_row("frozen first window (warm, median)", *first_window_seconds(executable), "<= 1.5 s"))
    print(_row("window with summary (--screenshot)", *screenshot_seconds(executable), "(bound)"))


if __name__ == "__main__":
    main()
