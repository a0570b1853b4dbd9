// The copy module (Lib/copy.py's interface): shallow and deep copies by type (immutable
// objects are their own copies; containers are rebuilt), by __copy__/__deepcopy__, or from
// the object's reduction (copyreg's table, else __reduce_ex__(4)), the memo dict of a deep
// copy keeping shared and cyclic structure as it was.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "copy",
  String.raw`"""Generic (shallow and deep) copying operations: copy(x) and deepcopy(x)."""

from copyreg import dispatch_table
from _weakref import ref as _weakref_ref

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass

error = Error   # backward compatibility


def _function(): pass
_FunctionType = type(_function)
_BuiltinFunctionType = type(len)
_CodeType = type(_function.__code__)
# a function bound to any object is a method; a throwaway class would be cyclic garbage
_MethodType = type(_function.__get__(0))
del _function

# Objects that are their own copies, shallow or deep.
_atomic = (type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex,
           bytes, str, _CodeType, type, range, _BuiltinFunctionType, _FunctionType,
           _weakref_ref, property)


def _same(x, memo=None):
    return x

_shallow = dict.fromkeys(_atomic + (tuple, frozenset, slice), _same)
_shallow.update({list: list.copy, dict: dict.copy, set: set.copy,
                 bytearray: bytearray.copy})


def _reduction(x, cls, what):
    # copyreg's function for the type, else __reduce_ex__(4), else __reduce__()
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor:
        return reductor()
    raise Error("un(%s)copyable object of type %s" % (what, cls))


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    copier = _shallow.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x        # a class (even one with a metaclass) is not copied
    own_copy = getattr(cls, "__copy__", None)
    if own_copy is not None:
        return own_copy(x)
    rv = _reduction(x, cls, "shallow")
    return x if isinstance(rv, str) else _reconstruct(x, None, *rv)


def _deep_list(x, memo):
    y = []
    memo[id(x)] = y     # before the items, so that a cycle comes back to y
    for item in x:
        y.append(deepcopy(item, memo))
    return y


def _deep_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # a cycle through the tuple may have made its copy already
    made = memo.get(id(x))
    if made is not None:
        return made
    if all(a is b for a, b in zip(x, items)):
        return x
    return tuple(items)


def _deep_dict(x, memo):
    made = memo[id(x)] = {}
    for k, v in x.items():
        made[deepcopy(k, memo)] = deepcopy(v, memo)
    return made


def _deep_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deep = dict.fromkeys(_atomic, _same)
_deep.update({list: _deep_list, tuple: _deep_tuple, dict: _deep_dict,
              _MethodType: _deep_method})

_nothing = object()


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nothing)
    if found is not _nothing:
        return found
    cls = type(x)
    copier = _deep.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        own_deepcopy = getattr(x, "__deepcopy__", None)
        if own_deepcopy is not None:
            y = own_deepcopy(memo)
        else:
            rv = _reduction(x, cls, "deep")
            y = x if isinstance(rv, str) else _reconstruct(x, memo, *rv)
    if y is not x:
        # Memoized, and x kept alive while the memo lives (its id must not be reused).
        memo[key] = y
        memo.setdefault(id(memo), []).append(x)
    return y


def _set_state(y, state):
    # __setstate__, else a __dict__ update and the slot values (state may be a pair)
    setter = getattr(y, '__setstate__', None)
    if setter is not None:
        return setter(state)
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state is not None:
        y.__dict__.update(state)
    for name, value in (slots or {}).items():
        setattr(y, name, value)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    # memo is None for a shallow copy; a deep copy copies every part it uses
    if memo is None:
        y = func(*args)
        if state is not None:
            _set_state(y, state)
        for item in (listiter or ()):
            y.append(item)
        for k, v in (dictiter or ()):
            y[k] = v
        return y
    y = func(*[deepcopy(a, memo) for a in args])
    memo[id(x)] = y
    if state is not None:
        _set_state(y, deepcopy(state, memo))
    for item in (listiter or ()):
        y.append(deepcopy(item, memo))
    for k, v in (dictiter or ()):
        k = deepcopy(k, memo)
        y[k] = deepcopy(v, memo)
    return y
`,
);
