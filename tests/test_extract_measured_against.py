"""factcheck.extract.measured_against: what a figure is measured against is not its subject."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import find_mentions
from factcheck.extract.measured_against import measured_against


def _left_out(text: str, names: list[str]) -> tuple[list[str], list[str]]:
    found = [(text.index(n), text.index(n) + len(n), n) for n in names]
    [m] = [x for x in find_mentions(text) if x.kind == "quantity"]
    kept, notes = measured_against(text, (0, len(text)), found, m)
    return [e for _, _, e in kept], notes


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        ("Lemma was 21 seconds slower than Mutai's split.", ["Lemma", "Mutai"], ["Lemma"]),
        ("Spain grew 3% more than the United States.", ["Spain", "United States"], ["Spain"]),
        # a length in words, the place after "from" and a bracketed restatement
        (
            "Nantes, about six miles (10 kilometers) from Megantic.",
            ["Nantes", "Megantic"],
            ["Nantes"],
        ),
        ("The quake struck 110 miles east of Tijuana.", ["Tijuana"], []),
        # no comparison, no distance: every entity stays
        ("Lemma ran 21 seconds faster in Boston.", ["Lemma", "Boston"], ["Lemma", "Boston"]),
    ],
)
def test_what_a_figure_is_measured_against(text: str, names: list[str], kept: list[str]) -> None:
    left, notes = _left_out(text, names)
    assert left == kept
    assert len(notes) == (len(kept) < len(names))


@given(st.sampled_from(["Mutai", "Boston", "Acme"]), st.integers(1, 999))
def test_an_entity_after_than_is_never_kept(name: str, n: int) -> None:
    """Whatever the name and figure, the standard of a comparison is left out, and said."""
    text = f"Lemma finished {n} seconds behind, slower than {name}."
    left, notes = _left_out(text, ["Lemma", name])
    assert name not in left and "Lemma" in left
    assert notes == [f"not {name!r}: what the figure is compared with"]
