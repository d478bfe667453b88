"""Writing a corpus back as fact files: ``load(dump(corpus, d))`` gives the same corpus.

Only what the files said is written (fields left unset stay unset), strings are quoted
whenever factcheck's own reader would take them for something else (``"2023"``,
``"1e5"``, ``"null"``), and dates stay the text they were. Used to normalise a corpus,
to export a generated one, and by the round-trip property tests.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

import yaml

from factcheck.domain.corpus import Corpus
from factcheck.domain.model import Entity
from factcheck.io import yaml_reader as _yaml

__all__ = ["dump", "render"]

_STR_TAG: Final = "tag:yaml.org,2002:str"


class _Dumper(yaml.SafeDumper):
    """A safe dumper whose strings read back as the same strings with
    :mod:`factcheck.io.yaml_reader`."""


#: Characters YAML reads as line breaks: single-quoted or plain, they would come back as
#: a space; double-quoted, PyYAML escapes them (\N, \L, \P).
_BREAKS: Final = frozenset("\x85\u2028\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    try:
        plain = _yaml.read_plain(value)
    except ValueError:  # a number too long to read back: quoted, it is text
        plain = None
    # PyYAML quotes what YAML 1.1 would resolve to a non-string; our reader follows YAML
    # 1.2 and differs on a few ("1e5", "09"), so those are quoted explicitly.
    if plain != value or not isinstance(plain, str) or _BREAKS.intersection(value):
        style = '"'
    return dumper.represent_scalar(_STR_TAG, value, style=style)


_Dumper.add_representer(str, _represent_str)


def _plain(value: Any) -> Any:
    """``value`` with every mapping and sequence (and their subclasses) as dict and list."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _entity(entity: Entity) -> dict[str, Any]:
    data = _plain(entity.model_dump(mode="json", exclude_unset=True))
    if "aliases" in data:
        # An alias that is only a name is written the way people write it: a plain string.
        data["aliases"] = [
            a.name if a.model_fields_set == {"name"} else a.model_dump(exclude_unset=True)
            for a in entity.aliases
        ]
    return dict(data)


def yaml_text(data: dict[str, Any], *, width: int = 1_000_000) -> str:
    """``data`` as YAML that :mod:`factcheck.io.yaml_reader` reads back as ``data`` (strings that
    look like numbers, dates or null to it are quoted), keys in their order."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=width, indent=2
    )


def render(corpus: Corpus) -> dict[str, str]:
    """The fact files of ``corpus``: relative path -> YAML text.

    ``entities.yaml``, ``properties.yaml``, ``rules.yaml`` and ``waivers.yaml`` (each only
    when the corpus has any) and ``sources/<source-id>.yaml`` for every source.
    """
    files: dict[str, str] = {}
    if corpus.entities:
        files["entities.yaml"] = yaml_text(
            {"entities": [_entity(e) for e in corpus.entities.values()]}
        )
    tables: list[tuple[str, list[Any]]] = [
        ("properties", list(corpus.properties.values())),
        ("rules", corpus.rules),
        ("waivers", corpus.waivers),
    ]
    for key, items in tables:
        if items:
            dumped = [_plain(i.model_dump(mode="json", exclude_unset=True)) for i in items]
            files[f"{key}.yaml"] = yaml_text({key: dumped})
    for sid, sf in corpus.sources.items():
        files[f"sources/{sid}.yaml"] = yaml_text(
            {
                "source": _plain(sf.source.model_dump(mode="json", exclude_unset=True)),
                "claims": [
                    _plain(c.model_dump(mode="json", exclude_unset=True)) for c in sf.claims
                ],
            }
        )
    return files


def dump(corpus: Corpus, directory: str | os.PathLike[str]) -> Path:
    """Write ``corpus`` as fact files into ``directory`` (created if needed); return it.

    Existing files of the same names are overwritten; nothing else in ``directory`` is
    touched. ``factcheck.load(dump(corpus, d))`` has the same sources, claims, entities,
    properties, rules and waivers as ``corpus``.
    """
    root = Path(directory)
    for name, text in render(corpus).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
