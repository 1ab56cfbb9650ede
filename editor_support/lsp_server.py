"""The lmac language server (`lmac lsp`, pygls over stdio).

- diagnostics: ``lmac check``'s findings, on open, change and save; quick fixes (code actions)
  for its "did you mean" suggestions;
- completion by context (completion.py), hover, signature help (signature_help.py);
- go to definition, references and rename of the file's and the imported libraries' names
  (navigation.py), the outline (outline.py), formatting (formatter.py, as `lmac fmt`).

Positions are converted with pygls's position codec in the encoding agreed at initialize
(positions.py), so columns after an emoji are right.

Editors may pass ``{"liveVersion": "11.3", "set": "path/to/set.json"}`` as initializationOptions;
``lmac lsp --set FILE`` names the set whose track, scene and clip names complete.
"""
from __future__ import annotations

import os
import re

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from lmac.interpreter.values import LmacSyntaxError

from .checker import Checker
from .completion import complete
from .formatter import format_text
from .names import NEWEST_LIVE, known_names, parse_version
from .navigation import analyze, imported_definitions, in_stdlib, library_text
from .outline import outline
from .positions import SourceText
from .set_completion import set_names
from .signature_help import signature_at
from .syntax import DELIMS, is_symbol, node_at, parse

_KINDS = {
    "special": types.CompletionItemKind.Keyword,
    "macro": types.CompletionItemKind.Keyword,
    "builtin": types.CompletionItemKind.Function,
    "function": types.CompletionItemKind.Function,
    "action": types.CompletionItemKind.Method,
    "value": types.CompletionItemKind.Value,
    "variable": types.CompletionItemKind.Variable,
    "keyword": types.CompletionItemKind.Property,
    "module": types.CompletionItemKind.Module,
}
_DID_YOU_MEAN = re.compile(r"did you mean '([^']+)'\?")
_WORD = re.compile(r"[^%s]+" % DELIMS)


class LmacServer(LanguageServer):
    def __init__(self):
        LanguageServer.__init__(self, "lmac", "0.1.0",
                                text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.live = NEWEST_LIVE
        self.set_path = None
        self._set_names = None
        self._checker = None

    @property
    def checker(self):
        if self._checker is None or self._checker.live != self.live:
            self._checker = Checker(live=self.live)
        return self._checker

    def set_names(self):
        if self._set_names is None:
            try:
                self._set_names = set_names(self.set_path)
            except Exception as e:  # noqa: BLE001 - a set that does not load must not stop the server
                self.window_log_message(types.LogMessageParams(
                    type=types.MessageType.Warning,
                    message="lmac: cannot load the set %s (%s: %s); track and clip names will "
                            "not complete" % (self.set_path, type(e).__name__, e)))
                self._set_names = {}
        return self._set_names

    def document(self, uri):
        doc = self.workspace.get_text_document(uri)
        return doc, SourceText(doc.source, doc.position_codec)

    def publish(self, uri):
        doc, text = self.document(uri)
        findings = self.checker.check_text(doc.source, doc.path or uri)
        diagnostics = []
        for f in findings:
            start = min(text.reader_offset(f.line, f.col), len(doc.source))
            end = min(max(word_end(doc.source, start), start + 1), len(doc.source))
            guess = _DID_YOU_MEAN.search(f.message)
            diagnostics.append(types.Diagnostic(
                range=text.range(start, end),
                message=f.message, source="lmac", code=f.kind,
                severity=types.DiagnosticSeverity.Error,
                data={"replacement": guess.group(1)} if guess else None))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=doc.version))

    def other_documents(self, uri):
        return [d for u, d in self.workspace.text_documents.items() if u != uri]


def word_end(source, start):
    """The end of the word (or the opening bracket) at ``start``."""
    if start < len(source) and source[start] in "([{":
        return start + 1
    m = _WORD.match(source, start)
    return m.end() if m else start


server = LmacServer()


@server.feature(types.INITIALIZE)
def initialize(ls, params):
    options = params.initialization_options or {}
    if isinstance(options, dict):
        if options.get("liveVersion"):
            try:
                ls.live = parse_version(options["liveVersion"])
            except ValueError:
                pass
        if options.get("set"):
            ls.set_path = options["set"]
            ls._set_names = None
    known_names()  # load the vocabulary now, not on the first keystroke


# ---- diagnostics and quick fixes ------------------------------------------------------------
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


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls, params):
    actions = []
    for d in params.context.diagnostics:
        replacement = (d.data or {}).get("replacement") if isinstance(d.data, dict) else None
        if replacement is None:
            m = _DID_YOU_MEAN.search(d.message)
            replacement = m.group(1) if m else None
        if replacement is None:
            continue
        edit = types.WorkspaceEdit(changes={params.text_document.uri: [
            types.TextEdit(range=d.range, new_text=replacement)]})
        actions.append(types.CodeAction(title="Change to '%s'" % replacement,
                                        kind=types.CodeActionKind.QuickFix, diagnostics=[d],
                                        edit=edit, is_preferred=True))
    return actions


# ---- completion, hover, signature help -------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_COMPLETION,
                types.CompletionOptions(trigger_characters=["(", "/", '"', ":"],
                                        resolve_provider=True))
def completion(ls, params):
    doc, text = ls.document(params.text_document.uri)
    offset = text.offset(params.position)
    items = []
    vocabulary = known_names()
    for item in complete(doc.source, offset, doc.path, ls.set_names()):
        # lmac's own words get their documentation on completionItem/resolve, so the list
        # sent on each keystroke stays small; the few others carry theirs
        later = item.label in vocabulary
        items.append(types.CompletionItem(
            label=item.label, kind=_KINDS.get(item.kind, types.CompletionItemKind.Text),
            detail=item.detail, insert_text=item.insert,
            documentation=None if later else item.doc or None))
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.COMPLETION_ITEM_RESOLVE)
def completion_resolve(ls, item):
    entry = known_names().get(item.label)
    if entry is not None and entry.doc:
        item.documentation = types.MarkupContent(kind=types.MarkupKind.Markdown, value=entry.doc)
    return item


def _entry(ls, doc, name):
    """What ``name`` means in the document: lmac's vocabulary, the document's own definitions,
    or what its imports bring in."""
    entry = known_names().get(name)
    if entry is None:
        from lmac.interpreter.vocabulary import definitions_in_file
        entry = definitions_in_file(doc.path or "", doc.source).get(name)
    if entry is None:
        entry = imported_definitions(doc.source, doc.path or "").get(name)
    return entry


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls, params):
    doc, text = ls.document(params.text_document.uri)
    offset = text.offset(params.position)
    leaf = node_at(parse(doc.source), offset)[-1]
    if leaf.kind != "atom":
        return None
    entry = _entry(ls, doc, leaf.text)
    if entry is None:
        return None
    body = "```lisp\n%s\n```\n\n%s" % (entry.signature, entry.doc)
    if entry.family:
        body += "\n\n*%s action*" % entry.family
    if entry.min_live and tuple(entry.min_live) > (11, 0):
        body += " needs Live %s" % ".".join(str(p) for p in entry.min_live)
    if entry.example:
        body += "\n\nExample: `%s`" % entry.example
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=body),
                       range=text.range(leaf.start, leaf.end))


@server.feature(types.TEXT_DOCUMENT_SIGNATURE_HELP,
                types.SignatureHelpOptions(trigger_characters=[" ", "("],
                                           retrigger_characters=[" "]))
def signature_help(ls, params):
    doc, text = ls.document(params.text_document.uri)
    own = {}
    for node in _definition_nodes(doc.source):
        own[node[0]] = node[1]

    imported = imported_definitions(doc.source, doc.path or "")

    def lookup(name):
        if name in own:
            return own[name], "(this file)"
        entry = known_names().get(name) or imported.get(name)
        return (entry.signature, entry.doc) if entry is not None else None

    found = signature_at(doc.source, text.offset(params.position), lookup)
    if found is None:
        return None
    signature = types.SignatureInformation(
        label=found.label, documentation=found.doc or None,
        parameters=[types.ParameterInformation(label=p) for p in found.params])
    return types.SignatureHelp(signatures=[signature], active_signature=0,
                               active_parameter=found.active)


def _definition_nodes(source):
    """(name, "(name params...)") of the document's defn/defmacro forms, brackets open or not."""
    out = []
    stack = [parse(source)]
    while stack:
        node = stack.pop()
        for child in node.children:
            if not child.is_coll:
                continue
            stack.append(child)
            forms = child.forms()
            if child.head() in ("defn", "defmacro") and len(forms) > 2 and forms[1].kind == "atom":
                params = next((f for f in forms[2:4] if f.kind in ("list", "vector")), None)
                if params is not None:
                    words = [source[c.start:c.end] for c in params.forms()]
                    out.append((forms[1].text, "(%s)" % " ".join([forms[1].text] + words)))
    return out


# ---- definitions, references, rename ---------------------------------------------------------
def _locations(ls, target, uri, include_definition=True, include_uses=True):
    """Every occurrence of ``target`` in the open documents (and its definition in its file)."""
    out = []
    seen_paths = set()
    docs = [ls.workspace.get_text_document(uri)] + ls.other_documents(uri)
    for doc in docs:
        a = analyze(doc.source, doc.path or doc.uri)
        seen_paths.add(a.path)
        text = SourceText(doc.source, doc.position_codec)
        for occ in a.targets(target):
            if (occ.definition and include_definition) or (not occ.definition and include_uses):
                out.append((doc.uri, text, occ))
    path = target[0]
    if path and path not in seen_paths:  # the defining file, read from disk when not open
        source = library_text(path)
        text = SourceText(source, ls.workspace.position_codec)
        for occ in analyze(source, path).targets(target):
            if (occ.definition and include_definition) or (not occ.definition and include_uses):
                out.append((from_fs_path(path), text, occ))
    return out


def _target_at(ls, uri, position):
    doc, text = ls.document(uri)
    occ = analyze(doc.source, doc.path or doc.uri).at(text.offset(position))
    return occ


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls, params):
    occ = _target_at(ls, params.text_document.uri, params.position)
    if occ is None or not occ.target[0]:
        return None
    return [types.Location(uri=u, range=t.range(o.start, o.end))
            for u, t, o in _locations(ls, occ.target, params.text_document.uri, include_uses=False)]


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls, params):
    occ = _target_at(ls, params.text_document.uri, params.position)
    if occ is None:
        return None
    include = params.context.include_declaration if params.context else True
    return [types.Location(uri=u, range=t.range(o.start, o.end))
            for u, t, o in _locations(ls, occ.target, params.text_document.uri,
                                      include_definition=include)]


def _renamable(occ):
    if occ is None or not occ.target[0]:
        return "only names defined in your files can be renamed (not lmac's own words)"
    if in_stdlib(occ.target[0]):
        return "'%s' belongs to lmac's standard library, which rename leaves alone" % occ.target[1]
    return None


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls, params):
    doc, text = ls.document(params.text_document.uri)
    occ = analyze(doc.source, doc.path or doc.uri).at(text.offset(params.position))
    problem = _renamable(occ)
    if problem:
        raise ValueError(problem)  # the editor shows why, not just "cannot rename"
    start, end = occ.rename_span()
    return types.PrepareRenamePlaceholder(range=text.range(start, end), placeholder=occ.target[1])


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls, params):
    occ = _target_at(ls, params.text_document.uri, params.position)
    problem = _renamable(occ)
    if problem:
        raise ValueError(problem)
    new = params.new_name
    if not new or _WORD.fullmatch(new) is None or not is_symbol(new) or "/" in new:
        raise ValueError("'%s' is not a name lmac can read (no spaces, brackets or quotes; "
                         "not a number or :keyword)" % new)
    changes = {}
    for uri, text, o in _locations(ls, occ.target, params.text_document.uri):
        start, end = o.rename_span()
        changes.setdefault(uri, []).append(types.TextEdit(range=text.range(start, end),
                                                          new_text=new))
    return types.WorkspaceEdit(changes=changes)


# ---- outline and formatting ------------------------------------------------------------------
_SYMBOL_KINDS = {name: getattr(types.SymbolKind, name) for name in
                 ("Function", "Operator", "Variable", "Class", "Module", "Event", "Namespace")}


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbol(ls, params):
    doc, text = ls.document(params.text_document.uri)

    def convert(symbol):
        return types.DocumentSymbol(
            name=symbol.name, kind=_SYMBOL_KINDS[symbol.kind], detail=symbol.detail or None,
            range=text.range(symbol.start, symbol.end),
            selection_range=text.range(symbol.name_start, symbol.name_end),
            children=[convert(c) for c in symbol.children] or None)
    return [convert(s) for s in outline(doc.source)]


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
def formatting(ls, params):
    doc, text = ls.document(params.text_document.uri)
    try:
        formatted = format_text(doc.source, doc.path or params.text_document.uri)
    except LmacSyntaxError:
        return None  # the diagnostics already show the syntax error
    if formatted == doc.source:
        return []
    return [types.TextEdit(range=text.range(0, len(doc.source)), new_text=formatted)]


def main(set_path=None):
    if set_path:
        server.set_path = os.path.abspath(set_path)
    server.start_io()


__all__ = ["LmacServer", "server", "main"]
