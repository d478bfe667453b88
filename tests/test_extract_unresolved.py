"""factcheck.extract.unresolved: what a sentence holds that drafting could not read."""

from __future__ import annotations

import pytest

from factcheck.domain.values import PartialDate
from factcheck.extract.draft import find_mentions
from factcheck.extract.unresolved import unresolved


@pytest.mark.parametrize(
    ("sentence", "published", "listed"),
    [
        # a time with no date before it to give its day
        ("The plane landed at 5:26 p.m.", "2025", ["time '5:26 p.m.'"]),
        # a weekday needs the publication day; a relative date the publication date
        ("It happened on Sunday.", "2025-03", ["'Sunday'"]),
        ("She visited in March this year.", None, ["'March this year'"]),
        # resolved: nothing listed
        ("It happened on Sunday.", "2025-03-18", []),
        ("She visited in March this year.", "2025-04-01", []),
        ("It holds 52,000 inmates.", None, []),
    ],
)
def test_what_cannot_be_read_is_listed_with_why(
    sentence: str, published: str | None, listed: list[str]
) -> None:
    pub = PartialDate.parse(published) if published else None
    sent = (0, len(sentence))
    mentions = find_mentions(sentence, pub, start=0, end=len(sentence))
    got = unresolved(sentence, sent, mentions, pub)
    assert [x for x in listed if not any(u.startswith(x) for u in got)] == []
    assert bool(got) == bool(listed)
    assert all(repr(sentence) in u for u in got)
