"""The per-user key (factcheck.store.userkey): made once, private, and refused when
anyone else could have read or written it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.store.userkey import KEY_BYTES, key_path, user_key


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "factcheck" / "store-key"


def test_made_once_private_and_kept(home: Path) -> None:
    assert key_path() == home
    first = user_key()
    assert first is not None and len(first) == KEY_BYTES
    assert home.stat().st_mode & 0o777 == 0o600
    assert user_key() == first


def test_two_users_have_different_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "one"))
    one = user_key()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "two"))
    assert user_key() != one


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o620, 0o666])
def test_a_key_others_can_read_or_write_is_refused(home: Path, mode: int) -> None:
    assert user_key() is not None
    os.chmod(home, mode)
    assert user_key() is None


def test_a_key_of_the_wrong_length_is_refused(home: Path) -> None:
    assert user_key() is not None
    home.write_bytes(b"short")
    assert user_key() is None


def test_a_link_as_the_key_is_refused(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "planted"
    target.write_bytes(b"k" * KEY_BYTES)
    target.chmod(0o600)
    home.parent.mkdir(parents=True)
    home.symlink_to(target)
    assert user_key() is None


def test_no_place_for_a_key_is_no_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert user_key() is None
