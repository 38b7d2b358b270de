"""Installer figures: bundle size, .deb size, frozen start-to-first-window time.

Reads what `make package` built (build/dist/gistquiz, dist/*.deb); prints each figure beside
its target from the installers issue. First window: wall time of `gistquiz --screenshot`
offscreen (start, build the window on the sample, render it, save the PNG, exit) — an upper
bound on start-to-first-window, median of 5 warm runs.
"""

from __future__ import annotations

import os
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


def first_window_seconds(executable: Path, runs: int = 5) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs + 1):  # the first run warms the page cache and is dropped
            started = time.perf_counter()
            subprocess.run(
                [str(executable), "--screenshot", f"{tmp}/w{i}.png"],
                env=env,
                check=True,
                capture_output=True,
                timeout=120,
            )
            times.append(time.perf_counter() - started)
    return times[1:]


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
    times = first_window_seconds(BUNDLE / "gistquiz")
    print(
        f"{'frozen first window (warm, median)':<34} {statistics.median(times):>8.2f} s   "
        f"target <= 1.5 s  (runs: {', '.join(f'{t:.2f}' for t in times)})"
    )


if __name__ == "__main__":
    main()
