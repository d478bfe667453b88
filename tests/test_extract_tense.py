"""factcheck.extract.tense: whether a sentence speaks of what is to come."""

from __future__ import annotations

import pytest

from factcheck.extract.tense import speaks_ahead


@pytest.mark.parametrize(
    ("sentence", "ahead"),
    [
        ("Roads will close at 7 a.m.", True),
        ("Streets are estimated to reopen by 9:30 a.m.", True),
        ("The launch is scheduled for 9 a.m.", True),
        ("Roads closed at 7 a.m.", False),
    ],
)
def test_speaks_ahead(sentence: str, ahead: bool) -> None:
    assert speaks_ahead(sentence, 0, sentence.index("a.m.")) is ahead
