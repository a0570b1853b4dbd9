# types: names for the interpreter's types, and building classes dynamically
import sys
import types

def gen():
    yield 1

async def coro():
    pass

def outer():
    x = 1
    return lambda: x

class K:
    def m(self):
        pass

print(types.FunctionType, types.LambdaType is types.FunctionType, types.CodeType)
print(types.MappingProxyType, types.SimpleNamespace, types.CellType)
print(types.GeneratorType, types.CoroutineType, types.MethodType)
print(types.BuiltinFunctionType, types.BuiltinMethodType, types.WrapperDescriptorType)
print(types.MethodWrapperType, types.MethodDescriptorType, types.ClassMethodDescriptorType)
print(types.ModuleType, types.TracebackType, types.FrameType)
print(types.GetSetDescriptorType, types.MemberDescriptorType, types.GenericAlias)
print(types.EllipsisType, types.NoneType, types.NotImplementedType)
print(isinstance(gen, types.FunctionType), isinstance(gen(), types.GeneratorType))
c = coro()
print(isinstance(c, types.CoroutineType))
c.close()
print(isinstance(outer().__closure__[0], types.CellType), isinstance(K().m, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType))
print(isinstance(gen.__code__, types.CodeType), isinstance(sys._getframe(), types.FrameType))

ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='two', c=[3]))
mp = types.MappingProxyType({'k': 1})
print(mp['k'], len(mp), list(mp), 'k' in mp)
try:
    mp['k'] = 2
except TypeError as e:
    print(e)
m = types.ModuleType('made', 'its doc')
print(m, m.__name__, m.__doc__)
bound = types.MethodType(lambda self, y: (self, y), 'obj')
print(bound(5))


def body(ns):
    ns['x'] = 10
    ns['double'] = lambda self: self.x * 2


Made = types.new_class('Made', (K,), exec_body=body)
print(Made, Made.__mro__, Made().double(), Made.__module__)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, bases, kw)
        return {'prepared': True}

    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


meta, ns, kw = types.prepare_class('P', (), {'metaclass': Meta, 'flag': 1})
print(meta, ns, kw)
P = types.new_class('P', (), {'metaclass': Meta, 'flag': 2})
print(type(P), P.prepared)


class Entries:
    def __mro_entries__(self, bases):
        return (K,)


print(types.resolve_bases((Entries(), int)), types.resolve_bases((int,)))
R = types.new_class('R', (Entries(),))
print(R.__mro__, R.__orig_bases__[0].__class__.__name__)
try:
    types.new_class('Bad', (int, str))
except TypeError as e:
    print(e)


class Dyn:
    @types.DynamicClassAttribute
    def name(self):
        'the name'
        return 'instance value'


print(Dyn().name, Dyn.__dict__['name'].__doc__)
try:
    Dyn.name
except AttributeError as e:
    print('AttributeError', e)
