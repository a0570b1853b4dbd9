# Descriptors of built-in types name the type by its full tp_name
import weakref
import collections

print(weakref.ref.__call__, weakref.ref.__hash__)
print(int.__add__, list.append, type.__dict__["__name__"], int.real)
print(collections.deque.append, collections.defaultdict.__missing__)


class C:
    __slots__ = ("x",)


print(C.x, object.__init__, str.join)
