"""The HTML audit report: one self-contained page a newcomer can read without the YAML.

:func:`render_html` turns an :class:`~factcheck.AuditResult` and the corpus it came from
into a single HTML document: a summary, one section per conflict with both sides' quotes
and sources, and a timeline chart (inline SVG) for every subject and property whose
figures or dates the sources give at several times. The page loads nothing: no scripts,
fonts, images or style sheets from anywhere (a Content-Security-Policy says so to the
browser), so it can be mailed, archived or opened offline as it is.

Charts are drawn here as plain SVG rather than with a plotting library: the glyphs that
matter (open and closed interval ends, "more than" arrows, bound lines, conflict rings)
are specific to hedged claims, and a few hundred lines of SVG keep the report free of a
heavy dependency.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape
from typing import Final

from factcheck._version import __version__
from factcheck.domain.conflict import SEVERITIES, AuditResult, Conflict
from factcheck.domain.corpus import Corpus, Fact
from factcheck.domain.values import DateSpan, Interval, PartialDate, parse_quantity

__all__ = ["render_html"]

_YOf = Callable[[float], float]

# Sources' colours start with the colour-blind-safe Okabe-Ito hues that stay apart from
# the badges and rings (no orange or vermillion, near the warning and error reds; no
# black or grey, the info and waived marks; no yellow, unreadable on white).
_PALETTE: Final = ("#0072B2", "#009E73", "#CC79A7", "#56B4E9")
_CONFLICT: Final = "#D7191C"
#: A citation of no source (a waiver, say): neutral, no source's colour.
_UNKNOWN_SOURCE: Final = "#444444"
#: Hue bands (degrees) kept for severities: red (error) and orange to amber (warning).
_RESERVED_HUES: Final = ((330.0, 360.0), (0.0, 60.0))
_GOLDEN_ANGLE: Final = 137.50776405003785


def palette(n: int) -> list[str]:
    """``n`` source colours, all different, none in the severities' hue bands.

    The first are :data:`_PALETTE`; after it, hues step by the golden angle (each new
    hue falls in the widest gap left), skipping the reserved bands, and three lightness
    levels alternate so that neighbours in hue still differ in lightness.
    """
    import colorsys

    out = list(_PALETTE[:n])
    seen = {c.lower() for c in out}
    hue = 200.0
    i = 0
    while len(out) < n:
        i += 1
        hue = (hue + _GOLDEN_ANGLE) % 360.0
        if any(lo <= hue < hi for lo, hi in _RESERVED_HUES):
            continue
        lightness = (0.32, 0.45, 0.58)[i % 3]
        r, g, b = colorsys.hls_to_rgb(hue / 360.0, lightness, 0.75)
        colour = f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"
        if colour.lower() not in seen:
            seen.add(colour.lower())
            out.append(colour)
    return out


#: The ring around a claim in a conflict, by the most severe conflict it is in: an error
#: is unmistakable, an info finding (a misspelt name, say) only marked.
_RINGS: Final = {
    "error": (_CONFLICT, None),
    "warning": ("#B35806", None),
    "info": ("#6E7781", "2 2"),
    "waived": ("#8C8C8C", "5 3"),
}
_BADGE: Final = {"error": "conflict", "warning": "warning", "info": "info", "waived": "waived"}
_MONTHS: Final = (
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
)
_HEDGE_WORDS: Final = {
    "about": "about",
    "more-than": "more than",
    "at-least": "at least",
    "less-than": "less than",
    "at-most": "at most",
    "almost": "almost",
    "before": "before",
    "after": "after",
    "not-before": "no earlier than",
    "not-after": "no later than",
}
# Hedges whose interval end at the stated figure is open (the figure itself is excluded).
_OPEN_AT_FIGURE: Final = frozenset({"more-than", "less-than", "almost", "before", "after"})


def render_html(result: AuditResult, corpus: Corpus) -> str:
    """Render the audit of ``corpus`` as one self-contained HTML document.

    Every piece of text from the corpus is escaped. The page has no scripts and
    references no external resource.
    """
    report = _Report(result, corpus)
    return report.render()


# --- formatting ---------------------------------------------------------------------


def _num(x: float) -> str:
    """``40,000``, ``2.4``, ``97.7``: thousands separators, no spurious decimals."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == round(x) or abs(x) >= 1000:
        return f"{round(x):,}"
    return f"{x:,.3g}" if abs(x) < 10 else f"{x:,.1f}".rstrip("0").rstrip(".")


def _date_text(value: str | int) -> str:
    """A partial date as people read it: ``2023``, ``January 2023``, ``31 January 2023``."""
    try:
        d = PartialDate.parse(value)
    except ValueError:
        return str(value)
    if d.instant is not None:
        clock = "%H:%M:%S" if d.resolution < timedelta(minutes=1) else "%H:%M"
        zone = " UTC" if d.zoned else " (local time)"
        return d.instant.strftime(f"%d %B %Y, {clock}").lstrip("0") + zone
    part = f"{d.part} " if d.part else ""
    if d.month is None:
        return f"{part}{d.year}"
    month = _MONTHS[1][d.month - 1]
    return f"{d.day} {month} {d.year}" if d.day else f"{part}{month} {d.year}"


def _says(fact: Fact, *, unit: bool = True) -> str:
    """What the claim says, in words: ``more than 40,000 people`` (``unit=False``: no unit)."""
    c = fact.claim
    hedge = _HEDGE_WORDS.get(c.hedge, "")
    if fact.prop.type == "date" and not isinstance(c.value, bool | tuple | float):
        text = _date_text(c.value)
    elif isinstance(c.value, tuple):
        lo, hi = (_num(x) if isinstance(x, int | float) else _date_text(x) for x in c.value)
        text = f"between {lo} and {hi}" if c.hedge == "between" else f"{lo} to {hi}"
    elif isinstance(c.value, bool):
        text = "yes" if c.value else "no"
    elif isinstance(c.value, int | float):
        text = _num(c.value)
    elif fact.prop.type == "quantity":
        text = _quantity_text(c.value)
    else:
        text = str(c.value)
    if hedge:
        text = f"{hedge} {text}"
    if unit and fact.prop.type == "quantity" and fact.unit:
        text = _with_unit(text, fact.unit)
    return text


def _with_unit(text: str, unit: str) -> str:
    if unit == "percent":
        return f"{text}%"
    if unit == "USD":
        # "$" goes on the figure, after any hedge word: "about $6,000,000".
        head, _, figure = text.rpartition(" ")
        return f"{head} ${figure}".strip() if figure[:1].isdigit() else f"{text} USD"
    return f"{text} {unit}"


def _quantity_text(written: str) -> str:
    """ "14,5 thousand" as ``14,500``: one way of writing numbers across the report."""
    try:
        number, _unit = parse_quantity(written)
    except ValueError:
        return written
    return _num(number)


def _time_text(fact: Fact) -> str:
    """When the claim holds: its as_of or period, else the publication date."""
    c = fact.claim
    if c.as_of:
        return f"as of {_date_text(c.as_of)}"
    if c.period:
        start = _date_text(c.period.start) if c.period.start else "…"
        end = _date_text(c.period.end) if c.period.end else "…"
        return f"{start} to {end}"
    if fact.source.published:
        return f"published {_date_text(fact.source.published)}"
    return "reference fact" if fact.source.kind == "reference" else "no date"


def _source_name(fact_or_source: Fact | str, corpus: Corpus) -> str:
    """A short readable name: the publisher, else the source id."""
    sid = fact_or_source.source.id if isinstance(fact_or_source, Fact) else fact_or_source
    sf = corpus.sources.get(sid)
    if sf is None:
        return sid
    s = sf.source
    if s.kind == "reference":
        return f"Reference: {s.id}"
    return s.publisher or s.id


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


# --- series -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Series:
    """The claims of one chart: one subject, one property (and unit), plus its bounds."""

    subject: str
    prop: str
    kind: str  # "quantity" or "date"
    unit: str | None
    facts: tuple[Fact, ...]
    bounds: tuple[Fact, ...]

    @property
    def anchor(self) -> str:
        unit = f"-{_slug(self.unit)}" if self.unit else ""
        return f"chart-{self.subject}-{self.prop}{unit}"


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def _bounds(corpus: Corpus) -> dict[str, set[str]]:
    """Measured property -> the properties that bound it, from the rules of kind ``bound``.

    A bound rule selects the measured property (``inmates``) and names its bound in a
    parameter (``max: capacity``); any parameter naming a property counts, so a ``min``
    bound is drawn the same way.
    """
    out: dict[str, set[str]] = {}
    for rule in corpus.rules:
        if rule.kind != "bound" or not rule.select.property:
            continue
        named: list[str] = []
        for value in rule.params.values():
            items = value if isinstance(value, list) else [value]
            named += [v for v in items if isinstance(v, str) and v in corpus.properties]
        for measured in rule.select.property:
            out.setdefault(measured, set()).update(n for n in named if n != measured)
    return out


def _series(corpus: Corpus, conflicts: Sequence[frozenset[str]]) -> list[_Series]:
    """Every subject/property worth a chart.

    Quantities given at several times with different values, dates given differently,
    anything in a conflict, and any quantity with a bound (such as capacity) to draw it
    against. A bound drawn on another chart gets no chart of its own unless its own
    claims disagree among themselves.
    """
    groups: dict[tuple[str, str, str | None], list[Fact]] = defaultdict(list)
    for f in corpus.facts:
        if f.prop.type == "quantity" and isinstance(f.value, Interval):
            groups[(f.subject, f.prop.id, f.unit)].append(f)
        elif f.prop.type == "date" and isinstance(f.value, DateSpan):
            groups[(f.subject, f.prop.id, None)].append(f)
    bounds = _bounds(corpus)
    bound_of: dict[tuple[str, str], list[Fact]] = {}
    for subject, prop, _unit in groups:
        for b in sorted(bounds.get(prop, ())):
            for (s2, p2, _u2), bfacts in groups.items():
                if s2 == subject and p2 == b:
                    bound_of.setdefault((subject, prop), []).extend(bfacts)
    drawn_as_bound = {(f.subject, f.prop.id) for bf in bound_of.values() for f in bf}
    conflicted = {r for refs in conflicts for r in refs}
    out: list[_Series] = []
    for (subject, prop, unit), facts in sorted(groups.items(), key=lambda kv: _group_key(kv[0])):
        facts.sort(key=lambda f: (_sort_time(f), f.ref))
        refs = {f.ref for f in facts}
        several = len(facts) >= 2
        in_conflict = several and bool(refs & conflicted)
        bound_facts = tuple(sorted(bound_of.get((subject, prop), ()), key=lambda f: f.ref))
        values = {f.value for f in facts}
        if facts[0].prop.type == "date":
            wanted = len(values) >= 2 or in_conflict
        elif (subject, prop) in drawn_as_bound:
            wanted = any(len(c) >= 2 and c <= refs for c in conflicts)
        else:
            times = {f.when for f in facts if f.when is not None}
            wanted = (len(times) >= 2 and len(values) >= 2) or in_conflict
            wanted = wanted or (bool(bound_facts) and bool(times))
        if wanted:
            out.append(_Series(subject, prop, facts[0].prop.type, unit, tuple(facts), bound_facts))
    return out


def _group_key(key: tuple[str, str, str | None]) -> tuple[str, str, str]:
    return (key[0], key[1], key[2] or "")


def _sort_time(f: Fact) -> datetime:
    return f.when.start if f.when is not None else datetime.max


# --- SVG charts ---------------------------------------------------------------------

_W: Final = 880
_LEFT: Final = 84
_RIGHT: Final = 190
_TOP: Final = 24


def _days(t: datetime) -> float:
    return (t - datetime(1970, 1, 1)).total_seconds() / 86400


_FIRST_DAY: Final = _days(datetime(1, 1, 1))
_LAST_DAY: Final = _days(datetime(9999, 12, 31))


def _from_days(d: float) -> datetime:
    # Axis padding may reach past the calendar's ends; ticks there are simply not drawn.
    return datetime(1970, 1, 1) + timedelta(days=min(max(d, _FIRST_DAY), _LAST_DAY))


def _is_open(t: datetime) -> bool:
    """Open-ended spans use the extreme datetimes of :mod:`factcheck.domain.values`."""
    return t.year <= 1 or t.year >= 9999


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / max(target, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _value_ticks(lo: float, hi: float) -> list[float]:
    step = _nice_step(hi - lo)
    first = math.ceil(lo / step) * step
    ticks = []
    x = first
    while x <= hi + step * 1e-9:
        ticks.append(round(x, 10))
        x += step
    return ticks


def _time_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Tick positions (days) and labels for a time axis from ``lo`` to ``hi`` (days)."""
    a, b = _from_days(lo), _from_days(hi)
    years = (hi - lo) / 365.25
    ticks: list[tuple[float, str]] = []
    if years > 4:
        step = max(1, int(_nice_step(years, 6)))
        y = (a.year // step + 1) * step
        while y <= b.year:
            ticks.append((_days(datetime(y, 1, 1)), str(y)))
            y += step
        return ticks
    months = 1 if years <= 0.6 else 3 if years <= 2 else 6
    if (hi - lo) < 45:
        day = datetime(a.year, a.month, a.day) + timedelta(days=1)
        step_days = max(1, round((hi - lo) / 6))
        while day <= b:
            ticks.append((_days(day), f"{day.day} {_MONTHS[0][day.month - 1]} {day.year}"))
            day += timedelta(days=step_days)
        return ticks
    y, m = a.year, a.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        if (m - 1) % months:
            continue
        t = datetime(y, m, 1)
        if t > b:
            break
        label = str(y) if m == 1 else f"{_MONTHS[0][m - 1]} {y}"
        ticks.append((_days(t), label))
    return ticks


class _Svg:
    """A tiny SVG builder: every attribute and text escaped."""

    def __init__(self, width: int, height: int, label: str, css_class: str) -> None:
        self.width, self.height = width, height
        self.parts: list[str] = []
        self.head = (
            f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" role="img" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'aria-label="{_e(label)}">'
        )

    def add(
        self, tag: str, text: str | None = None, title: str | None = None, **attrs: object
    ) -> None:
        rendered = " ".join(
            f'{k.rstrip("_").replace("_", "-")}="{_e(v)}"'
            for k, v in attrs.items()
            if v is not None
        )
        inner = (f"<title>{_e(title)}</title>" if title else "") + (_e(text) if text else "")
        if inner:
            self.parts.append(f"<{tag} {rendered}>{inner}</{tag}>")
        else:
            self.parts.append(f"<{tag} {rendered}/>")

    def render(self) -> str:
        return self.head + "".join(self.parts) + "</svg>"


@dataclass(frozen=True, slots=True)
class _Style:
    colour: str  # the source's
    ring: str | None  # key of _RINGS: the claim's most severe conflict, if any

    @property
    def text_colour(self) -> str:
        """Labels of claims in an error or warning take the ring's colour."""
        return _RINGS[self.ring][0] if self.ring in ("error", "warning") else "#222222"


def _r(x: float) -> str:
    return f"{x:.1f}"


def _end_marker(svg: _Svg, x: float, y: float, colour: str, is_open: bool, tip: str) -> None:
    svg.add(
        "circle",
        title=tip,
        cx=_r(x),
        cy=_r(y),
        r="4.5",
        fill="#ffffff" if is_open else colour,
        stroke=colour,
        stroke_width="2",
    )


def _arrow(svg: _Svg, x: float, y: float, direction: str, colour: str) -> None:
    """An arrowhead with its tip at (x, y) pointing up, down, left or right."""
    s = 7.0
    pts = {
        "up": [(x, y), (x - s * 0.7, y + s), (x + s * 0.7, y + s)],
        "down": [(x, y), (x - s * 0.7, y - s), (x + s * 0.7, y - s)],
        "left": [(x, y), (x + s, y - s * 0.7), (x + s, y + s * 0.7)],
        "right": [(x, y), (x - s, y - s * 0.7), (x - s, y + s * 0.7)],
    }[direction]
    svg.add("polygon", points=" ".join(f"{_r(a)},{_r(b)}" for a, b in pts), fill=colour)


def _ring(svg: _Svg, x: float, y: float, style: _Style) -> None:
    if style.ring:
        colour, dash = _RINGS[style.ring]
        svg.add(
            "circle",
            class_=f"conflict-ring {style.ring}",
            cx=_r(x),
            cy=_r(y),
            r="10",
            fill="none",
            stroke=colour,
            stroke_width="2.5",
            stroke_dasharray=dash,
        )


class _Report:
    def __init__(self, result: AuditResult, corpus: Corpus) -> None:
        self.result = result
        self.corpus = corpus
        # Each claim's most severe conflict: error, warning, info, then waived.
        rank = {key: i for i, key in enumerate(_RINGS)}
        self.status: dict[str, str] = {}
        for c in result.conflicts:
            key = "waived" if c.waived else c.severity
            for ref in c.refs:
                if rank[key] < rank[self.status.get(ref, "waived")] or ref not in self.status:
                    self.status[ref] = key
        source_ids = sorted(corpus.sources)
        self.colours = dict(zip(source_ids, palette(len(source_ids)), strict=True))
        self.series = _series(corpus, [c.refs for c in result.conflicts])
        self.chart_of: dict[str, str] = {}
        # Each claim's first conflict section, so a chart's table can link to it.
        self.section_of: dict[str, int] = {}
        for number, c in enumerate(self.ordered(), start=1):
            for ref in c.refs:
                self.section_of.setdefault(ref, number)
        for s in self.series:
            for f in (*s.facts, *s.bounds):
                self.chart_of.setdefault(f.ref, s.anchor)

    # -- helpers --

    def fact(self, ref: str) -> Fact | None:
        try:
            return self.corpus.fact(ref)
        except KeyError:
            return None

    def style(self, fact: Fact) -> _Style:
        return _Style(self.colours.get(fact.source.id, _UNKNOWN_SOURCE), self.status.get(fact.ref))

    def title_of(self, series: _Series) -> str:
        entity = self.corpus.entities.get(series.subject)
        name = entity.name if entity else series.subject
        prop = series.prop.replace("-", " ")
        unit = f" ({series.unit})" if series.kind == "quantity" and series.unit else ""
        return f"{name}: {prop}{unit}"

    # -- page --

    def render(self) -> str:
        root = self.corpus.root.name or str(self.corpus.root)
        body = [
            self.summary(),
            self.errors(),
            self.conflicts(),
            self.timelines(),
            self.sources(),
        ]
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8"/>'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'none'\"/>"
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
            f"<title>factcheck audit of {_e(root)}</title>"
            f"<style>{_CSS}</style></head><body><main>"
            f"<h1>factcheck audit of <code>{_e(root)}</code></h1>"
            + "".join(body)
            + f"<footer>Generated by factcheck {_e(__version__)}.</footer>"
            "</main></body></html>\n"
        )

    def summary(self) -> str:
        s = self.result.summary()
        n_sources = sum(1 for sf in self.corpus.sources.values() if sf.source.kind == "article")
        n_refs = len(self.corpus.sources) - n_sources
        review = " and ".join(
            _plural(n, word)
            for n, word in ((s["warning"], "warning"), (s["info"], "info finding"))
            if n
        )
        if s["load_errors"]:
            text = (
                f"The fact files have {_plural(s['load_errors'], 'error')}; fix them first: "
                "the audit is incomplete."
            )
        elif s["error"]:
            text = f"{_plural(s['error'], 'contradiction')} between sources"
            text += f", and {review} to review." if review else "."
        elif review:
            text = f"No contradictions; {review} to review."
        elif not self.corpus.facts:
            text = "The corpus holds no claims: nothing was checked."
        else:
            text = "No open conflicts: the sources agree."
        bad = bool(s["load_errors"] or s["error"] or not self.corpus.facts)
        verdict = f'<p class="verdict {"bad" if bad else "ok"}">{_e(text)}</p>'
        items = [
            ("articles", n_sources),
            ("reference sets", n_refs),
            ("claims", len(self.corpus.facts)),
            ("rules run", len(self.result.rules_run)),
            ("errors", s["error"]),
            ("warnings", s["warning"]),
            ("info", s["info"]),
            ("waived", s["waived"]),
            ("load errors", s["load_errors"]),
            ("timelines", len(self.series)),
        ]
        cells = "".join(
            f'<div class="stat"><span class="n">{n}</span><span>{_e(k)}</span></div>'
            for k, n in items
        )
        toc = []
        if self.result.conflicts:
            toc.append('<li><a href="#conflicts">Conflicts</a></li>')
        if self.series:
            toc.append('<li><a href="#timelines">Timelines</a></li>')
        toc.append('<li><a href="#sources">Sources</a></li>')
        intro = (
            "<p>Each source's claims were written down as typed facts with a verbatim quote, "
            "then checked against each other by declarative rules. A <em>conflict</em> means "
            "two or more claims cannot all be true. Figures that sources give at different "
            "times are drawn as timelines.</p>"
        )
        return (
            f'<section id="summary"><h2>Summary</h2>{verdict}{intro}'
            f'<div class="stats">{cells}</div><ul class="toc">{"".join(toc)}</ul></section>'
        )

    def errors(self) -> str:
        if not self.result.errors:
            return ""
        items = "".join(f"<li><code>{_e(e)}</code></li>" for e in self.result.errors)
        return (
            f'<section id="load-errors"><h2>Errors in the fact files</h2><ul>{items}</ul></section>'
        )

    def ordered(self) -> list[Conflict]:
        """Errors first, then warnings, then info; waived conflicts last."""
        rank = {sev: i for i, sev in enumerate(SEVERITIES)}
        return sorted(self.result.conflicts, key=lambda c: (c.waived, rank[c.severity]))

    def conflicts(self) -> str:
        if not self.result.conflicts:
            return (
                '<section id="conflicts"><h2>Conflicts</h2>'
                "<p>No rule found claims that contradict each other.</p></section>"
            )
        ordered = self.ordered()
        index = "".join(
            f'<li><a href="#conflict-{i}"><span class="badge {_e(self.badge(c))}">'
            f"{_e(self.badge(c))}</span> {_e(c.message)}</a></li>"
            for i, c in enumerate(ordered, start=1)
        )
        parts = [self.conflict(i, c) for i, c in enumerate(ordered, start=1)]
        return (
            '<section id="conflicts"><h2>Conflicts</h2>'
            "<p>Each conflict names the rule that found it and quotes every side.</p>"
            f'<ol class="index">{index}</ol>{"".join(parts)}</section>'
        )

    @staticmethod
    def badge(c: Conflict) -> str:
        return "waived" if c.waived else c.severity

    def conflict(self, number: int, c: Conflict) -> str:
        badge = self.badge(c)
        sides = []
        for cit in c.citations:
            fact = self.fact(cit.ref)
            says = ""
            chart = ""
            if fact is not None:
                says = (
                    f'<p class="says"><strong>{_e(_says(fact))}</strong> '
                    f'<span class="when">({_e(_time_text(fact))})</span></p>'
                )
                anchor = self.chart_of.get(fact.ref)
                if anchor:
                    chart = f' · <a href="#{_e(anchor)}">see timeline</a>'
            sf = self.corpus.sources.get(cit.source)
            meta = []
            if sf is not None:
                if sf.source.publisher:
                    meta.append(sf.source.publisher)
                if sf.source.published:
                    meta.append(_date_text(sf.source.published))
            colour = self.colours.get(cit.source, _UNKNOWN_SOURCE)
            sides.append(
                f'<div class="side" style="border-color:{colour}">'
                f'<p class="src">{_e(cit.title)}'
                + (f' <span class="meta">— {_e(", ".join(meta))}</span>' if meta else "")
                + f"</p>{says}<blockquote>{_e(cit.quote)}</blockquote>"
                f'<p class="where"><code>{_e(cit.file)}:{cit.line}</code> · '
                f"<code>{_e(cit.ref)}</code>{chart}</p></div>"
            )
        waiver = (
            f'<p class="waiver">Waived: {_e(c.waiver_reason)}</p>'
            if c.waived and c.waiver_reason
            else ""
        )
        return (
            f'<section class="conflict {_e(badge)}" id="conflict-{number}">'
            f'<h3><span class="badge {_e(badge)}">{_e(badge)}</span> '
            f"Conflict {number}: <code>{_e(c.rule)}</code></h3>"
            f'<p class="message">{_e(c.message)}</p>{waiver}'
            f'<div class="sides">{"".join(sides)}</div></section>'
        )

    def timelines(self) -> str:
        if not self.series:
            return ""
        figures = [self.chart_section(s) for s in self.series if s.kind == "quantity"]
        dates = [self.chart_section(s) for s in self.series if s.kind == "date"]
        out = [
            '<section id="timelines"><h2>Timelines</h2>'
            "<p>Figures the sources give at several times, and dates they give differently. "
            "Each colour is one source; hover a mark for its quote. The table under each "
            "chart lists every claim drawn in it.</p>",
            _legend(),
        ]
        if figures:
            out.append('<h3 class="group">Figures over time</h3>' + "".join(figures))
        if dates:
            out.append('<h3 class="group">Dates</h3>' + "".join(dates))
        return "".join(out) + "</section>"

    def chart_section(self, series: _Series) -> str:
        svg = self.quantity_chart(series) if series.kind == "quantity" else self.date_chart(series)
        rows = []
        for f in (*series.facts, *series.bounds):
            st = self.style(f)
            flag = (
                f'<a href="#conflict-{self.section_of[f.ref]}" class="badge {st.ring}">'
                f"{_BADGE[st.ring]}</a> "
                if st.ring
                else ""
            )
            role = f"{f.prop.id.replace('-', ' ')}: " if f in series.bounds else ""
            rows.append(
                f'<tr><td><span class="swatch" style="background:{st.colour}"></span>'
                f"{_e(_source_name(f, self.corpus))}</td>"
                f"<td>{flag}{_e(role)}{_e(_says(f))}</td><td>{_e(_time_text(f))}</td>"
                f'<td class="q">{_e(f.citation.quote)}</td>'
                f"<td><code>{_e(f.file)}:{f.line}</code></td></tr>"
            )
        table = (
            '<table class="claims"><thead><tr><th>Source</th><th>Says</th><th>When</th>'
            f"<th>Quote</th><th>Fact file</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        return (
            f'<section class="series" id="{_e(series.anchor)}" data-kind="{series.kind}">'
            f"<h4>{_e(self.title_of(series))}</h4><figure>{svg}</figure>{table}</section>"
        )

    def quantity_chart(self, series: _Series) -> str:
        dated = [f for f in series.facts if f.when is not None]
        height = 300
        plot_h = height - _TOP - 44
        svg = _Svg(_W, height, self.title_of(series), "chart quantity")
        # Time range: every finite end of the claims' times.
        ends: list[float] = []
        for f in dated:
            assert f.when is not None
            for t in (f.when.start, f.when.end):
                if not _is_open(t):
                    ends.append(_days(t))
        lo_t, hi_t = (min(ends), max(ends)) if ends else (0.0, 1.0)
        pad = max((hi_t - lo_t) * 0.06, 20.0)
        lo_t, hi_t = lo_t - pad, hi_t + pad
        # Value range: every finite end of the values and bounds, and zero.
        vals = [0.0]
        for f in (*dated, *series.bounds):
            assert isinstance(f.value, Interval)
            vals += [v for v in (f.value.lo, f.value.hi) if math.isfinite(v)]
        lo_v, hi_v = min(vals), max(vals)
        if hi_v == lo_v:
            hi_v = lo_v + 1
        hi_v += (hi_v - lo_v) * 0.15
        ticks = _value_ticks(lo_v, hi_v)
        lo_v, hi_v = min(lo_v, ticks[0]), max(hi_v, ticks[-1])
        plot_w = _W - _LEFT - _RIGHT

        def x_of(d: float) -> float:
            return _LEFT + (d - lo_t) / (hi_t - lo_t) * plot_w

        def y_of(v: float) -> float:
            v = min(max(v, lo_v), hi_v)
            return _TOP + plot_h - (v - lo_v) / (hi_v - lo_v) * plot_h

        bottom = _TOP + plot_h
        for v in ticks:
            svg.add(
                "line", class_="grid", x1=_LEFT, x2=_LEFT + plot_w, y1=_r(y_of(v)), y2=_r(y_of(v))
            )
            svg.add(
                "text", _num(v), class_="tick", x=_LEFT - 6, y=_r(y_of(v) + 4), text_anchor="end"
            )
        for d, label in _time_ticks(lo_t, hi_t):
            svg.add("line", class_="grid", x1=_r(x_of(d)), x2=_r(x_of(d)), y1=_TOP, y2=bottom)
            svg.add(
                "text", label, class_="tick", x=_r(x_of(d)), y=bottom + 16, text_anchor="middle"
            )
        svg.add("line", class_="axis", x1=_LEFT, x2=_LEFT + plot_w, y1=bottom, y2=bottom)
        svg.add("line", class_="axis", x1=_LEFT, x2=_LEFT, y1=_TOP, y2=bottom)
        svg.add(
            "text",
            series.unit or series.prop,
            class_="axis-label",
            x=8,
            y=12,
        )
        placed = self.bound_lines(svg, series, y_of, _LEFT, _LEFT + plot_w)
        labels: list[tuple[float, float, str, str]] = []
        for f in dated:
            assert f.when is not None and isinstance(f.value, Interval)
            st = self.style(f)
            t0 = x_of(_days(f.when.start)) if not _is_open(f.when.start) else _LEFT
            t1 = x_of(_days(f.when.end)) if not _is_open(f.when.end) else _LEFT + plot_w
            xm = (t0 + t1) / 2
            name = _source_name(f, self.corpus)
            tip = f"{name}: {_says(f)} ({_time_text(f)})\n“{f.citation.quote}”"
            figure = _figure(f)
            ym = y_of(figure)
            # The time the claim covers: a band across its period or date precision.
            if t1 - t0 > 3:
                svg.add(
                    "line",
                    class_="span",
                    x1=_r(t0),
                    x2=_r(t1),
                    y1=_r(ym),
                    y2=_r(ym),
                    stroke=st.colour,
                    stroke_width="3",
                    stroke_opacity="0.45",
                )
                for tx in (t0, t1):
                    svg.add(
                        "line",
                        x1=_r(tx),
                        x2=_r(tx),
                        y1=_r(ym - 5),
                        y2=_r(ym + 5),
                        stroke=st.colour,
                        stroke_opacity="0.6",
                    )
            _ring(svg, xm, ym, st)
            self.value_glyph(svg, f, xm, y_of, st.colour, tip)
            # The axis names the unit; a label repeats it only when it is short (%, $).
            short = _says(f, unit=f.unit in ("percent", "USD"))
            labels.append((xm, ym, f"{name}: {short}", st.text_colour))
            # Keep labels off the marks themselves.
            placed.append((xm - 10, xm + 10, ym + 4))
        _place_labels(svg, labels, _LEFT + plot_w, _TOP, bottom, placed)
        undated = [f for f in series.facts if f.when is None]
        if undated:
            names = ", ".join(f"{_source_name(f, self.corpus)} ({_says(f)})" for f in undated)
            svg.add("text", f"Not shown (no date): {names}", class_="note", x=_LEFT, y=height - 6)
        return svg.render()

    def value_glyph(self, svg: _Svg, f: Fact, x: float, y_of: _YOf, colour: str, tip: str) -> None:
        """The claim's value as a point, or an interval with open/closed ends and arrows."""
        v = f.value
        assert isinstance(v, Interval)
        hedge = f.claim.hedge
        if v.lo == v.hi:
            svg.add(
                "circle",
                title=tip,
                class_="mark",
                cx=_r(x),
                cy=_r(y_of(v.lo)),
                r="5.5",
                fill=colour,
            )
            return
        y_lo, y_hi = y_of(v.lo), y_of(v.hi)
        svg.add(
            "line",
            class_="mark",
            x1=_r(x),
            x2=_r(x),
            y1=_r(y_lo),
            y2=_r(y_hi),
            stroke=colour,
            stroke_width="2.5",
        )
        for value, y, direction, is_open in (
            (v.lo, y_lo, "down", v.lo_open),
            (v.hi, y_hi, "up", v.hi_open),
        ):
            if math.isinf(value):
                _arrow(svg, x, y, direction, colour)
            elif hedge == "almost" and direction == "down":
                # How far below "almost" reaches is our tolerance, not the source's: no end mark.
                continue
            elif hedge in ("about", "between"):
                svg.add(
                    "line",
                    x1=_r(x - 6),
                    x2=_r(x + 6),
                    y1=_r(y),
                    y2=_r(y),
                    stroke=colour,
                    stroke_width="2.5",
                )
            else:
                _end_marker(svg, x, y, colour, is_open, tip)
        if hedge in ("about", "between") and isinstance(f.claim.value, int | float):
            svg.add(
                "circle",
                title=tip,
                class_="mark",
                cx=_r(x),
                cy=_r(y_of(float(f.claim.value))),
                r="4.5",
                fill=colour,
            )

    def bound_lines(
        self, svg: _Svg, series: _Series, y_of: _YOf, x0: float, x1: float
    ) -> list[tuple[float, float, float]]:
        """Bounds (such as capacity) as horizontal dashed lines, one per distinct value.

        Returns the boxes of their labels, for the value labels to keep clear of.
        """
        placed: list[tuple[float, float, float]] = []
        by_value: dict[tuple[float, float], list[Fact]] = defaultdict(list)
        for f in series.bounds:
            assert isinstance(f.value, Interval)
            by_value[(f.value.lo, f.value.hi)].append(f)
        for (lo, hi), facts in sorted(by_value.items()):
            rings = [r for f in facts if (r := self.style(f).ring) in ("error", "warning")]
            colour = _RINGS["error" if "error" in rings else rings[0]][0] if rings else "#444444"
            prop = facts[0].prop.id.replace("-", " ")
            names = ", ".join(sorted({_source_name(f, self.corpus) for f in facts}))
            tip = f"{prop}: {_says(facts[0])} — {names}"
            if lo != hi and math.isfinite(lo) and math.isfinite(hi):
                svg.add(
                    "rect",
                    class_="bound-band",
                    x=_r(x0),
                    width=_r(x1 - x0),
                    y=_r(y_of(hi)),
                    height=_r(max(y_of(lo) - y_of(hi), 1)),
                    fill=colour,
                    fill_opacity="0.08",
                )
            y = y_of(hi if math.isfinite(hi) else lo)
            svg.add(
                "line",
                class_="bound",
                title=tip,
                x1=_r(x0),
                x2=_r(x1),
                y1=_r(y),
                y2=_r(y),
                stroke=colour,
                stroke_width="2",
                stroke_dasharray="8 4",
            )
            count = f"{len(facts)} source{'s' if len(facts) > 1 else ''}"
            label = f"{prop} {_says(facts[0])} · {count}"
            svg.add("text", label, class_="bound-label", x=_r(x0 + 6), y=_r(y - 5), fill=colour)
            placed.append((x0 + 6, x0 + 6 + _text_width(label), y - 5))
        return placed

    def date_chart(self, series: _Series) -> str:
        lane = 30
        facts = list(series.facts)
        height = _TOP + lane * len(facts) + 40
        # Lane names on the left and the dates in words on the right, each column as wide
        # as its longest text so nothing is cut off.
        left = min(
            max(max(_text_width(_source_name(f, self.corpus)) for f in facts) + 24, 110), 320
        )
        right = min(max(max(_text_width(_says(f)) for f in facts) + 24, 120), 280)
        plot_w = _W - left - right
        svg = _Svg(_W, height, self.title_of(series), "chart date")
        ends: list[float] = []
        for f in facts:
            assert isinstance(f.value, DateSpan)
            ends += [_days(t) for t in (f.value.start, f.value.end) if not _is_open(t)]
        lo_t, hi_t = (min(ends), max(ends)) if ends else (0.0, 1.0)
        pad = max((hi_t - lo_t) * 0.08, 10.0)
        lo_t, hi_t = lo_t - pad, hi_t + pad

        def x_of(d: float) -> float:
            return left + (d - lo_t) / (hi_t - lo_t) * plot_w

        bottom = _TOP + lane * len(facts)
        for d, label in _time_ticks(lo_t, hi_t):
            svg.add("line", class_="grid", x1=_r(x_of(d)), x2=_r(x_of(d)), y1=_TOP - 6, y2=bottom)
            svg.add(
                "text", label, class_="tick", x=_r(x_of(d)), y=bottom + 16, text_anchor="middle"
            )
        svg.add("line", class_="axis", x1=left, x2=left + plot_w, y1=bottom, y2=bottom)
        for i, f in enumerate(facts):
            assert isinstance(f.value, DateSpan)
            st = self.style(f)
            y = _TOP + lane * i + lane / 2 - 4
            tip = f"{_source_name(f, self.corpus)}: {_says(f)}\n“{f.citation.quote}”"
            svg.add(
                "text",
                _source_name(f, self.corpus),
                class_="lane-label",
                x=left - 10,
                y=_r(y + 4),
                text_anchor="end",
            )
            open_lo, open_hi = _is_open(f.value.start), _is_open(f.value.end)
            x0 = left if open_lo else x_of(_days(f.value.start))
            x1 = left + plot_w if open_hi else x_of(_days(f.value.end))
            hedge = f.claim.hedge
            ring_x = (x0 + x1) / 2
            if x1 - x0 < 5 and not (open_lo or open_hi):
                svg.add(
                    "circle",
                    title=tip,
                    class_="mark",
                    cx=_r(ring_x),
                    cy=_r(y),
                    r="5.5",
                    fill=st.colour,
                )
            else:
                svg.add(
                    "rect",
                    title=tip,
                    class_="mark",
                    x=_r(x0),
                    y=_r(y - 5),
                    width=_r(max(x1 - x0, 1)),
                    height="10",
                    rx="4",
                    fill=st.colour,
                    fill_opacity="0.35" if open_lo or open_hi else "0.8",
                    stroke=st.colour,
                )
                is_open = hedge in _OPEN_AT_FIGURE
                if open_lo:
                    _arrow(svg, x0 - 2, y, "left", st.colour)
                    _end_marker(svg, x1, y, st.colour, is_open, tip)
                    ring_x = x1
                if open_hi:
                    _arrow(svg, x1 + 2, y, "right", st.colour)
                    _end_marker(svg, x0, y, st.colour, is_open, tip)
                    ring_x = x0
            _ring(svg, ring_x, y, st)
            svg.add(
                "text",
                _says(f),
                class_="value-label",
                x=_r(left + plot_w + 14),
                y=_r(y + 4),
                fill=st.text_colour,
            )
        return svg.render()

    def sources(self) -> str:
        rows = []
        counts: dict[str, int] = defaultdict(int)
        for f in self.corpus.facts:
            counts[f.source.id] += 1
        for sid in sorted(self.corpus.sources):
            s = self.corpus.sources[sid].source
            kind = "reference" if s.kind == "reference" else "article"
            lang = (
                f"{s.language}, translated from {s.original_language}"
                if s.translated and s.original_language
                else s.language
            )
            rows.append(
                f'<tr><td><span class="swatch" style="background:{self.colours[sid]}"></span>'
                f"<code>{_e(sid)}</code></td><td>{_e(s.title)}</td>"
                f"<td>{_e(s.publisher or '—')}</td>"
                f"<td>{_e(_date_text(s.published) if s.published else '—')}</td><td>{_e(kind)}</td>"
                f"<td>{_e(lang)}</td><td>{counts[sid]}</td></tr>"
            )
        return (
            '<section id="sources"><h2>Sources</h2><table class="sources"><thead><tr>'
            "<th>Id</th><th>Title</th><th>Publisher</th><th>Published</th><th>Kind</th>"
            f"<th>Language</th><th>Claims</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
        )


def _figure(f: Fact) -> float:
    """The figure the source stated, clipped into its interval for infinite hedges."""
    v = f.value
    assert isinstance(v, Interval)
    if isinstance(f.claim.value, int | float) and not isinstance(f.claim.value, bool):
        return float(f.claim.value)
    if math.isfinite(v.lo) and math.isfinite(v.hi):
        return (v.lo + v.hi) / 2
    return v.lo if math.isfinite(v.lo) else v.hi


def _text_width(text: str) -> float:
    # Width of 12px sans-serif text, estimated: the report must lay out without a browser.
    return 6.6 * len(text)


def _place_labels(
    svg: _Svg,
    labels: Sequence[tuple[float, float, str, str]],
    right: float,
    top: float,
    bottom: float,
    placed: list[tuple[float, float, float]],
) -> None:
    """Value labels beside their marks, nudged up or down so none overlaps another.

    ``placed`` holds the boxes (x0, x1, baseline) already taken, such as bound labels.
    """
    for x, y, text, colour in sorted(labels, key=lambda t: (t[1], t[0])):
        width = _text_width(text)
        to_left = x + 12 + width > right + _RIGHT - 4
        x0 = max(x - 12 - width, 2) if to_left else x + 12
        for step in range(40):
            offset = 14 * ((step + 1) // 2) * (1 if step % 2 else -1)
            ly = min(max(y + 4 + offset, top + 10), bottom - 4)
            clash = any(
                abs(ly - py) < 14 and x0 < px1 and px0 < x0 + width for px0, px1, py in placed
            )
            if not clash:
                break
        placed.append((x0, x0 + width, ly))
        svg.add("text", text, class_="value-label", x=_r(x0), y=_r(ly), fill=colour)


def _legend() -> str:
    """What each glyph means, drawn with the same glyphs as the charts."""
    svg = _Svg(_W, 92, "legend", "legend")
    c = "#333333"
    x = 10.0
    row1 = 20.0
    svg.add("circle", cx=_r(x + 6), cy=_r(row1), r="5.5", fill=c)
    svg.add("text", "exact figure", x=_r(x + 18), y=_r(row1 + 4))
    x += 120
    svg.add(
        "line",
        x1=_r(x + 6),
        x2=_r(x + 6),
        y1=_r(row1 - 9),
        y2=_r(row1 + 9),
        stroke=c,
        stroke_width="2.5",
    )
    svg.add(
        "line",
        x1=_r(x),
        x2=_r(x + 12),
        y1=_r(row1 - 9),
        y2=_r(row1 - 9),
        stroke=c,
        stroke_width="2.5",
    )
    svg.add(
        "line",
        x1=_r(x),
        x2=_r(x + 12),
        y1=_r(row1 + 9),
        y2=_r(row1 + 9),
        stroke=c,
        stroke_width="2.5",
    )
    svg.add("text", "about / between (closed ends)", x=_r(x + 18), y=_r(row1 + 4))
    x += 230
    svg.add(
        "line",
        x1=_r(x + 6),
        x2=_r(x + 6),
        y1=_r(row1 + 6),
        y2=_r(row1 - 6),
        stroke=c,
        stroke_width="2.5",
    )
    _arrow(svg, x + 6, row1 - 12, "up", c)
    _end_marker(svg, x + 6, row1 + 6, c, True, "")
    svg.add("text", "more than (open end, no upper limit)", x=_r(x + 18), y=_r(row1 + 4))
    row2 = 48.0
    x = 10.0
    svg.add(
        "line",
        x1=_r(x + 6),
        x2=_r(x + 6),
        y1=_r(row2 - 6),
        y2=_r(row2 + 9),
        stroke=c,
        stroke_width="2.5",
    )
    _end_marker(svg, x + 6, row2 - 6, c, True, "")
    svg.add("text", "almost (just below the figure)", x=_r(x + 18), y=_r(row2 + 4))
    x += 230
    svg.add(
        "line",
        x1=_r(x),
        x2=_r(x + 40),
        y1=_r(row2),
        y2=_r(row2),
        stroke=c,
        stroke_width="2",
        stroke_dasharray="8 4",
    )
    svg.add("text", "bound, e.g. capacity", x=_r(x + 48), y=_r(row2 + 4))
    x += 200
    svg.add("circle", cx=_r(x + 8), cy=_r(row2), r="5", fill=c)
    svg.add(
        "circle",
        cx=_r(x + 8),
        cy=_r(row2),
        r="10",
        fill="none",
        stroke=_CONFLICT,
        stroke_width="2.5",
    )
    svg.add("text", "claim in a conflict (error)", x=_r(x + 24), y=_r(row2 + 4))
    x += 215
    svg.add(
        "line",
        x1=_r(x),
        x2=_r(x + 30),
        y1=_r(row2),
        y2=_r(row2),
        stroke=c,
        stroke_width="3",
        stroke_opacity="0.45",
    )
    svg.add("text", "time covered", x=_r(x + 36), y=_r(row2 + 4))
    row3 = 76.0
    x = 10.0
    for key, text in (
        ("warning", "claim in a warning"),
        ("info", "claim in an info finding (e.g. a misspelt name)"),
        ("waived", "claim in a waived conflict"),
    ):
        colour, dash = _RINGS[key]
        svg.add("circle", cx=_r(x + 8), cy=_r(row3), r="5", fill=c)
        svg.add(
            "circle",
            cx=_r(x + 8),
            cy=_r(row3),
            r="10",
            fill="none",
            stroke=colour,
            stroke_width="2.5",
            stroke_dasharray=dash,
        )
        svg.add("text", text, x=_r(x + 24), y=_r(row3 + 4))
        x += 40 + _text_width(text)
    return f'<figure class="legend">{svg.render()}</figure>'


_CSS: Final = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
color:#1f2328;background:#f6f8fa;margin:0}
main{max-width:980px;margin:0 auto;padding:24px;background:#fff}
h1{font-size:26px;margin:0 0 8px}
h2{border-bottom:2px solid #d0d7de;padding-bottom:4px;margin-top:36px}
h3{font-size:17px;margin:24px 0 8px}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;
padding:1px 4px;border-radius:4px}
.verdict{font-size:18px;font-weight:600;padding:10px 14px;border-radius:6px}
.verdict.bad{background:#fdecea;color:#8a1c1c}.verdict.ok{background:#e8f5e9;color:#1b5e20}
.stats{display:flex;flex-wrap:wrap;gap:8px}
.stat{border:1px solid #d0d7de;border-radius:6px;padding:6px 12px;min-width:80px;text-align:center}
.stat .n{display:block;font-size:22px;font-weight:700}.stat span{font-size:12px;color:#57606a}
.toc{display:flex;gap:18px;list-style:none;padding:0}
.index{font-size:13px;padding-left:28px}.index a{color:inherit;text-decoration:none}
.index a:hover{text-decoration:underline}.index .badge{font-size:9px}
.conflict{border:1px solid #d0d7de;border-left:6px solid #D7191C;border-radius:6px;
padding:4px 16px 12px;margin:16px 0}
.conflict.warning{border-left-color:#b97800}.conflict.info{border-left-color:#6E7781}
.conflict.waived{border-left-color:#8C8C8C;opacity:.85}
.message{font-weight:600}
.badge{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;color:#fff;
background:#D7191C;border-radius:10px;padding:1px 8px;vertical-align:middle}
a.badge{text-decoration:none}.badge.warning{background:#b97800}.badge.info{background:#6E7781}.badge.waived{background:#8C8C8C}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:12px}
.side{border-top:4px solid;background:#fafbfc;padding:4px 12px;border-radius:4px}
.side .src{font-weight:600;margin:6px 0}.side .meta{font-weight:400;color:#57606a}
blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #d0d7de;font-style:italic;color:#333}
.where{font-size:12px;color:#57606a}.waiver{color:#57606a}
figure{margin:8px 0;overflow-x:auto}svg.chart,svg.legend{max-width:100%;height:auto}
@media print{body{background:#fff}main{max-width:none}
section.conflict,section.series{break-inside:avoid}}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;fill:#222}
svg .tick{fill:#57606a;font-size:11px}svg .grid{stroke:#eaeef2}svg .axis{stroke:#57606a}
svg .axis-label{font-size:12px;fill:#57606a}svg .note{fill:#57606a;font-size:11px}
svg .bound-label{font-size:12px;font-weight:600}svg .small{font-size:11px;font-weight:400}
svg .lane-label{font-weight:600}
svg .value-label,svg .bound-label{paint-order:stroke;stroke:#fff;stroke-width:3px;
stroke-linejoin:round}
h3.group{font-size:20px;color:#57606a;margin-top:28px}
.series h4{font-size:16px;margin:24px 0 6px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0 12px}
th,td{border-bottom:1px solid #eaeef2;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.q{font-style:italic;color:#333}
.claims td:first-child{white-space:nowrap}.claims td:nth-child(2){min-width:130px}
.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px}
footer{margin-top:40px;color:#57606a;font-size:12px}
"""
