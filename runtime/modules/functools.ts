// The functools module (Lib/functools.py): Python over _functools, as in CPython —
// update_wrapper and wraps, total_ordering, lru_cache and cache around the TypeScript
// _lru_cache_wrapper, partialmethod, cached_property, singledispatch and
// singledispatchmethod (dispatching on the MRO; abstract base classes are not consulted).

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "functools",
  String.raw`"""Tools for working with functions and callable objects (glasspy's functools)."""

__all__ = ('update_wrapper wraps WRAPPER_ASSIGNMENTS WRAPPER_UPDATES total_ordering '
           'cache cmp_to_key lru_cache reduce partial partialmethod singledispatch '
           'singledispatchmethod cached_property').split()

from _functools import reduce, partial, cmp_to_key, _lru_cache_wrapper


# ---- update_wrapper and wraps ---------------------------------------------------------

# What update_wrapper copies (assigned) and merges (updated) by default.
WRAPPER_ASSIGNMENTS = tuple('__module__ __name__ __qualname__ __doc__ __annotations__'.split())
WRAPPER_UPDATES = tuple(['__dict__'])

_missing = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Copy the wrapped function's name, docs and attributes onto wrapper."""
    for attr in assigned:
        value = getattr(wrapped, attr, _missing)
        if value is not _missing:
            setattr(wrapper, attr, value)
    for attr in updated:
        target = getattr(wrapper, attr)
        target.update(getattr(wrapped, attr, {}))
    # After the __dict__ update, so that wrapped's own __wrapped__ does not win.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper()."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---- total_ordering ---------------------------------------------------------------------

# For each root operation, the three others in terms of it (and of == when needed).
# Every derived method calls the root through the class and passes NotImplemented on.

def _derive(root, name, combine, doc):
    def method(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        return combine(self, other, result)
    method.__name__ = method.__qualname__ = name
    method.__doc__ = doc
    return method


def _not_and_ne(self, other, r):
    return not r and self != other

def _or_eq(self, other, r):
    return r or self == other

def _not(self, other, r):
    return not r

def _not_or_eq(self, other, r):
    return not r or self == other

def _and_ne(self, other, r):
    return r and self != other


_convert = {
    '__lt__': [('__gt__', _derive('__lt__', '_gt_from_lt', _not_and_ne,
                'Return a > b.  Computed by @total_ordering from (not a < b) and (a != b).')),
               ('__le__', _derive('__lt__', '_le_from_lt', _or_eq,
                'Return a <= b.  Computed by @total_ordering from (a < b) or (a == b).')),
               ('__ge__', _derive('__lt__', '_ge_from_lt', _not,
                'Return a >= b.  Computed by @total_ordering from (not a < b).'))],
    '__le__': [('__ge__', _derive('__le__', '_ge_from_le', _not_or_eq,
                'Return a >= b.  Computed by @total_ordering from (not a <= b) or (a == b).')),
               ('__lt__', _derive('__le__', '_lt_from_le', _and_ne,
                'Return a < b.  Computed by @total_ordering from (a <= b) and (a != b).')),
               ('__gt__', _derive('__le__', '_gt_from_le', _not,
                'Return a > b.  Computed by @total_ordering from (not a <= b).'))],
    '__gt__': [('__lt__', _derive('__gt__', '_lt_from_gt', _not_and_ne,
                'Return a < b.  Computed by @total_ordering from (not a > b) and (a != b).')),
               ('__ge__', _derive('__gt__', '_ge_from_gt', _or_eq,
                'Return a >= b.  Computed by @total_ordering from (a > b) or (a == b).')),
               ('__le__', _derive('__gt__', '_le_from_gt', _not,
                'Return a <= b.  Computed by @total_ordering from (not a > b).'))],
    '__ge__': [('__le__', _derive('__ge__', '_le_from_ge', _not_or_eq,
                'Return a <= b.  Computed by @total_ordering from (not a >= b) or (a == b).')),
               ('__gt__', _derive('__ge__', '_gt_from_ge', _and_ne,
                'Return a > b.  Computed by @total_ordering from (a >= b) and (a != b).')),
               ('__lt__', _derive('__ge__', '_lt_from_ge', _not,
                'Return a < b.  Computed by @total_ordering from (not a >= b).'))],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    defined = [op for op in _convert
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # '__lt__' sorts last, so it is preferred, then '__le__', '__gt__', '__ge__'.
    for opname, method in _convert[max(defined)]:
        if opname not in defined:
            method.__name__ = opname
            setattr(cls, opname, method)
    return cls


# ---- lru_cache and cache ----------------------------------------------------------------

_CacheInfo = None


def _make_wrapper(user_function, maxsize, typed):
    global _CacheInfo
    if _CacheInfo is None:
        from collections import namedtuple
        _CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
    parameters = {'maxsize': maxsize, 'typed': typed}
    wrapper.cache_parameters = lambda: dict(parameters)
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator."""
    if isinstance(maxsize, int):
        return lambda user_function: _make_wrapper(user_function, max(maxsize, 0), typed)
    if maxsize is None:
        return lambda user_function: _make_wrapper(user_function, None, typed)
    if callable(maxsize) and isinstance(typed, bool):
        # @lru_cache with no arguments: the decorated function came as maxsize.
        return _make_wrapper(maxsize, 128, typed)
    raise TypeError('Expected first argument to be an integer, a callable, or None')


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return _make_wrapper(user_function, None, False)


# ---- partialmethod ------------------------------------------------------------------------

class partialmethod(object):
    """Method descriptor with partial application of the given arguments
    and keywords."""

    def __init__(self, func, /, *args, **keywords):
        if not (callable(func) or hasattr(func, "__get__")):
            raise TypeError("{!r} is not callable or a descriptor".format(func))
        if isinstance(func, partialmethod):
            # Flattened: the wrapped partialmethod's arguments come first.
            func, args, keywords = (func.func, func.args + args,
                                    {**func.keywords, **keywords})
        self.func, self.args, self.keywords = func, args, keywords

    def __repr__(self):
        shown = ", ".join([*map(repr, self.args),
                           *(f"{k}={v!r}" for k, v in self.keywords.items())])
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({self.func}, {shown})"

    def __get__(self, obj, cls=None):
        binder = getattr(self.func, "__get__", None)
        if binder is not None:
            bound = binder(obj, cls)
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                if hasattr(bound, "__self__"):
                    result.__self__ = bound.__self__
                return result
        front, extra = self.args, self.keywords
        target = self.func

        def _method(cls_or_self, /, *args, **keywords):
            return target(cls_or_self, *front, *args, **{**extra, **keywords})
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method.__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


# ---- singledispatch ----------------------------------------------------------------------

def singledispatch(func):
    """Single-dispatch generic function decorator."""
    registry = {object: func}
    memo = {}

    def dispatch(cls):
        """The implementation for cls: the registered one nearest in its MRO."""
        impl = memo.get(cls, _missing)
        if impl is _missing:
            impl = next((registry[k] for k in cls.__mro__ if k in registry), None)
            memo[cls] = impl
        return impl

    def register(cls, func=None):
        """Register func for cls, or read the class from func's first annotation."""
        if isinstance(cls, type):
            if func is None:
                return lambda f: register(cls, f)
        elif func is not None:
            raise TypeError(f"Invalid first argument to \x60register()\x60. "
                            f"{cls!r} is not a class.")
        else:
            annotations = getattr(cls, '__annotations__', None) or {}
            if not annotations:
                raise TypeError(
                    f"Invalid first argument to \x60register()\x60: {cls!r}. "
                    f"Use either \x60@register(some_class)\x60 or plain \x60@register\x60 "
                    f"on an annotated function.")
            func = cls
            argname, cls = next(iter(annotations.items()))
            if not isinstance(cls, type):
                raise TypeError(f"Invalid annotation for {argname!r}. "
                                f"{cls!r} is not a class.")
        registry[cls] = func
        memo.clear()
        return func

    name = getattr(func, '__name__', 'singledispatch function')

    def wrapper(*args, **kw):
        if args:
            return dispatch(args[0].__class__)(*args, **kw)
        raise TypeError(f'{name} requires at least 1 positional argument')

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = memo.clear
    return update_wrapper(wrapper, func)


class singledispatchmethod:
    """Single-dispatch generic method descriptor."""

    def __init__(self, func):
        if not (callable(func) or hasattr(func, "__get__")):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.func, self.dispatcher = func, singledispatch(func)

    def register(self, cls, method=None):
        """Register method for cls on the generic method."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch

        def _method(*args, **kwargs):
            return dispatch(args[0].__class__).__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        return update_wrapper(_method, self.func)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- cached_property ----------------------------------------------------------------------

class cached_property:
    """A property computed once per instance, then kept in the instance's __dict__."""

    def __init__(self, func):
        self.__doc__ = func.__doc__
        self.func, self.attrname = func, None

    def __set_name__(self, owner, name):
        if self.attrname is not None and name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r}).")
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        kind = type(instance).__name__
        try:
            store = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {kind!r} "
                            f"instance to cache {name!r} property.") from None
        value = store.get(name, _missing)
        if value is _missing:
            value = self.func(instance)
            try:
                store[name] = value
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {kind!r} instance does not support "
                    f"item assignment for caching {name!r} property.") from None
        return value
`,
);
