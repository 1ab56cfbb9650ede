"""Shared setup for the action-family tests: an lmac session over virtual Live's demo set.

Env(live_version) builds it; env.run(code) evaluates lmac (driving virtual time when it waits);
env.advance_bars(n) plays on. Messages, log lines and MIDI sent are collected on the env.
"""
from __future__ import annotations

import importlib

FAMILY_MODULES = ("mixer", "devices", "clips", "notes", "scenes", "view", "snapshots", "out")


def load_families():
    """Register every action (the core's families too, through load_all) plus ours."""
    from lmac.surface.actions.registry import load_all
    try:
        load_all()
    except ImportError:
        pass
    for name in FAMILY_MODULES:
        importlib.import_module("lmac.surface.actions.families." + name)


class Env(object):
    def __init__(self, live_version="12.3", set_data=None):
        from lmac.surface.virtual_live import DEMO_SET, install_live_module, load_set
        from lmac.surface.virtual_live.clock import VirtualClock
        from lmac.surface.live_session import make_live_session
        install_live_module()
        load_families()
        self.app = load_set(set_data or DEMO_SET, live_version=live_version)
        self.song = self.app.get_document()
        world = self.song._world
        world.make_current()

        class Clock(VirtualClock):
            def advance(self, ms):
                world.make_current()
                world.advance_to(world.now_ms + ms)

        self.clock = Clock(self.song)
        self.messages, self.logs, self.midi = [], [], []
        self.session = make_live_session(self.song, self.app, self.clock, log=self.logs.append,
                                         show=self.messages.append,
                                         live_version=_version(live_version), output=lambda t: None)
        self.session.live.send_midi = self.midi.append
        self.session.scheduler.lookahead_ms = 25.0   # as the remote script: 2.5 ticks (drive ticks 10 ms)
        _fallback_selectors(self.session)
        self.world = world

    def run(self, code, max_ms=600000.0):
        return self.session.eval(code, file="test.lmac", max_ms=max_ms)

    def tick_until(self, done, max_ms=60000.0, step_ms=10.0):
        start = self.world.now_ms
        while not done():
            self.session.tick()
            if self.world.now_ms - start > max_ms:
                raise AssertionError("condition not reached in %g ms" % max_ms)
            self.clock.advance(step_ms)

    def track(self, name):
        for t in list(self.song.tracks) + list(self.song.return_tracks) + [self.song.master_track]:
            if t.name == name:
                return t
        raise KeyError(name)

    def slot(self, track_name, scene_number):
        return list(self.track(track_name).clip_slots)[scene_number - 1]

    def clip(self, track_name, scene_number):
        return self.slot(track_name, scene_number).clip

    def device(self, track_name, device_name):
        for d in self.track(track_name).devices:
            if d.name == device_name:
                return d
        raise KeyError(device_name)

    def param(self, device, name):
        for p in device.parameters:
            if p.name == name:
                return p
        raise KeyError(name)


def _fallback_selectors(session):
    """The selector builtins, until the core's selector family registers them."""
    from lmac.surface import selectors
    for name, fn in (("track", selectors.track), ("tracks", selectors.tracks), ("return", selectors.return_),
                     ("scene", selectors.scene), ("scenes", selectors.scenes), ("clip", selectors.clip),
                     ("device", selectors.device), ("param", selectors.param)):
        if name not in session.globals:
            session.define_builtin(name, fn)


def _version(text):
    return tuple(int(p) for p in str(text).split(".")) + (0,)


def test_support_builds_a_session():
    env = Env()
    assert env.run("(+ 1 2)") == 3
    assert env.song.view.selected_track.name == "Drums"
