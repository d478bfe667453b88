"""The words the human reporters share (factcheck.report.wording)."""

from __future__ import annotations

import pytest

from factcheck import AuditResult, Citation
from factcheck.report.wording import source_name, summary_line


@pytest.mark.parametrize(
    ("title", "publisher", "expected"),
    [
        ("Title", "Izvestia", 'Izvestia, "Title"'),
        ("Title", None, '"Title"'),
        ("", "Izvestia", "src-id"),
    ],
)
def test_a_source_is_named_as_people_name_it(
    title: str, publisher: str | None, expected: str
) -> None:
    citation = Citation(
        file="f.yaml",
        line=1,
        source="src-id",
        claim="c",
        title=title,
        quote="q",
        publisher=publisher,
    )
    assert source_name(citation) == expected


def test_the_summary_line_counts_everything() -> None:
    assert summary_line(AuditResult(conflicts=(), errors=(), rules_run=())) == (
        "0 conflicts (0 errors, 0 warnings, 0 info, 0 waived), 0 load errors"
    )
