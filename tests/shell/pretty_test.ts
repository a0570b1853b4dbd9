import { assertEquals } from "../assert.ts";
import { PRETTY_SOURCE } from "../../runtime/shell/pretty.ts";
import { ipython } from "./ipython.ts";

// glasspy's pretty printer is Python that runs inside the VM; here it runs in CPython
// beside IPython's own, on the same objects, and must print the same text.

Deno.test("the pretty printer prints what IPython.lib.pretty prints", async () => {
  const diffs = await ipython<string[]>(
    `from IPython.lib.pretty import pretty as ipython_pretty
mine = {}
exec(data, mine)

class Box:
    def __init__(self, v): self.v = v
class Multi:
    def __repr__(self): return "Multi(\\n  lines)"
class Pretty:
    def _repr_pretty_(self, p, cycle):
        with p.group(2, "Pretty<", ">"):
            p.text("a"); p.breakable(); p.text("b")
def f(a, b=2, *args, c, d=4, **kw): pass
def g(x: int, y: "str" = 'q') -> list: pass
def h(a, b, /, c): pass
cycle = [1]; cycle.append(cycle)
from collections import defaultdict, OrderedDict, deque, Counter, UserList
from types import SimpleNamespace
class Big(Exception):
    pass
class Lines:
    def __init__(self, n): self.n = n
    def __repr__(self): return "Lines(\\n" + "x" * self.n + "\\n)"
class Grouped:
    def __init__(self, items): self.items = items
    def _repr_pretty_(self, p, cycle):
        with p.group(3, "G<", ">"):
            for i, x in enumerate(self.items):
                if i:
                    p.text(","); p.breakable()
                p.pretty(x)
            p.break_()
            p.text("end")
objects = [
    object(), Box(1), Box, Multi(), Pretty(), f, g, h, len, print, ValueError("x", 2),
    KeyError("k"), list(range(30)), list(range(1500)), {i: str(i) * 10 for i in range(10)},
    {3, 1, 2}, frozenset(), set(), (1,), (), [[1, 2] * 20, {"a": (1, 2)}], "s" * 100,
    {"k": [Box(2)] * 3}, cycle, int, type, ValueError, {frozenset({1, 2}), 3}, [object()] * 2,
    range(10), b"bytes", slice(1, 2), super(Box, Box(3)), Box(3).__init__,
    [1.5, None, True, ...], ["x" * 40, "y" * 40], dict(zip("abcdefghijklmnop", range(16))),
    {"nested": {"deeper": list(range(25)), "other": "v" * 60}}, tuple(range(40)),
    defaultdict(list, {"a": [1] * 30}), defaultdict(int), OrderedDict(a=1, b=[2] * 40),
    OrderedDict(), deque(range(5), maxlen=9), deque("ab"), Counter("abracadabra" * 3),
    Counter(), UserList([1, "x" * 80]), SimpleNamespace(a=1, b="q" * 80), Big("x" * 70),
]
# many random nested structures, with objects whose repr has several lines (break_) and
# _repr_pretty_ groups, where the order in which IPython's printer breaks groups shows
import random
random.seed(5)
def make(depth):
    if depth > 4 or random.random() < 0.35:
        return random.choice([
            random.randint(0, 10 ** random.randint(0, 12)),
            "s" * random.randint(0, 30),
            Lines(random.randint(0, 50)),
            None,
        ])
    items = [make(depth + 1) for _ in range(random.randint(0, 6))]
    kind = random.choice("ltdgs")
    if kind == "t":
        return tuple(items)
    if kind == "d":
        return {f"k{i}" * random.randint(1, 4): v for i, v in enumerate(items)}
    if kind == "g":
        return Grouped(items)
    if kind == "s":
        return {random.randint(0, 10 ** random.randint(0, 12)) for _ in items}
    return items
objects += [make(0) for _ in range(3000)]
result = []
for o in objects:
    a, b = mine["pretty"](o), ipython_pretty(o)
    if a != b:
        result.append(f"{type(o).__name__}:\\n--- glasspy\\n{a}\\n--- IPython\\n{b}")`,
    PRETTY_SOURCE,
  );
  assertEquals(diffs.slice(0, 3), [], `${diffs.length} objects print differently`);
});

Deno.test("signatures read as inspect.signature prints them", async () => {
  const diffs = await ipython<string[]>(
    `import inspect
mine = {}
exec(data, mine)

class Box:
    def __init__(self, v, w=1): pass
    def method(self, a, *, b=2): pass
class Plain:
    pass
def f(a, b=2, *args, c, d=4, **kw): pass
def g(x: int, y: "str" = 'q') -> list: pass
def h(a, b, /, c): pass
def k(*, only): pass
callables = [f, g, h, k, Box, Plain, Box(1).method, len, print, divmod, lambda x, y=[]: x]
result = []
for c in callables:
    want = str(inspect.signature(c))
    got = mine["signature"](c)
    if got != want:
        result.append(f"{c!r}: glasspy {got!r}, inspect {want!r}")`,
    PRETTY_SOURCE,
  );
  assertEquals(diffs, []);
});
