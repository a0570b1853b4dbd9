// The types module (Lib/types.py's interface), written for glasspy: names for the types of
// the interpreter's own objects, found by making one object of each kind, and the helpers
// that build classes the way a class statement does (new_class, prepare_class,
// resolve_bases), and DynamicClassAttribute.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "types",
  String.raw`"""Names for the types of the interpreter's built-in objects (functions, code, frames,
generators, modules, ...) and helpers to create classes dynamically."""

import sys


def _sample_function():
    pass


FunctionType = LambdaType = type(_sample_function)
CodeType = type(_sample_function.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = type(sys.implementation)


def _sample_cell():
    captured = 0
    return (lambda: captured).__closure__[0]


CellType = type(_sample_cell())


def _sample_generator():
    yield


GeneratorType = type(_sample_generator())


async def _sample_coroutine():
    pass


_made = _sample_coroutine()
CoroutineType = type(_made)
_made.close()


async def _sample_async_generator():
    yield


AsyncGeneratorType = type(_sample_async_generator())


# a function bound to any object; a throwaway class would be left as cyclic garbage, which
# CPython's gc.collect() never finds in a script (its types module is imported, and its
# garbage collected, while the interpreter starts)
MethodType = type(_sample_function.__get__(0))
BuiltinFunctionType = BuiltinMethodType = type(len)
# slot wrappers on a type, bound to an object; methods of a type, plain and class ones
WrapperDescriptorType = type(vars(object)['__init__'])
MethodWrapperType = type(().__len__)
MethodDescriptorType = type(vars(str)['upper'])
ClassMethodDescriptorType = type(vars(dict)['fromkeys'])
ModuleType = sys.__class__

try:
    [][0]
except IndexError as _caught:
    TracebackType = type(_caught.__traceback__)
    FrameType = type(_caught.__traceback__.tb_frame)

GetSetDescriptorType = type(FunctionType.__code__)
MemberDescriptorType = type(FunctionType.__globals__)
GenericAlias = type(list[int])
EllipsisType = type(...)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

del _sample_function, _sample_cell, _sample_generator, _sample_coroutine, _made
del _sample_async_generator


def resolve_bases(bases):
    """The bases with each non-class that has __mro_entries__ replaced by what it gives
    (PEP 560); the same tuple when nothing changes."""
    resolved = []
    changed = False
    for base in bases:
        if isinstance(base, type) or not hasattr(base, '__mro_entries__'):
            resolved.append(base)
            continue
        entries = base.__mro_entries__(bases)
        if not isinstance(entries, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        resolved.extend(entries)
        changed = True
    return tuple(resolved) if changed else bases


def _most_derived_metaclass(meta, bases):
    # the metaclass of the class: the one among meta and the bases' metaclasses that is a
    # subclass of all the others
    winner = meta
    for base in bases:
        candidate = type(base)
        if issubclass(winner, candidate):
            continue
        if issubclass(candidate, winner):
            winner = candidate
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """(metaclass, namespace, remaining keywords) for a class statement's header: the
    metaclass from kwds' 'metaclass' or the bases, its __prepare__'s namespace."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _most_derived_metaclass(meta, bases)
    prepare = getattr(meta, '__prepare__', None)
    namespace = prepare(name, bases, **kwds) if prepare is not None else {}
    return meta, namespace, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """A class made as a class statement makes it: exec_body(namespace) fills the
    namespace in place of the statement's body."""
    resolved = resolve_bases(bases)
    meta, namespace, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(namespace)
    if resolved is not bases:
        namespace['__orig_bases__'] = bases
    return meta(name, resolved, namespace, **kwds)


class DynamicClassAttribute:
    """A property on instances whose access through the class goes to the class's
    __getattr__ (so an attribute and a class attribute can share a name)."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget, self.fset, self.fdel = fget, fset, fdel
        self.__doc__ = doc or getattr(fget, '__doc__', None)
        # a doc taken from fget follows fget in getter(), setter() and deleter() copies
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def _accessor(self, which, verb):
        function = getattr(self, which)
        if function is None:
            raise AttributeError(verb)
        return function

    def __get__(self, instance, ownerclass=None):
        if instance is not None:
            return self._accessor('fget', "unreadable attribute")(instance)
        if not self.__isabstractmethod__:
            raise AttributeError()
        return self

    def __set__(self, instance, value):
        self._accessor('fset', "can't set attribute")(instance, value)

    def __delete__(self, instance):
        self._accessor('fdel', "can't delete attribute")(instance)

    def _copy_with(self, **change):
        parts = dict(fget=self.fget, fset=self.fset, fdel=self.fdel,
                     doc=None if self.overwrite_doc else self.__doc__)
        parts.update(change)
        made = type(self)(**parts)
        made.overwrite_doc = self.overwrite_doc
        return made

    def getter(self, fget):
        return self._copy_with(fget=fget)

    def setter(self, fset):
        return self._copy_with(fset=fset)

    def deleter(self, fdel):
        return self._copy_with(fdel=fdel)


__all__ = ('FunctionType LambdaType CodeType MappingProxyType SimpleNamespace CellType '
           'GeneratorType CoroutineType AsyncGeneratorType MethodType BuiltinFunctionType '
           'BuiltinMethodType WrapperDescriptorType MethodWrapperType MethodDescriptorType '
           'ClassMethodDescriptorType ModuleType TracebackType FrameType GetSetDescriptorType '
           'MemberDescriptorType new_class resolve_bases prepare_class DynamicClassAttribute '
           'GenericAlias EllipsisType NoneType NotImplementedType').split()
`,
);
