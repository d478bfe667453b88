"""Where claims, rules and waivers were written (factcheck.domain.places)."""

from __future__ import annotations

from factcheck.domain.places import PLACE_KEYS, ClaimPlace


def _place(**lines: int) -> ClaimPlace:
    return ClaimPlace("a.yaml", 10, 2, tuple(lines.get(k) for k in PLACE_KEYS))


def test_a_key_has_its_own_line_else_the_claims() -> None:
    place = _place(value=13, subject=11)
    assert (place.of("value"), place.of("subject")) == (13, 11)
    assert place.of("property") == 10  # absent: the claim's line
    assert place.of("hedge") == 10  # a key whose line is not kept


def test_the_quote_line_is_the_quotes_else_the_basis_else_the_claims() -> None:
    assert _place(quote=14, basis=15).quote_line == 14
    assert _place(basis=15).quote_line == 15
    assert _place().quote_line == 10
