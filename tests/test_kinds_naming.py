"""The ``naming`` check kind: quotes using a name marked as an error."""

from __future__ import annotations

import importlib
import re
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.rules.kinds import naming

from .conftest import MakeCorpus
from .kind_corpora import (
    CAP,
    ES,
    PROPS,
    WRONG,
    Case,
    S,
    Sources,
    audit_files,
    check_case,
    check_perturbation,
    files,
    shuffled_audits_agree,
)

CASES: list[Case] = [
    (
        "misspelling in quote",
        "kind: naming, severity: info",
        {"a": [f"{WRONG} the Centro de Confiramiento del Terrorismo"]},
        {S("a/x")},
    ),
    (
        "canonical name",
        "kind: naming, severity: info",
        {"a": [f"{WRONG} the CECOT prison"]},
        set(),
    ),
    (
        "part of a word is not a name",
        "kind: naming, severity: info",
        {"a": [f"{WRONG} Megathormy things"]},
        set(),
    ),
    (
        "longest variant only",
        "kind: naming, severity: info",
        {"a": [f"{WRONG} the CECOT   Megathorm"]},
        {S("a/x")},
    ),
    (
        "one source, one variant, two claims quoting it: one finding",
        "kind: naming, severity: info",
        {"a": [f"{WRONG} Megathorm walls", f"{WRONG.replace('id: x', 'id: y')} Megathorm cells"]},
        {S("a/x", "a/y")},
    ),
    (
        "two sources writing it: one finding each",
        "kind: naming, severity: info",
        {"a": [f"{WRONG} Megathorm"], "b": [f"{WRONG} megathorm"]},
        {S("a/x"), S("b/x")},
    ),
]


@pytest.mark.parametrize(("name", "rule", "sources", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_table(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    check_case(make_corpus(files(rule, sources), defaults=False), "naming", rule, expected)


@pytest.mark.parametrize(
    ("name", "rule", "sources", "expected"),
    [c for c in CASES if c[3]],
    ids=[c[0] for c in CASES if c[3]],
)
def test_claim_order_does_not_matter(
    make_corpus: MakeCorpus, name: str, rule: str, sources: Sources, expected: set[frozenset[str]]
) -> None:
    shuffled_audits_agree(make_corpus(files(rule, sources), defaults=False))


@PROPS
@given(
    words=st.lists(
        st.sampled_from(["CECOT", "prison", "the", "Terrorism", "center", "El", "Salvador"]),
        min_size=1,
        max_size=8,
    )
)
def test_naming_properties(words: list[str]) -> None:
    rule = "kind: naming, severity: info"
    quote = " ".join(words)
    clean = {
        "a": [f"id: x, {CAP}, value: 1, quote: {quote}", f"id: y, {CAP}, value: 1, quote: {quote}"]
    }
    perturbed = {"a": [f"id: x, {CAP}, value: 1, quote: {quote} Megathorm", clean["a"][1]]}
    check_perturbation(rule, clean, perturbed, "a/x")


def test_words_fold_together_what_ignorecase_takes_for_one_another() -> None:
    """Every class of characters re.IGNORECASE equates gives one key in ``_words``, and
    no other character turns into a word character, so the index misses no match."""
    sre = importlib.import_module("_sre")  # what re compiles IGNORECASE literals with
    extra = importlib.import_module("re._casefix")._EXTRA_CASES
    classes: dict[int, set[str]] = {}
    for code in range(sys.maxunicode + 1):
        # How re compiles a literal under IGNORECASE (re._compiler).
        if sre.unicode_iscased(code):
            lower = sre.unicode_tolower(code)
            key = min({lower, *extra.get(lower, ())})
            classes.setdefault(key, set()).add(chr(code))
    for chars in classes.values():
        keys = {tuple(naming._words(f"x{c}x")) for c in chars}
        assert len(keys) == 1, sorted(chars)
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if c != naming._YPOGEGRAMMENI and not word.match(c):
            assert naming._words(c) == [], hex(code)


# Letters that case folding treats specially: long s, Kelvin sign, dotless and dotted I,
# final sigma, the iota subscript (not a word character), micro sign, sharp s.
_TRICKY = "aSs\u017fKk\u212a\u0131Ii\u0130\u03a3\u03c3\u03c2\u0345\u03b9\u00b5\u03bc\u00df\u1e9e12"


@st.composite
def _names_and_text(draw: st.DrawFn) -> tuple[list[str], str]:
    """Names from letters case folding treats specially, and a text made of pieces of them
    (case changed, spaces varied) and other bits."""
    word = st.text(st.sampled_from(_TRICKY + ".-'"), min_size=1, max_size=4)
    names = draw(
        st.lists(
            st.lists(word, min_size=1, max_size=3).map(" ".join).filter(str.strip),
            min_size=1,
            max_size=5,
        )
    )
    piece = st.one_of(
        st.sampled_from(names).map(str.upper),
        st.sampled_from(names).map(str.swapcase),
        st.sampled_from(names).map(lambda n: "\t ".join(n.split(" "))),
        st.sampled_from(names),
        st.text(st.sampled_from(_TRICKY + " ,.\n"), max_size=4),
    )
    return names, "".join(draw(st.lists(piece, max_size=5)))


@settings(max_examples=500, deadline=None)
@given(_names_and_text())
@example((["K\u0131r\u015fehir"], "KIR\u015eEH\u0130R; Kir\u015fehir"))
@example((["\u017ftep 1"], "STEP 1, step 12"))
@example((["\u03b9x"], "\u0345x \u03b9x"))
@example((["a\u0345x"], "A\u03b9X"))
@example((["Foo"], "x\u0345Foo"))
def test_finder_finds_what_the_alternation_of_every_name_finds(
    case: tuple[list[str], str],
) -> None:
    names, text = case
    every = naming._variants(names).finditer(text)
    found = naming._Finder(names).finditer(text)
    assert [(m.span(), m.group()) for m in found] == [(m.span(), m.group()) for m in every]


def test_naming_finding_cites_where_the_source_names_it_correctly() -> None:
    rule = "kind: naming"
    wrong = (
        "id: w, subject: cecot, property: capacity, value: 1,"
        " quote: Centro de Confiramiento del Terrorismo"
    )
    right = "id: r, subject: cecot, property: inmates, value: 2, quote: the CECOT prison"
    other = "id: r, subject: cecot, property: inmates, value: 2, quote: the CECOT prison"
    # Another source's claim naming it right but about something else is not looked at
    # (the hook loads other sources' claims about the entity only); nor is one that does
    # not name it.
    aside = "id: s, subject: el-salvador, property: population, value: 3, quote: the CECOT prison"
    unnamed = "id: t, subject: cecot, property: capacity, value: 4, quote: the prison"
    result = audit_files(files(rule, {"a": [wrong, right], "b": [other, aside, unnamed]}))
    (conflict,) = result.conflicts
    assert conflict.refs == {"a/w", "a/r", "b/r"}
    assert conflict.support == ("a/r", "b/r")
    assert "names 'Terrorism Confinement Center' correctly in a/r" in conflict.message
    assert "other sources name it correctly: b/r" in conflict.message


def test_naming_cites_a_few_other_sources_and_keeps_its_key() -> None:
    rule = "kind: naming"
    # The misnamed entity need not be the claim's subject.
    wrong = f"id: w, {ES}, property: population, value: 1, quote: the CECOT Megathorm"
    others = {s: [f"id: c, {CAP}, value: 40000, quote: the CECOT prison"] for s in "bcdef"}
    alone = audit_files(files(rule, {"a": [wrong]}))
    result = audit_files(files(rule, {"a": [wrong], **others}))
    (conflict,) = result.conflicts
    assert conflict.support == ("b/c", "c/c", "d/c")
    assert "other sources name it correctly: b/c, c/c, d/c and 2 more" in conflict.message
    # Support is evidence, not what the finding is about: the key does not move.
    (before,) = alone.conflicts
    assert before.support == () and before.key == conflict.key
