"""Shared by the tests of the lmac standard libraries: an Env (virtual Live's demo set) whose
session has the import form, with the library imported under an alias."""
from test_family_support import Env


def env_with(library, alias):
    from lmac.surface.components import prepare_session
    env = Env()
    prepare_session(env.session)
    env.run('(import "%s" :as %s)' % (library, alias))
    return env


def beat(env):
    return env.song.current_song_time


def volume(env, name):
    return env.track(name).mixer_device.volume.value
