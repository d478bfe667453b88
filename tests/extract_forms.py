"""The check every extractor form table runs (tests/test_extract_dates.py, _numbers.py)."""

from __future__ import annotations

from factcheck.extract import find_mentions


def check_form(
    text: str,
    published: str | None,
    kind: str,
    value: object,
    unit: str | None,
    hedge: str,
    precision: str | None,
    flags: set[str],
) -> None:
    """``text`` holds one mention, read as the row says."""
    [m] = find_mentions(text, published)
    assert (m.kind, m.unit, m.hedge, m.precision, set(m.flags)) == (
        kind,
        unit,
        hedge,
        precision,
        flags,
    )
    assert m.value == value
    assert text[m.start : m.end] == m.text
    if "relative" in flags:
        assert m.note is not None and "publication date" in m.note
