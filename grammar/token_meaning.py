"""What the tokens of lmac.lark mean as values, shared by the two readers (reader.py's lark parser
and fast_reader.py): which brackets pair up, the reader macros' heads, the constants, the string
escapes and the integer size limit. The syntax itself (which text is which token) is lmac.lark's."""
import re

from ..interpreter.budget import MAX_INT_DIGITS

OPENERS = {"LPAR": ("(", ")", "list"), "LSQB": ("[", "]", "vector"), "LBRACE": ("{", "}", "map")}
CLOSERS = {"RPAR": "LPAR", "RSQB": "LSQB", "RBRACE": "LBRACE"}
PREFIXES = {"QUOTE": "quote", "BACKQUOTE": "quasiquote", "TILDE": "unquote",
            "TILDE_AT": "splice-unquote", "AT": "deref"}
CONSTANTS = {"true": True, "false": False, "nil": None}
ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}
ESCAPE_RE = re.compile(r"\\(.)", re.S)


def too_many_digits(text):
    """Reading a long run of digits takes time quadratic in its length: refused past the limit."""
    return len(text.lstrip("+-")) > MAX_INT_DIGITS
