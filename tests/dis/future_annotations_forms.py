from __future__ import annotations
import typing
x: int
y: list[int] = []
z: dict[str, tuple[int, ...]] = {}
a: "forward" = 1
b: 1 + 2 * 3 ** -4 ** 5
c: (1 + 2) * 3
d: -(-x) ** 2
e: (-x) ** 2
f: not a and b or c
g: (a or b) and c
h: a if b else c
i: (a if b else c) if d else e
j: lambda: 1
k: lambda x, y=1, *a, z, w=2, **kw: x
l: lambda a, /, b: a
m: [x for x in y if x if not x]
n: {x: y for x, y in z}
o: {x for x in y}
p: (x for x in y)
q: f(x for x in y)
r: f(a, *b, c=1, **d)
s: a < b <= c is not d not in e
t: (a < b) < c
u: a.b.c[1:2, ::3, 4:]
v: 1 .real
w: 1.5.real
xx: f"{a!r:>{width}} {{lit}} {b=}"
yy: f"{ {1: 2}[1] }"
zz: u"unicode" 
aa: b"bytes\x00"
bb: 1e309
cc: 1e309j
dd: -1e309
ee: ...
ff: None | True | False
gg: (a, b)
hh: ()
ii: (a,)
jj: a[b, c]
kk: a[()]
ll: a[(b, c),]
mm: {**a, 'b': 2}
nn: [*a, *b]
oo: a | b & c ^ d << e >> f
pp: a @ b // c % d / e
qq: ~a + +b - -c
rr: a[1:2:3]
ss: 0x10 + 0o7 + 0b1
tt: 'it''s' "x"
uu: '\n\t\'"'
vv: 3j + 1.0
ww: 10**100
xy: typing.Optional["C"]
def fn(a: int, b: str = "x", *args: tuple, c: float, **kw: dict) -> list[int]:
    pass
class C:
    attr: ClassVar[int] = 0
    def m(self) -> C: ...
async def co(x: Awaitable) -> None:
    pass
