// The collections module (Lib/collections/__init__.py's public face), written for glasspy:
// namedtuple (classes built with type(), their __new__ compiled from source so that its
// signature names the fields), Counter, ChainMap, OrderedDict (a dict subclass here: dicts
// keep insertion order already, and moving a key to the front rebuilds the table),
// UserDict, UserList and UserString (whose str methods are generated), with deque and
// defaultdict from _collections. collections.abc is _collections_abc.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "collections",
  String.raw`"""Container datatypes besides dict, list, set and tuple: namedtuple, deque,
ChainMap, Counter, OrderedDict, defaultdict, UserDict, UserList and UserString."""

__all__ = ('ChainMap Counter OrderedDict UserDict UserList UserString defaultdict '
           'deque namedtuple').split()

import _collections_abc
import sys as _sys

_sys.modules['collections.abc'] = abc = _collections_abc

from itertools import chain as _chain, repeat as _repeat, starmap as _starmap
from keyword import iskeyword as _iskeyword
from operator import eq as _eq, itemgetter as _itemgetter
from _collections import deque, defaultdict, _tuplegetter, _count_elements

_Mapping = _collections_abc.Mapping
_NOTHING = object()

# Objects whose repr is being computed (to print ... for a recursive one).
_repr_busy = set()


def _guarded_repr(obj, make):
    key = id(obj)
    if key in _repr_busy:
        return '...'
    _repr_busy.add(key)
    try:
        return make()
    finally:
        _repr_busy.discard(key)


def _fill(target, source, kwds):
    # dict.update's rules for a mapping, an object with keys(), or (key, value) pairs
    if isinstance(source, _Mapping) or hasattr(source, "keys"):
        for k in (source if isinstance(source, _Mapping) else source.keys()):
            target[k] = source[k]
    else:
        for k, v in source:
            target[k] = v
    for k in kwds:
        target[k] = kwds[k]


############################################################################
# OrderedDict

class _odict_view:
    __slots__ = ('_od',)

    def __init__(self, od): self._od = od
    def __len__(self): return len(self._od)
    def __repr__(self): return f'{self._label}({list(self)!r})'
    def __iter__(self): return iter(self._plain())
    def __reversed__(self): return reversed(self._plain())
    def __contains__(self, item): return item in self._plain()
    def __eq__(self, other): return self._plain() == other


class odict_keys(_odict_view):
    __slots__ = ()
    _label = 'odict_keys'
    def _plain(self): return dict.keys(self._od)
    def __and__(self, other): return self._plain() & other
    def __or__(self, other): return self._plain() | other
    def __sub__(self, other): return self._plain() - other
    def __xor__(self, other): return self._plain() ^ other
    def isdisjoint(self, other): return self._plain().isdisjoint(other)


class odict_items(odict_keys):
    __slots__ = ()
    _label = 'odict_items'
    def _plain(self): return dict.items(self._od)


class odict_values(_odict_view):
    __slots__ = ()
    _label = 'odict_values'
    def _plain(self): return dict.values(self._od)
    def __eq__(self, other): return self is other


abc.KeysView.register(odict_keys)
abc.ItemsView.register(odict_items)
abc.ValuesView.register(odict_values)


class OrderedDict(dict):
    'Dictionary that remembers insertion order'

    def __init__(self, other=(), /, **kwds):
        _fill(self, other, kwds)

    def update(self, other=(), /, **kwds):
        """Add the items of a mapping or of (key, value) pairs, then the keywords."""
        _fill(self, other, kwds)

    def popitem(self, last=True):
        """Remove and return the last (key, value) pair, or the first when last is false."""
        if len(self) == 0:
            raise KeyError('dictionary is empty')
        key = next(reversed(self) if last else iter(self))
        return key, dict.pop(self, key)

    def move_to_end(self, key, last=True):
        """Make key the last key (the first when last is false); KeyError if absent."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        others = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        dict.update(self, others)

    def keys(self): return odict_keys(self)
    def items(self): return odict_items(self)
    def values(self): return odict_values(self)

    def pop(self, key, default=_NOTHING):
        """Remove key and return its value (default, or KeyError, when absent)."""
        return dict.pop(self, key) if default is _NOTHING else dict.pop(self, key, default)

    def setdefault(self, key, default=None):
        """The value for key, set to default first when key is absent."""
        if key not in self:
            self[key] = default
        return self[key]

    def __repr__(self):
        name = type(self).__name__
        if len(self) == 0:
            return name + '()'
        return _guarded_repr(self, lambda: f'{name}({list(self.items())!r})')

    def __reduce__(self):
        state = self.__getstate__() if hasattr(self, '__getstate__') else None
        return type(self), (), state or None, None, iter(self.items())

    def copy(self): return type(self)(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """A new ordered dictionary with the keys of iterable, all mapped to value."""
        new = cls()
        for k in iterable:
            new[k] = value
        return new

    def __eq__(self, other):
        same = dict.__eq__(self, other)
        if same is True and isinstance(other, OrderedDict):
            return all(map(_eq, self, other))
        return same

    def __ne__(self, other):
        same = self.__eq__(other)
        return same if same is NotImplemented else not same

    __hash__ = None

    def __or__(self, other):
        if isinstance(other, dict):
            merged = type(self)(self)
            merged.update(other)
            return merged
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, dict):
            merged = type(self)(other)
            merged.update(self)
            return merged
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


############################################################################
# namedtuple

def _check_names(typename, field_names, rename):
    if rename:
        used = set()
        for position, name in enumerate(field_names):
            bad = (not name.isidentifier() or _iskeyword(name)
                   or name.startswith('_') or name in used)
            if bad:
                field_names[position] = f'_{position}'
            used.add(name)
    # (everything is a str by now, so no type check is needed)
    for name in [typename, *field_names]:
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    used = set()
    for name in field_names:
        if not rename and name.startswith('_'):
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in used:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        used.add(name)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    typename = _sys.intern(str(typename))
    _check_names(typename, field_names, rename)

    defaults = None if defaults is None else tuple(defaults)
    if defaults is not None and len(defaults) > len(field_names):
        raise TypeError('Got more default values than field names')
    tail = field_names[len(field_names) - len(defaults):] if defaults else []
    field_defaults = dict(zip(tail, defaults or ()))

    fields = tuple(_sys.intern(name) for name in field_names)
    count = len(fields)
    signature = ', '.join(fields) + (',' if count == 1 else '')
    fmt = '(' + ', '.join(name + '=%r' for name in fields) + ')'
    new_tuple = tuple.__new__

    # __new__ comes from source, so that its parameters are the field names.
    scope = {'_tuple_new': new_tuple, '__builtins__': {},
             '__name__': f'namedtuple_{typename}'}
    __new__ = eval(f'lambda _cls, {signature}: _tuple_new(_cls, ({signature}))', scope)
    __new__.__name__ = '__new__'
    __new__.__doc__ = f'Create new instance of {typename}({signature})'
    if defaults is not None:
        __new__.__defaults__ = defaults

    def _make(cls, iterable):
        made = new_tuple(cls, iterable)
        if len(made) != count:
            raise TypeError(f'Expected {count} arguments, got {len(made)}')
        return made
    _make.__doc__ = f'Make a new {typename} object from a sequence or iterable'

    def _replace(self, /, **kwds):
        made = self._make(map(kwds.pop, fields, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return made
    _replace.__doc__ = (f'Return a new {typename} object replacing specified '
                        'fields with new values')

    def __repr__(self):
        'Return a nicely formatted representation string'
        return type(self).__name__ + fmt % self

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)

    for function in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        function.__qualname__ = typename + '.' + function.__name__

    namespace = dict(__doc__=f'{typename}({signature})', __slots__=(), _fields=fields,
                     _field_defaults=field_defaults, __new__=__new__,
                     _make=classmethod(_make), _replace=_replace, __repr__=__repr__,
                     _asdict=_asdict, __getnewargs__=__getnewargs__,
                     __match_args__=fields)
    for position, name in enumerate(fields):
        namespace[name] = _tuplegetter(position, _sys.intern(f'Alias for field number {position}'))
    cls = type(typename, (tuple,), namespace)

    # The class belongs to the caller's module, unless told otherwise.
    owner = module
    if owner is None:
        try:
            owner = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            owner = None
    if owner is not None:
        cls.__module__ = owner
    return cls


############################################################################
# Counter

def _positive_part(counts):
    kept = Counter()
    for elem, n in counts:
        if n > 0:
            kept[elem] = n
    return kept


class Counter(dict):
    '''Dict subclass for counting hashable items: elements are keys, counts are values.'''

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key): return 0

    def total(self): return sum(self.values())

    def most_common(self, n=None):
        '''The n most common elements with their counts, most common first (all when n is
        None); equal counts keep the order the elements were first seen in.'''
        ranked = sorted(self.items(), key=_itemgetter(1), reverse=True)
        return ranked if n is None else ranked[:max(n, 0)]

    def elements(self):
        '''Each element repeated as many times as its count (none if the count is < 1).'''
        return _chain.from_iterable(_repeat(elem, n) for elem, n in self.items())

    def update(self, iterable=None, /, **kwds):
        '''Add counts: from a mapping of counts, or one per element of an iterable.'''
        if iterable is not None:
            if not isinstance(iterable, _Mapping):
                _count_elements(self, iterable)
            elif len(self) == 0:
                dict.update(self, iterable)
            else:
                for elem, n in iterable.items():
                    self[elem] = n + self.get(elem, 0)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        '''Subtract counts (which may go to zero or below).'''
        if iterable is not None:
            pairs = iterable.items() if isinstance(iterable, _Mapping) else \
                ((elem, 1) for elem in iterable)
            for elem, n in pairs:
                self[elem] = self.get(elem, 0) - n
        if kwds:
            self.subtract(kwds)

    def copy(self): return type(self)(self)
    def __reduce__(self): return type(self), (dict(self),)

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError('Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            dict.__delitem__(self, elem)

    def _all_elements(self, other):
        return (e for side in (self, other) for e in side)

    def __eq__(self, other):
        if isinstance(other, Counter):
            return all(self[e] == other[e] for e in self._all_elements(other))
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, Counter):
            return not self == other
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, Counter):
            return all(self[e] <= other[e] for e in self._all_elements(other))
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, Counter):
            return all(self[e] >= other[e] for e in self._all_elements(other))
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Counter):
            return self <= other and self != other
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Counter):
            return self >= other and self != other
        return NotImplemented

    def __repr__(self):
        name = type(self).__name__
        if len(self) == 0:
            return name + '()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return f'{name}({shown!r})'

    def _merged(self, other, combine):
        # Elements of self (combined with other's count), then other's new ones.
        pairs = [(e, combine(n, other[e])) for e, n in self.items()]
        pairs += [(e, combine(0, n)) for e, n in other.items() if e not in self]
        return _positive_part(pairs)

    def __add__(self, other):
        if isinstance(other, Counter):
            return self._merged(other, lambda a, b: a + b)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, Counter):
            return self._merged(other, lambda a, b: a - b)
        return NotImplemented

    def __or__(self, other):
        if isinstance(other, Counter):
            return self._merged(other, lambda a, b: b if a < b else a)
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, Counter):
            return _positive_part((e, min(n, other[e])) for e, n in self.items())
        return NotImplemented

    def __pos__(self): return _positive_part(self.items())
    def __neg__(self): return _positive_part((e, 0 - n) for e, n in self.items())

    def _keep_positive(self):
        for elem in [e for e, n in self.items() if not n > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, n in other.items():
            self[elem] += n
        return self._keep_positive()

    def __isub__(self, other):
        for elem, n in other.items():
            self[elem] -= n
        return self._keep_positive()

    def __ior__(self, other):
        for elem, n in other.items():
            if n > self[elem]:
                self[elem] = n
        return self._keep_positive()

    def __iand__(self, other):
        for elem, n in self.items():
            if other[elem] < n:
                self[elem] = other[elem]
        return self._keep_positive()


############################################################################
# ChainMap

class ChainMap(_collections_abc.MutableMapping):
    ''' A single, updateable view of several mappings; lookups search them in order, and
    changes go to the first.'''

    def __init__(self, *maps):
        self.maps = list(maps) if maps else [{}]

    def __missing__(self, key): raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            # not "key in mapping": a defaultdict's __missing__ should still run
            try:
                return mapping[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self): return len(set().union(*self.maps))

    def __iter__(self):
        order = {}
        for mapping in self.maps[::-1]:
            order.update(dict.fromkeys(mapping))
        return iter(order)

    def __contains__(self, key): return any(key in mapping for mapping in self.maps)
    def __bool__(self): return any(self.maps)

    def __repr__(self):
        return _guarded_repr(
            self, lambda: f'{type(self).__name__}({", ".join(map(repr, self.maps))})')

    @classmethod
    def fromkeys(cls, iterable, *args): return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        'New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]'
        first, *rest = self.maps
        return type(self)(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        '''A ChainMap with m (or a new dict) before the current maps; keyword arguments
        go into that first map.'''
        if m is None: m = kwargs
        elif kwargs: m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        'New ChainMap from maps[1:].'
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value): self.maps[0][key] = value

    def __delitem__(self, key):
        first = self.maps[0]
        try:
            del first[key]
        except KeyError: raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        'Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty.'
        first = self.maps[0]
        try:
            return first.popitem()
        except KeyError: raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        'Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0].'
        first = self.maps[0]
        try:
            return first.pop(key, *args)
        except KeyError: raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self): self.maps[0].clear()

    def __or__(self, other):
        if isinstance(other, _Mapping):
            joined = self.copy()
            joined.maps[0].update(other)
            return joined
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, _Mapping):
            joined = dict(other)
            for mapping in self.maps[::-1]:
                joined.update(mapping)
            return type(self)(joined)
        return NotImplemented

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


############################################################################
# UserDict, UserList, UserString

class UserDict(_collections_abc.MutableMapping):
    """A dict-like class that keeps its items in the dict self.data."""

    def __len__(self): return len(self.data)

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None: self.update(dict)
        if kwargs: self.update(kwargs)

    def __getitem__(self, key):
        data = self.data
        if key in data:
            return data[key]
        missing = getattr(type(self), "__missing__", None)
        if missing is None:
            raise KeyError(key)
        return missing(self, key)

    def __setitem__(self, key, item): self.data[key] = item
    def __delitem__(self, key): del self.data[key]
    def __iter__(self): return iter(self.data)
    def __contains__(self, key): return key in self.data
    def get(self, key, default=None): return self[key] if key in self else default
    def __repr__(self): return repr(self.data)

    def _other_data(self, other):
        if isinstance(other, UserDict):
            return other.data
        return other if isinstance(other, dict) else None

    def __or__(self, other):
        data = self._other_data(other)
        return NotImplemented if data is None else type(self)(self.data | data)

    def __ror__(self, other):
        data = self._other_data(other)
        return NotImplemented if data is None else type(self)(data | self.data)

    def __ior__(self, other):
        self.data |= other.data if isinstance(other, UserDict) else other
        return self

    def __copy__(self):
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.__dict__["data"] = self.__dict__["data"].copy()
        return clone

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        import copy
        kept, self.data = self.data, {}
        try:
            clone = copy.copy(self)
        finally:
            self.data = kept
        clone.update(self)
        return clone

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for k in iterable:
            made[k] = value
        return made


class UserList(_collections_abc.MutableSequence):
    """A list-like class that keeps its items in the list self.data."""

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif type(initlist) is list:
            self.data = initlist[:]
        elif isinstance(initlist, UserList):
            self.data = initlist.data[:]
        else:
            self.data = list(initlist)

    def _raw(self, other): return other.data if isinstance(other, UserList) else other

    def __repr__(self): return repr(self.data)
    def __lt__(self, other): return self.data < self._raw(other)
    def __le__(self, other): return self.data <= self._raw(other)
    def __eq__(self, other): return self.data == self._raw(other)
    def __gt__(self, other): return self.data > self._raw(other)
    def __ge__(self, other): return self.data >= self._raw(other)
    def __contains__(self, item): return item in self.data
    def __len__(self): return len(self.data)

    def __getitem__(self, i):
        found = self.data[i]
        return type(self)(found) if isinstance(i, slice) else found

    def __setitem__(self, i, item): self.data[i] = item
    def __delitem__(self, i): del self.data[i]

    def _as_list(self, other):
        if isinstance(other, UserList):
            return other.data
        return other if isinstance(other, list) else list(other)

    def __add__(self, other): return type(self)(self.data + self._as_list(other))
    def __radd__(self, other): return type(self)(self._as_list(other) + self.data)

    def __iadd__(self, other):
        self.data += self._as_list(other)
        return self

    def __imul__(self, n):
        self.data *= n
        return self

    def __mul__(self, n): return type(self)(self.data * n)
    __rmul__ = __mul__

    def __copy__(self):
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.__dict__["data"] = self.__dict__["data"][:]
        return clone

    def append(self, item): self.data.append(item)
    def insert(self, i, item): self.data.insert(i, item)
    def pop(self, i=-1): return self.data.pop(i)
    def remove(self, item): self.data.remove(item)
    def clear(self): self.data.clear()
    def copy(self): return type(self)(self)
    def count(self, item): return self.data.count(item)
    def index(self, item, *args): return self.data.index(item, *args)
    def reverse(self): self.data.reverse()
    def sort(self, /, *args, **kwds): self.data.sort(*args, **kwds)
    def extend(self, other): self.data.extend(self._raw(other))


class UserString(_collections_abc.Sequence):
    """A str-like class that keeps its text in the str self.data."""

    def __init__(self, seq):
        if isinstance(seq, UserString):
            seq = seq.data[:]
        self.data = seq if isinstance(seq, str) else str(seq)

    def __str__(self): return str(self.data)
    def __repr__(self): return repr(self.data)
    def __int__(self): return int(self.data)
    def __float__(self): return float(self.data)
    def __complex__(self): return complex(self.data)
    def __hash__(self): return hash(self.data)
    def __getnewargs__(self): return (self.data[:],)
    def __len__(self): return len(self.data)
    def __getitem__(self, index): return type(self)(self.data[index])

    def _raw(self, other): return other.data if isinstance(other, UserString) else other

    def __eq__(self, other): return self.data == self._raw(other)
    def __lt__(self, other): return self.data < self._raw(other)
    def __le__(self, other): return self.data <= self._raw(other)
    def __gt__(self, other): return self.data > self._raw(other)
    def __ge__(self, other): return self.data >= self._raw(other)
    def __contains__(self, char): return self._raw(char) in self.data

    def __add__(self, other):
        other = self._raw(other)
        return type(self)(self.data + (other if isinstance(other, str) else str(other)))

    def __radd__(self, other):
        return type(self)((other if isinstance(other, str) else str(other)) + self.data)

    def __mul__(self, n): return type(self)(self.data * n)
    __rmul__ = __mul__
    def __mod__(self, args): return type(self)(self.data % args)
    def __rmod__(self, template): return type(self)(str(template) % self)

    def encode(self, encoding='utf-8', errors='strict'):
        return self.data.encode('utf-8' if encoding is None else encoding,
                                'strict' if errors is None else errors)

    maketrans = str.maketrans


def _string_method(name, wrap, unwrap_first):
    # A method of UserString that runs str's on self.data: UserString arguments are
    # unwrapped first where the str method takes a string, and str results re-wrapped.
    method = getattr(str, name)

    def forward(self, *args, **kwargs):
        if unwrap_first:
            args = [a.data if isinstance(a, UserString) else a for a in args]
        result = method(self.data, *args, **kwargs)
        return type(self)(result) if wrap else result
    forward.__name__ = name
    forward.__qualname__ = 'UserString.' + name
    forward.__doc__ = method.__doc__
    return forward


for _name in ('capitalize casefold center expandtabs ljust lower lstrip rjust rstrip '
              'strip swapcase title translate upper zfill').split():
    setattr(UserString, _name, _string_method(_name, True, False))
for _name in ('removeprefix removesuffix replace').split():
    setattr(UserString, _name, _string_method(_name, True, True))
for _name in ('count find rfind').split():
    setattr(UserString, _name, _string_method(_name, False, True))
for _name in ('endswith format format_map index isalpha isalnum isascii isdecimal '
              'isdigit isidentifier islower isnumeric isprintable isspace istitle '
              'isupper join partition rindex rpartition split rsplit splitlines '
              'startswith').split():
    setattr(UserString, _name, _string_method(_name, False, False))
del _name
`,
);
