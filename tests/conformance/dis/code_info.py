# dis.code_info, show_code, pretty_flags, findlinestarts, findlabels and the opcode tables.
import dis


def outer(a, /, b, *, c):
    def inner(d):
        return a + d
    return inner


def gen():
    yield 1


def masked(text):
    # the address of the nested code object varies from run to run
    head, sep, tail = text.partition(" at 0x")
    return head + sep + "..." + tail[tail.index(","):] if sep else text


print(masked(dis.code_info(outer)))
print("----")
print(dis.code_info(outer(1, 2, c=3)))
print("----")
dis.show_code(gen)
print("----")
print(dis.code_info("x + 1"))
print("----")
print(dis.code_info("for i in range(3): print(i)"))
print("----")
print(dis.Bytecode(gen).info())
print("----")
for flags in (0, 1, 3, 0x23, 0x63, 0x200, 0x100000, 1 << 40):
    print(flags, dis.pretty_flags(flags))
print(sorted(dis.COMPILER_FLAG_NAMES.items()))
print("----")
print(list(dis.findlinestarts(outer.__code__)))
print(dis.findlabels(outer.__code__.co_code))
print(list(outer.__code__.co_lines()))
print(list(outer.__code__.co_positions())[:6])
print("----")
print(dis.opname[:10], dis.opname[100], len(dis.opname))
print(dis.opmap['LOAD_CONST'], dis.opmap['RETURN_VALUE'], len(dis.opmap))
print(dis.HAVE_ARGUMENT, dis.EXTENDED_ARG, dis.cmp_op)
print(dis.hasconst, dis.hasname, dis.hasjrel, dis.hasjabs)
print(dis.haslocal, dis.hascompare, dis.hasfree, dis.hasnargs)
print(dis.__all__)
print(dis.stack_effect(dis.opmap['LOAD_CONST'], 0), dis.stack_effect(dis.opmap['POP_TOP']))
print(dis.stack_effect(dis.opmap['FOR_ITER'], 4, jump=True),
      dis.stack_effect(dis.opmap['FOR_ITER'], 4, jump=False),
      dis.stack_effect(dis.opmap['FOR_ITER'], 4))
print(dis.stack_effect(dis.opmap['BUILD_LIST'], 5), dis.stack_effect(dis.opmap['MAKE_FUNCTION'], 15))
print(dis.UNKNOWN, repr(dis.UNKNOWN))
print(dis.deoptmap['LOAD_ATTR_SLOT'], dis.deoptmap['RESUME_QUICK'])
