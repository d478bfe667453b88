"""Small corpora for the command-line tests, written under a temporary directory that
becomes the working directory: ``facts/`` (conflicts), ``clean/facts`` (none),
``warn/facts`` (a warning only), ``broken/facts`` (a bad file) and ``loose.yaml``
(outside any corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import CAPACITY_RULE, ENTITIES, OPENED_RULE, PROPERTIES, source_yaml

RULES = CAPACITY_RULE + OPENED_RULE

#: a and b contradict each other on capacity (error) and on the opening (warning);
#: d says something nobody disputes.
SOURCES = {
    "sources/a.yaml": source_yaml(
        "a",
        """
        - {id: cap, subject: cecot, property: capacity, value: 40000, quote: "holds 40,000"}
        - {id: opened, subject: cecot, property: opened, value: 2023-02, quote: "opened 2023"}
        """,
    ),
    "sources/b.yaml": source_yaml(
        "b",
        """
        - {id: cap, subject: CECOT, property: capacity, value: 20000, quote: "holds 20,000"}
        - {id: opened, subject: cecot, property: opened, value: 2022, quote: "opened 2022"}
        """,
    ),
    "sources/d.yaml": source_yaml(
        "d",
        """
        - {id: inmates, subject: cecot, property: inmates, value: 15000, quote: "15,000 held"}
        """,
    ),
}

BROKEN = source_yaml(
    "e",
    """
    - id: cap
      subject: cecot
      property: capacity
      valeu: 40000
      quote: "typo"
    """,
)

#: One row of a command's table: case id, argv, exit code, fragments that must appear in
#: its output (stdout and stderr), fragments that must not.
Row = tuple[str, list[str], int, list[str], list[str]]


def write(root: Path, files: dict[str, str]) -> None:
    """Write a corpus at ``root``: the default entities and properties, and ``files``."""
    for name, body in {"entities.yaml": ENTITIES, "properties.yaml": PROPERTIES, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")


def build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The corpora of this module under ``tmp_path``, now the working directory."""
    more = "entities:\n  - {id: rikers, name: Rikers Island, kind: prison}\n"
    write(tmp_path / "facts", {"rules.yaml": RULES, "more.yaml": more, **SOURCES})
    write(
        tmp_path / "clean" / "facts",
        {"rules.yaml": RULES, "sources/d.yaml": SOURCES["sources/d.yaml"]},
    )
    write(
        tmp_path / "warn" / "facts",
        {
            "rules.yaml": RULES,
            "sources/a.yaml": SOURCES["sources/a.yaml"],
            "sources/b.yaml": SOURCES["sources/b.yaml"].replace("20000", "40000"),
        },
    )
    write(tmp_path / "broken" / "facts", {"rules.yaml": RULES, **SOURCES, "sources/e.yaml": BROKEN})
    (tmp_path / "loose.yaml").write_text("rules: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def run_row(
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    present: list[str],
    absent: list[str],
) -> str:
    """Run ``factcheck argv``; check its exit code and output; the output."""
    from factcheck.cli import main

    assert main(argv) == code
    captured = capsys.readouterr()
    out = captured.out + captured.err
    for fragment in present:
        assert fragment in out
    for fragment in absent:
        assert fragment not in out
    return out
