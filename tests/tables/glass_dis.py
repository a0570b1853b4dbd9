# dis.dis of functions with show_caches=True, as CPython 3.11 prints it, for `%dis
# --caches`: each function's source is compiled as a notebook cell would be (from line 1)
# and the listing captured, as a JSON table of [source, name, listing].
import contextlib
import dis
import io
import json

SOURCES = [
    ("f", "def f(n):\n    t = 0\n    for i in range(n):\n        if i % 2:\n            t += i\n"
          "    try:\n        return t\n    except ValueError:\n        return -1\n"),
    ("g", "def g(o, k):\n    o.x = k\n    return o.x + len(k) * 2.5\n"),
]

rows = []
for name, source in SOURCES:
    ns = {}
    exec(compile(source, "<cell>", "exec"), ns)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        dis.dis(ns[name], show_caches=True)
    rows.append([source, name, out.getvalue()])
print(json.dumps(rows, indent=1))
