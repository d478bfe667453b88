"""``factcheck extract``: its arguments and what it does with them."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from factcheck.domain.errors import FactcheckError, LoadError
from factcheck.domain.values import PartialDate
from factcheck.extract.drafting import draft_fact_file
from factcheck.extract.mention import UNIDENTIFIED, UNREVIEWED_DATE, UNREVIEWED_NUMBER


def configure(p: argparse.ArgumentParser) -> None:
    """Arguments of ``factcheck extract``."""
    p.add_argument("snapshot", help="the source text (UTF-8) to draft claims from")
    p.add_argument(
        "--source-id",
        help="id of the new source ([a-z0-9-]; default: the snapshot's file name without "
        "its extension, lower-cased, other characters as dashes)",
    )
    p.add_argument("--out", help="write the fact file here (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.add_argument(
        "--facts",
        default="facts",
        help="corpus whose entities and properties are proposed (default: facts)",
    )
    p.add_argument(
        "--published",
        help="publication date (YYYY, YYYY-MM or YYYY-MM-DD); "
        "default: a dateline near the top of the text",
    )
    p.add_argument("--title", help="title of the source (default: the first line of the text)")


def run(args: argparse.Namespace, write: Callable[[str], int | None] | None = None) -> int:
    """``factcheck extract``: print or write the drafted fact file; 2 on bad input.

    ``write`` prints the draft and gives an exit code when it cannot (the command line
    passes its own, so that a full disk or a closed pipe ends without a traceback)."""
    try:
        text = _read_text(Path(args.snapshot))
        source_id = _source_id(args)
        if args.published:
            try:
                PartialDate.parse(args.published)
            except ValueError as exc:
                raise FactcheckError([LoadError("--published", None, "", str(exc))]) from None
        from factcheck.io.load import load

        corpus = load(args.facts)
        if corpus.errors:
            # Drafting from part of a vocabulary would silently propose less: say what to fix.
            note = "the corpus whose entities and properties are proposed must load without errors"
            raise FactcheckError([*corpus.errors, LoadError(args.facts, None, "", note)])
        missing = [n for n in (UNIDENTIFIED,) if n not in corpus.entities] + [
            n for n in (UNREVIEWED_NUMBER, UNREVIEWED_DATE) if n not in corpus.properties
        ]
        if missing:
            print(
                f"factcheck extract: warning: {args.facts} does not define {', '.join(missing)}; "
                "the draft will not load there until it does",
                file=sys.stderr,
            )
        draft = draft_fact_file(
            text,
            source_id,
            corpus=corpus,
            published=args.published,
            title=args.title,
            snapshot_file=Path(args.snapshot).name,
        )
    except FactcheckError as exc:
        print(exc, file=sys.stderr)
        return 2
    out = draft.to_yaml(Path(args.snapshot).name)
    if args.out:
        return _write_file(Path(args.out), out, len(draft.claims), args.force)
    if write is not None:  # the command line's writer: a full disk or closed pipe ends quietly
        return write(out) or 0
    sys.stdout.write(out)
    return 0


def _source_id(args: argparse.Namespace) -> str:
    """The new source's id: ``--source-id``, checked, or one made from the file name."""
    source_id: str | None = args.source_id
    if source_id is None:
        source_id = default_source_id(Path(args.snapshot))
        if not source_id:
            message = "no id can be made from the file name: give --source-id"
            raise FactcheckError([LoadError(args.snapshot, None, "", message)])
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", source_id):
        message = f"{source_id!r} is not a valid id: use lower-case letters, digits and dashes"
        raise FactcheckError([LoadError("--source-id", None, "", message)])
    return source_id


def default_source_id(snapshot: Path) -> str:
    """The id a source gets from its snapshot's file name: ``BBC Timeline (2025).txt``
    gives ``bbc-timeline-2025``; empty when the name has no letter or digit of a-z, 0-9."""
    return re.sub(r"[^a-z0-9]+", "-", snapshot.stem.lower()).strip("-")


def _write_file(target: Path, out: str, claims: int, force: bool) -> int:
    if target.exists() and not force:
        print(f"{target}: exists; not overwritten (use --force)", file=sys.stderr)
        return 2
    try:
        target.write_text(out, encoding="utf-8")
    except OSError as exc:
        print(f"{target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"{target}: {claims} draft claims", file=sys.stderr)
    return 0


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FactcheckError(
            [LoadError(str(path), None, "", f"cannot read file: {exc.strerror or exc}")]
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FactcheckError(
            [LoadError(str(path), line, "", f"not valid UTF-8 (byte {exc.start})")]
        ) from None
