"""The fact model: what a fact file may contain (pydantic v2, frozen, no unknown fields).

These models check each file on its own. Whatever needs the whole corpus (does the
subject exist, does the value suit the property's type) is checked when the corpus is
assembled, in :mod:`factcheck.domain.corpus`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from factcheck.domain.values import DATE_HEDGES, HEDGES, PartialDate, normalize_hedge

__all__ = [
    "Alias",
    "Claim",
    "DateText",
    "Entity",
    "EntityFile",
    "Period",
    "Property",
    "PropertyFile",
    "Rule",
    "RuleFile",
    "Selector",
    "Severity",
    "Snapshot",
    "Source",
    "SourceFile",
    "Waiver",
    "WaiverFile",
]

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
Severity = Literal["error", "warning", "info"]
PropertyType = Literal["quantity", "date", "text", "entity", "status", "boolean", "order"]


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"{value!r} is not a valid id: use lower-case letters, digits and dashes")
    return value


def _date_text(value: Any) -> Any:
    # A bare year in YAML reads as an int; dates are kept as the text the author wrote.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


# A corpus writes the same few thousand dates over and over; only valid ones are cached
# (a call that raises is not).
@lru_cache(maxsize=65536)
def _check_date(value: str) -> str:
    PartialDate.parse(value)
    return value


Slug = Annotated[str, AfterValidator(_slug)]
#: A partial date kept as written ("2023-01" stays a month); validated on load.
DateText = Annotated[
    str,
    BeforeValidator(_date_text),
    AfterValidator(_check_date),
    # What an author may write: a bare year reads as a number in YAML, which is fine.
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": r"^((early|mid|late)[ -]+)?"
                    r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}.*)?)?)?$",
                },
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ],
            "description": "YYYY, YYYY-MM, YYYY-MM-DD, an ISO time (to the minute unless "
            "seconds are written; with or without a zone), or early/mid/late YYYY[-MM]",
        }
    ),
]
Text = Annotated[str, Field(min_length=1)]


def _empty_list() -> list[Any]:
    # Not the builtin: pydantic reads a factory's signature, and a builtin's is parsed from
    # its text by compiling tokenize's patterns (a few ms of every hook's start).
    return []


def _empty_dict() -> dict[str, Any]:
    return {}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False, defer_build=True)


class Snapshot(_Model):
    """Which snapshot of the source text the quotes were taken from."""

    file: Text = Field(description="File name of the snapshot (no directories).")
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]

    @field_validator("file")
    @classmethod
    def _no_directories(cls, v: str) -> str:
        if "/" in v or "\\" in v or v in {".", ".."}:
            raise ValueError("a snapshot is named by its file name only, without directories")
        return v


class Source(_Model):
    """A source: an article (with a snapshot) or a set of reference facts (with a basis)."""

    id: Slug
    kind: Literal["article", "reference"] = "article"
    title: Text
    publisher: str | None = None
    author: str | None = None
    published: DateText | None = None
    language: str = "en"
    translated: bool = False
    original_language: str | None = None
    url: str | None = None
    note: str | None = None
    snapshot: Snapshot | None = None
    basis: str | None = None

    @model_validator(mode="after")
    def _kind_fields(self) -> Source:
        if self.kind == "article" and self.snapshot is None:
            raise ValueError("an article source needs a snapshot: {file, sha256}")
        if self.kind == "reference" and not self.basis:
            raise ValueError("a reference source needs a basis: why its facts are established")
        return self


class Period(_Model):
    """A stretch of time; either end may be open."""

    start: DateText | None = None
    end: DateText | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start is None and self.end is None:
            raise ValueError("a period needs a start, an end or both")
        if self.start and self.end:
            a, b = PartialDate.parse(self.start).span(), PartialDate.parse(self.end).span()
            if b.end <= a.start:
                raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")
        return self


#: A pair is a range: two numbers, or two dates (as text, or bare years).
ClaimValue = bool | int | float | str | tuple[int | float | str, int | float | str]


class Claim(_Model):
    """One checkable statement of a source, with the verbatim quote that makes it."""

    id: Slug
    subject: Text = Field(description="Entity id (or an alias of one).")
    property: Text = Field(description="Property id from properties.yaml.")
    value: ClaimValue
    unit: str | None = None
    hedge: str = "exact"
    tolerance: Annotated[float, Field(ge=0, le=1)] | None = None
    as_of: DateText | None = None
    period: Period | None = None
    attributed_to: str | None = None
    note: str | None = None
    quote: str | None = None
    basis: str | None = None
    draft: bool = False
    #: ``source-id/claim-id`` of an earlier official figure (same subject and property)
    #: that this one replaces: claims giving the earlier figure are outdated, not wrong.
    supersedes: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$")] | None = (
        None
    )

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, v: Any) -> Any:
        if isinstance(v, list):
            if len(v) != 2 or not all(
                isinstance(x, int | float | str) and not isinstance(x, bool) for x in v
            ):
                raise ValueError(
                    "a list value must be a pair [low, high] of numbers, or [first, last] of dates"
                )
            return tuple(v)
        if v is None or isinstance(v, dict):
            raise ValueError("value must be a number, text, a date, true/false or [low, high]")
        return v

    @field_validator("hedge", mode="before")
    @classmethod
    def _hedge(cls, v: Any) -> Any:
        if not isinstance(v, str):
            raise ValueError("hedge must be text")
        hedge = normalize_hedge(v)
        if hedge not in HEDGES | DATE_HEDGES:
            known = ", ".join(sorted(HEDGES | DATE_HEDGES))
            raise ValueError(f"unknown hedge {v!r}; expected one of {known}")
        return hedge

    @field_validator("quote")
    @classmethod
    def _quote(cls, v: str | None) -> str | None:
        if v is not None and not v.strip():
            raise ValueError("quote must not be empty")
        return v

    @model_validator(mode="after")
    def _time(self) -> Claim:
        if self.as_of is not None and self.period is not None:
            raise ValueError("give either as_of or period, not both")
        if isinstance(self.value, tuple) and self.hedge not in ("between", "about"):
            raise ValueError("a [low, high] value needs hedge: between (or about, for numbers)")
        if self.hedge == "between" and not isinstance(self.value, tuple):
            raise ValueError("hedge: between needs value: [low, high]")
        return self


class SourceFile(_Model):
    """A fact file: one source and its claims."""

    source: Source
    claims: list[Claim] = Field(default_factory=_empty_list)

    @model_validator(mode="after")
    def _claims_cite(self) -> SourceFile:
        need = "quote" if self.source.kind == "article" else "basis"
        missing = [c.id for c in self.claims if getattr(c, need) is None]
        if missing:
            raise ValueError(
                f"every claim of a {self.source.kind} source needs a {need}; missing in: "
                + ", ".join(missing)
            )
        return self


class Alias(_Model):
    """A name under which an entity appears; ``error`` marks a wrong variant."""

    name: Text
    lang: str | None = None
    error: Literal["misspelling", "mistranslation"] | None = None
    note: str | None = None


def _alias(v: Any) -> Any:
    return {"name": v} if isinstance(v, str) else v


class Entity(_Model):
    """A thing claims are about: a prison, a person, a law, an event..."""

    id: Slug
    name: Text
    kind: Slug
    aliases: list[Annotated[Alias, BeforeValidator(_alias, json_schema_input_type=str | Alias)]] = (
        Field(default_factory=_empty_list)
    )
    note: str | None = None


class EntityFile(_Model):
    entities: list[Entity]


def _listify(v: Any) -> Any:
    return [v] if isinstance(v, str) else v


Names = Annotated[list[str], BeforeValidator(_listify, json_schema_input_type=str | list[str])]


class Property(_Model):
    """A property claims may state, with its value type and tolerance."""

    id: Slug
    type: PropertyType
    unit: str | None = None
    tolerance: Annotated[float, Field(ge=0, le=1)] = 0.1
    values: list[str] | None = None
    #: A running total that never falls (quantity), or ordered stages, each implying the
    #: previous ones (status: a stage is reached, later ones perhaps too; ``at-most``: not
    #: passed).
    cumulative: bool = False
    #: The smallest value a claim may state (0 for counts, capacities, areas, money).
    minimum: float | None = None
    #: A value that does not change over time (a height, a birth date, a death toll):
    #: claims are compared whatever the times they are dated to.
    invariant: bool = False
    #: Why no rule checks this property (multi-valued, free text...): it is then left
    #: out of the rule coverage report.
    unchecked: str | None = None
    #: ``written``: an exact figure stands for the interval it rounds to ("8,848 m" is
    #: 8,847.5 to 8,848.5; "14.5 thousand" is 14,450 to 14,550).
    precision: Literal["exact", "written"] = "exact"
    #: The kinds of entity the property describes (``revenue``: a ``quarter``): a claim
    #: about an entity of another kind is a load error (drafts excepted), and
    #: ``factcheck extract`` drafts the property's figures about an entity of these kinds.
    entity_kind: Names | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _status_values(self) -> Property:
        if self.type == "status" and not self.values:
            raise ValueError("a status property lists its allowed values")
        return self

    @field_validator("entity_kind")
    @classmethod
    def _kinds(cls, v: list[str] | None) -> list[str] | None:
        if v is not None and not v:
            raise ValueError("list at least one kind, or leave entity_kind out")
        return v if v is None else [_slug(k) for k in v]


class PropertyFile(_Model):
    properties: list[Property]


class Selector(_Model):
    """Which claims a rule looks at; every given field must match."""

    subject: Names | None = None
    property: Names | None = None
    entity_kind: Names | None = None


class Rule(_Model):
    """A declarative check: a kind from the registry, what it selects, its parameters."""

    id: Slug
    kind: Slug
    # Made without validating: validating at import would build the schema (20 ms of start-up).
    select: Selector = Selector.model_construct()
    params: dict[str, Any] = Field(default_factory=_empty_dict)
    severity: Severity = "error"
    description: Text


class RuleFile(_Model):
    rules: list[Rule]


class Waiver(_Model):
    """A reviewed conflict that is accepted: still reported, but as waived."""

    rule: Slug
    claims: Annotated[list[str], Field(min_length=1)]
    reason: Text
    reviewer: Text
    date: DateText
    expires: DateText | None = None

    @field_validator("claims")
    @classmethod
    def _refs(cls, v: list[str]) -> list[str]:
        for ref in v:
            if ref.count("/") != 1:
                raise ValueError(f"{ref!r}: name a claim as source-id/claim-id")
        return v


class WaiverFile(_Model):
    waivers: list[Waiver]
