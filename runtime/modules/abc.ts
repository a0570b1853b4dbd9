// The abc module (Lib/abc.py over Modules/_abc.c): ABCMeta, whose virtual-subclass
// registry and positive/negative caches live in each class's _abc_impl as in CPython,
// written here in Python. The negative caches are invalidated together by a global
// counter that register() bumps (abc.get_cache_token()).

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "abc",
  String.raw`"""Abstract Base Classes (ABCs) according to PEP 3119."""


def abstractmethod(funcobj):
    """Mark funcobj abstract: a class with abstract methods left cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _marked(base, doc):
    class Wrapper(base):
        __isabstractmethod__ = True
        __doc__ = doc

        def __init__(self, fn):
            fn.__isabstractmethod__ = True
            base.__init__(self, fn)
    return Wrapper


abstractclassmethod = _marked(classmethod, "An abstract classmethod (deprecated).")
abstractclassmethod.__name__ = abstractclassmethod.__qualname__ = 'abstractclassmethod'
abstractstaticmethod = _marked(staticmethod, "An abstract staticmethod (deprecated).")
abstractstaticmethod.__name__ = abstractstaticmethod.__qualname__ = 'abstractstaticmethod'
del _marked


class abstractproperty(property):
    """An abstract property (deprecated)."""
    __isabstractmethod__ = True


# Bumped whenever a class is registered anywhere: every negative cache older than it
# is stale.
_token = [0]


def get_cache_token():
    """The current ABC cache token (it changes when any ABC gains a virtual subclass)."""
    return _token[0]


class _abc_data:
    """Per-class ABC state: registered classes, and classes known to be in or out."""
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_cache_version')

    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = _token[0]

    def known(self, sub):
        # True/False when cached, None when the question must be worked out.
        if sub in self.cache:
            return True
        if self.negative_cache_version != _token[0]:
            self.negative_cache = set()
            self.negative_cache_version = _token[0]
            return None
        return False if sub in self.negative_cache else None

    def remember(self, sub, answer):
        (self.cache if answer else self.negative_cache).add(sub)
        return answer


def _abstracts_of(cls, own):
    names = set()
    for name, value in own.items():
        if getattr(value, "__isabstractmethod__", False):
            names.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if getattr(getattr(cls, name, None), "__isabstractmethod__", False):
                names.add(name)
    return frozenset(names)


class ABCMeta(type):
    """Metaclass for Abstract Base Classes: classes that may have abstract methods and
    that other classes can be registered with, as virtual subclasses."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstracts_of(cls, namespace)
        cls._abc_impl = _abc_data()
        return cls

    def register(cls, subclass):
        """Make subclass a virtual subclass of this ABC, and return it."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if not issubclass(subclass, cls):
            if issubclass(cls, subclass):
                raise RuntimeError("Refusing to create an inheritance cycle")
            cls._abc_impl.registry.add(subclass)
            _token[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls), registered classes and __subclasshook__ included."""
        klass = instance.__class__
        state = cls._abc_impl
        if klass in state.cache:
            return True
        real = type(instance)
        if real is not klass:
            return cls.__subclasscheck__(klass) or cls.__subclasscheck__(real)
        if state.known(klass) is False:
            return False
        return cls.__subclasscheck__(klass)

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls), registered classes and __subclasshook__ included."""
        state = cls._abc_impl
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        answer = state.known(subclass)
        if answer is not None:
            return answer
        hooked = cls.__subclasshook__(subclass)
        if hooked is not NotImplemented:
            return state.remember(subclass, hooked)
        if cls in getattr(subclass, '__mro__', ()):
            return state.remember(subclass, True)
        candidates = list(state.registry) + cls.__subclasses__()
        return state.remember(subclass, any(issubclass(subclass, c) for c in candidates))

    def _dump_registry(cls, file=None):
        """Print the class's ABC state (a debugging aid)."""
        state = cls._abc_impl
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        for label, value in (("_abc_registry", state.registry),
                             ("_abc_cache", state.cache),
                             ("_abc_negative_cache", state.negative_cache),
                             ("_abc_negative_cache_version", state.negative_cache_version)):
            print(f"{label}: {value!r}", file=file)

    def _abc_registry_clear(cls):
        """Forget the registered virtual subclasses."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Forget what the checks have learnt."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Work out cls.__abstractmethods__ again (after methods were added or replaced)."""
    if hasattr(cls, '__abstractmethods__'):
        cls.__abstractmethods__ = _abstracts_of(cls, dict(cls.__dict__))
    return cls


class ABC(metaclass=ABCMeta):
    """A base class whose subclasses are ABCs (class C(ABC) instead of a metaclass)."""
    __slots__ = ()
`,
);
