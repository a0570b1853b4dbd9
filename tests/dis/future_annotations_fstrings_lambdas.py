from __future__ import annotations
v: f"{(lambda x: x)}"
w: f"{x:{y}.{z}f}"
u: f"{x!s}" f"plain {{}}"
s: {1, 2}
p: a if (b if c else d) else e
q: (lambda: 1)()
x1: a[b:c, d]
x3: f"{a:{b!r}}"
x4: f'{"}"}'
x5: 'a' 'b' f'{c}'
x6: -1
x7: (-1) ** 2
x8: 2 ** -1
x9: a.b(c).d[e]
y1: not not a
y2: (not a) == b
y3: lambda *, k: k
y4: lambda *a: a
y5: lambda **k: k
y6: {'a': 1, **b}
y7: (*a, b)
y8: f'{a}' 'x{y}'
z1: 1.0e10 + 1e-5 + 0.1 + 1e16 + 1e22
z2: float('inf')
z3: -0.0
z4: (1, 2)[0]
z5: "a\u00e9\U0001F600\x00"
z6: '"' + "'" + '\'"'
