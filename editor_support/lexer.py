"""Pygments lexer for lmac (`pygmentize -l lmac FILE`, `pygmentize FILE.lmac`, the REPL).

Special forms and macros are keywords, functions and registered Live actions are builtins; the
word lists come from names.highlight_classes (the registry, the vocabulary and what the session
adds, such as bind and for-each), the same list the VS Code grammar is generated from
(vscode_grammar.py). The token rules follow grammar/lmac.lark, so whatever the reader accepts
lexes without errors.
"""
from __future__ import annotations

from pygments.lexer import RegexLexer
from pygments.token import (Comment, Keyword, Name, Number, Operator, Punctuation, String, Text,
                            Whitespace)

# Characters that end an atom (lmac.lark's _END).
_DELIM = r"""\s,;()\[\]{}"'`~@"""
_ATOM_END = r"(?![^%s])" % _DELIM
SYMBOL = r"[^%s0-9:][^%s]*" % (_DELIM, _DELIM)

_WORDS = {}


def _word_sets():
    """(keywords, builtins) as sets, computed once per process."""
    if not _WORDS:
        try:
            from .names import word_lists
            keywords, builtins = word_lists()
        except Exception:  # highlighting must work even if the vocabulary cannot load
            keywords, builtins = [], []
        _WORDS["keywords"] = frozenset(keywords)
        _WORDS["builtins"] = frozenset(builtins)
    return _WORDS["keywords"], _WORDS["builtins"]


class LmacLexer(RegexLexer):
    name = "lmac"
    aliases = ["lmac"]
    filenames = ["*.lmac"]
    mimetypes = ["text/x-lmac"]
    url = "https://github.com/lmac/lmac"

    tokens = {
        "root": [
            (r";[^\n]*", Comment.Single),
            (r"[\s,]+", Whitespace),
            (r'"(?:[^"\\]|\\.)*"', String.Double),
            (r'"(?:[^"\\]|\\.)*\\?\Z', String.Double),  # unterminated at the end (REPL input)
            (r"[+-]?[0-9]+/[0-9]+" + _ATOM_END, Number),
            (r"[+-]?(?:[0-9]+\.[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?"
             r"|[0-9]+[eE][+-]?[0-9]+)" + _ATOM_END, Number.Float),
            (r"[+-]?[0-9]+" + _ATOM_END, Number.Integer),
            (r"(?:true|false|nil)" + _ATOM_END, Keyword.Constant),
            (r":[^%s]+" % _DELIM, String.Symbol),
            (r"~@|~|'|`|@", Operator),
            (r"[()\[\]{}]", Punctuation),
            (SYMBOL, Name.Variable),
            # What the reader rejects (1abc, a lone ':') still gets a harmless colour.
            (r"[^%s]+|:" % _DELIM, Text),
        ],
    }

    def get_tokens_unprocessed(self, text, stack=("root",)):
        keywords, builtins = _word_sets()
        previous = None  # the last non-blank token, to spot the name after def/defn/defmacro
        for index, token, value in RegexLexer.get_tokens_unprocessed(self, text, stack):
            if token is Name.Variable:
                if previous in ("def", "defn", "defmacro"):
                    token = Name.Function
                elif value in keywords:
                    token = Keyword
                elif value in builtins:
                    token = Name.Builtin
            if token not in (Whitespace, Comment.Single):
                previous = value
            yield index, token, value
