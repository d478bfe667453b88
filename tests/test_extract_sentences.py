"""factcheck.extract.sentences: splitting a text into verbatim sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import (
    split_sentences,
)
from factcheck.extract.sentences import quote_start, sentence_of


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
        # a bracketed stamp heads the entry after it on its line, as live threads set them
        ("[11:23 p.m.] The bridge is open.", ["[11:23 p.m.] The bridge is open."]),
        ("(Updated 5 p.m.) It is open. Go.", ["(Updated 5 p.m.) It is open.", "Go."]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Intro.\n\u2014 11:30 p.m. EDT\nMore.", "\u2014 11:30 p.m. EDT"),
        ("Intro.\n  \u2022 Item one has 5.\n", "\u2022 Item one has 5."),
        ("Plain line here.\n", "Plain line here."),
        # only the sentence that opens the line takes the line's bullet
        ("- One. Two has 5.\n", "Two has 5."),
    ],
)
def test_quote_start_keeps_the_lines_bullet(text: str, quote: str) -> None:
    start, end = next((a, b) for a, b in split_sentences(text) if quote.endswith(text[a:b]))
    assert text[quote_start(text, start) : end] == quote
    assert sentence_of(quote) == text[start:end]


@given(
    st.sampled_from(["\u2014 ", "- ", "* ", "\u2022", "  \u2013 ", ""]), st.text("ab .", min_size=1)
)
def test_a_quote_is_its_sentence_and_at_most_a_bullet(bullet: str, body: str) -> None:
    text = "First.\n" + bullet + "Line " + body + "\n"
    for start, end in split_sentences(text):
        at = quote_start(text, start)
        assert at <= start
        assert not text[at:start].strip(" \u2014\u2013\u2022*-")
        assert sentence_of(text[at:end]) == text[start:end]


@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["a.m.", "p.m."]))
def test_a_bracketed_time_at_a_line_s_start_is_part_of_its_entry(
    hour: int, minute: int, ampm: str
) -> None:
    entry = f"[{hour}:{minute:02d} {ampm}] The southbound lanes reopened."
    text = f"Intro line.\n{entry}\nNext entry."
    assert [text[a:b] for a, b in split_sentences(text)] == ["Intro line.", entry, "Next entry."]
