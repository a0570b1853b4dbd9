# Cells run in a real ipykernel notebook and in a glasspy notebook, with nbclient; the test
# compares what each cell shows. They are about what a cell's own execution does to
# objects: reference counts under IPython's output caching (_, __, _N, Out), id reuse, the
# bytecode of code defined in a cell; and how printed text is batched into stream messages.
# Cells are separated by lines "# %%".
# %%
import sys
# %%
x = object()
sys.getrefcount(x)
# %%
x
# %%
sys.getrefcount(x)
# %%
y = [1, 2, 3]
sys.getrefcount(y)
# %%
y;
# %%
sys.getrefcount(y)
# %%
def count(a):
    return sys.getrefcount(a)
count(y)
# %%
z = y
del z
sys.getrefcount(y)
# %%
t = (x, y)
sys.getrefcount(x), sys.getrefcount(y)
# %%
del t
sys.getrefcount(x), sys.getrefcount(y)
# %%
id([]) == id([])
# %%
a = []
ida = id(a)
del a
b = []
reused = id(b) == ida
del ida
reused
# %%
s = 'glass' + 'py'
sys.getrefcount(s)
# %%
n = 1000
sys.getrefcount(n)
# %%
_, __, ___
# %%
list(Out)[-3:]
# %%
In[-1]
# %%
print(_i2)
# %%
1 / 0
# %%
sys.getrefcount(x)
# %%
class Box:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Box({self.v!r})"
box = Box(5)
box
# %%
sys.getrefcount(box)
# %%
%who
# %%
%whos
# %%
def gen():
    yield sys.getrefcount(box)
next(gen())
# %%
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)
t = Tracked("plain")
del t
# %%
def boom():
    local = Tracked("in a failed frame")
    raise ValueError("boom")
boom()
# %%
print("the cell after the error")
# %%
print("two cells after")
# %%
[][1]
# %%
shown = Tracked("displayed")
shown
# %%
del shown
# %%
print("one cell later")
# %%
sys.getrefcount(Out)
# %%
print("out 1"); print("err", file=sys.stderr); print("out 2")
# %%
print("out", flush=True); print("err", file=sys.stderr, flush=True); print("out again")
# %%
print("before"); sys.stderr.write("warned\n"); display("shown"); print("after")
# %%
shell = get_ipython()
type(shell).__module__, type(shell).__name__, callable(shell.run_line_magic)
# %%
del shell
# %%
import dis
dis.dis(count)
# %%
%reset -f
# %%
%who
