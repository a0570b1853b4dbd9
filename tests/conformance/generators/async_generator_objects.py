# An `async def` with `yield` makes an async_generator: its type, repr and name, and the
# TypeErrors of treating it as a plain iterator. (Running one is not supported yet.)
import types
class Aw:
    def __await__(self):
        yield 'tick'
async def agen(flag):
    await Aw()
    if flag:
        yield 1
g = agen(False)
print(type(g), type(g) is types.AsyncGeneratorType, g.__name__, g.__qualname__, g.ag_running)
print(repr(g).split(" at ")[0])
for f in (lambda: list(agen(False)), lambda: next(agen(True)), lambda: iter(g)):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
