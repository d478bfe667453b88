"""Finding fact files and reading each once (factcheck.io.discovery)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import FactcheckError
from factcheck.domain.errors import LoadError
from factcheck.io import discovery
from factcheck.io.discovery import MAX_FILE_BYTES, read_bytes, scan


def test_scan_reads_every_fact_file_once_and_skips_hidden_ones(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x: 1\n")
    (tmp_path / "b.yml").write_text("y: 2\n")
    (tmp_path / "notes.txt").write_text("not a fact file\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.yaml").write_text("z: 3\n")
    sc = scan(tmp_path)
    assert [p.name for p in sc.files] == ["a.yaml", "b.yml"]
    assert sc.contents == [b"x: 1\n", b"y: 2\n"]
    assert sc.take(0) == b"x: 1\n"
    with pytest.raises(ValueError, match="loaded already"):
        sc.take(0)


def test_keys_and_state_follow_the_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x: 1\n")
    first = scan(tmp_path)
    (tmp_path / "a.yaml").write_text("x: 2\n")
    os.utime(tmp_path / "a.yaml", ns=(0, 0))
    second = scan(tmp_path)
    assert first.store_keys() != second.store_keys()
    assert first.state() != second.state()
    assert scan(tmp_path).state() == second.state()


def test_read_bytes_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    os.mkfifo(path)
    data, errors = read_bytes(path, "f.yaml")
    assert data is None and "not a regular file" in errors[0].message


def test_read_bytes_reads_one_byte_past_the_limit_for_parse_to_refuse(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"x" * (MAX_FILE_BYTES + 10))
    data, errors = read_bytes(path, "f.yaml")
    assert errors == [] and data is not None and len(data) == MAX_FILE_BYTES + 1


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 400))
def test_a_file_is_read_whole_whatever_size_its_stat_said(data: bytes, said: int) -> None:
    # Asked for by its size: a file that grew or shrank since fstat is still read whole.
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yaml"
        path.write_bytes(data)
        fd = os.open(path, os.O_RDONLY)
        try:
            assert discovery._read_up_to(fd, said) == data
        finally:
            os.close(fd)


def test_a_file_that_grew_past_the_limit_is_cut_one_byte_past_it(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"x" * (MAX_FILE_BYTES + 10))
    fd = os.open(path, os.O_RDONLY)
    try:
        assert len(discovery._read_up_to(fd, 5)) == MAX_FILE_BYTES + 1
    finally:
        os.close(fd)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "not a regular file: not read"),
        (lambda p: p.mkdir(), "not a regular file: not read"),
        (lambda p: p.symlink_to(p.parent / "nowhere"), "symbolic link that leads nowhere"),
        (lambda p: p.symlink_to(p), "symbolic link that leads nowhere"),
    ],
)
def test_what_is_not_a_file_is_said_so_unread(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "f.yaml"
    make(path)
    data, errors = read_bytes(path, "f.yaml")
    assert data is None and [e.message[: len(message)] for e in errors] == [message]


def test_an_unreadable_file_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("x: 1\n")

    def refuse(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    assert read_bytes(path, "f.yaml") == (
        None,
        [LoadError("f.yaml", None, "", "cannot read file: Permission denied")],
    )


def test_a_missing_corpus_raises(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="no such corpus directory"):
        scan(tmp_path / "nowhere")


def test_an_unreadable_directory_is_a_load_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its files would otherwise be left out without a word (and the audit pass).
    (tmp_path / "a.yaml").write_text("x: 1\n")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.yaml").write_text("y: 2\n")
    real = os.scandir

    def scandir(path: Path) -> object:
        if Path(path).name == "locked":  # as for a directory without read permission
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    sc = scan(tmp_path)
    assert [p.name for p in sc.files] == ["a.yaml"]
    assert [(e.file, e.message) for e in sc.errors] == [
        (str(tmp_path / "locked"), "cannot read directory: Permission denied")
    ]


def test_a_link_loop_is_a_load_error_whatever_its_name(tmp_path: Path) -> None:
    # A link named like a directory could hide a directory of fact files.
    (tmp_path / "a.yaml").write_text("x: 1\n")
    (tmp_path / "sources").symlink_to("sources")
    (tmp_path / "broken").symlink_to("nowhere")  # leads nowhere, and is no fact file
    sc = scan(tmp_path)
    assert [p.name for p in sc.files] == ["a.yaml"]
    assert [e.file for e in sc.errors] == [str(tmp_path / "sources")]
    assert "Too many levels of symbolic links" in sc.errors[0].message
