"""factcheck.extract.sentences: splitting a text into verbatim sentences."""

from __future__ import annotations

import pytest

from factcheck.extract import (
    split_sentences,
)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("U.S. Senator Rubio came. He left.", ["U.S. Senator Rubio came.", "He left."]),
        ("of which 14 thousand. \u2013 members", ["of which 14 thousand. \u2013 members"]),
        ("• A bullet.\n\nNext line", ["A bullet.", "Next line"]),
        ("It fell to 2.4. Then 3 rose", ["It fell to 2.4.", "Then 3 rose"]),
        ("Title\nBody text", ["Title", "Body text"]),
        # a zone after "p.m." belongs to the time; a capital after "p.m." starts a sentence
        ("At 5:26 p.m. ET A plane left.", ["At 5:26 p.m. ET A plane left."]),
        ("It ended at 5 p.m. The judge left.", ["It ended at 5 p.m.", "The judge left."]),
        # so do a day after "p.m." ("9:30 p.m. May 9"), and zones beyond the US ones
        ("At 9:30 p.m. May 9, it left.", ["At 9:30 p.m. May 9, it left."]),
        ("At 9 a.m. Sunday the gates open.", ["At 9 a.m. Sunday the gates open."]),
        ("It hit at 10 a.m. AEST. Then more.", ["It hit at 10 a.m. AEST.", "Then more."]),
        ("It ended at 5 p.m. May was cold.", ["It ended at 5 p.m.", "May was cold."]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences
