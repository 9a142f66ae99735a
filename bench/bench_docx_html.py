"""Benchmark: the DOCX and HTML renderers for the reference pack, beside a python-docx floor.

    .venv/bin/python bench/bench_docx_html.py            # 15 repeats
    .venv/bin/python bench/bench_docx_html.py --repeats 5

Builds the reference pack (examples/reference-pack.yaml) once, then times, in-process,
``render_docx`` and ``render_html`` and two floors measured in the same run:

- *python-docx open + save*: the default template opened and saved, nothing added (the part
  of every DOCX no renderer can avoid);
- *python-docx N paragraphs*: the same, plus as many paragraphs (with the same text) as the
  pack's DOCX has, added through python-docx's own ``add_paragraph``.

The HTML is timed twice: as rendered again (the subset fonts cached for the same characters)
and with the font cache cleared (what a new document costs). Prints medians of wall and CPU
seconds (CPU because on a busy 2-core machine wall time
mostly measures the other processes), peak Python memory of one run, and the HTML size.
Targets (issue 10): DOCX <= 40 ms, HTML <= 150 KB. This prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import docx
from bench_floor import medians

from outreach_kit.assemble import build_pack, load_recipe
from outreach_kit.content import load_library
from outreach_kit.render.docx import render_docx
from outreach_kit.render.html import font_faces_css, render_html

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "examples" / "reference-pack.yaml"
TODAY = dt.date(2026, 11, 26)


def measure(work: Callable[[], object], repeats: int) -> tuple[float, float, float]:
    """(median wall s, median CPU s, peak MB of one traced run) of ``work()``, after one
    warm-up (templates, styles, fonts)."""
    wall, cpu = medians(work, repeats)
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return wall, cpu, peak


def empty_docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def paragraphs_docx(texts: list[str]) -> Callable[[], bytes]:
    def work() -> bytes:
        word = docx.Document()
        for text in texts:
            word.add_paragraph(text)
        out = io.BytesIO()
        word.save(out)
        return out.getvalue()
    return work


def html_fresh_fonts(pack: object, options: object) -> str:
    """render_html as for a document with characters not seen before in this process."""
    font_faces_css.cache_clear()
    return render_html(pack, options)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()

    library = load_library(ROOT / "content")
    recipe = load_recipe(REFERENCE, library)
    pack = build_pack(library, recipe, TODAY)
    options = recipe.print.options()
    word = docx.Document(io.BytesIO(render_docx(pack, options)))
    texts = [p.text for p in word.paragraphs]
    html = render_html(pack, options)

    rows = [
        ("render_docx (reference pack)", lambda: render_docx(pack, options)),
        ("floor: python-docx open + save", empty_docx),
        (f"floor: python-docx {len(texts)} paragraphs", paragraphs_docx(texts)),
        ("render_html (reference pack)", lambda: render_html(pack, options)),
        ("render_html, fonts subset afresh", lambda: html_fresh_fonts(pack, options)),
    ]
    results = {label: measure(work, args.repeats) for label, work in rows}
    print(f"{'what':<44} {'wall ms':>8} {'cpu ms':>8} {'peak MB':>8}")
    for label, (wall, cpu, peak) in results.items():
        print(f"{label:<44} {wall * 1000:>8.1f} {cpu * 1000:>8.1f} {peak:>8.1f}")
    docx_cpu = results[rows[0][0]][1]
    floor_cpu = results[rows[1][0]][1]
    print(f"render_docx CPU / open+save floor CPU: {docx_cpu / floor_cpu:.2f}x")
    print(f"HTML size: {len(html.encode()) / 1024:.1f} KiB ({len(html.encode())} bytes)")


if __name__ == "__main__":
    main()
