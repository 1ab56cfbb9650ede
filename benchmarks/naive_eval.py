"""The baseline: a naive recursive Lisp evaluator (Norvig's lispy style) over lmac's reader forms.

It walks the syntax tree on every call and uses Python's stack, so it cannot pause, resume or
recurse deeply: exactly what lmac's compiler and machine exist to avoid. Benchmarks compare
against it; it is not part of lmac.
"""
from __future__ import annotations

import operator

from lmac.interpreter.values import List, Symbol


class Env(dict):
    def __init__(self, names=(), values=(), outer=None):
        dict.__init__(self, zip(names, values))
        self.outer = outer

    def find(self, name):
        env = self
        while env is not None:
            if name in env:
                return env
            env = env.outer
        raise NameError("'%s' not found" % name)


class Procedure(object):
    def __init__(self, params, body, env):
        self.params, self.body, self.env = params, body, env

    def __call__(self, *args):
        return evaluate(self.body, Env(self.params, args, self.env))


def global_env():
    env = Env()
    env.update({"+": operator.add, "-": operator.sub, "*": operator.mul, "<": operator.lt,
                ">": operator.gt, "=": operator.eq, "<=": operator.le})
    return env


def evaluate(x, env):
    if type(x) is Symbol:                    # variable reference
        return env.find(x.name)[x.name]
    if type(x) is not List:                  # constant
        return x
    head = x[0]
    name = head.name if type(head) is Symbol else None
    if name == "if":                         # (if test conseq alt)
        return evaluate(x[2] if evaluate(x[1], env) else x[3], env)
    if name == "def":                        # (def name exp)
        env[x[1].name] = evaluate(x[2], env)
        return env[x[1].name]
    if name == "fn":                         # (fn (params) body)
        return Procedure([p.name for p in x[1]], x[2], env)
    if name == "do":                         # (do exp...)
        value = None
        for e in x[1:]:
            value = evaluate(e, env)
        return value
    proc = evaluate(head, env)               # (proc arg...)
    return proc(*[evaluate(a, env) for a in x[1:]])
