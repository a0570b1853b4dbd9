"""%xmode Verbose on ipykernel (Debian's, kernelspec python3) and on glasspy
(GLASSPY_KERNEL_NAME), through nbclient: the same cells must give the same tracebacks,
part for part, with the ANSI colours ipykernel adds taken out and addresses masked.
"""
import os
import re
import unittest

import nbformat
from nbclient import NotebookClient

KERNEL = os.environ["GLASSPY_KERNEL_NAME"]

CELLS = [
    "%xmode Verbose",
    "def f(a, b=2):\n    c = a + 1\n    return c / (b - 2)\n\ndef g(x):\n    y = [x, 'hi']\n"
    "    return f(x) + len(y)\n",
    "z = 5\ng(z)",
    "import math\nclass P:\n    def __init__(self):\n        self.v = 3\np = P()\n"
    "d = {'k': [1, 2]}\nprint(p.v, d['k'][1], math.pi)\nd['k'][p.v] + -p.v",
    "try:\n    1/0\nexcept Exception as e:\n    raise ValueError('x') from e",
    "def h(*args, **kw):\n    q = args[0]\n    return q.nope\nh(1, 2, k=3)",
    "s = 'abc'\nn = len(s) * 2\ns[n]",
    "class Box:\n    def __init__(self, items):\n        self.items = items\n\n"
    "    def pick(self, i):\n        first = self.items[0]\n        return self.items[i] + first\n\n"
    "Box([1, 2]).pick(5)",
    # (in a function: at module level the VM loses the handled exception's traceback and
    # message from __context__ now)
    "def risky(text):\n    try:\n        int(text)\n    except ValueError:\n        undefined_name\n"
    "risky('x')",
    "def many(n, words, table, *rest):\n    return n / 0\n"
    "many(10 ** 50, ['w%d' % i for i in range(30)], {k: k * 2 for k in range(15)}, 'x' * 150, "
    "{3, 1, 2}, (7,), [[[[[[[1]]]]]]])",
    "a = 1\nb = 2\nc = 3\nd2 = 4\nif a < b:\n    e = [a, b, c]\n    f2 = e[d2]\nprint('never')\nx = 9",
    "nums = [3, 1, 2]\nt = sorted(nums)\nr = t[0] - min(nums) + abs(-2)\nr / (r - 2)",
]


def plain(text):
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return re.sub(r" at 0x[0-9a-f]+", " at 0x…", text)


def run(kernel):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in CELLS]
    NotebookClient(nb, kernel_name=kernel, timeout=60, allow_errors=True).execute()
    return nb


def shown(cell):
    out = []
    for o in cell.outputs:
        if o["output_type"] == "error":
            out.append([plain(part) for part in o["traceback"]])
        elif o["output_type"] == "stream":
            out.append(plain(o["text"]))
    return out


class VerboseTracebacks(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.ipykernel = run("python3")
        cls.glasspy = run(KERNEL)


def make_test(i):
    def test(self):
        want = shown(self.ipykernel.cells[i])
        got = shown(self.glasspy.cells[i])
        self.assertEqual(got, want, f"cell {i + 1}:\n{CELLS[i]}")
    return test


for _i, _source in enumerate(CELLS):
    _name = re.sub(r"\W+", "_", _source.splitlines()[-1])[:40].strip("_")
    setattr(VerboseTracebacks, f"test_cell_{_i + 1:02d}_{_name}", make_test(_i))
