// The _collections_abc module, importable as collections.abc (Lib/_collections_abc.py):
// the container ABCs, each recognizing classes that define its methods (through
// __subclasshook__), with the mixin methods they give their subclasses, and the built-in
// types registered with them. Written for glasspy in its own way: the structural checks
// come from one decorator, and the mixins are expressed with the builtins where that reads
// simpler; what they answer is what CPython's answer.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "_collections_abc",
  String.raw`"""Abstract Base Classes (ABCs) for collections, according to PEP 3119."""

from abc import ABCMeta, abstractmethod
import sys

__all__ = ("Awaitable Coroutine AsyncIterable AsyncIterator AsyncGenerator Hashable "
           "Iterable Iterator Generator Reversible Sized Container Callable Collection "
           "Set MutableSet Mapping MutableMapping MappingView KeysView ItemsView "
           "ValuesView Sequence MutableSequence ByteString").split()

# The classes say they live in collections.abc, where users import them from.
__name__ = "collections.abc"

GenericAlias = type(list[int])
_generic = classmethod(GenericAlias)


def _defines_all(C, names):
    """True when each name is defined, and not set to None, along C's MRO."""
    for name in names:
        for klass in C.__mro__:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _structural(*names):
    """Class decorator: issubclass(C, cls) holds for any C that defines all of names
    (for cls itself; its subclasses fall back on the ordinary rules)."""
    def decorate(cls):
        def __subclasshook__(klass, C):
            if klass is not cls:
                return NotImplemented
            return _defines_all(C, names)
        __subclasshook__.__qualname__ = cls.__qualname__ + ".__subclasshook__"
        cls.__subclasshook__ = classmethod(__subclasshook__)
        return cls
    return decorate


def _type_of_iter(obj):
    return type(iter(obj))


### One-method ABCs

@_structural("__hash__")
class Hashable(metaclass=ABCMeta):
    @abstractmethod
    def __hash__(self): return 0
    __slots__ = ()


@_structural("__await__")
class Awaitable(metaclass=ABCMeta):
    @abstractmethod
    def __await__(self): yield
    __class_getitem__ = _generic
    __slots__ = ()


def _raise_into(typ, val, tb):
    # throw()'s default: raise typ (an instance made if needed) with tb attached
    if val is None:
        if tb is None:
            raise typ
        val = typ()
    raise val if tb is None else val.with_traceback(tb)


def _close_by_throwing(obj, what):
    try:
        obj.throw(GeneratorExit)
    except (GeneratorExit, StopIteration): return
    raise RuntimeError(f"{what} ignored GeneratorExit")


@_structural('__await__', 'send', 'throw', 'close')
class Coroutine(Awaitable):
    @abstractmethod
    def send(self, value): raise StopIteration
    @abstractmethod
    def throw(self, typ, val=None, tb=None): _raise_into(typ, val, tb)
    def close(self): _close_by_throwing(self, "coroutine")
    __slots__ = ()


@_structural("__aiter__")
class AsyncIterable(metaclass=ABCMeta):
    @abstractmethod
    def __aiter__(self): return AsyncIterator()
    __class_getitem__ = _generic
    __slots__ = ()


@_structural("__anext__", "__aiter__")
class AsyncIterator(AsyncIterable):
    @abstractmethod
    async def __anext__(self): raise StopAsyncIteration
    def __aiter__(self): return self
    __slots__ = ()


@_structural('__aiter__', '__anext__', 'asend', 'athrow', 'aclose')
class AsyncGenerator(AsyncIterator):
    async def __anext__(self): return await self.asend(None)
    @abstractmethod
    async def asend(self, value): raise StopAsyncIteration
    @abstractmethod
    async def athrow(self, typ, val=None, tb=None): _raise_into(typ, val, tb)
    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration): return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")
    __slots__ = ()


@_structural("__iter__")
class Iterable(metaclass=ABCMeta):
    @abstractmethod
    def __iter__(self): yield from ()
    __class_getitem__ = _generic
    __slots__ = ()


@_structural('__iter__', '__next__')
class Iterator(Iterable):
    @abstractmethod
    def __next__(self): raise StopIteration
    def __iter__(self): return self
    __slots__ = ()


@_structural("__reversed__", "__iter__")
class Reversible(Iterable):
    @abstractmethod
    def __reversed__(self): yield from ()
    __slots__ = ()


@_structural('__iter__', '__next__', 'send', 'throw', 'close')
class Generator(Iterator):
    def __next__(self): return self.send(None)
    @abstractmethod
    def send(self, value): raise StopIteration
    @abstractmethod
    def throw(self, typ, val=None, tb=None): _raise_into(typ, val, tb)
    def close(self): _close_by_throwing(self, "generator")
    __slots__ = ()


@_structural("__len__")
class Sized(metaclass=ABCMeta):
    @abstractmethod
    def __len__(self): return 0
    __slots__ = ()


@_structural("__contains__")
class Container(metaclass=ABCMeta):
    @abstractmethod
    def __contains__(self, x): return False
    __class_getitem__ = _generic
    __slots__ = ()


@_structural("__len__", "__iter__", "__contains__")
class Collection(Sized, Iterable, Container):
    __slots__ = ()


@_structural("__call__")
class Callable(metaclass=ABCMeta):
    @abstractmethod
    def __call__(self, *args, **kwds): return False
    __class_getitem__ = _generic
    __slots__ = ()


### Sets

class Set(Collection):
    """A finite iterable container compared as a set: the mixins give comparisons and
    the set operators from __contains__, __iter__ and __len__."""

    def __le__(self, other):
        if isinstance(other, Set):
            return len(self) <= len(other) and all(e in other for e in self)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, Set):
            return len(self) >= len(other) and all(e in self for e in other)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Set):
            return len(self) < len(other) and self.__le__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Set):
            return len(self) > len(other) and self.__ge__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, Set):
            return len(self) == len(other) and self.__le__(other)
        return NotImplemented

    @classmethod
    def _from_iterable(cls, it): return cls(it)

    def _as_set(self, other):
        # Operands that are not Sets are made into one of ours, if iterable.
        if isinstance(other, Set):
            return other
        return self._from_iterable(other) if isinstance(other, Iterable) else None

    def __and__(self, other):
        if isinstance(other, Iterable):
            return self._from_iterable(v for v in other if v in self)
        return NotImplemented
    __rand__ = __and__

    def isdisjoint(self, other): return not any(v in self for v in other)

    def __or__(self, other):
        if isinstance(other, Iterable):
            return self._from_iterable(e for part in (self, other) for e in part)
        return NotImplemented
    __ror__ = __or__

    def __sub__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(v for v in self if v not in other)

    def __rsub__(self, other):
        other = self._as_set(other)
        if other is None:
            return NotImplemented
        return self._from_iterable(v for v in other if v not in self)

    def __xor__(self, other):
        other = self._as_set(other)
        return NotImplemented if other is None else (self - other) | (other - self)
    __rxor__ = __xor__

    def _hash(self):
        """frozenset's hash algorithm over this set's elements."""
        full = 2 * sys.maxsize + 1
        h = (1927868237 * (len(self) + 1)) & full
        for element in self:
            eh = hash(element)
            h = (h ^ ((eh ^ (eh << 16) ^ 89869747) * 3644798167)) & full
        h ^= (h >> 11) ^ (h >> 25)
        h = (h * 69069 + 907133923) & full
        if h > sys.maxsize:
            h -= full + 1
        return 590923713 if h == -1 else h
    __slots__ = ()


class MutableSet(Set):
    """A Set that add() and discard() change; the mixins build the rest on them."""

    @abstractmethod
    def add(self, value): raise NotImplementedError
    @abstractmethod
    def discard(self, value): raise NotImplementedError

    def remove(self, value):
        if value in self: self.discard(value)
        else: raise KeyError(value)

    def pop(self):
        for value in self:
            self.discard(value)
            return value
        raise KeyError

    def clear(self):
        while True:
            try: self.pop()
            except KeyError: return

    def __ior__(self, it):
        for v in it: self.add(v)
        return self

    def __iand__(self, it):
        for v in self - it: self.discard(v)
        return self

    def __ixor__(self, it):
        if it is self: self.clear()
        else:
            for v in (it if isinstance(it, Set) else self._from_iterable(it)):
                (self.discard if v in self else self.add)(v)
        return self

    def __isub__(self, it):
        if it is self: self.clear()
        else:
            for v in it: self.discard(v)
        return self
    __slots__ = ()


### Mappings

class Mapping(Collection):
    """A read-only container of key/value pairs: get, __contains__, the three views and
    == come from __getitem__, __iter__ and __len__."""

    @abstractmethod
    def __getitem__(self, key): raise KeyError

    def get(self, key, default=None):
        try: return self[key]
        except KeyError: return default

    def __contains__(self, key):
        try: self[key]
        except KeyError: return False
        return True

    def keys(self): return KeysView(self)
    def items(self): return ItemsView(self)
    def values(self): return ValuesView(self)

    def __eq__(self, other):
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __reversed__ = None
    __slots__ = ()


class MappingView(Sized):
    def __init__(self, mapping): self._mapping = mapping
    def __len__(self): return len(self._mapping)
    def __repr__(self): return f'{type(self).__name__}({self._mapping!r})'
    __class_getitem__ = _generic
    __slots__ = ('_mapping',)


def _plain_set(cls, it): return set(it)


class KeysView(MappingView, Set):
    _from_iterable = classmethod(_plain_set)
    def __contains__(self, key): return key in self._mapping
    def __iter__(self): yield from self._mapping
    __slots__ = ()


class ItemsView(MappingView, Set):
    _from_iterable = classmethod(_plain_set)

    def __contains__(self, item):
        key, value = item
        try: found = self._mapping[key]
        except KeyError: return False
        return found is value or found == value

    def __iter__(self):
        mapping = self._mapping
        for key in mapping: yield (key, mapping[key])
    __slots__ = ()


class ValuesView(MappingView, Collection):
    def __contains__(self, value):
        mapping = self._mapping
        return any(v is value or v == value for v in map(mapping.__getitem__, mapping))

    def __iter__(self):
        mapping = self._mapping
        for key in mapping: yield mapping[key]
    __slots__ = ()


class MutableMapping(Mapping):
    """A Mapping changed through __setitem__ and __delitem__; pop, popitem, clear,
    update and setdefault are built on them."""

    @abstractmethod
    def __setitem__(self, key, value): raise KeyError
    @abstractmethod
    def __delitem__(self, key): raise KeyError

    _absent = object()

    def pop(self, key, default=_absent):
        try: found = self[key]
        except KeyError:
            if default is MutableMapping._absent: raise
            return default
        del self[key]
        return found

    def popitem(self):
        for key in self:
            found = self[key]
            del self[key]
            return key, found
        raise KeyError

    def clear(self):
        while True:
            try: self.popitem()
            except KeyError: return

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping) or hasattr(other, "keys"):
            for key in (other if isinstance(other, Mapping) else other.keys()):
                self[key] = other[key]
        else:
            for key, found in other: self[key] = found
        for key in kwds: self[key] = kwds[key]

    def setdefault(self, key, default=None):
        try: return self[key]
        except KeyError: self[key] = default
        return default
    __slots__ = ()


### Sequences

class Sequence(Reversible, Collection):
    """A read-only sequence indexed from 0: iteration, membership, reversal, index() and
    count() come from __getitem__ and __len__."""

    @abstractmethod
    def __getitem__(self, index): raise IndexError

    def __iter__(self):
        position = 0
        while True:
            try: item = self[position]
            except IndexError: return
            yield item
            position += 1

    def __contains__(self, value): return any(v is value or v == value for v in self)

    def __reversed__(self):
        for position in range(len(self) - 1, -1, -1): yield self[position]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(0, start + len(self))
        if stop is not None and stop < 0:
            stop = stop + len(self)
        position = start
        while stop is None or position < stop:
            try: item = self[position]
            except IndexError: break
            if item is value or item == value:
                return position
            position += 1
        raise ValueError

    def count(self, value): return sum(v is value or v == value for v in self)
    __slots__ = ()


class ByteString(Sequence):
    """This unifies bytes and bytearray."""
    __slots__ = ()


class MutableSequence(Sequence):
    """A Sequence changed through __setitem__, __delitem__ and insert; the mixins build
    append, clear, reverse, extend, pop, remove and += on them."""

    @abstractmethod
    def __setitem__(self, index, value): raise IndexError
    @abstractmethod
    def __delitem__(self, index): raise IndexError
    @abstractmethod
    def insert(self, index, value): raise IndexError

    def append(self, value): self.insert(len(self), value)

    def clear(self):
        while True:
            try: self.pop()
            except IndexError: return

    def reverse(self):
        last = len(self) - 1
        for i in range((last + 1) // 2):
            self[i], self[last - i] = self[last - i], self[i]

    def extend(self, values):
        for v in (list(values) if values is self else values): self.append(v)

    def pop(self, index=-1):
        item = self[index]
        del self[index]
        return item

    def remove(self, value): del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self
    __slots__ = ()


### The built-in types, registered where they belong

async def _coroutine_function():
    pass

_c = _coroutine_function()
coroutine = type(_c)
_c.close()
del _c, _coroutine_function

generator = type((lambda: (yield))())
dict_keys, dict_values, dict_items = (type(view) for view in ({}.keys(), {}.values(), {}.items()))
mappingproxy = type(vars(type))
bytes_iterator = _type_of_iter(b'')
bytearray_iterator = _type_of_iter(bytearray())
dict_keyiterator = _type_of_iter({}.keys())
dict_valueiterator = _type_of_iter({}.values())
dict_itemiterator = _type_of_iter({}.items())
list_iterator = _type_of_iter([])
list_reverseiterator = type(reversed([]))
range_iterator = _type_of_iter(range(0))
longrange_iterator = _type_of_iter(range(1 << 1000))
set_iterator = _type_of_iter(set())
str_iterator = _type_of_iter("")
tuple_iterator = _type_of_iter(())
zip_iterator = type(zip())

for _abc_class, _members in (
    (Coroutine, (coroutine,)),
    (Generator, (generator,)),
    (Iterator, (bytes_iterator, bytearray_iterator, dict_keyiterator,
                dict_valueiterator, dict_itemiterator, list_iterator,
                list_reverseiterator, range_iterator, longrange_iterator,
                set_iterator, str_iterator, tuple_iterator, zip_iterator)),
    (Set, (frozenset,)),
    (MutableSet, (set,)),
    (Mapping, (mappingproxy,)),
    (KeysView, (dict_keys,)),
    (ItemsView, (dict_items,)),
    (ValuesView, (dict_values,)),
    (MutableMapping, (dict,)),
    (Sequence, (tuple, str, range, memoryview)),
    (ByteString, (bytes, bytearray)),
    (MutableSequence, (list, bytearray)),
):
    for _member in _members:
        _abc_class.register(_member)
del _abc_class, _members, _member
`,
);
