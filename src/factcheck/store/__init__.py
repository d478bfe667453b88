"""The one store the doors keep between runs (see :mod:`factcheck.store.store`)."""

from factcheck.store.store import (
    CACHE_DIR,
    CACHE_DIR_ENV,
    NO_CACHE_ENV,
    FileRow,
    Store,
    code_fingerprint,
    content_key,
    default_directory,
    disabled_by_environment,
)

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
