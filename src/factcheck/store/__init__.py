"""The one store the doors keep between runs (see :mod:`factcheck.store.store`).

Its parts: :mod:`.fingerprint` (keys: content hashed with the code), :mod:`.directory`
(the one directory it owns), :mod:`.userkey` (the secret its rows are signed with),
:mod:`.schema` (its tables) and :mod:`.store` (reading and writing rows).
"""

from factcheck.store.directory import (
    CACHE_DIR,
    CACHE_DIR_ENV,
    NO_CACHE_ENV,
    default_directory,
    disabled_by_environment,
)
from factcheck.store.fingerprint import code_fingerprint, content_key
from factcheck.store.store import FileRow, Store

__all__ = [
    "CACHE_DIR",
    "CACHE_DIR_ENV",
    "NO_CACHE_ENV",
    "FileRow",
    "Store",
    "code_fingerprint",
    "content_key",
    "default_directory",
    "disabled_by_environment",
]
