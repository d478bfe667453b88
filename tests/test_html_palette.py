"""Source colours and conflict rings in the HTML report."""

from __future__ import annotations

import colorsys

import pytest

from factcheck.domain.conflict import AuditResult, Citation, Conflict, Severity
from factcheck.report.html.palette import RINGS, UNKNOWN_SOURCE, Look, Style, palette


def _hue(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


@pytest.mark.parametrize("n", [0, 1, 4, 5, 9, 12, 40, 200])
def test_palette_is_distinct_for_any_number_of_sources(n: int) -> None:
    colours = palette(n)
    assert len(colours) == n
    assert len({c.lower() for c in colours}) == n
    badges = {"#d7191c", "#b97800", "#6e7781", "#8c8c8c", "#444444"}
    assert not badges & {c.lower() for c in colours}
    for c in colours:
        # none in the hue bands of the error red and the warning amber
        assert not (_hue(c) >= 330 or _hue(c) < 60), c
    assert palette(n)[: min(n, 4)] == palette(4)[: min(n, 4)]  # stable: a prefix


def _conflict(severity: Severity, refs: list[str], waived: bool = False) -> Conflict:
    sides = tuple(
        Citation(
            file="f.yaml",
            line=1,
            source=r.split("/")[0],
            claim=r.split("/")[1],
            title="T",
            quote="q",
        )
        for r in refs
    )
    return Conflict("r", "agree", severity, "m", sides, waived=waived)


def test_a_claim_is_ringed_by_its_most_severe_conflict() -> None:
    result = AuditResult(
        conflicts=(
            _conflict("info", ["a/1", "b/1"]),
            _conflict("error", ["a/1", "c/1"], waived=True),
            _conflict("warning", ["b/1", "c/1"]),
            _conflict("error", ["d/1", "b/1"], waived=True),
        )
    )
    look = Look(colours={}, status={})
    status = Look.of(result, _Sources(["a", "b", "c"])).status  # type: ignore[arg-type]
    assert status == {"a/1": "info", "b/1": "warning", "c/1": "warning", "d/1": "waived"}
    assert look.colour("nowhere") == UNKNOWN_SOURCE


class _Sources:
    """Just what Look.of reads of a corpus: its source ids."""

    def __init__(self, ids: list[str]) -> None:
        self.sources = dict.fromkeys(ids)


def test_each_source_has_its_own_colour() -> None:
    look = Look.of(AuditResult(), _Sources(["b", "a", "c"]))  # type: ignore[arg-type]
    assert look.colours == dict(zip(["a", "b", "c"], palette(3), strict=True))


@pytest.mark.parametrize(
    ("ring", "text"),
    [(None, "#222222"), ("info", "#222222"), ("waived", "#222222"), ("error", RINGS["error"][0])],
)
def test_labels_take_the_colour_of_errors_and_warnings_only(ring: str | None, text: str) -> None:
    assert Style("#0072B2", ring).text_colour == text
    assert Style("#0072B2", "warning").text_colour == RINGS["warning"][0]


def test_the_package_name_palette_is_the_module() -> None:
    # A function re-exported under the submodule's name would hide the module from
    # ``import factcheck.report.html.palette as m`` and from patching by dotted path.
    import factcheck.report.html.palette as module

    assert module.__name__ == "factcheck.report.html.palette"
    assert module.palette is palette
