"""Virtual Live matches ableton-live-stubs: no member Live lacks, same arguments, same listenability."""
import io

import pytest

from lmac.surface.virtual_live import conformance


@pytest.fixture(scope="module")
def stubs():
    return conformance.parse_stubs()


def test_virtual_live_conforms_to_the_stubs(stubs):
    problems, coverage = conformance.compare(stubs)
    assert problems == []
    assert len(coverage) > 50


def test_the_check_catches_extra_members_wrong_arguments_and_listeners(stubs, monkeypatch):
    from lmac.surface.virtual_live.Live import Clip, Song, Track
    monkeypatch.setattr(Track.Track, "teleport", lambda self: None, raising=False)
    monkeypatch.setattr(Song.Song, "create_scene", lambda self, index, where=None: None)
    monkeypatch.setattr(Clip.Clip, "add_is_playing_listener", lambda self, callback: None, raising=False)
    problems, _coverage = conformance.compare(stubs)
    text = "\n".join(problems)
    assert "Track.Track.teleport(): Live has no such method" in text
    assert "Song.Song.create_scene(): arguments" in text
    assert "Clip.Clip.add_is_playing_listener(): Live has no such method" in text


def test_report_prints_coverage_per_class():
    out = io.StringIO()
    assert conformance.report(out) == []
    text = out.getvalue()
    assert "Song.Song" in text and "Track.Track" in text and "no conformance problems" in text
