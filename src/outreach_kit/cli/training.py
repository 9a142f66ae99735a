"""``outreach-kit training SESSION --for facilitator|participant --format pdf|pptx -o OUT``.

Also ``outreach-kit training --list``. PDFs: the facilitator guide (timings, notes, answers)
or the participant handout (no answers, space to write). PPTX: the same slides for both;
the facilitator deck's speaker notes carry the facilitator notes and quiz answers, while
the participant deck's notes carry only participant-facing words, so it is safe to share.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..atomic import write_bytes_atomic
from ..content import default_content_dir, load_library
from ..errors import UsageError
from ..outputs import format_for

FORMATS = ("pdf", "pptx")
AUDIENCES = ("facilitator", "participant")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "training",
        help="make a training session's facilitator guide, handout or slides",
        description=(
            "Make a facilitator guide or participant handout (PDF) or slides (PPTX) for one "
            "training session. Participant slides carry no facilitator notes or quiz answers "
            "in their speaker notes."
        ),
    )
    parser.add_argument("session", nargs="?", help="session id (see --list)")
    parser.add_argument("--list", action="store_true", help="list the training sessions")
    parser.add_argument("--for", dest="audience", choices=AUDIENCES, default="facilitator",
                        help="who it is for (default: facilitator)")
    parser.add_argument("--format", dest="fmt", choices=FORMATS, default=None,
                        help="pdf (guide or handout) or pptx (slides); default: from the "
                             "output file's ending")
    parser.add_argument("-o", "--output", type=Path, help="file to write")
    parser.add_argument("--profile", action="append", default=[],
                        help="PDF print profile, e.g. large-print (may be repeated)")
    parser.add_argument("--content", type=Path, help="content folder (default: ./content)")
    parser.set_defaults(func=run)


def _list(kit) -> int:
    for session in sorted(kit.sessions.values(), key=lambda s: (s.minutes, s.id)):
        print(f"{session.id}\t{session.minutes} min\t{session.title}")
    return 0


def _build(library, args: argparse.Namespace, fmt: str) -> bytes:
    from ..outputs import render_training
    from ..render.options import PrintOptions

    return render_training(library, args.session, args.audience, fmt,
                           PrintOptions.from_names(args.profile))


def run(args: argparse.Namespace) -> int:
    from ..training.kit import training_kit

    if not args.list and not args.session:
        raise UsageError("name a session (see 'outreach-kit training --list')")
    if not args.list and args.output is None:
        raise UsageError("say where to save it with -o FILE")
    # Without --format, the file ending says which (slides.pptx makes slides).
    fmt = "" if args.list else format_for(args.output, args.fmt, FORMATS)
    library = load_library(args.content or default_content_dir())
    kit = training_kit(library)
    if args.list:
        return _list(kit)
    kit.session(args.session)  # an unknown id fails here, naming the valid ones
    data = _build(library, args, fmt)
    write_bytes_atomic(args.output, data)  # OutputError naming the file if it cannot
    print(f"wrote {args.output}")
    return 0
