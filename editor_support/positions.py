"""Offsets in a document's text <-> LSP positions.

The reader and editor_support/syntax.py count characters (code points) and split lines at
\\n only; LSP clients count in the encoding agreed at initialize (UTF-16 unless the client offers
another: after an emoji, a UTF-16 column is one more than the character column). pygls's
PositionCodec converts; this class feeds it the document's lines split the reader's way.
"""
from __future__ import annotations

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from .syntax import line_col, line_starts, offset_of


class SourceText(object):
    def __init__(self, source, codec=None):
        self.source = source
        self.lines = source.split("\n")
        self.starts = line_starts(source)
        self.codec = codec or PositionCodec()

    # ---- characters -> client ---------------------------------------------------------------
    def position(self, offset):
        line, col = line_col(self.starts, max(0, min(offset, len(self.source))))
        return self.codec.position_to_client_units(self.lines, ServerTextPosition(line, col))

    def range(self, start, end):
        return types.Range(start=self.position(start), end=self.position(end))

    def reader_offset(self, line, col):
        """The offset of the reader's 1-based line and column."""
        return offset_of(self.starts, line - 1, col - 1)

    # ---- client -> characters -----------------------------------------------------------------
    def offset(self, position):
        if position.line >= len(self.lines):
            return len(self.source)
        server = self.codec.position_from_client_units(self.lines, position)
        return offset_of(self.starts, server.line, min(server.character,
                                                       len(self.lines[server.line])))


__all__ = ["SourceText"]
