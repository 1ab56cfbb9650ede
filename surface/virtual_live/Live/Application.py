"""Live.Application: the running virtual Live, its version, view and browser."""
from ..lom import LiveEnum, accessor, enum_members, listenable, value_prop
from ..world import current_world
from .Base import Vector
from .LomObject import LomObject

VIEWS = ("Browser", "Arranger", "Session", "Detail", "Detail/Clip", "Detail/DeviceChain")
BUGFIX = {(11, 3): 13, (12, 0): 25, (12, 1): 11, (12, 3): 6}


class MessageButtons(LiveEnum):
    pass


enum_members(MessageButtons, "OK_BUTTON OK_NEW_SET_BUTTON OK_RETRY_BUTTON SAVE_DONT_SAVE_BUTTON OK_ACCOUNT_BUTTON "
             "OK_PURCHASE_BUTTON")


def get_application():
    """Returns the application instance."""
    return current_world().application


@listenable("average_process_usage", "control_surfaces", "open_dialog_count", "peak_process_usage")
class Application(LomObject):
    """This class represents the Live application."""

    @listenable("browse_mode", "focused_document_view")
    class View(LomObject):
        """This class represents the view aspects of the Live application."""

        class NavDirection(LiveEnum):
            pass

        def __init__(self, world, application):
            LomObject.__init__(self, world, application)
            self._focused_document_view = "Session"
            self._browse_mode = False
            self._visible = set(["Browser", "Session", "Detail", "Detail/Clip"])

        focused_document_view = value_prop("focused_document_view", writable=False)
        browse_mode = value_prop("browse_mode", writable=False)

        def _name(self, view_name):
            if view_name not in VIEWS:
                raise RuntimeError("Unknown view name %r (one of %s)" % (view_name, ", ".join(VIEWS)))
            return view_name

        @accessor
        def available_main_views(self):
            return tuple(VIEWS)

        @accessor
        def show_view(self, view):
            name = self._name(view)
            self._visible.add(name)
            if name in ("Session", "Arranger") and name != self._focused_document_view:
                self._visible.discard("Arranger" if name == "Session" else "Session")
                self._set_raw("focused_document_view", name)

        @accessor
        def focus_view(self, view):
            self.show_view.__wrapped__(self, view)

        @accessor
        def hide_view(self, view_name):
            self._visible.discard(self._name(view_name))

        @accessor
        def is_view_visible(self, view_name, main_window_only=True):
            return self._name(view_name) in self._visible

        @accessor
        def scroll_view(self, direction, view_name, modifier_pressed):
            self._name(view_name)

        @accessor
        def zoom_view(self, direction, view_name, modifier_pressed):
            self._name(view_name)

        @accessor
        def toggle_browse(self):
            self._set_raw("browse_mode", not self._browse_mode)

    def __init__(self, world, song):
        LomObject.__init__(self, world, None)
        world.application = self
        self._song = song
        self._view = Application.View(world, self)
        from .Browser import Browser
        self._browser = Browser(world, self)
        self._control_surfaces = []

    view = value_prop("view", writable=False)
    browser = value_prop("browser", writable=False)

    @property
    def control_surfaces(self):
        self._check()
        return Vector(self._control_surfaces)

    @property
    def average_process_usage(self):
        self._check()
        return 0.1

    @property
    def peak_process_usage(self):
        self._check()
        return 0.2

    @property
    def open_dialog_count(self):
        self._check()
        return 0

    @accessor
    def get_document(self):
        return self._song

    @accessor
    def get_major_version(self):
        return self._world.version[0]

    @accessor
    def get_minor_version(self):
        return self._world.version[1]

    @accessor
    def get_bugfix_version(self):
        return BUGFIX[self._world.version]

    @accessor
    def get_version_string(self):
        return "%d.%d.%d" % (self._world.version + (BUGFIX[self._world.version],))

    @accessor
    def get_build_id(self):
        return "virtual"

    @accessor
    def get_variant(self):
        return "Suite"

    @accessor
    def has_option(self, option_name):
        return False


enum_members(Application.View.NavDirection, "up down left right")

__all__ = ["Application", "MessageButtons", "get_application"]
