// The copyreg module (Lib/copyreg.py's interface): the table of reduction functions that
// copy and pickle consult, the constructors object.__reduce_ex__ names in what it returns
// (__newobj__, __newobj_ex__, _reconstructor), the slot names of a class, and the
// extension-code registry.

import { registerFrozenModule } from "./frozen.ts";
import { setCopyregImporter } from "../objects/objreduce.ts";
import { importModule } from "../vm/imports.ts";
import { PyUnicode_InternFromString } from "../objects/unicodeobject.ts";
import { Py_DECREF } from "../objects/object.ts";

setCopyregImporter(() => {
  const name = PyUnicode_InternFromString("copyreg");
  try {
    return importModule(name);
  } finally {
    Py_DECREF(name);
  }
});

registerFrozenModule(
  "copyreg",
  String.raw`"""Helpers for copy and pickle: reduction functions registered per type."""

__all__ = "pickle constructor add_extension remove_extension clear_extension_cache".split()

# type -> function returning the reduction tuple of its instances
dispatch_table = {}


def constructor(object):
    """Check that object can serve as a constructor (it must be callable)."""
    if callable(object):
        return
    raise TypeError("constructors must be callable")


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function to reduce objects of ob_type."""
    if callable(pickle_function):
        dispatch_table[ob_type] = pickle_function
    else:
        raise TypeError("reduction functions must be callable")
    if constructor_ob is not None: constructor(constructor_ob)


def pickle_complex(c): return complex, (c.real, c.imag)


def pickle_union(obj):
    import functools, operator
    return functools.reduce, (operator.or_, obj.__args__)


dispatch_table[complex] = pickle_complex
try:
    dispatch_table[type(int | str)] = pickle_union
except TypeError:
    pass    # X | Y unions of types are not in glasspy yet


# ---- support for object.__reduce_ex__ ---------------------------------------------------

_HEAPTYPE = 1 << 9
_new_type = type(int.__new__)


def _reconstructor(cls, base, state):
    """Rebuild an object reduced with protocol 0 or 1."""
    if base is object:
        return object.__new__(cls)
    made = base.__new__(cls, state)
    if base.__init__ != object.__init__:
        base.__init__(made, state)
    return made


def _builtin_base(cls):
    # the nearest base that is a built-in type, or whose __new__ is its own C one
    for b in cls.__mro__:
        if hasattr(b, '__flags__') and not b.__flags__ & _HEAPTYPE:
            return b
        if isinstance(b.__new__, _new_type) and b.__new__.__self__ is b:
            return b
    return object


def _reduce_ex(self, proto):
    """object.__reduce_ex__ for protocols 0 and 1."""
    if proto >= 2:
        raise AssertionError
    klass = self.__class__
    base = _builtin_base(klass)
    if base is klass and base is not object:
        raise TypeError(f"cannot pickle {klass.__name__!r} object")
    args = (klass, base, None if base is object else base(self))
    getstate = getattr(self, "__getstate__", None)
    slotted = getattr(self, "__slots__", None)
    if getstate is None:
        if slotted:
            raise TypeError(f"cannot pickle {klass.__name__!r} object: "
                            f"a class that defines __slots__ without "
                            f"defining __getstate__ cannot be pickled "
                            f"with protocol {proto}") from None
        state = getattr(self, "__dict__", None)
    else:
        if slotted and type(self).__getstate__ is object.__getstate__:
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        state = getstate()
    return (_reconstructor, args, state) if state else (_reconstructor, args)


def __newobj__(cls, *args): return cls.__new__(cls, *args)

def __newobj_ex__(cls, args, kwargs): return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of cls's __slots__ values along its MRO (private names mangled, __dict__
    and __weakref__ left out), cached on the class as __slotnames__."""
    cached = cls.__dict__.get("__slotnames__")
    if cached is None:
        cached = []
        if hasattr(cls, "__slots__"):
            for klass in cls.__mro__:
                declared = klass.__dict__.get("__slots__")
                if declared is None:
                    continue
                for name in ((declared,) if isinstance(declared, str) else declared):
                    if name in ("__dict__", "__weakref__"):
                        continue
                    if name.startswith('__') and not name.endswith('__'):
                        owner = klass.__name__.lstrip('_')
                        name = f'_{owner}{name}' if owner else name
                    cached.append(name)
        try:
            cls.__slotnames__ = cached
        except:
            pass    # classes whose attributes cannot be set (built-in types)
    return cached


# ---- the extension registry (codes standing for (module, name) in pickles) -------------

_extension_registry, _inverted_registry, _extension_cache = {}, {}, {}


def add_extension(module, name, code):
    """Register an extension code."""
    number = int(code)
    if number < 1 or number > 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    known = _extension_registry.get(key)
    if known == number and _inverted_registry.get(number) == key:
        return
    if known is not None:
        raise ValueError(f"key {key} is already registered with code {known}")
    if number in _inverted_registry:
        raise ValueError(f"code {number} is already in use for key {_inverted_registry[number]}")
    _extension_registry[key], _inverted_registry[number] = number, key


def remove_extension(module, name, code):
    """Unregister an extension code.  For testing only."""
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        del _extension_registry[key], _inverted_registry[code]
        _extension_cache.pop(code, None)
    else:
        raise ValueError(f"key {key} is not registered with code {code}")


def clear_extension_cache(): _extension_cache.clear()
`,
);
