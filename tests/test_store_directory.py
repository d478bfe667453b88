"""The store's directory (factcheck.store.directory): made tagged, used only when it is
the store's own, and nothing at a path it does not own is ever written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.store.directory import (
    CACHE_DIR,
    CACHE_DIR_ENV,
    NO_CACHE_ENV,
    TAG,
    TAG_NAME,
    claim_directory,
    default_directory,
    disabled_by_environment,
    not_a_file,
)


def _tree(path: Path) -> dict[str, str]:
    return {
        p.relative_to(path).as_posix(): (
            f"-> {os.readlink(p)}" if p.is_symlink() else p.read_text() if p.is_file() else "dir"
        )
        for p in sorted(path.rglob("*"))
    }


def test_a_missing_directory_is_made_tagged_and_ignored(tmp_path: Path) -> None:
    path = tmp_path / CACHE_DIR
    assert claim_directory(path) is None
    assert (path / TAG_NAME).read_bytes() == TAG
    assert (path / ".gitignore").read_text() == "*\n"
    assert claim_directory(path) is None  # found again: still the store's


def test_the_parent_is_never_made(tmp_path: Path) -> None:
    problem = claim_directory(tmp_path / "no" / "such" / CACHE_DIR)
    assert problem is not None and "cannot make" in problem
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("what", ["link", "dangling-link", "file", "foreign", "wrong-tag"])
def test_anything_else_at_the_path_is_refused_untouched(tmp_path: Path, what: str) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("precious\n")
    path = tmp_path / CACHE_DIR
    if what == "link":
        (victim / TAG_NAME).write_bytes(TAG)  # even a tagged directory, through a link
        path.symlink_to(victim, target_is_directory=True)
    elif what == "dangling-link":
        path.symlink_to(tmp_path / "nowhere")
    elif what == "file":
        path.write_text("a file\n")
    else:
        path.mkdir()
        if what == "wrong-tag":
            (path / TAG_NAME).write_bytes(b"Signature: 8a477f597d28d172789f06886806bc55\n")
    before = _tree(tmp_path)
    problem = claim_directory(path)
    assert problem is not None and "\n" not in problem
    assert _tree(tmp_path) == before


def test_a_tag_that_is_a_link_does_not_make_a_directory_the_store_s(tmp_path: Path) -> None:
    real = tmp_path / "tag"
    real.write_bytes(TAG)
    path = tmp_path / CACHE_DIR
    path.mkdir()
    (path / TAG_NAME).symlink_to(real)
    assert claim_directory(path) is not None


def test_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "dir").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "file")
    assert not not_a_file(tmp_path / "file")
    assert not not_a_file(tmp_path / "absent")
    assert not_a_file(tmp_path / "dir")
    assert not_a_file(tmp_path / "link")


def test_the_environment_moves_or_turns_off_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_directory(tmp_path) == tmp_path / CACHE_DIR
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "elsewhere"))
    assert default_directory(tmp_path) == tmp_path / "elsewhere"
    for value, off in (("", False), ("0", False), ("1", True), ("yes", True)):
        monkeypatch.setenv(NO_CACHE_ENV, value)
        assert disabled_by_environment() is off
    monkeypatch.delenv(NO_CACHE_ENV)
    assert not disabled_by_environment()
