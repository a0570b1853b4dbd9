// The dataclasses module (Lib/dataclasses.py's interface), written for glasspy. As in
// CPython, the methods of a data class are written out as source text and compiled with
// exec() (file "<string>"), so that their signatures, argument errors, qualified names
// and the lines tracebacks show through them are CPython's.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "dataclasses",
  String.raw`"""Data classes: the __init__, __repr__, __eq__ (and, on request, ordering, hashing
and immutability) of a class written from its annotated fields."""

import sys
import copy
import types
import keyword
import functools

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


# sentinels: a default made by a factory (shown as <factory> in signatures), a setting
# left unset, and the annotation that makes the fields after it keyword-only
_HAS_DEFAULT_FACTORY_CLASS = type('_HAS_DEFAULT_FACTORY_CLASS', (),
                                  {'__repr__': lambda self: '<factory>'})
_MISSING_TYPE = type('_MISSING_TYPE', (), {})
_KW_ONLY_TYPE = type('_KW_ONLY_TYPE', (), {})
_HAS_DEFAULT_FACTORY, MISSING, KW_ONLY = (_HAS_DEFAULT_FACTORY_CLASS(), _MISSING_TYPE(),
                                          _KW_ONLY_TYPE())


class _FIELD_BASE:
    # the kinds of field: stored, class variable, or init-only
    def __repr__(self):
        return self.name

    def __init__(self, name):
        self.name = name


_FIELD, _FIELD_CLASSVAR, _FIELD_INITVAR = map(_FIELD_BASE,
                                              ('_FIELD', '_FIELD_CLASSVAR', '_FIELD_INITVAR'))
_FIELDS, _PARAMS, _POST_INIT_NAME = ('__dataclass_fields__', '__dataclass_params__',
                                     '__post_init__')


class InitVar:
    """A pseudo-field: an __init__ parameter passed on to __post_init__, not stored."""
    __slots__ = ('type',)

    def __repr__(self):
        shown = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f'dataclasses.InitVar[{shown}]'

    def __class_getitem__(cls, kind):
        return InitVar(kind)

    def __init__(self, kind):
        self.type = kind


_EMPTY_METADATA = types.MappingProxyType({})


class Field:
    """What field() returns, and what fields() lists: one field's settings."""
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.hash, self.compare = init, repr, hash, compare
        self.metadata = (types.MappingProxyType(metadata) if metadata
                         else _EMPTY_METADATA)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        shown = ','.join(f'{slot}={getattr(self, slot)!r}' for slot in _FIELD_REPR_ORDER)
        return f'Field({shown},_field_type={self._field_type})'

    def __set_name__(self, owner, name):
        hook = getattr(type(self.default), '__set_name__', None)
        if hook is not None:
            hook(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


_FIELD_REPR_ORDER = ('name', 'type', 'default', 'default_factory', 'init', 'repr', 'hash',
                     'compare', 'metadata', 'kw_only')


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init, self.repr, self.eq = init, repr, eq
        self.order, self.unsafe_hash, self.frozen = order, unsafe_hash, frozen

    def __repr__(self):
        return ('_DataclassParams(' +
                ','.join(f'{s}={getattr(self, s)!r}' for s in self.__slots__) + ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Settings of one field, as the value of its annotated class attribute: a default
    (or a default_factory called for each instance), whether it is an __init__
    parameter, part of the repr, the hash and comparisons, keyword-only."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    typing = sys.modules.get('typing')
    if typing is None:
        return False
    return (annotation is typing.ClassVar or
            (type(annotation) is getattr(typing, '_GenericAlias', None)
             and annotation.__origin__ is typing.ClassVar))


def _is_string_of(annotation, names):
    # a string annotation naming ClassVar, InitVar or KW_ONLY (maybe qualified)
    if not isinstance(annotation, str):
        return False
    head = annotation.strip().split('[', 1)[0].strip()
    return head.rsplit('.', 1)[-1] in names


def _make_field(cls, name, annotation, kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        made = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            default = MISSING  # a slot, not a default
        made = field(default=default)
    made.name, made.type = name, annotation
    made._field_type = _FIELD
    if _is_classvar(annotation) or _is_string_of(annotation, ('ClassVar',)):
        made._field_type = _FIELD_CLASSVAR
    elif (annotation is InitVar or type(annotation) is InitVar
          or _is_string_of(annotation, ('InitVar',))):
        made._field_type = _FIELD_INITVAR
    if made._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if made.default_factory is not MISSING:
            raise TypeError(f'field {made.name} cannot have a default factory')
    if made._field_type in (_FIELD, _FIELD_INITVAR):
        if made.kw_only is MISSING:
            made.kw_only = kw_only
    elif made.kw_only is not MISSING:
        raise TypeError(f'field {made.name} is a ClassVar but specifies kw_only')
    if made._field_type is _FIELD and made.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(made.default)} for field {made.name} '
                         f'is not allowed: use default_factory')
    return made


def _compile(name, parameters, body, namespace, bindings, returns=MISSING):
    """A function compiled from source the way CPython's dataclasses writes it: a maker
    taking the bound values as parameters, then the function at one space's indent."""
    if returns is not MISSING:
        bindings['_return_type'] = returns
        arrow = '->_return_type'
    else:
        arrow = ''
    lines = [f'def __create_fn__({", ".join(bindings)}):',
             f' def {name}({",".join(parameters)}){arrow}:']
    lines.extend('  ' + statement for statement in body)
    lines.append(f' return {name}')
    scope = {}
    exec('\n'.join(lines), namespace, scope)
    return scope['__create_fn__'](**bindings)


def _set_method(cls, name, function):
    """Adds function as cls.name unless the class defines that name itself; True when
    it was there already."""
    if name in cls.__dict__:
        return True
    if isinstance(function, types.FunctionType):
        function.__qualname__ = f'{cls.__qualname__}.{function.__name__}'
    setattr(cls, name, function)
    return False


def _assign(frozen, name, value, self_name):
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})'
    return f'{self_name}.{name}={value}'


def _init_statement(f, frozen, bindings, self_name, slots):
    default = f'__dataclass_dflt_{f.name}__'
    if f.default_factory is not MISSING:
        bindings[default] = f.default_factory
        if f.init:
            value = f'{default}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}'
        else:
            value = f'{default}()'
    elif f.init:
        if f.default is not MISSING:
            bindings[default] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        bindings[default] = f.default
        value = default
    else:
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _assign(frozen, f.name, value, self_name)


def _parameter(f):
    if f.default is MISSING and f.default_factory is MISSING:
        tail = ''
    elif f.default is not MISSING:
        tail = f'=__dataclass_dflt_{f.name}__'
    else:
        tail = '=__dataclass_HAS_DEFAULT_FACTORY__'
    return f'{f.name}:__dataclass_type_{f.name}__{tail}'


def _make_init(fields, positional, keyword_only, frozen, post_init, self_name, namespace,
               slots):
    seen_default = False
    for f in positional:
        if f.init:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    bindings = {f'__dataclass_type_{f.name}__': f.type for f in fields}
    bindings.update({'MISSING': MISSING, '__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
                     '__dataclass_builtins_object__': object})
    body = []
    for f in fields:
        statement = _init_statement(f, frozen, bindings, self_name, slots)
        if statement:
            body.append(statement)
    if post_init:
        passed = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.{_POST_INIT_NAME}({passed})')
    parameters = [self_name] + [_parameter(f) for f in positional]
    if keyword_only:
        parameters += ['*'] + [_parameter(f) for f in keyword_only]
    return _compile('__init__', parameters, body or ['pass'], namespace, bindings, None)


def _as_tuple_text(owner, fields):
    if not fields:
        return '()'
    return '(' + ','.join(f'{owner}.{f.name}' for f in fields) + ',)'


def _guard_recursion(method):
    # repr of an object that holds itself shows '...' there, as reprlib.recursive_repr
    busy = set()

    @functools.wraps(method)
    def guarded(self):
        key = id(self)
        if key in busy:
            return '...'
        busy.add(key)
        try:
            return method(self)
        finally:
            busy.discard(key)
    return guarded


def _make_repr(fields, namespace):
    shown = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in fields)
    function = _compile('__repr__', ('self',),
                        [f'return self.__class__.__qualname__ + f"({shown})"'], namespace, {})
    return _guard_recursion(function)


def _make_comparison(name, op, fields, namespace):
    mine, theirs = _as_tuple_text('self', fields), _as_tuple_text('other', fields)
    return _compile(name, ('self', 'other'),
                    ['if other.__class__ is self.__class__:',
                     f' return {mine}{op}{theirs}',
                     'return NotImplemented'], namespace, {})


def _make_frozen_guards(cls, fields, namespace):
    names = '(' + ''.join(repr(f.name) + ',' for f in fields) + ')'
    bindings = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    for name, verb, call in (('__setattr__', 'assign to', '__setattr__(name, value)'),
                             ('__delattr__', 'delete', '__delattr__(name)')):
        parameters = ('self', 'name', 'value') if name == '__setattr__' else ('self', 'name')
        function = _compile(name, parameters,
                            [f'if type(self) is cls or name in {names}:',
                             f' raise FrozenInstanceError(f"cannot {verb} field {{name!r}}")',
                             f'super(cls, self).{call}'], namespace, dict(bindings))
        if _set_method(cls, name, function):
            raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')


def _make_hash(fields, namespace):
    return _compile('__hash__', ('self',), [f'return hash({_as_tuple_text("self", fields)})'],
                    namespace, {})


def _hash_plan(unsafe_hash, eq, frozen, explicit):
    # what happens to __hash__: None (left alone), 'none' (set to None), 'add', 'error'
    if unsafe_hash:
        return 'error' if explicit else 'add'
    if eq and not explicit:
        return 'add' if frozen else 'none'
    return None


def _annotation_text(annotation):
    # as inspect.formatannotation shows an annotation: typing's objects without their
    # module, classes by qualified name (builtins' bare), generic aliases as str()
    home = getattr(annotation, '__module__', None)
    if home == 'typing':
        text = repr(annotation).replace('typing.', '')
    elif isinstance(annotation, types.GenericAlias):
        text = str(annotation)
    elif not isinstance(annotation, type):
        text = repr(annotation)
    elif home == 'builtins':
        text = annotation.__qualname__
    else:
        text = f'{home}.{annotation.__qualname__}'
    return text


def _signature_text(cls):
    # str(inspect.signature(cls)) without ' -> None', for the docstring of a data class
    # that has none
    init = getattr(cls, '__init__', None)
    if not isinstance(init, types.FunctionType):
        return '()'
    code = init.__code__
    names = code.co_varnames[1:code.co_argcount + code.co_kwonlyargcount]
    notes = init.__annotations__
    defaults = list(init.__defaults__ or ())
    kw_defaults = init.__kwdefaults__ or {}
    positional = code.co_argcount - 1
    first_default = positional - len(defaults)
    parts = []
    for index, name in enumerate(names):
        if index == positional:
            parts.append('*')
        text = name
        if name in notes:
            text += ': ' + _annotation_text(notes[name])
        if index < positional:
            has, value = (index >= first_default,
                          defaults[index - first_default] if index >= first_default else None)
        else:
            has, value = name in kw_defaults, kw_defaults.get(name)
        if has:
            text += (' = ' if name in notes else '=') + repr(value)
        parts.append(text)
    return '(' + ', '.join(parts) + ')'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots, weakref_slot):
    fields = {}
    module = sys.modules.get(cls.__module__)
    namespace = module.__dict__ if module is not None else {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    # fields of data-class bases, the most basic first; frozenness must agree
    inherited = False
    frozen_base = False
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is None:
            continue
        inherited = True
        fields.update((f.name, f) for f in base_fields.values())
        if getattr(base, _PARAMS).frozen:
            frozen_base = True

    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    keyword_mode = kw_only
    marker_seen = False
    for name, annotation in annotations.items():
        if (annotation is KW_ONLY or type(annotation) is _KW_ONLY_TYPE
                or _is_string_of(annotation, ('KW_ONLY',))):
            if marker_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            marker_seen = True
            keyword_mode = True
            continue
        own.append(_make_field(cls, name, annotation, keyword_mode))
    for f in own:
        fields[f.name] = f
        # a field() class attribute gives way to the plain default, or to nothing
        placed = getattr(cls, f.name, None)
        if isinstance(placed, Field) and f.default is MISSING:
            delattr(cls, f.name)
        elif isinstance(placed, Field):
            setattr(cls, f.name, f.default)
    stray = [name for name, value in cls.__dict__.items()
             if isinstance(value, Field) and name not in annotations]
    if stray:
        raise TypeError(f'{stray[0]!r} is a field but has no type annotation')
    if inherited:
        if frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if frozen and not frozen_base:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    setattr(cls, _FIELDS, fields)

    own_hash = cls.__dict__.get('__hash__', MISSING)
    explicit_hash = not (own_hash is MISSING or
                         (own_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    positional = [f for f in init_fields if f.init and not f.kw_only]
    keyword_only = [f for f in init_fields if f.init and f.kw_only]
    if init:
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _set_method(cls, '__init__',
                    _make_init(list(fields.values()), positional, keyword_only, frozen,
                               hasattr(cls, _POST_INIT_NAME), self_name, namespace, slots))

    stored = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        _set_method(cls, '__repr__', _make_repr([f for f in stored if f.repr], namespace))
    if eq:
        _set_method(cls, '__eq__',
                    _make_comparison('__eq__', '==', [f for f in stored if f.compare],
                                     namespace))
    if order:
        compared = [f for f in stored if f.compare]
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if _set_method(cls, name, _make_comparison(name, op, compared, namespace)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                f'Consider using functools.total_ordering')
    if frozen:
        _make_frozen_guards(cls, stored, namespace)

    plan = _hash_plan(bool(unsafe_hash), bool(eq), bool(frozen), explicit_hash)
    if plan == 'none':
        cls.__hash__ = None
    elif plan == 'add':
        hashed = [f for f in stored if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = _make_hash(hashed, namespace)
        cls.__hash__.__qualname__ = f'{cls.__qualname__}.__hash__'
    elif plan == 'error':
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')

    if not getattr(cls, '__doc__'):
        cls.__doc__ = cls.__name__ + _signature_text(cls)
    if match_args:
        _set_method(cls, '__match_args__', tuple(f.name for f in positional))
    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _with_slots(cls, frozen, weakref_slot)
    update = getattr(sys.modules.get('abc'), 'update_abstractmethods', None)
    if update is not None:
        update(cls)
    return cls


def _with_slots(cls, frozen, weakref_slot):
    # a new class with __slots__ for the fields (a class's slots are fixed at creation)
    body = dict(cls.__dict__)
    names = tuple(f.name for f in fields(cls))
    taken = set()
    for base in cls.__mro__[1:-1]:
        taken.update(getattr(base, '__slots__', ()))
    body['__slots__'] = tuple(n for n in names + (('__weakref__',) if weakref_slot else ())
                              if n not in taken)
    for name in names:
        body.pop(name, None)
    body.pop('__dict__', None)
    body.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    made = type(cls)(cls.__name__, cls.__bases__, body)
    if qualname is not None:
        made.__qualname__ = qualname
    if frozen:
        if '__getstate__' not in body:
            made.__getstate__ = lambda self: [getattr(self, f.name) for f in fields(self)]
        if '__setstate__' not in body:
            def restore(self, state):
                for f, value in zip(fields(self), state):
                    object.__setattr__(self, f.name, value)
            made.__setstate__ = restore
    return made


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False,
              weakref_slot=False):
    """Make cls a data class: its annotated class attributes become fields, and
    __init__, __repr__ and __eq__ (with order, comparisons; with frozen, immutability;
    with unsafe_hash or frozen, __hash__) are written from them."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    return wrap if cls is None else wrap(cls)


def fields(class_or_instance):
    """The fields (not ClassVar or InitVar pseudo-fields) of a data class or instance."""
    try:
        table = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in table.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    """Whether obj is a data class or an instance of one."""
    owner = obj if isinstance(obj, type) else type(obj)
    return hasattr(owner, _FIELDS)


def _is_dataclass_instance(obj):
    owner = type(obj)
    return hasattr(owner, _FIELDS)


def _convert(obj, dict_factory, as_dict):
    # asdict/astuple: data classes, and the lists, tuples (named ones too) and dicts
    # holding them, copied recursively; anything else deep-copied
    if _is_dataclass_instance(obj):
        pairs = [(f.name, _convert(getattr(obj, f.name), dict_factory, as_dict))
                 for f in fields(obj)]
        return dict_factory(pairs) if as_dict else dict_factory(v for _, v in pairs)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_convert(v, dict_factory, as_dict) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(v, dict_factory, as_dict) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert(k, dict_factory, as_dict),
                          _convert(v, dict_factory, as_dict)) for k, v in obj.items())
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """The fields of a data class instance as a dict (name: value), recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, dict_factory, True)


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a data class instance as a tuple, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _convert(obj, tuple_factory, False)


def replace(obj, /, **changes):
    """A new instance like obj with the given fields changed (through __init__)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        given = f.name in changes
        if f._field_type is _FIELD_CLASSVAR or (not f.init and not given):
            continue
        if not f.init:
            raise ValueError(f'field {f.name} is declared with init=False, it cannot be '
                             f'specified with replace()')
        if not given:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False):
    """A new data class named cls_name with the given fields: names, (name, type) or
    (name, type, Field) items."""
    body = {} if namespace is None else namespace.copy()
    seen = set()
    notes = {}
    for item in fields:
        if isinstance(item, str):
            name, annotation = item, 'typing.Any'
        elif len(item) == 2:
            name, annotation = item
        elif len(item) == 3:
            name, annotation, spec = item
            body[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        problem = None
        if not isinstance(name, str) or not name.isidentifier():
            problem = 'Field names must be valid identifiers'
        elif keyword.iskeyword(name):
            problem = 'Field names must not be keywords'
        elif name in seen:
            problem = 'Field name duplicated'
        if problem is not None:
            raise TypeError(f'{problem}: {name!r}')
        seen.add(name)
        notes[name] = annotation

    def fill(ns):
        ns.update(body)
        ns['__annotations__'] = notes

    made = types.new_class(cls_name, bases, {}, fill)
    return dataclass(made, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args,
                     kw_only=kw_only, slots=slots, weakref_slot=weakref_slot)
`,
);
