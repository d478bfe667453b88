"""The name index: every entity's name, id and aliases, folded, to the entity's id.

Names match whatever their case and spacing (:func:`fold`); an alias may name one
entity only, and aliases marked as an ``error`` (misspellings, mistranslations) are
remembered so that a check can point them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.domain.model import Alias, Entity

__all__ = ["NameIndex", "fold"]


def fold(text: str) -> str:
    """``text`` as names are compared: casefolded, runs of whitespace one space, ends none."""
    # As re.sub(r"\s+", " ", text).strip() would (str.split splits on exactly the
    # characters \s matches), at a third of the cost: the hook folds every alias.
    return " ".join(text.split()).casefold()


@dataclass
class NameIndex:
    """Folded names to entity ids, and the aliases marked as wrong."""

    owners: dict[str, str] = field(default_factory=dict)
    wrong: dict[str, Alias] = field(default_factory=dict)
    #: ``(entity id, name as written, id of the entity that has it)`` for each name
    #: :meth:`add` found taken, in the order found.
    clashes: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, entity: Entity) -> list[tuple[str, str]]:
        """Index the entity's name, id and aliases; ``(name, other entity id)`` for each
        name another entity already has (that name keeps its first owner)."""
        taken: list[tuple[str, str]] = []
        # Name and id as plain names (no Alias made for them: 2 per entity, each validated).
        named: list[tuple[str, Alias | None]] = [(entity.name, None), (entity.id, None)]
        for name, alias in named + [(a.name, a) for a in entity.aliases]:
            key = fold(name)
            owner = self.owners.get(key)
            if owner is not None and owner != entity.id:
                taken.append((name, owner))
                self.clashes.append((entity.id, name, owner))
                continue
            self.owners[key] = entity.id
            if alias is not None and alias.error:
                self.wrong[key] = alias
        return taken

    def get(self, name: str) -> str | None:
        """The entity id ``name`` stands for, whatever its case and spacing, or ``None``."""
        return self.owners.get(fold(name))

    def wrong_names(self) -> dict[str, tuple[str, Alias]]:
        """Alias names marked as misspellings or mistranslations: name -> (entity id, alias)."""
        return {a.name: (self.owners[fold(a.name)], a) for a in self.wrong.values()}
