"""``outreach-kit recommend --observe ID [--observe ID ...] [--all] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys

from ..assemble.recommend import DEFAULT_LIMIT, recommend
from ..content.library import ContentLibrary
from ..errors import UsageError
from .common import add_content_option, load_content, print_worker_prompts


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Suggest modules, best first, for what you have noticed about a person. "
        "Observation ids are listed in content/model.yaml (or use "
        "--list-observations).")
    parser.add_argument("--observe", action="append", default=[], metavar="ID",
                        help="an observation id; repeat for more than one")
    parser.add_argument("--all", action="store_true",
                        help="list every suggestion (by default: the 6 most relevant, then "
                             "the pages in every pack)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--list-observations", action="store_true",
                        help="list every observation id with its words, then stop")
    parser.add_argument("--list-modules", action="store_true",
                        help="list every module id with its kind and title, then stop")
    parser.add_argument("--list-services", action="store_true",
                        help="list every service id with its area and name, then stop")
    add_content_option(parser)
    parser.set_defaults(func=run)


def _list(library: ContentLibrary, args: argparse.Namespace) -> bool:
    """Print the list asked for (ids first, tab-separated); False when none was."""
    if args.list_observations:
        for obs_id, observation in library.observations.items():
            print(f"{obs_id}\t{observation.text} ({library.group_of(obs_id).name})")
    elif args.list_modules:
        for module_id, module in sorted(library.modules.items()):
            print(f"{module_id}\t{module.kind}\t{module.title}")
    elif args.list_services:
        for service_id, service in sorted(library.services.items()):
            print(f"{service_id}\t{service.area}\t{service.name}")
    else:
        return False
    return True


def run(args: argparse.Namespace) -> int:
    library = load_content(args.content)
    if _list(library, args):
        return 0
    if not args.observe:
        raise UsageError("give at least one --observe ID (see --list-observations)")
    recommendations = recommend(library, args.observe, None if args.all else DEFAULT_LIMIT)
    print_worker_prompts(library, args.observe)
    if args.json:
        json.dump([r.to_dict() for r in recommendations], sys.stdout, indent=2,
                  ensure_ascii=False)
        print()
        return 0
    for number, rec in enumerate(recommendations, 1):
        print(f"{number:2}. {rec.title} [{rec.module_id}, {rec.kind}]")
        print(f"    {rec.reason}")
    if not args.all:
        more = len(recommend(library, args.observe, None)) - len(recommendations)
        if more:
            print(f"{more} more suggestion(s): add --all to list them")
    return 0
