"""Pausing the cyclic collector while a corpus is built (factcheck.io.gc_pause)."""

from __future__ import annotations

import gc

import pytest

from factcheck.io.gc_pause import paused, paused_during


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_restores_the_previous_state(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with paused():
            assert not gc.isenabled()
        assert gc.isenabled() == enabled
        with pytest.raises(RuntimeError), paused():
            raise RuntimeError
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_paused_during_wraps_a_function() -> None:
    @paused_during
    def probe() -> bool:
        return gc.isenabled()

    assert probe() is False
