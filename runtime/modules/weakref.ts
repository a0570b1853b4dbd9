// The weak reference modules: `_weakref` (built in: ref, proxy, getweakrefcount,
// getweakrefs, the types), and `weakref` and `_weakrefset`, which CPython writes in Python
// and glasspy ships as frozen Python source of its own (modules/frozen.ts): WeakMethod,
// KeyedRef, WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize.

import {
  METH_FASTCALL,
  METH_O,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  type PyMethodDef,
  type PyObject,
  PyWeakref_RefType,
} from "../objects/object.ts";
import { PyModule_GetDict, PyModule_NewBuiltin } from "../objects/moduleobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import {
  dictDelIfPresent,
  PyDict_Check,
  PyDict_GetItemWithError,
  PyDict_SetItemString,
} from "../objects/dictobject.ts";
import { PyUnicode_InternFromString } from "../objects/unicodeobject.ts";
import { PyList_FromArraySteal } from "../objects/listobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { checkPositional } from "../objects/argparse.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError } from "../objects/exceptions.ts";
import {
  PyWeakref_CallableProxyType,
  PyWeakref_NewProxy,
  PyWeakref_ProxyType,
  weakref_getweakrefcount,
  weakref_getweakrefs,
} from "../objects/weakrefobject.ts";
import { PyWeakref_Check } from "../memory/weakrefs.ts";
import { registerModule } from "./registry.ts";
import { registerFrozenModule } from "./frozen.ts";

type Args = (PyObject | null)[];

function weakref_proxy(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("proxy", nargs, 1, 2);
  return PyWeakref_NewProxy(args[off]!, nargs > 1 ? args[off + 1]! : null);
}

/** _remove_dead_weakref(dct, key): deletes dct[key] if it is a dead weakref. */
function remove_dead_weakref(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("_remove_dead_weakref", nargs, 2, 2);
  const dct = args[off]!, key = args[off + 1]!;
  if (!PyDict_Check(dct)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `_remove_dead_weakref() argument 1 must be dict, not ${dct.ob_type.tp_name}`,
    );
  }
  // _PyDict_DelItemIf with is_dead_weakref; a missing key is not an error here.
  const v = PyDict_GetItemWithError(dct, key);
  if (v !== null) {
    if (!PyWeakref_Check(v)) throw PyErr_Format(PyExc_TypeError, "not a weakref");
    if (v.ob_val === Py_None) dictDelIfPresent(dct, key);
  }
  Py_INCREF(Py_None);
  return Py_None;
}

const methods: PyMethodDef[] = [
  {
    ml_name: "getweakrefcount",
    ml_meth: (_m: PyObject, o: PyObject) => PyLong_FromNumber(weakref_getweakrefcount(o)),
    ml_flags: METH_O,
  },
  {
    ml_name: "getweakrefs",
    ml_meth: (_m: PyObject, o: PyObject) => PyList_FromArraySteal(weakref_getweakrefs(o)),
    ml_flags: METH_O,
  },
  { ml_name: "proxy", ml_meth: weakref_proxy, ml_flags: METH_FASTCALL },
  { ml_name: "_remove_dead_weakref", ml_meth: remove_dead_weakref, ml_flags: METH_FASTCALL },
];

registerModule("_weakref", () => {
  const mod = PyModule_NewBuiltin("_weakref", "Weak-reference support module.");
  const d = PyModule_GetDict(mod);
  const modName = PyUnicode_InternFromString("_weakref");
  for (const ml of methods) {
    const f = PyCFunction_New(ml, mod, modName);
    PyDict_SetItemString(d, ml.ml_name, f);
    Py_DECREF(f);
  }
  Py_DECREF(modName);
  PyDict_SetItemString(d, "ref", PyWeakref_RefType);
  PyDict_SetItemString(d, "ReferenceType", PyWeakref_RefType);
  PyDict_SetItemString(d, "ProxyType", PyWeakref_ProxyType);
  PyDict_SetItemString(d, "CallableProxyType", PyWeakref_CallableProxyType);
  return mod;
});

// `_weakrefset` and `weakref` are Python source of glasspy's own, run as frozen modules.
//
// Design. A weak container (WeakSet, WeakValueDictionary, WeakKeyDictionary) keeps its
// entries in `data` and gives one callback, `_remove`, to every weak reference it stores. The
// callback reaches the container through a weak reference, so that a container can die before
// its entries. An entry whose referent dies is dropped at once, unless the container is being
// walked (a generator over `data` is running): then the dead reference waits in
// `_pending_removals`, since dropping it would change the size of what is being walked, and
// the last walk to end drops the queue. `_iterating` holds the open walks. The containers
// share that bookkeeping (_track_entries, _Walk, _settled_data) and differ only in what
// dropping a dead entry means (their `_drop_dead`). The attributes are the ones CPython's
// containers have, holding the same kinds of objects, because users see them: `vars()`,
// `__reduce__`, and what `gc.collect()` counts when a container is caught in a cycle.
//
// The methods hold the objects CPython's hold for as long (a suspended `keys()` keeps no
// value alive, `items()` keeps the pair it yielded), create their weak references in the same
// order and call the same overridable methods of `self`, so that callback order, reference
// counts and subclass hooks come out as CPython's.

registerFrozenModule(
  "_weakrefset",
  String.raw`"""WeakSet, a set that holds its members through weak references, and the bookkeeping
glasspy's weak containers share. It is a module of its own, as in CPython, so that it can be
imported before weakref is."""

from _weakref import ref

GenericAlias = type(list[int])

__all__ = ['WeakSet']


def _track_entries(container, by_key=False):
    """Sets up a weak container's bookkeeping. _remove is the callback of the weak references
    it stores: when a referent dies, the container (if it still lives) drops that entry, or
    queues it in _pending_removals while walks (_iterating) are open. An entry is named by
    its dead weak reference, or by the reference's key when by_key is true."""
    def _remove(wr, home=ref(container), by_key=by_key):
        owner = home()
        if owner is not None:
            entry = wr.key if by_key else wr
            if owner._iterating:
                owner._pending_removals.append(entry)
            else:
                owner._drop_dead(entry)
    container._remove = _remove
    container._pending_removals = []
    container._iterating = set()


def _settled_data(container):
    """A container's data, once the entries queued during walks over it are dropped (the
    newest first). Containers bind it as their _settled method."""
    queued = container._pending_removals
    while queued:
        container._drop_dead(queued.pop())
    return container.data


class _Walk:
    """'with _Walk(container):' wraps a loop over container.data. While one is open, dead
    entries are queued rather than dropped; closing the last one drops them. It reaches the
    container weakly: when a collection tears down a container that is still being walked,
    the container's weak references are cleared already and nothing is dropped."""

    __slots__ = ("home",)

    def __init__(self, container):
        self.home = ref(container)

    def __enter__(self):
        owner = self.home()
        if owner is not None:
            owner._iterating.add(self)

    def __exit__(self, *exc_info):
        owner = self.home()
        if owner is not None:
            walks = owner._iterating
            walks.discard(self)
            if not walks:
                owner._settled()


class WeakSet:
    """A set of objects held by weak references: a member leaves the set when it dies.
    Members must be hashable and weakly referenceable."""

    def __init__(self, data=None):
        self.data = set()
        _track_entries(self)
        if data is not None:
            self.update(data)

    _settled = _settled_data

    def _drop_dead(self, wr):
        self.data.discard(wr)

    def __repr__(self):
        return repr(self.data)

    def __reduce__(self):
        return self.__class__, (list(self),), self.__getstate__()

    def __iter__(self):
        with _Walk(self):
            for wr in self.data:
                # A suspended generator keeps the member it yielded alive.
                if (member := wr()) is not None:
                    yield member

    def __contains__(self, item):
        try:
            probe = ref(item)
        except TypeError:
            return False
        return probe in self.data

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def add(self, item):
        self._settled().add(ref(item, self._remove))

    def remove(self, item):
        self._settled().remove(ref(item))

    def discard(self, item):
        self._settled().discard(ref(item))

    def pop(self):
        data = self._settled()
        member = None
        while member is None:
            try:
                member = data.pop()()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
        return member

    def clear(self):
        self._settled().clear()

    def copy(self):
        return self.__class__(self)

    def update(self, other):
        self._settled()
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def union(self, other):
        return self.__class__(item for part in (self, other) for item in part)

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    def difference(self, other):
        result = self.copy()
        result.difference_update(other)
        return result

    def symmetric_difference(self, other):
        result = self.copy()
        result.symmetric_difference_update(other)
        return result

    __or__ = union
    __and__ = intersection
    __sub__ = difference
    __xor__ = symmetric_difference

    def difference_update(self, other):
        self.__isub__(other)

    def intersection_update(self, other):
        self.__iand__(other)

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __isub__(self, other):
        data = self._settled()
        if other is self:
            data.clear()
        else:
            data.difference_update(ref(item) for item in other)
        return self

    def __iand__(self, other):
        self._settled().intersection_update(ref(item) for item in other)
        return self

    def __ixor__(self, other):
        data = self._settled()
        if other is self:
            data.clear()
        else:
            # Members that come in get the callback, as add() gives them.
            data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    # Comparisons compare the sets of weak references; references to live objects compare
    # as their objects do.
    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    __le__ = issubset
    __ge__ = issuperset

    def __eq__(self, other):
        if isinstance(other, self.__class__):
            return self.data == set(map(ref, other))
        return NotImplemented

    __class_getitem__ = classmethod(GenericAlias)
`,
);

registerFrozenModule(
  "weakref",
  String.raw`"""Weak references (PEP 205) and what is built on them: WeakMethod, the weak containers
WeakSet, WeakValueDictionary and WeakKeyDictionary, and finalize. A weak reference lets you
reach an object without keeping it alive."""

from _weakref import ref, proxy, getweakrefcount, getweakrefs, _remove_dead_weakref
from _weakref import ReferenceType, ProxyType, CallableProxyType
from _weakrefset import WeakSet, _track_entries, _settled_data, _Walk
import _collections_abc
import sys

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]

ProxyTypes = (ProxyType, CallableProxyType)

_collections_abc.MutableSet.register(WeakSet)


class WeakMethod(ref):
    """A weak reference to a bound method. A bound method object is made anew at each
    attribute access and dies at once; this reference instead lives as long as both the
    method's object and its function do, and calling it makes the bound method again."""

    __slots__ = "_func_ref", "_meth_type", "_alive", "__weakref__"

    def __new__(cls, meth, callback=None):
        try:
            obj, func = meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError(f"argument should be a bound method, not {type(meth)}") from None

        def _cb(arg):
            # The object or the function died: the method is dead, and the user's callback
            # hears of it once. It reaches the WeakMethod weakly (a strong reference from
            # the WeakMethod's own callback would be a cycle).
            wm = myself()
            if wm._alive:
                wm._alive = False
                if callback is not None:
                    callback(wm)

        wm = ref.__new__(cls, obj, _cb)
        wm._func_ref = ref(func, _cb)
        wm._meth_type = type(meth)
        wm._alive = True
        myself = ref(wm)
        return wm

    def __call__(self):
        obj, func = super().__call__(), self._func_ref()
        if obj is not None and func is not None:
            return self._meth_type(func, obj)

    # Two live WeakMethods are equal when their objects and functions are; a dead one is
    # equal only to itself.
    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return self is other

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return self is not other

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that also carries a key: the key under which a WeakValueDictionary
    stores it, so that one callback can serve every entry."""

    __slots__ = "key",

    def __new__(cls, ob, callback, key):
        wr = ref.__new__(cls, ob, callback)
        wr.key = key
        return wr

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


def _updated(mapping, *sources):
    for source in sources:
        mapping.update(source)
    return mapping


def _pairs(source):
    """The (key, value) pairs of a mapping, or of an iterable of pairs as dict() reads them."""
    return (source if hasattr(source, "items") else dict(source)).items()


class WeakValueDictionary(_collections_abc.MutableMapping):
    """A mapping whose values are held by weak references: an entry leaves the mapping when
    its value dies. data maps each key to a KeyedRef to its value."""

    def __init__(self, other=(), /, **kw):
        _track_entries(self, by_key=True)
        self.data = {}
        self.update(other, **kw)

    _settled = _settled_data
    _remove_if_dead = _remove_dead_weakref

    def _drop_dead(self, key):
        # Only if the key still maps to a dead reference: it may have been set again since.
        self._remove_if_dead(self.data, key)

    def __repr__(self):
        return f"<{self.__class__.__name__} at {id(self):#x}>"

    def __getitem__(self, key):
        value = self._settled()[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        data = self._settled()
        data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self._settled()[key]

    def __len__(self):
        return len(self._settled())

    def __contains__(self, key):
        try:
            wr = self._settled()[key]
        except KeyError:
            return False
        return wr() is not None

    def get(self, key, default=None):
        try:
            wr = self._settled()[key]
        except KeyError:
            return default
        value = wr()
        return default if value is None else value

    def setdefault(self, key, default=None):
        wr = self.data.get(key)
        value = None if wr is None else wr()
        if value is not None:
            return value
        data = self._settled()
        data[key] = KeyedRef(default, self._remove, key)
        return default

    def pop(self, key, *args):
        data = self._settled()
        try:
            value = data.pop(key)()
        except KeyError:
            value = None
        if value is not None:
            return value
        if args:
            return args[0]
        raise KeyError(key)

    def popitem(self):
        data = self._settled()
        value = None
        while value is None:
            key, wr = data.popitem()
            value = wr()
        return key, value

    def update(self, other=None, /, **kwargs):
        data = self._settled()
        for source in (other, kwargs):
            if source is not None:
                for key, value in _pairs(source):
                    data[key] = KeyedRef(value, self._remove, key)

    # The generators walk data itself: while one is suspended, a value that dies stays in
    # data (queued), and lookups or len() made meanwhile drop it.
    def items(self):
        data = self._settled()
        with _Walk(self):
            for key, wr in data.items():
                if (value := wr()) is not None:
                    yield key, value

    def keys(self):
        data = self._settled()
        with _Walk(self):
            for key, wr in data.items():
                if wr() is not None:
                    yield key

    __iter__ = keys

    def values(self):
        data = self._settled()
        with _Walk(self):
            for wr in data.values():
                if (value := wr()) is not None:
                    yield value

    def itervaluerefs(self):
        """An iterator over the KeyedRefs to the values; some may be dead by the time they
        are called."""
        data = self._settled()
        with _Walk(self):
            yield from data.values()

    def valuerefs(self):
        """A list of the KeyedRefs to the values; some may be dead by the time they are
        called."""
        return list(self._settled().values())

    def copy(self):
        result = WeakValueDictionary()
        for key, value in WeakValueDictionary.items(self):
            result[key] = value
        return result

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        result = self.__class__()
        for key, value in WeakValueDictionary.items(self):
            result[deepcopy(key, memo)] = value
        return result

    # | and |= take any Mapping; the result of | is a copy() of the left operand, or, on
    # the right of a plain mapping, a new mapping of this class.
    def __ior__(self, other):
        self.update(other)
        return self

    def __ror__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            return _updated(self.__class__(), other, self)
        return NotImplemented

    def __or__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            return _updated(self.copy(), other)
        return NotImplemented


class WeakKeyDictionary(_collections_abc.MutableMapping):
    """A mapping whose keys are held by weak references: an entry leaves the mapping when
    its key dies. Keys must be hashable and weakly referenceable; data maps a weak reference
    to each key to its value."""

    def __init__(self, dict=None):
        self.data = {}
        _track_entries(self)
        # True once an entry was taken out by hand: the queue of dead references may then
        # name entries that are gone already, which len() must not subtract.
        self._dirty_len = False
        if dict is None:
            return
        self.update(dict)

    _settled = _settled_data

    def _drop_dead(self, wr):
        self.data.pop(wr, None)

    def _losing_entries(self):
        # data, about to lose an entry by hand (see _dirty_len).
        self._dirty_len = True
        return self.data

    def __repr__(self):
        return f"<{self.__class__.__name__} at {id(self):#x}>"

    def __len__(self):
        queued = self._pending_removals
        if queued and self._dirty_len:
            data = self.data
            self._pending_removals = [wr for wr in queued if wr in data]
            self._dirty_len = False
        return len(self.data) - len(self._pending_removals)

    # A dead reference never equals a live one, so a queued entry cannot stand for a new
    # key: unlike the other containers, these methods need not drop the queue first.
    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self._losing_entries()[ref(key)]

    def __contains__(self, key):
        try:
            probe = ref(key)
        except TypeError:
            return False
        return probe in self.data

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def pop(self, key, *args):
        return self._losing_entries().pop(ref(key), *args)

    def popitem(self):
        data = self._losing_entries()
        key = None
        while key is None:
            kref, value = data.popitem()
            key = kref()
        return key, value

    def update(self, dict=None, /, **kwargs):
        data = self.data
        if dict is not None:
            for key, value in _pairs(dict):
                data[ref(key, self._remove)] = value
        if kwargs:
            self.update(kwargs)

    def items(self):
        with _Walk(self):
            for kref, value in self.data.items():
                if (key := kref()) is not None:
                    yield key, value

    def keys(self):
        with _Walk(self):
            for kref in self.data:
                if (key := kref()) is not None:
                    yield key

    __iter__ = keys

    def values(self):
        with _Walk(self):
            for kref, value in self.data.items():
                if kref() is not None:
                    yield value

    def keyrefs(self):
        """A list of the weak references to the keys; some may be dead by the time they are
        called."""
        return list(self.data)

    def copy(self):
        result = WeakKeyDictionary()
        for key, value in WeakKeyDictionary.items(self):
            result[key] = value
        return result

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        result = self.__class__()
        for key, value in WeakKeyDictionary.items(self):
            result[key] = deepcopy(value, memo)
        return result

    # | and |= take any Mapping; the result of | is a copy() of the left operand, or, on
    # the right of a plain mapping, a new mapping of this class.
    def __ior__(self, other):
        self.update(other)
        return self

    def __ror__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            return _updated(self.__class__(), other, self)
        return NotImplemented

    def __or__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            return _updated(self.copy(), other)
        return NotImplemented


class _FinalizerEntry:
    # What a live finalizer knows; its atexit flag can change.
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit")

    def __init__(self, weakref, func, args, kwargs):
        self.weakref = weakref
        self.func = func
        self.args = args
        self.kwargs = kwargs or None
        self.atexit = True


class finalize:
    """finalize(obj, func, /, *args, **kwargs): a finalizer that calls func(*args, **kwargs)
    once, when obj dies or when the finalizer is called, whichever comes first, and returns
    what func returns; after that it is dead and calling it returns None. At interpreter
    exit the finalizers still alive whose atexit is true are called, the newest first."""

    # A finalizer has no state of its own: its entry lives in _registry, which keeps it
    # alive (it is the callback of the weak reference to obj) and keeps it out of cycles.
    # The registry's order is creation order, which exit goes back through.
    __slots__ = ()
    _created = 0
    _registry = {}
    _exit_hook_registered = False
    _shutdown = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not self._exit_hook_registered:
            import atexit
            atexit.register(self._call_at_exit)
            finalize._exit_hook_registered = True
        entry = _FinalizerEntry(ref(obj, self), func, args, kwargs)
        self._registry[self] = entry
        finalize._created += 1

    def __call__(self, _=None):
        """Calls func(*args, **kwargs) and returns its result if the finalizer is alive (it is
        dead afterwards); returns None if it is dead already."""
        entry = self._registry.pop(self, None)
        if entry is not None and not self._shutdown:
            return entry.func(*entry.args, **(entry.kwargs or {}))

    def peek(self):
        """(obj, func, args, kwargs) while the finalizer is alive, else None."""
        entry = self._registry.get(self)
        obj = None if entry is None else entry.weakref()
        if obj is not None:
            return (obj, entry.func, entry.args, entry.kwargs or {})

    def detach(self):
        """Kills the finalizer without calling it: (obj, func, args, kwargs) if it was alive,
        else None."""
        state = finalize.peek(self)
        if state is not None:
            del self._registry[self]
        return state

    @property
    def atexit(self):
        """Whether the finalizer, if still alive, is called at interpreter exit."""
        entry = self._registry.get(self)
        return entry is not None and entry.atexit

    @atexit.setter
    def atexit(self, value):
        entry = self._registry.get(self)
        if entry is not None:
            entry.atexit = bool(value)

    @property
    def alive(self):
        """Whether the finalizer has yet to be called or detached."""
        return self in self._registry

    def __repr__(self):
        entry = self._registry.get(self)
        obj = None if entry is None else entry.weakref()
        text = f"<{type(self).__name__} object at {id(self):#x}; "
        if obj is None:
            return text + "dead>"
        return text + f"for {type(obj).__name__!r} at {id(obj):#x}>"

    @classmethod
    def _call_at_exit(cls):
        # The atexit hook: call the live finalizers marked for exit, newest first, with the
        # collector off. One made meanwhile joins the queue (the queue is read again from
        # the registry); an exception is reported and the next finalizer runs.
        collector_was_on = False
        try:
            if cls._registry:
                import gc
                collector_was_on = gc.isenabled()
                gc.disable()
                seen = None
                while True:
                    if seen != finalize._created:
                        seen = finalize._created
                        queue = [f for f, entry in cls._registry.items() if entry.atexit]
                    if not queue:
                        break
                    try:
                        queue.pop()()
                    except Exception:
                        sys.excepthook(*sys.exc_info())
        finally:
            finalize._shutdown = True
            if collector_was_on:
                gc.enable()
`,
);
