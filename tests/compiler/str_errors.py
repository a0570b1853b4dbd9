#!/usr/bin/env python3
"""Writes str_errors.json: what CPython 3.11's compile() of a str raises for each source
below (the SyntaxError's class, msg, lineno, offset, end_lineno, end_offset and text), or
"ok". A str source reads its error text from the tokenizer's buffers, not from a file, so
these differ from `python3 FILE.py` in the text and sometimes the columns.

    python3 tests/compiler/str_errors.py     # python3 must be CPython 3.11
"""
import json
import sys
import warnings
from pathlib import Path

if sys.version_info[:2] != (3, 11):
    sys.exit("str_errors.py: run this with CPython 3.11")

PyCF_DONT_IMPLY_DEDENT = 0x200
PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000
CODEOP = PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT

# (source, mode, flags)
CASES = [
    ("x = (1,\n  2\n", "exec", 0),
    ("[\n  ", "exec", 0),
    ("return None", "exec", 0),
    ("def f():\n    x = 1\n    return x\nreturn 2\n", "exec", 0),
    ("c{a\ndef\n", "exec", 0),
    ("@clas{smetod\ndef f(x):\n", "exec", 0),
    ("c{a def\n", "exec", 0),
    ("{1: 2, 3 4, 5: 6}", "exec", 0),
    ("x = {37 4}", "exec", 0),
    ("x y({2: 3, a 'b': 4})\n", "exec", 0),
    ("x y(1, {a 'b': 4})\n", "exec", 0),
    ('"""\n\n\nclass Foo(object):\n    """A docstring.\n\n', "exec", 0),
    ("if len(h) >= 3 and \\\n     \\   h[0] == 1:\n    pass\n", "exec", 0),
    ("from __future__ import nope", "exec", 0),
    ("x=1; from __future__ import annotations", "exec", 0),
    ("x = 'abc", "exec", 0),
    ("f'{x'", "exec", 0),
    ("a b", "single", 0),
    ("if x:\n  y", "single", 0),
    ("for i in x:\n  if i:\n    y", "single", 0),
    ("x = 1; y = 2", "single", 0),
    ("1 +", "eval", 0),
    ("if x:", "single", CODEOP),
    ("if x:\n  y", "single", CODEOP),
    ("if x:\n  y\n", "single", CODEOP),
    ("foo(", "single", CODEOP),
    ("x = 'abc", "single", CODEOP),
    ("x = 'abc\n", "single", CODEOP),
    ("x = '''abc", "single", CODEOP),
    ("1 +", "single", CODEOP),
    ("1 +\n", "single", CODEOP),
    ("x = \\", "single", CODEOP),
    ("x = \\\n", "single", CODEOP),
    ("try:\n  x\n", "single", CODEOP),
    ("", "single", CODEOP),
    ("@d", "single", CODEOP),
    ("x = (1,\n 2", "exec", CODEOP),
    ("await x", "exec", 0x2000),
    ("def f():\n    await x\n", "exec", 0x2000),
    ("1 != 2", "eval", 0x400000),
    ("x = 1é\n", "exec", 0),
    ("x = 0é if 1 else 2\n", "exec", 0),
    ("x = 1€\n", "exec", 0),
    ("x = 1\u00a0\n", "exec", 0),
    ("print(1é)\n", "exec", 0),
    ("x = 1a\n", "exec", 0),
    ("if x:\n    require nonlocal x = \"Fil", "single", 0),
    ("0x201d: 0x0f\n    y:0a6,\n", "single", 0),
    ("0x00a9: 0éx0029,\n", "exec", 0),
]


def main():
    out = []
    warnings.simplefilter("ignore")
    for source, mode, flags in CASES:
        try:
            compile(source, "<string>", mode, flags)
            result = "ok"
        except SyntaxError as e:
            result = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset,
                      e.text]
        out.append({"source": source, "mode": mode, "flags": flags, "result": result})
    path = Path(__file__).with_name("str_errors.json")
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


main()
