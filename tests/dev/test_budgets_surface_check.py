"""Issue 9 (surface side), the dev part: `lmac check` never reads a path named in an import."""
import builtins

from lmac.editor_support.checker import Checker


def test_check_never_opens_a_path_named_in_an_import(tmp_path, monkeypatch):
    secret = tmp_path / "elsewhere" / "secret.lmac"
    secret.parent.mkdir()
    secret.write_text("(defn leaked () 1)\n")
    main = tmp_path / "work" / "main.lmac"
    main.parent.mkdir()
    main.write_text('(import "%s")\n(import "../elsewhere/secret")\n(leaked)\n' % secret)
    opened = []
    real_open = builtins.open

    def watching_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(builtins, "open", watching_open)
    findings = Checker().check_file(str(main))
    assert not any("secret" in p for p in opened), opened
    messages = [str(f) for f in findings]
    assert sum("is not a library name" in m for m in messages) == 2, messages
    assert any("'leaked' not found" in m for m in messages), messages
