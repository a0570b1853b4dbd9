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
objects = [
    object(), Box(1), Box, Multi(), Pretty(), f, g, h, len, print, ValueError("x", 2),
    KeyError("k"), list(range(30)), list(range(1500)), {i: str(i) * 10 for i in range(10)},
    {3, 1, 2}, frozenset(), set(), (1,), (), [[1, 2] * 20, {"a": (1, 2)}], "s" * 100,
    {"k": [Box(2)] * 3}, cycle, int, type, ValueError, {frozenset({1, 2}), 3}, [object()] * 2,
    range(10), b"bytes", slice(1, 2), super(Box, Box(3)), Box(3).__init__,
    [1.5, None, True, ...], ["x" * 40, "y" * 40], dict(zip("abcdefghijklmnop", range(16))),
    {"nested": {"deeper": list(range(25)), "other": "v" * 60}}, tuple(range(40)),
]
result = []
for o in objects:
    a, b = mine["pretty"](o), ipython_pretty(o)
    if a != b:
        result.append(f"{type(o).__name__}:\\n--- glasspy\\n{a}\\n--- IPython\\n{b}")`,
    PRETTY_SOURCE,
  );
  assertEquals(diffs, []);
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
