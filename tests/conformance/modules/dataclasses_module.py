# dataclasses: generated methods, field options, inheritance, frozen, order, hashing,
# helpers, and the errors
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(1, 3), Point.__doc__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__match_args__)
print(Point.__init__.__annotations__, Point.__hash__, Point.__dataclass_params__)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)


@dataclass
class Inventory:
    name: str
    tags: list = field(default_factory=list)
    count: int = field(default=1, repr=False)
    secret: str = field(default='s', compare=False, metadata={'unit': 'none'})
    cache: dict = field(default_factory=dict, init=False, repr=False)


a, b = Inventory('a'), Inventory('a')
a.tags.append('x')
print(a, b, a.tags is b.tags, a == Inventory('a', ['x'], 1, 'other'))
print([f.name for f in fields(a)], fields(Inventory)[3].metadata['unit'])
print(str(fields(Inventory)[0]).replace(repr(dataclasses.MISSING), 'MISSING'))
print(Inventory.__doc__)
print(asdict(a), astuple(a))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)


vs = [Version(1, 2), Version(1, 0, 'x'), Version(0, 9)]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 5))
print(hash(Version(1, 2)) == hash((1, 2)), {Version(1, 2): 'v'}[Version(1, 2, 'other')])
try:
    vs[0].major = 5
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del vs[0].minor
except AttributeError as e:
    print(e)
print(replace(vs[0], minor=7))


@dataclass
class Base:
    a: int
    b: str = 'b'


@dataclass
class Child(Base):
    c: float = 1.5
    a: int = 10


print(Child(), Child(1, 'x', 2.5), [f.name for f in fields(Child)])


@dataclass
class WithPost:
    x: int
    scale: InitVar[int] = 2
    y: int = field(init=False)

    def __post_init__(self, scale):
        self.y = self.x * scale


w = WithPost(3)
print(w, WithPost(3, 10).y, [f.name for f in fields(w)])
print(repr(WithPost.__dataclass_fields__['scale'].type))


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int


print(KW(1, c=3), KW.__match_args__)
try:
    KW(1, 2, 3)
except TypeError as e:
    print(e)


@dataclass(kw_only=True)
class AllKW:
    a: int
    b: int = 1


print(AllKW(a=5), AllKW.__doc__)


@dataclass(unsafe_hash=True)
class Hashable:
    v: int


print(hash(Hashable(4)) == hash((4,)))


@dataclass(eq=False)
class NoEq:
    v: int


print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass(repr=False, init=False)
class Bare:
    v: int = 3


print(Bare().v, 'Bare object' in repr(Bare()), Bare.__doc__)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


root = Node(1)
root.children.append(root)
print(root)


@dataclass
class Custom:
    v: int

    def __repr__(self):
        return 'custom'

    def __eq__(self, other):
        return True


print(Custom(1), Custom(1) == 5, Custom.__hash__)

for bad in ['class Bad:\n    x: list = []',
            'class Bad:\n    x: int = 1\n    y: str',
            'class Bad:\n    x = field()',
            'class Bad:\n    x: int = field(default=1, default_factory=int)']:
    try:
        exec('@dataclass\n' + bad, globals())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    dataclass(order=True, eq=False)(type('O', (), {'__annotations__': {'x': int}}))
except ValueError as e:
    print(e)


@dataclass(frozen=True)
class FrozenBase:
    x: int


try:
    @dataclass
    class Thaw(FrozenBase):
        y: int
except TypeError as e:
    print(e)
try:
    asdict(5)
except TypeError as e:
    print(e)
try:
    fields(5)
except TypeError as e:
    print(e)
print(dataclasses.is_dataclass(Point), dataclasses.is_dataclass(p), dataclasses.is_dataclass(5))
Dyn = dataclasses.make_dataclass('Dyn', [('x', int), ('y', int, field(default=5))],
                                 namespace={'total': lambda self: self.x + self.y})
d = Dyn(1)
print(d, d.total(), Dyn.__doc__)
print(repr(dataclasses.MISSING).startswith('<dataclasses._MISSING_TYPE object'))


@dataclass
class Matched:
    kind: str
    size: int


match Matched('box', 3):
    case Matched('box', n):
        print('box of', n)


@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 2


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))
try:
    s.c = 3
except AttributeError as e:
    print('AttributeError')
print(asdict(Inventory('n', [Point(1, 2), (Point(3),)], 2)))
