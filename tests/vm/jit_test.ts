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
  "operands taken from locals and constants keep CPython's counts where Python code runs": `
import sys
class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        print("add", sys.getrefcount(self), sys.getrefcount(other))
        if other == 0.5:
            raise ValueError("zero")
        return self.n
    def __lt__(self, other):
        print("lt", sys.getrefcount(self), sys.getrefcount(other))
        return True
    def __bool__(self):
        print("bool", sys.getrefcount(self))
        return False
    def __getitem__(self, k):
        print("getitem", sys.getrefcount(self), sys.getrefcount(k))
        return k
    def __del__(self):
        print("del", self.n)
def f(a, b, k):
    x = a + b
    y = a + k
    if a < b:
        x = a[k]
    if a:
        print("no")
    if a is b or a is None:
        print("no")
    z = V(3)
    z = a
    try:
        a + 0.5
    except ValueError as e:
        print("caught", e, sys.getrefcount(a))
    try:
        return a + b + unbound
    finally:
        print("finally", sys.getrefcount(a), sys.getrefcount(b))
    unbound = 1
for i in range(3):
    a, b = V(1), V(2)
    try:
        f(a, b, i * 1000 + 700)
    except UnboundLocalError as e:
        print(e)
    print(sys.getrefcount(a), sys.getrefcount(b))
    del a, b
`,
  "results kept between operations keep CPython's counts where Python code runs": `
import sys
class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        print("add", self.n, sys.getrefcount(self), sys.getrefcount(other))
        return V(self.n + 1)
    def __mul__(self, other):
        print("mul", self.n, sys.getrefcount(self), sys.getrefcount(other))
        if other == 9.5:
            raise ValueError
        return V(self.n * 2)
    def __lt__(self, other):
        print("lt", sys.getrefcount(self), sys.getrefcount(other))
        return V(0)
    def __del__(self):
        print("del", self.n)
def f(a, b, c):
    x = a + b * c
    y = 2.5 + (a + b) * (c + a)
    z = [a, b < c, a + b]
    try:
        w = a + b * 9.5
    except ValueError:
        print("caught", sys.getrefcount(a), sys.getrefcount(b))
    return a + (b + c * 3.5) * (a + 1.5)
for i in range(3):
    a, b, c = V(1), V(2), V(3)
    r = f(a, b, c)
    print(sys.getrefcount(a), sys.getrefcount(b), r.n)
    del a, b, c, r
`,
  "attributes read from deferred owners keep CPython's counts where Python code runs": `
import sys
class P:
    __slots__ = ("s",)
    def __init__(self):
        self.s = 2.5
class Q:
    def __init__(self, n):
        self.n = n
        self.m = n * 1.5
    @property
    def prop(self):
        print("prop", sys.getrefcount(self))
        return self.n
    def __getattr__(self, name):
        print("getattr", name, sys.getrefcount(self))
        return 0.25
    def __del__(self):
        print("del", self.n)
def f(q, p, r):
    x = q.n * q.m + p.s
    y = 1.5 + q.prop * (q.m + q.missing)
    z = q.m - Q(7).m
    try:
        w = q.m + p.t
    except AttributeError as e:
        print("caught", e, sys.getrefcount(q), sys.getrefcount(p))
    try:
        del r.m
        v = r.n + r.m
    except AttributeError as e:
        print("caught", sys.getrefcount(r))
    return x + y + z
for i in range(3):
    q, p = Q(i + 100), P()
    print(f(q, p, Q(i + 200)), sys.getrefcount(q), sys.getrefcount(p))
    del q
`,
  "subscript stores, unpacking, copies and swaps of deferred values keep CPython's counts": `
import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, sys.getrefcount(L), sys.getrefcount(K))
    def __iter__(self):
        print("iter", sys.getrefcount(self))
        return iter((self.n, self.n + 0.5))
K = 12345
L = [D(1), D(2), (3.5, 4.5)]
def f(lst, k):
    lst[0] = D(10)
    lst[0] = 2.5
    lst[1] += 1.5 if False else 0
    a, b = lst[2]
    c, d = D(7)
    (e, g), h = (lst[2], 9.5)
    x = y = a + b
    lst[k - 12345] = x
    try:
        lst[k] = 1.5
    except IndexError as err:
        print("caught", err, sys.getrefcount(lst))
    try:
        p, q = lst
    except ValueError as err:
        print("caught", err)
    for u, v in [(1.5, 2.5), (3.5, 4.5)]:
        x += u * v
    return x, c, d, e, g, h
for i in range(3):
    L[0] = D(1); L[1] = D(2)
    try:
        print(f(L, K))
    except TypeError as e:
        print("TypeError", e)
print(len(L), L[0], L[2])
`,
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
  "yields, list appends and built tuples and lists of deferred values keep CPython's counts": `
import sys
class B:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def gen(x, y):
    yield x
    yield x.n + 0.5
    yield (x, y)
    yield [x, y, 2.5]
    print("in gen", sys.getrefcount(x), sys.getrefcount(y))
def comp(x, y):
    out = [x, y]
    out.append(x)
    r = [v for v in (x, y, x)]
    t = (x, y, 1.5)
    print("comp", sys.getrefcount(x), sys.getrefcount(y), len(r), len(t))
    return t
for i in range(3):
    a, b = B(i), B(i + 10)
    for v in gen(a, b):
        print(type(v).__name__, sys.getrefcount(a))
    comp(a, b)
    print(sys.getrefcount(a), sys.getrefcount(b))
    del a, b
`,
  "attribute stores with deferred owners and values keep CPython's counts": `
import sys
class D:
    def __init__(self, n, watch):
        self.n = n
        self.watch = watch
    def __del__(self):
        print("del", self.n, sys.getrefcount(self.watch))
class O:
    def __init__(self):
        self.a = 1.5
    def inc(self, by=1.5):
        self.a += by
        return self.a
class S:
    __slots__ = ("x", "y")
class P:
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        print("set", sys.getrefcount(self))
        self._v = val
class A:
    def __setattr__(self, k, val):
        print("setattr", k, sys.getrefcount(self))
        object.__setattr__(self, k, val)
def f(o, s, p, a):
    o.b = D(1, o)
    o.b = D(2, o)
    o.b = 2.5
    o.inc()
    s.x = D(3, s)
    s.x = 0.5
    s.y = s.x + 1.5
    p.v = 4.5
    a.w = 5.5
    try:
        s.z = 1
    except AttributeError as e:
        print("caught", e, sys.getrefcount(s))
    return o.a, o.b, s.y, p.v, a.w
for i in range(3):
    o, s, p, a = O(), S(), P(), A()
    print(f(o, s, p, a), sys.getrefcount(o), sys.getrefcount(s))
`,
};

for (const [name, source] of Object.entries(programs)) {
  Deno.test(`compiled code runs as interpreted: ${name}`, () => {
    const { interpreted, compiled } = runBoth(source);
    assertEquals(compiled, interpreted);
    assertEquals(jitErrors, []);
  });
}
