"""Benchmark: the reference pack at the easy-read profile, and read aloud.

    .venv/bin/python bench/bench_easy_read.py              # 7 repeats of each render
    .venv/bin/python bench/bench_easy_read.py --repeats 3 --no-audio

In one process: the reference pack (examples/reference-pack.yaml) made and rendered as a
PDF at the standard profile and at easy-read (median wall and CPU seconds; target: Easy
Read at most 2 x standard, same run), then read aloud to a WAV once (target: at most 30 s
of CPU, counting the espeak-ng processes, which do most of the work). The first render of
a profile fills the icon and layout caches, so it is a warm-up and not counted. This prints
figures; it is not a pass/fail test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import time
import wave
from pathlib import Path

from bench_cli import children_cpu
from bench_floor import medians

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "examples" / "reference-pack.yaml"
TODAY = dt.date(2026, 11, 29)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--no-audio", action="store_true")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()

    from outreach_kit.assemble import load_recipe
    from outreach_kit.content import load_library
    from outreach_kit.outputs import make_pack

    library = load_library(args.content)
    recipe = load_recipe(REFERENCE, library)
    results = {}
    print(f"{'reference pack, made and rendered as PDF':<44} {'wall s':>8} {'cpu s':>8}")
    for profile in ("standard", "easy-read"):
        def render(profile: str = profile) -> bytes:
            return make_pack(library, recipe, TODAY, profiles=[profile]).render("pdf")

        results[profile] = medians(render, args.repeats)
        wall, cpu = results[profile]
        print(f"{profile:<44} {wall:>8.3f} {cpu:>8.3f}")
    ratio = results["easy-read"][1] / results["standard"][1]
    print(f"easy-read / standard (CPU): {ratio:.2f}x (target 2x)")

    if args.no_audio:
        return
    made = make_pack(library, recipe, TODAY, profiles=["easy-read"])
    wall, own, children = time.perf_counter(), time.process_time(), children_cpu()
    wav = made.render("wav")
    wall = time.perf_counter() - wall
    cpu = time.process_time() - own + children_cpu() - children
    with wave.open(io.BytesIO(wav)) as sound:
        minutes = sound.getnframes() / sound.getframerate() / 60
    print(f"audio (WAV) of the easy-read pack: {minutes:.1f} minutes of speech, "
          f"{len(wav) / 1e6:.0f} MB, {wall:.1f} s wall, {cpu:.1f} s CPU (target 30 s CPU)")


if __name__ == "__main__":
    main()
