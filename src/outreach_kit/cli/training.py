"""``outreach-kit training SESSION --for facilitator|participant --format pdf|pptx -o OUT``.

Also ``outreach-kit training --list``. PDFs: the facilitator guide (timings, notes, answers)
or the participant handout (no answers, space to write). PPTX: the same slides for both;
the facilitator deck's speaker notes carry the facilitator notes and quiz answers, while
the participant deck's notes carry only participant-facing words, so it is safe to share.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UsageError
from ..formats import TRAINING_AUDIENCES, all_formats
from ..outputs import render_training
from ..training.kit import TrainingKit, training_kit
from .common import (
    add_content_option,
    add_format_option,
    add_profile_option,
    load_content,
    output_format,
    print_options as options_from,
)
from .output import add_force_option, check_output, say_written, write_output

TRAINING_FORMATS = all_formats(*(f"training-{a}" for a in TRAINING_AUDIENCES))


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Make a facilitator guide or participant handout (PDF) or slides (PPTX) for one "
        "training session. Participant slides carry no facilitator notes or quiz answers "
        "in their speaker notes.")
    parser.add_argument("session", nargs="?", help="session id (see --list)")
    parser.add_argument("--list", action="store_true", help="list the training sessions")
    parser.add_argument("--for", dest="audience", choices=TRAINING_AUDIENCES,
                        default=TRAINING_AUDIENCES[0], help="who it is for (default: "
                        f"{TRAINING_AUDIENCES[0]})")
    add_format_option(parser, TRAINING_FORMATS, " (pdf: guide or handout, pptx: slides)",
                      dest="fmt")
    parser.add_argument("-o", "--output", type=Path,
                        help="file to write, or '-' for standard output (then give --format)")
    add_force_option(parser)
    add_profile_option(parser, "PDF print profile")
    add_content_option(parser)
    parser.set_defaults(func=run)


def _list(kit: TrainingKit) -> int:
    for session in sorted(kit.sessions.values(), key=lambda s: (s.minutes, s.id)):
        print(f"{session.id}\t{session.minutes} min\t{session.title}")
    return 0


def run(args: argparse.Namespace) -> int:
    if not args.list and not args.session:
        raise UsageError("name a session (see 'outreach-kit training --list')")
    if not args.list and args.output is None:
        raise UsageError("say where to save it with -o FILE")
    # Without --format, the file ending says which (slides.pptx makes slides).
    fmt = "" if args.list else output_format(args.output, args.fmt, TRAINING_FORMATS)
    if not args.list:
        check_output(args.output, fmt, args.force)
    library = load_content(args.content, warn=False)
    kit = training_kit(library)
    if args.list:
        return _list(kit)
    kit.session(args.session)  # an unknown id fails here, naming the valid ones
    data = render_training(library, args.session, args.audience, fmt,
                           options_from(args.profile))
    write_output(args.output, data)  # OutputError naming the file if it cannot
    say_written(args.output)
    return 0
