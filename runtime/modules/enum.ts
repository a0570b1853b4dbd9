// The enum module (Lib/enum.py's interface, the common part), written for glasspy:
// EnumType collects the members a class body defines (through the namespace its
// __prepare__ gives), makes each one an instance of the class, and answers lookups by
// value and name; Enum, IntEnum, StrEnum, ReprEnum, Flag and IntFlag, auto, unique and
// enum.property. Not here yet: boundary policies other than STRICT (Flag) and KEEP
// (IntFlag), verify, member/nonmember, global_enum, _ignore_ and _order_.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "enum",
  String.raw`"""Enumerations: classes whose instances are a fixed set of named members."""

import sys
from types import MappingProxyType, DynamicClassAttribute

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'property', 'FlagBoundary', 'STRICT', 'KEEP']


class property(DynamicClassAttribute):
    """The name and value of members: read on a member, and through the class only when
    no member has that name."""

    def __get__(self, instance, ownerclass=None):
        if instance is not None:
            if self.fget is None:
                raise AttributeError(f'{ownerclass.__name__!r} has no attribute '
                                     f'{self.name!r}')
            return self.fget(instance)
        found = ownerclass._member_map_.get(self.name) if ownerclass is not None else None
        if found is None:
            raise AttributeError(f'{ownerclass.__name__!r} has no attribute {self.name!r}')
        return found

    def __set_name__(self, ownerclass, name):
        self.name = name


class _Unset:
    def __repr__(self):
        return '_auto_null'


_auto_null = _Unset()


class auto:
    """A member's value chosen by the class's _generate_next_value_."""

    def __repr__(self):
        return f'auto({self.value!r})'

    def __init__(self, value=_auto_null):
        self.value = value


class FlagBoundary:
    # what a Flag does with values that have bits no member has
    def __repr__(self):
        return f'FlagBoundary.{self.name}'

    def __init__(self, name):
        self.name = name


STRICT, KEEP = FlagBoundary('STRICT'), FlagBoundary('KEEP')


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' \
        and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' \
        and name[-2] != '_'


def _is_private(class_name, name):
    prefix = f'_{class_name.lstrip("_")}__'
    return name.startswith(prefix) and not name.endswith('__')


def _is_descriptor(value):
    return any(hasattr(value, hook) for hook in ('__get__', '__set__', '__delete__'))


class _EnumDict(dict):
    """The namespace of an enum's class body: it notes the members in order, and
    refuses a name defined twice."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._generate_next_value = None
        self._cls_name = None

    def __setitem__(self, key, value):
        if _is_private(self._cls_name or '', key):
            pass
        elif _is_sunder(key):
            if key == '_generate_next_value_':
                if self._member_names:
                    raise TypeError('_generate_next_value_ must be defined before members')
                self._generate_next_value = getattr(value, '__func__', value)
        elif _is_dunder(key):
            pass
        elif key in self._member_names:
            raise TypeError(f'{key!r} already defined as {self[key]!r}')
        elif key in self:
            raise TypeError(f'{key!r} already defined as {self[key]!r}')
        elif not _is_descriptor(value):
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                value = value.value
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)


class EnumType(type):
    """The metaclass of enumerations."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        for base in bases:
            for klass in base.__mro__:
                if isinstance(klass, EnumType) and klass._member_names_:
                    raise TypeError(f'<enum {cls!r}> cannot extend {klass!r}')
        namespace = _EnumDict()
        namespace._cls_name = cls
        first = next((b for b in bases if isinstance(b, EnumType)), None)
        if first is not None:
            namespace._generate_next_value = first._generate_next_value_
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, **kwds):
        member_type = object
        for base in bases:
            for klass in base.__mro__:
                if klass is object or isinstance(klass, EnumType):
                    continue
                if member_type is object:
                    member_type = klass
                break
        names = list(classdict._member_names)
        values = [classdict[name] for name in names]
        body = dict(classdict)
        for name in names:
            del body[name]
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_member_type_'] = member_type
        if boundary is not None:
            body['_boundary_'] = boundary
        if Enum is not None and '__new__' in body:
            # a __new__ in the body makes members; the class's own __new__ looks them up
            own = body['__new__']
            body['__new_member__'] = getattr(own, '__func__', own)
            body['__new__'] = Enum.__dict__['__new__']
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if Enum is not None:
            # calling the class looks members up, whatever __new__ the data type has
            type.__setattr__(enum_class, '__new__', Enum.__dict__['__new__'])
        maker = next((k.__dict__['__new_member__'] for k in enum_class.__mro__
                      if '__new_member__' in k.__dict__), None)
        if maker is None:
            maker = object.__new__ if member_type is object else member_type.__new__
        enum_class._new_member_ = maker
        handled = set(classdict)
        if ReprEnum is not None and ReprEnum in bases:
            # str() and format() are the data type's
            if '__format__' not in handled:
                enum_class.__format__ = member_type.__format__
                handled.add('__format__')
            if '__str__' not in handled:
                shown = member_type.__str__
                if shown is object.__str__:
                    shown = member_type.__repr__
                enum_class.__str__ = shown
                handled.add('__str__')
        first_enum = next((b for b in reversed(bases) if isinstance(b, EnumType)), None)
        if first_enum is not None:
            for method in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if method in handled:
                    continue
                found = getattr(enum_class, method)
                if found in (getattr(member_type, method), getattr(object, method)):
                    type.__setattr__(enum_class, method, getattr(first_enum, method))
        for name, value in zip(names, values):
            args = value if isinstance(value, tuple) else (value,)
            if member_type is tuple:
                args = (args,)
            if maker is object.__new__:
                member = maker(enum_class)
            else:
                member = maker(enum_class, *args)
            if not hasattr(member, '_value_'):
                member._value_ = value if member_type is object else member_type(*args)
            member._name_ = name
            member.__objclass__ = enum_class
            member.__init__(*args)
            canonical = None
            for other in enum_class._member_map_.values():
                if other._value_ == member._value_:
                    canonical = other
                    break
            if canonical is None:
                enum_class._member_names_.append(name)
                canonical = member
            type.__setattr__(enum_class, name, canonical)
            enum_class._member_map_[name] = canonical
            try:
                enum_class._value2member_map_.setdefault(member._value_, canonical)
            except TypeError:
                pass
        if Flag is not None and issubclass(enum_class, Flag):
            # the operators are Flag's even where a data type (int) has its own
            for op in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                       '__invert__'):
                if op not in classdict:
                    type.__setattr__(enum_class, op, getattr(enum_class.__mro__[1], op)
                                     if isinstance(enum_class.__mro__[1], EnumType)
                                     and enum_class.__mro__[1] is not Flag
                                     else Flag.__dict__[op])
            mask = 0
            for name in enum_class._member_names_:
                mask |= enum_class._member_map_[name]._value_
            enum_class._flag_mask_ = mask
        return enum_class

    def __init__(cls, *args, boundary=None, **kwds):
        super().__init__(*args, **kwds)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        namespace = cls.__prepare__(class_name, bases)
        if isinstance(names, str):
            # 'A B C' or 'A, B, C'
            names = ' '.join(names.split(',')).split()
        bare = isinstance(names, (tuple, list)) and len(names) > 0
        if bare and isinstance(names[0], str):
            picked = []
            for count, name in enumerate(names):
                picked.append((name, namespace._generate_next_value(name, start, count,
                                                                    [v for _, v in picked])))
            names = picked
        items = names.items() if hasattr(names, 'items') else names
        for name, value in items:
            namespace[name] = value
        if module is None:
            # the module of the code that called the class
            try:
                caller = sys._getframe(2)
            except (AttributeError, ValueError):
                caller = None
            module = None if caller is None else caller.f_globals.get('__name__')
        if module is not None:
            namespace['__module__'] = module
        if qualname is not None:
            namespace['__qualname__'] = qualname
        return EnumType.__new__(EnumType, class_name, bases, namespace, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(member).__qualname__}' and '{cls.__class__.__qualname__}'")
        return member._name_ in cls._member_map_ if isinstance(member, cls) else False

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError(f'{cls.__name__!r} cannot delete member {name!r}.')
        super().__delattr__(name)

    def __dir__(cls):
        names = {'__class__', '__contains__', '__doc__', '__getitem__', '__iter__',
                 '__len__', '__members__', '__module__', '__name__', '__qualname__'}
        names.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            names.add('__new__')
        if cls.__init_subclass__ is not object.__init_subclass__:
            names.add('__init_subclass__')
        if cls._member_type_ is not object:
            names.update(dir(cls._member_type_))
        return sorted(names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @DynamicClassAttribute
    def __members__(cls):
        members = cls._member_map_
        return MappingProxyType(members)

    def __repr__(cls):
        kind = 'flag' if Flag is not None and issubclass(cls, Flag) else 'enum'
        return f'<{kind} {cls.__name__!r}>'

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)


EnumMeta = EnumType
Enum = Flag = ReprEnum = None


class Enum(metaclass=EnumType):
    """An enumeration: subclass it and define its members as class attributes."""

    def __new__(cls, value):
        # the member with this value (an alias's value gives the canonical member)
        if type(value) is cls:  # already a member
            return value
        by_value = cls._value2member_map_
        try:
            if value in by_value:
                return by_value[value]
        except TypeError:
            pass  # an unhashable value: compared with each member below
        equal = [m for m in cls._member_map_.values() if m._value_ == value]
        if equal:
            return equal[0]
        found = cls._missing_(value)
        if isinstance(found, cls):
            return found
        if found is None:
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        raise TypeError(f'error in {cls.__name__}._missing_: returned {found!r} instead '
                        f'of None or a valid member')

    def __init__(self, *args, **kwds):
        pass

    def __init_subclass__(cls, **kwds):
        super().__init_subclass__(**kwds)

    def _generate_next_value_(name, start, count, last_values):
        # one more than the last value that can be added to
        candidates = [v for v in reversed(last_values)]
        while candidates:
            try:
                return candidates.pop(0) + 1
            except TypeError:
                pass
        return start

    # the hook for values no member has: a member, or None for ValueError
    _missing_ = classmethod(lambda cls, value: None)

    def __repr__(self):
        return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{type(self).__name__}.{self._name_}'

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        kind = type(self)
        if kind._member_type_ is not object:
            return sorted(set(object.__dir__(self)))
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value'}
        for klass in kind.__mro__:
            if klass is Enum or klass is object:
                break
            names.update(n for n in klass.__dict__ if not n.startswith('_'))
        names.update(n for n in self.__dict__ if not n.startswith('_'))
        return sorted(names - set(kind._member_map_))

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    name = property(lambda self: self._name_, doc='The name of the member.')
    value = property(lambda self: self._value_, doc='The value of the member.')


class ReprEnum(Enum):
    """An enum whose str() and format() are its data type's (repr stays the enum's)."""


class IntEnum(int, ReprEnum):
    """An enum whose members are ints."""


class StrEnum(str, ReprEnum):
    """An enum whose members are strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f'too many arguments for str(): {values!r}')
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f'{values[0]!r} is not a string')
        member = str.__new__(cls, *values)
        member._value_ = str(*values)
        return member

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _bits(value, width):
    # bin() as enum shows it in errors: '0b0 1010' (sign bit, then the digits)
    digits = format(abs(value), 'b').zfill(width)
    return ('-0b1 ' if value < 0 else '0b0 ') + digits


class Flag(Enum, boundary=STRICT):
    """An enum whose members combine with |, & and ^ into other members."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        top = max(last_values)
        return 1 << top.bit_length() if top > 0 else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        mask = cls._flag_mask_
        if value & ~mask and cls._boundary_ is STRICT:
            width = max(mask.bit_length(), value.bit_length())
            raise ValueError(f'{cls!r} invalid value {value!r}\n    given {_bits(value, width)}'
                             f'\n  allowed {_bits(mask, width)}')
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        named = [m._name_ for m in cls._contained(value)]
        extra = value & ~mask
        if named and extra:
            named.append(str(extra))
        pseudo._name_ = '|'.join(named) if named else None
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _contained(cls, value):
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ and member._value_ & value == member._value_ \
                    and member._value_ & (member._value_ - 1) == 0:
                yield member

    def __repr__(self):
        shown = self._name_
        if shown is None:
            return f'<{type(self).__name__}: {self._value_!r}>'
        return f'<{type(self).__name__}.{shown}: {self._value_!r}>'

    def __str__(self):
        if self._name_ is None:
            return f'{type(self).__name__}({self._value_!r})'
        return f'{type(self).__name__}.{self._name_}'

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(other).__qualname__}' and '{type(self).__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(type(self)._contained(self._value_)))

    def __len__(self):
        return bin(self._value_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        if isinstance(other, type(self)):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        value = self._operand(other)
        return NotImplemented if value is None else type(self)(self._value_ | value)

    def __and__(self, other):
        value = self._operand(other)
        return NotImplemented if value is None else type(self)(self._value_ & value)

    def __xor__(self, other):
        value = self._operand(other)
        return NotImplemented if value is None else type(self)(self._value_ ^ value)

    __ror__, __rand__, __rxor__ = __or__, __and__, __xor__

    def __invert__(self):
        if self._boundary_ is KEEP:
            return type(self)(~self._value_)
        return type(self)(type(self)._flag_mask_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are ints (and combine with ints)."""

    def __invert__(self):
        return type(self)(type(self)._flag_mask_ & ~self._value_)


def unique(enumeration):
    """Class decorator: refuse an enum in which two names share a value."""
    doubles = [(name, member._name_) for name, member in enumeration.__members__.items()
               if name != member._name_]
    if doubles:
        listed = ', '.join(f'{alias} -> {name}' for alias, name in doubles)
        raise ValueError(f'duplicate values found in {enumeration!r}: {listed}')
    return enumeration
`,
);
