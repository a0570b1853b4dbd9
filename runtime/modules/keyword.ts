// The keyword module (Lib/keyword.py): Python 3.11's keywords and soft keywords, and the
// predicates over them (bound __contains__ methods of frozensets, as in CPython).

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "keyword",
  String.raw`"""Keywords of the Python 3.11 grammar, and soft keywords."""

__all__ = "iskeyword issoftkeyword kwlist softkwlist".split()

kwlist = [
    'False',
    'None',
    'True',
    'and',
    'as',
    'assert',
    'async',
    'await',
    'break',
    'class',
    'continue',
    'def',
    'del',
    'elif',
    'else',
    'except',
    'finally',
    'for',
    'from',
    'global',
    'if',
    'import',
    'in',
    'is',
    'lambda',
    'nonlocal',
    'not',
    'or',
    'pass',
    'raise',
    'return',
    'try',
    'while',
    'with',
    'yield'
]

softkwlist = [
    '_',
    'case',
    'match'
]

# Bound __contains__ methods of frozensets, as the predicates are in CPython.
iskeyword, issoftkeyword = (frozenset(words).__contains__ for words in (kwlist, softkwlist))
`,
);
