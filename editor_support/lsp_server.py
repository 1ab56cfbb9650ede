"""The lmac language server (`lmac lsp`, pygls over stdio).

- diagnostics: ``lmac check``'s findings, on open, change and save;
- completion: every special form, builtin, macro, registered action, library name and the
  document's own definitions;
- hover: the signature and documentation (from the registry and the vocabulary).

Editors may pass ``{"liveVersion": "11.3"}`` as initializationOptions to flag actions that need a
newer Live.
"""
from __future__ import annotations



from lsprotocol import types
from pygls.lsp.server import LanguageServer

from lmac.grammar.reader import split_lines
from lmac.interpreter.vocabulary import definitions_in_file

from .checker import Checker
from .names import NEWEST_LIVE, known_names, library_files, parse_version

_DELIMS = set(" \t\r\n,;()[]{}\"'`~@")
_KINDS = {
    "special": types.CompletionItemKind.Keyword,
    "macro": types.CompletionItemKind.Keyword,
    "builtin": types.CompletionItemKind.Function,
    "function": types.CompletionItemKind.Function,
    "action": types.CompletionItemKind.Method,
    "value": types.CompletionItemKind.Variable,
}


class LmacServer(LanguageServer):
    def __init__(self):
        LanguageServer.__init__(self, "lmac", "0.1.0",
                                text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.live = NEWEST_LIVE
        self._checker = None

    @property
    def checker(self):
        if self._checker is None or self._checker.live != self.live:
            self._checker = Checker(live=self.live)
        return self._checker

    def publish(self, uri):
        doc = self.workspace.get_text_document(uri)
        findings = self.checker.check_text(doc.source, doc.path or uri)
        lines = split_lines(doc.source)   # as the reader counts lines
        diagnostics = []
        for f in findings:
            line, col = f.line - 1, f.col - 1
            text = lines[line] if 0 <= line < len(lines) else ""
            end = word_end(text, col)
            diagnostics.append(types.Diagnostic(
                range=types.Range(start=types.Position(line=line, character=col),
                                  end=types.Position(line=line, character=max(end, col + 1))),
                message=f.message, source="lmac", code=f.kind,
                severity=types.DiagnosticSeverity.Error))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=doc.version))


def word_end(text, col):
    i = col
    if i < len(text) and text[i] in "([{":
        return i + 1
    while i < len(text) and text[i] not in _DELIMS:
        i += 1
    return i


def word_at(text, col):
    """The lmac word around column ``col`` (0-based) of a line, or ''."""
    start = col
    while start > 0 and text[start - 1] not in _DELIMS:
        start -= 1
    end = col
    while end < len(text) and text[end] not in _DELIMS:
        end += 1
    return text[start:end]


server = LmacServer()


@server.feature(types.INITIALIZE)
def initialize(ls, params):
    options = params.initialization_options or {}
    version = options.get("liveVersion") if isinstance(options, dict) else None
    if version:
        try:
            ls.live = parse_version(version)
        except ValueError:
            pass
    known_names()  # load the vocabulary now, not on the first keystroke


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls, params):
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls, params):
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls, params):
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls, params):
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=["(", "/", '"']))
def completion(ls, params):
    doc = ls.workspace.get_text_document(params.text_document.uri)
    items = []
    for name, entry in known_names().items():
        items.append(types.CompletionItem(
            label=name, kind=_KINDS.get(entry.kind, types.CompletionItemKind.Text),
            detail=entry.signature, documentation=entry.doc or None))
    for name, entry in definitions_in_file(doc.path or "", doc.source).items():
        items.append(types.CompletionItem(label=name, kind=types.CompletionItemKind.Function,
                                          detail=entry.signature + " (this file)",
                                          documentation=entry.doc or None))
    for lib in library_files():
        items.append(types.CompletionItem(label=lib, kind=types.CompletionItemKind.Module,
                                          detail='library: (import "%s")' % lib))
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls, params):
    doc = ls.workspace.get_text_document(params.text_document.uri)
    lines = split_lines(doc.source)   # as the reader counts lines
    line = params.position.line
    if not 0 <= line < len(lines):
        return None
    word = word_at(lines[line], params.position.character)
    if not word:
        return None
    entry = known_names().get(word)
    if entry is None:
        entry = definitions_in_file(doc.path or "", doc.source).get(word)
    if entry is None:
        return None
    text = "```lisp\n%s\n```\n\n%s" % (entry.signature, entry.doc)
    if entry.family:
        text += "\n\n*%s action*" % entry.family
    if entry.min_live and tuple(entry.min_live) > (11, 0):
        text += " needs Live %s" % ".".join(str(p) for p in entry.min_live)
    if entry.example:
        text += "\n\nExample: `%s`" % entry.example
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


def main():
    server.start_io()


__all__ = ["LmacServer", "server", "main", "word_at"]

