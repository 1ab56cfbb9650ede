"""Opening a Live set: gzip-compressed XML (what Live writes) or the same XML uncompressed.
Anything else gets one clear error; the file is only read."""
import gzip

GZIP_MAGIC = b"\x1f\x8b"


class AlsError(ValueError):
    """A file that is not a readable Live set; the message names the file and what to do."""


def open_set(path):
    """A binary stream of the set's XML."""
    try:
        with open(path, "rb") as probe:
            head = probe.read(2)
    except (IOError, OSError) as e:
        raise AlsError("%s: cannot read the Live set (%s)" % (path, getattr(e, "strerror", None) or e))
    if head == GZIP_MAGIC:
        return gzip.open(path, "rb")
    if head[:1] == b"<" or head[:2] in (b"\xef\xbb", b"\n<", b" <"):
        return open(path, "rb")
    raise AlsError("%s is not an Ableton Live set: a .als file is compressed XML that Live writes "
                   "(save the set in Live and pass that file)" % (path,))


def version_of(root_attrib):
    """(major, minor) of the Live that wrote the set, from <Ableton MinorVersion="12.0_12049" ...>."""
    minor = root_attrib.get("MinorVersion", "")
    try:
        major_minor = minor.split("_")[0].split(".")
        return int(major_minor[0]), int(major_minor[1]) if len(major_minor) > 1 else 0
    except (ValueError, IndexError):
        return 0, 0
