"""`lmac lsp` end to end, driven by pytest-lsp as a real LSP client (a subprocess over stdio):
diagnostics (with columns after an emoji), quick fixes, completion by context, hover, signature
help, go to definition, references, rename, the outline and formatting."""
import json
import os
import pathlib
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from lmac.editor_support.formatter import format_text
from lmac.grammar.reader import read_all

HERE = pathlib.Path(__file__).resolve().parent
USER_LIBRARY = HERE / "fixtures" / "lsp-user-library"
MYTOOLS = USER_LIBRARY / "lmac" / "lib" / "mytools.lmac"
SERVER = [sys.executable, "-m", "lmac.cli", "lsp"]
ENV = dict(os.environ, LMAC_USER_LIBRARY=str(USER_LIBRARY))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


async def start(client, encodings=None, options=None):
    caps = client_capabilities("visual-studio-code")
    if encodings is not None:
        caps.general = types.GeneralClientCapabilities(position_encodings=encodings)
    return await client.initialize_session(types.InitializeParams(
        capabilities=caps, initialization_options=options))


async def open_doc(client, path, text):
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="lmac", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def utf16(text):
    return len(text.encode("utf-16-le")) // 2


def labels(result):
    items = result.items if isinstance(result, types.CompletionList) else result
    return [i.label for i in items]


def pos(line, character):
    return types.Position(line=line, character=character)


# ---- diagnostics, positions, quick fixes -----------------------------------------------------
@pytest.mark.asyncio
async def test_diagnostics_count_utf16_columns_after_an_emoji(client, tmp_path):
    result = await start(client)
    assert result.capabilities.position_encoding in (None, types.PositionEncodingKind.Utf16)
    prefix = '(message "🎹 pads") ('
    uri = await open_doc(client, tmp_path / "a.lmac", prefix + "mapp inc [1])\n")
    [d] = client.diagnostics[uri]
    assert d.message == "'mapp' not found; did you mean 'map'?"
    assert utf16(prefix) == len(prefix) + 1      # the emoji is two UTF-16 units
    assert (d.range.start.line, d.range.start.character) == (0, utf16(prefix))
    assert (d.range.end.line, d.range.end.character) == (0, utf16(prefix) + 4)


@pytest.mark.asyncio
async def test_utf32_columns_when_the_client_asks_for_them(client, tmp_path):
    result = await start(client, encodings=[types.PositionEncodingKind.Utf32])
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf32
    prefix = '(message "🎹 pads") ('
    uri = await open_doc(client, tmp_path / "a.lmac", prefix + "mapp inc [1])\n")
    [d] = client.diagnostics[uri]
    assert d.range.start.character == len(prefix)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(0, 2)))
    assert "(message" in hover.contents.value


@pytest.mark.asyncio
async def test_quick_fix_replaces_the_misspelt_name(client, tmp_path):
    await start(client)
    text = '(message "🎹")\n(prn (mapp inc [1]))\n(wiat-bars 1)\n'
    uri = await open_doc(client, tmp_path / "a.lmac", text)
    diags = client.diagnostics[uri]
    assert [d.message for d in diags] == ["'mapp' not found; did you mean 'map'?",
                                          "'wiat-bars' not found; did you mean 'wait-bars'?"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diags[0].range,
        context=types.CodeActionContext(diagnostics=diags)))
    assert [a.title for a in actions] == ["Change to 'map'", "Change to 'wait-bars'"]
    assert all(a.kind == types.CodeActionKind.QuickFix for a in actions)
    lines = text.split("\n")
    for action in reversed(actions):  # apply as an editor would
        [edit] = action.edit.changes[uri]
        r = edit.range
        line = lines[r.start.line]
        lines[r.start.line] = line[:r.start.character] + edit.new_text + line[r.end.character:]
    fixed = "\n".join(lines)
    assert fixed == '(message "🎹")\n(prn (map inc [1]))\n(wait-bars 1)\n'
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


# ---- completion -----------------------------------------------------------------------------
async def complete_at(client, uri, text, marker="|"):
    """Completion at the marker of ``text`` (the document's text without it)."""
    before = text[:text.index(marker)]
    line = before.count("\n")
    col = utf16(before.split("\n")[-1])
    return labels(await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(line, col))))


@pytest.mark.asyncio
async def test_completion_knows_its_context(client, tmp_path):
    await start(client)
    text = ('; a comment (fi|\n'
            '(import "mixing" :as mx)\n'
            '(defn twice (x) (* 2 x))\n'
            '(message "no (fi| here")\n'
            '(fire (clip 1 1) :q|)\n'
            '(launch-scene 2 :quantize :|)\n'
            '(fire (clip 2 2) :quantize |)\n'
            '(with (track "|"))\n'
            '(mute (scene |))\n'
            '(mx/|)\n'
            '(defn later (volume-step) (let (amount 2) (tw|\n')
    plain = text.replace("|", "")
    uri = await open_doc(client, tmp_path / "c.lmac", plain)
    markers = [i for i, ch in enumerate(text) if ch == "|"]
    results = []
    for n, at in enumerate(markers):
        probe = text[:at].replace("|", "") + "|"
        results.append(await complete_at(client, uri, probe))
    in_comment, in_string, option, value, value2, track_name, scene_arg, alias, open_parens = results
    assert in_comment == [] and in_string == []
    assert option == [":quantize"]
    assert {":bar", ":beat", ":none"} <= set(value) and ":quantize" not in value
    assert value2 == value                   # also before the colon is typed
    assert track_name == ["Rhythm", "Drums", "Bass", "Keys", "Vox"]      # the demo set
    assert {'"Intro"', '"Verse"', '"Chorus"', '"Outro"'} <= set(scene_arg)
    assert {"mx/duck", "mx/fade-out", "mx/crossfade"} <= set(alias)
    assert not [a for a in alias if not a.startswith("mx/")]
    # the file's own functions and the locals in scope, while two brackets are still open
    assert {"twice", "later", "volume-step", "amount", "wait-bars", "defn"} <= set(open_parens)


@pytest.mark.asyncio
async def test_completion_documentation_comes_on_resolve(client, tmp_path):
    from lmac.editor_support.names import known_names
    await start(client)
    uri = await open_doc(client, tmp_path / "r.lmac", "(wait-b)\n")
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(0, 7)))
    [item] = [i for i in result.items if i.label == "wait-bars"]
    assert item.detail == known_names()["wait-bars"].signature and item.documentation is None
    resolved = await client.completion_item_resolve_async(item)
    assert resolved.documentation.value == known_names()["wait-bars"].doc


@pytest.mark.asyncio
async def test_completion_of_set_names_from_the_set_option(tmp_path):
    from lmac.surface.virtual_live import DEMO_SET
    gig = json.loads(pathlib.Path(DEMO_SET).read_text(encoding="utf-8"))
    gig["tracks"][0]["children"][0]["name"] = "Kit"        # Drums, inside the Rhythm group
    gig["tracks"][0]["children"][0]["clips"][0]["name"] = "Groove"
    gig["scenes"][2]["name"] = "Drop"
    gig["returns"][0]["name"] = "Echo"
    set_file = tmp_path / "gig.json"
    set_file.write_text(json.dumps(gig), encoding="utf-8")
    config = ClientServerConfig(server_command=SERVER + ["--set", str(set_file)], server_env=ENV)
    client = await config.start()
    try:
        await start(client)
        text = '(arm (track "|"))\n(fire (clip "|"))\n(launch-scene (scene "|"))\n(mute (return "|"))'
        uri = await open_doc(client, tmp_path / "s.lmac", text.replace("|", ""))
        found = []
        for at in [i for i, ch in enumerate(text) if ch == "|"]:
            found.append(await complete_at(client, uri, text[:at].replace("|", "") + "|"))
        tracks, clips, scenes, returns = found
        assert tracks == ["Rhythm", "Kit", "Bass", "Keys", "Vox"]
        assert "Groove" in clips and "Kick + Hats" not in clips
        assert scenes == ["Intro", "Verse", "Drop", "Outro"]
        assert returns[0] == "Echo"
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest.mark.asyncio
async def test_library_names_complete_inside_import_and_after_it(client, tmp_path):
    await start(client)
    uri = await open_doc(client, tmp_path / "i.lmac", '(import "")\n')
    found = await complete_at(client, uri, '(import "|')
    assert {"mixing", "performance", "mytools"} <= set(found)
    text = '(import "mytools")\n(lou|'
    uri = await open_doc(client, tmp_path / "j.lmac", text.replace("|", ""))
    found = await complete_at(client, uri, text)
    assert {"louder", "double-volume"} <= set(found)


# ---- hover and signature help ---------------------------------------------------------------
@pytest.mark.asyncio
async def test_hover_shows_signature_and_doc(client, tmp_path):
    from lmac.editor_support.names import known_names
    await start(client)
    uri = await open_doc(client, tmp_path / "h.lmac", "(defn twice (x) (* 2 x))\n(twice (fire))\n")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(0, 2)))
    assert "(defn name (params) body...)" in hover.contents.value
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(1, 3)))
    assert "(twice x)" in hover.contents.value
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(1, 9)))
    fire = known_names()["fire"]
    assert fire.signature in hover.contents.value and "clip action" in hover.contents.value
    uri = await open_doc(client, tmp_path / "lib.lmac",
                         '(import "mytools" :as tools)\n(tools/double-volume (track 1))\n')
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos(1, 4)))
    assert "(double-volume t)" in hover.contents.value
    assert "Twice the volume of track t." in hover.contents.value


@pytest.mark.asyncio
async def test_signature_help_for_actions_and_own_functions(client, tmp_path):
    await start(client)
    text = "(defn fade-to (t level & more) (volume t level))\n(fade-to (track 1) )\n(fire (clip 1 1) :quantize )\n"
    uri = await open_doc(client, tmp_path / "sig.lmac", text)

    async def help_at(line, character):
        return await client.text_document_signature_help_async(types.SignatureHelpParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=pos(line, character)))
    h = await help_at(1, 19)
    [sig] = h.signatures
    assert sig.label == "(fade-to t level & more)"
    assert [p.label for p in sig.parameters] == ["t", "level", "& more"]
    assert h.active_parameter == 1
    h = await help_at(1, 10)   # inside (track 1): track's own signature
    assert h.signatures[0].label.startswith("(track ")
    h = await help_at(2, 27)
    assert h.signatures[0].label == "(fire clip? :quantize grid)"   # the registry's typed signature
    assert h.signatures[0].parameters[h.active_parameter].label == ":quantize grid"
    assert await help_at(0, 0) is None
    lib = await open_doc(client, tmp_path / "lib.lmac", '(import "mytools" :as tools)\n(tools/louder )\n')
    h = await client.text_document_signature_help_async(types.SignatureHelpParams(
        text_document=types.TextDocumentIdentifier(uri=lib), position=pos(1, 14)))
    assert h.signatures[0].label == "(louder t)" and h.active_parameter == 0


# ---- navigation ------------------------------------------------------------------------------
NAV = """(import "mytools" :as tools)
(import "mytools")
(defn twice (x) (* 2 x))
(defn shadow (twice) (twice 1))
(twice (tools/double-volume (track 1)))
(louder (track 2))
(prn 'twice)
"""


def spans(locations):
    return sorted((pathlib.Path(l.uri[len("file://"):]).name, l.range.start.line,
                   l.range.start.character, l.range.end.character) for l in locations or [])


@pytest.mark.asyncio
async def test_definition_in_the_file_and_across_imports(client, tmp_path):
    await start(client)
    uri = await open_doc(client, tmp_path / "nav.lmac", NAV)

    async def definition(line, character):
        return await client.text_document_definition_async(types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=pos(line, character)))
    assert spans(await definition(4, 2)) == [("nav.lmac", 2, 6, 11)]
    assert spans(await definition(3, 22)) == []            # the parameter, not the function
    lib_lines = MYTOOLS.read_text(encoding="utf-8").split("\n")
    dv_line = next(i for i, l in enumerate(lib_lines) if l.startswith("(defn double-volume"))
    lo_line = next(i for i, l in enumerate(lib_lines) if l.startswith("(defn louder"))
    assert spans(await definition(4, 16)) == [("mytools.lmac", dv_line, 6, 19)]   # tools/...
    assert spans(await definition(5, 3)) == [("mytools.lmac", lo_line, 6, 12)]    # plain import
    assert not await definition(5, 10)                     # `track`: lmac's own word


@pytest.mark.asyncio
async def test_references_skip_locals_and_quoted_code(client, tmp_path):
    await start(client)
    uri = await open_doc(client, tmp_path / "nav.lmac", NAV)
    other = await open_doc(client, tmp_path / "other.lmac",
                           '(import "mytools")\n(double-volume (track 3))\n')

    async def refs(line, character, declaration=True):
        return await client.text_document_references_async(types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=pos(line, character),
            context=types.ReferenceContext(include_declaration=declaration)))
    assert spans(await refs(2, 7)) == [("nav.lmac", 2, 6, 11), ("nav.lmac", 4, 1, 6)]
    assert spans(await refs(2, 7, declaration=False)) == [("nav.lmac", 4, 1, 6)]
    found = spans(await refs(4, 10))
    assert ("nav.lmac", 4, 8, 27) in found and ("other.lmac", 1, 1, 14) in found
    assert [f for f in found if f[0] == "mytools.lmac"]    # and its definition
    assert other


@pytest.mark.asyncio
async def test_rename_edits_every_use_and_refuses_lmac_words(client, tmp_path):
    await start(client)
    uri = await open_doc(client, tmp_path / "nav.lmac", NAV)
    ident = types.TextDocumentIdentifier(uri=uri)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=ident, position=pos(4, 2)))
    assert prepared.placeholder == "twice"
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=ident, position=pos(4, 2), new_name="double"))
    edits = sorted((e.range.start.line, e.range.start.character, e.range.end.character, e.new_text)
                   for e in edit.changes[uri])
    assert edits == [(2, 6, 11, "double"), (4, 1, 6, "double")]
    # through the alias only the part after tools/ changes, in the library file as well
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=ident, position=pos(4, 16), new_name="twice-volume"))
    here = sorted((e.range.start.line, e.range.start.character, e.range.end.character)
                  for e in edit.changes[uri])
    assert here == [(4, 14, 27)]
    assert MYTOOLS.as_uri() in edit.changes and len(edit.changes[MYTOOLS.as_uri()]) == 2
    with pytest.raises(Exception, match="lmac's own words"):   # `track`
        await client.text_document_prepare_rename_async(types.PrepareRenameParams(
            text_document=ident, position=pos(4, 30)))
    with pytest.raises(Exception, match="not a name"):
        await client.text_document_rename_async(types.RenameParams(
            text_document=ident, position=pos(4, 2), new_name="two words"))


@pytest.mark.asyncio
async def test_outline_lists_definitions_and_bindings(client, tmp_path):
    await start(client)
    text = ('(library "gig")\n(def tempo-base 120)\n(defn intro (x) x)\n'
            '(defmacro twice (f) `(do ~f ~f (def ~f 1)))\n(bind (note 36) (intro 1))\n(do (defn inner () 1))\n'
            "'(def quoted-data 1)\n"
            '(defn unfinished (a)\n  (prn a\n')
    uri = await open_doc(client, tmp_path / "o.lmac", text)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [(s.name, s.kind) for s in symbols] == [
        ("gig", types.SymbolKind.Module), ("tempo-base", types.SymbolKind.Variable),
        ("intro", types.SymbolKind.Function), ("twice", types.SymbolKind.Operator),
        ("bind (note 36)", types.SymbolKind.Event), ("inner", types.SymbolKind.Function),
        ("unfinished", types.SymbolKind.Function)]
    intro = symbols[2]
    assert intro.detail == "(x)"
    assert (intro.range.start.line, intro.range.end.line, intro.range.end.character) == (2, 2, 18)
    assert (intro.selection_range.start.character, intro.selection_range.end.character) == (6, 11)


@pytest.mark.asyncio
async def test_formatting_gives_the_lmac_fmt_layout(client, tmp_path):
    await start(client)
    text = '(defn f (x)   ; keep me\n        (let [a 1]\n   (+ a x)\n  )  )\n\n\n\n(f 🎹)\n'
    uri = await open_doc(client, tmp_path / "f.lmac", text)
    options = types.FormattingOptions(tab_size=2, insert_spaces=True)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri), options=options))
    [edit] = edits
    expected = format_text(text)
    assert edit.new_text == expected
    assert expected == '(defn f (x)   ; keep me\n  (let [a 1]\n    (+ a x)))\n\n(f 🎹)\n'
    assert (edit.range.end.line, edit.range.end.character) == (8, 0)
    assert [repr(f) for f in read_all(expected)] == [repr(f) for f in read_all(text)]
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=expected)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri), options=options)) in ([], ())
