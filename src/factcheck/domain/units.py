"""Units: quantities of one dimension compared after conversion, with ``pint``.

A hand table of factors would cover the units someone thought of; pint knows the SI and
imperial units, their prefixes and spellings ("m", "metres", "ft", "feet", "km/h",
"hectares"). The registry takes a quarter of a second to build, so it is built the
first time two claims in different units meet, never on ``import factcheck``.

Units pint does not know (count nouns such as "inmates", currencies, "per 100k") are
compared only with the same unit; :func:`to_base` says ``None`` for them, and the
checks report such a pair as one that could not be compared. Most such pairs are two
count nouns ("people" against "inmates"), and building the registry only to learn that
pint knows neither cost the seed corpus's hook most of its time; :func:`_pint_may_know`
answers that from the words of pint's definition files, without building it.
"""

from __future__ import annotations

import importlib.util
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from factcheck.domain.values import Interval, intersects

__all__ = ["comparable", "in_common", "same_unit", "to_base"]


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


#: Words pint's parser turns into operators before it looks units up.
_OPERATOR_WORDS = frozenset(["per", "squared", "cubed", "cubic", "square", "sq"])
_RUN = re.compile(r"[A-Za-z0-9_]+|[^\sA-Za-z0-9_]")
_ASCII_OPERATOR = frozenset("*/^()-+.,%")


@lru_cache(maxsize=1)
def _pint_words() -> frozenset[str] | None:
    """Every word of pint's definition files (unit names, symbols, aliases, prefixes; and
    the words of their comments, which only makes the test below say "maybe" more often),
    or ``None`` when they cannot be read."""
    spec = importlib.util.find_spec("pint")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent
    try:
        texts = [f.read_bytes() for f in sorted(folder.glob("*.txt"))]
        for text in texts:
            text.decode("utf-8")  # text that is not UTF-8 is no definition file we know
    except (OSError, UnicodeDecodeError):
        return None
    if not texts:
        return None
    return frozenset(w for text in texts for w in _words(text))


#: Each byte that is not an ASCII letter or ``_`` made a space. A non-ASCII character's
#: UTF-8 bytes are all 0x80 or more, so they separate words as the character would.
_NOT_WORD: Final = bytes(
    b if (chr(b).isascii() and chr(b).isalpha()) or chr(b) == "_" else 0x20 for b in range(256)
)


def _words(text: bytes) -> list[str]:
    """The runs of ``[A-Za-z_]`` in UTF-8 ``text``: what ``re.findall`` gives, made in C
    (for pint's 38 kB of text, the words and their set take 1.5 ms of every seed hook,
    2.6 with the regular expression)."""
    return text.translate(_NOT_WORD).decode("ascii").split()


def _known_word(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` may be a prefix + a unit + an optional plural ``s``, as pint reads a
    unit's name."""
    if word in _OPERATOR_WORDS:
        return True
    for i in range(len(word) + 1):
        prefix, rest = word[:i], word[i:]
        if prefix and prefix not in words:
            continue
        if rest in words or (rest.endswith("s") and rest[:-1] in words):
            return True
    return False


@lru_cache(maxsize=4096)
def _pint_may_know(unit: str) -> bool:
    """``False`` only when pint certainly cannot read ``unit``: one of its words is no
    name pint defines. Anything unusual (digits inside a word, other scripts, symbols)
    is a "maybe", and the registry decides."""
    words = _pint_words()
    if words is None:
        return True
    for run in _RUN.findall(unit):
        if run.isdigit() or run in _ASCII_OPERATOR:
            continue
        if not run.isalpha() or not run.isascii():
            return True
        if not _known_word(run, words):
            return False
    return True


@lru_cache(maxsize=4096)
def _base(unit: str) -> tuple[str, float, float] | None:
    """``unit``'s dimensionality and the affine map (scale, offset) to its base unit."""
    if not _pint_may_know(unit):
        return None
    try:
        ureg = _registry()
        parsed = ureg.parse_units(unit)
        zero = ureg.Quantity(0.0, parsed).to_base_units()
        one = ureg.Quantity(1.0, parsed).to_base_units()
    except Exception:  # pint raises several unrelated types for text it cannot read
        return None
    return str(parsed.dimensionality), one.magnitude - zero.magnitude, zero.magnitude


def to_base(value: Interval, unit: str) -> tuple[str, Interval] | None:
    """``value`` in ``unit`` as its dimension and the interval in base units, or
    ``None`` when pint does not know the unit."""
    found = _base(unit)
    if found is None:
        return None
    dim, scale, offset = found
    if scale <= 0:
        return None

    def end(x: float) -> float:
        return x if math.isinf(x) else x * scale + offset

    return dim, Interval(end(value.lo), end(value.hi), value.lo_open, value.hi_open)


@lru_cache(maxsize=4096)
def same_unit(a: str, b: str) -> bool:
    """Whether two spellings name one unit ("mi" and "miles", "min" and "minutes", "s" and
    "seconds"): the same text, or units pint reads as equal (one dimension, one scale and
    offset). Count nouns pint does not know are the same only as written; a degree of
    angle is no degree Fahrenheit."""
    if a == b:
        return True
    x, y = _base(a), _base(b)
    if x is None or y is None or x[0] != y[0]:
        return False
    return math.isclose(x[1], y[1], rel_tol=1e-9) and math.isclose(x[2], y[2], abs_tol=1e-9)


def comparable(a: Interval, a_unit: str | None, b: Interval, b_unit: str | None) -> bool | None:
    """Whether ``a`` and ``b`` can both be true, comparing across units; ``None`` when
    the two units cannot be compared (unknown to pint, or of different dimensions)."""
    if a_unit == b_unit:
        return intersects(a, b)
    if a_unit is None or b_unit is None:
        return None
    x, y = to_base(a, a_unit), to_base(b, b_unit)
    if x is None or y is None or x[0] != y[0]:
        return None
    # Converted figures carry floating-point error: a figure and its exact conversion
    # must still meet.
    return intersects(_slack(x[1]), _slack(y[1]))


_RELATIVE: float = 1e-9


def _slack(v: Interval) -> Interval:
    return Interval(v.lo - abs(v.lo) * _RELATIVE, v.hi + abs(v.hi) * _RELATIVE)


def in_common(
    a: Interval, a_unit: str | None, b: Interval, b_unit: str | None
) -> tuple[Interval, Interval]:
    """``a`` and ``b`` in one unit when their units convert into one another (base units),
    else as they are: counts in different nouns ("people", "inmates") are compared as
    counts by the checks that relate two properties (``bound``, ``trend``)."""
    if a_unit == b_unit or a_unit is None or b_unit is None:
        return a, b
    x, y = to_base(a, a_unit), to_base(b, b_unit)
    if x is None or y is None or x[0] != y[0]:
        return a, b
    return x[1], y[1]
