// Compiled code (vm/jit.ts) must behave exactly as the interpreter: the same output, the
// same reference counts, the same tracebacks. These run programs both ways.

import { assertEquals } from "../assert.ts";
import { Interpreter } from "../../runtime/vm/interpreter.ts";
import { codeWarmup } from "../../runtime/objects/codeobject.ts";
import { jitConfig, jitErrors, jitStats } from "../../runtime/vm/jit.ts";
import { CaptureHost } from "./capture_host.ts";

function runBoth(source: string): { interpreted: string; compiled: string } {
  const run = (warmup: number, enabled: boolean) => {
    const saved = [codeWarmup.value, jitConfig.enabled] as const;
    codeWarmup.value = warmup;
    jitConfig.enabled = enabled;
    try {
      const host = new CaptureHost();
      const interp = new Interpreter(host, ["t.py"], { readSource: () => source });
      const { code } = interp.runScript("t.py", source);
      return `${host.stdout}--stderr--\n${host.stderr}--status ${code}`;
    } finally {
      [codeWarmup.value, jitConfig.enabled] = saved;
    }
  };
  const interpreted = run(8, false);
  const before = jitStats.compiled;
  const compiled = run(0, true);
  assertEquals(jitStats.compiled > before, true, "nothing was compiled");
  return { interpreted, compiled };
}

/** A conformance program (its CPython output is checked there; here compiled = interpreted). */
function conformance(name: string): string {
  return Deno.readTextFileSync(new URL(`../conformance/refcount/${name}.py`, import.meta.url));
}

const programs: Record<string, string> = {
  "arithmetic, comparisons and branches": `
def f(n):
    total = 0
    for i in range(n):
        if i % 3 == 0 or i > n - 5:
            total += i * 2
        elif not i & 1:
            total -= i // 2
        else:
            total ^= i << 3
    return total, 7 / 2, 2 ** 70 + n, -n, 1.5 * n, "a" + "b" * 3
print(f(100))
`,
  "calls, closures, methods, keywords": `
class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y
    def norm(self, scale=1, *, extra=0):
        return (self.x * self.x + self.y * self.y) * scale + extra
def make(k):
    def inner(v):
        return v + k
    return inner
add3 = make(3)
print([P(i).norm(2, extra=add3(i)) for i in range(5)], sum(map(add3, range(4))))
`,
  "exceptions inside compiled loops keep refcounts and tracebacks": `
import sys
x = object()
base = sys.getrefcount(x)
d = {}
for i in range(20):
    try:
        d[i] = x
        [][i]
    except IndexError as e:
        last = str(e)
print(last, sys.getrefcount(x) - base, len(d))
def bad(n):
    return [1, 2][n]
for i in range(3):
    try:
        bad(i)
    except IndexError:
        print("caught", i)
bad(5)
`,
  "generators, with, and unpacking": `
def gen(n):
    for i in range(n):
        yield i, i * i
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit", a[0] is None)
total = 0
with Ctx():
    for a, b in gen(10):
        total += a + b
s = {}
s["k"] = total
print(total, s, [*gen(2)])
`,
  "operands taken from locals and constants keep their counts where Python code runs": conformance(
    "jit_deferred_operands",
  ),
  "results kept between operations keep their counts where Python code runs": conformance(
    "jit_deferred_results",
  ),
  "attributes read from deferred owners keep their counts where Python code runs": conformance(
    "jit_deferred_attribute_owners",
  ),
  "subscript stores, unpacking, copies and swaps of deferred values keep their counts": conformance(
    "jit_deferred_stores_unpacking",
  ),
  "calls with keywords bound by the fast path or initialize_locals alike": `
import sys
def kw(a, b=2, *, c=3):
    return a + b + c
def kw2(a, /, b, *, c, d=4.5):
    return (a, b, c, d)
def kw3(a, b):
    return a - b
class K:
    def m(self, x, y=1.5, *, z=2.5):
        return x * y + z
k = K()
big = 10**6 + 1
for i in range(12):
    print(kw(i, c=1), kw(i, b=i), kw(a=i), kw(c=i, a=2, b=3), kw2(i, b=2, c=3), kw2(i, c=1, b=2, d=7),
          kw3(b=i, a=1), k.m(i, z=1.5), k.m(x=i), k.m(i, y=2, z=big))
    for call in (lambda: kw(i, a=1), lambda: kw2(a=1, b=2, c=3), lambda: kw2(1, 2, c=3),
                 lambda: kw2(1, b=2), lambda: kw3(1, c=2), lambda: kw3(b=2), lambda: kw(1, 2, 3),
                 lambda: kw(1, d=5), lambda: kw2(1, c=2, b=2, e=1)):
        try:
            call()
        except TypeError as e:
            print(e)
    print(sys.getrefcount(big))
kw.__kwdefaults__ = None
try:
    kw(1)
except TypeError as e:
    print(e)
kw.__kwdefaults__ = {"c": 100}
print(kw(1), kw(1, c=2))
`,
  "yields, list appends and built tuples and lists of deferred values keep their counts":
    conformance("jit_deferred_yields_builds"),
  "attribute stores with deferred owners and values keep their counts": conformance(
    "jit_deferred_attribute_stores",
  ),
  "module-level names loaded and rebound by compiled code keep their counts": conformance(
    "jit_module_names",
  ),
};

for (const [name, source] of Object.entries(programs)) {
  Deno.test(`compiled code runs as interpreted: ${name}`, () => {
    const { interpreted, compiled } = runBoth(source);
    assertEquals(compiled, interpreted);
    assertEquals(jitErrors, []);
  });
}

Deno.test("compiled code runs calls, closures and class instantiation without handing back an instruction", () => {
  // every instruction of these functions is one the compiler writes out: an instruction
  // handed back to the interpreter (a slow path taken at every call) shows here
  const source = `
class V:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
def make(k):
    def add(v):
        return v + k
    return add
def run(n):
    add = make(5)
    total = 0
    for i in range(n):
        total += add(i) + V(i, 2).x
    return total
print(run(50))
`;
  const saved = [codeWarmup.value, jitConfig.enabled] as const;
  codeWarmup.value = 0;
  jitConfig.enabled = true;
  try {
    const host = new CaptureHost();
    const interp = new Interpreter(host, ["t.py"], { readSource: () => source });
    interp.runScript("t.py", "def warm():\n    pass\nwarm()\n");
    const before = jitStats.handBacks;
    const { code } = interp.runScript("t.py", source);
    assertEquals([code, host.stdout.trim()], [0, "2700"]);
    assertEquals(jitStats.handBacks - before, 0);
  } finally {
    [codeWarmup.value, jitConfig.enabled] = saved;
  }
});
