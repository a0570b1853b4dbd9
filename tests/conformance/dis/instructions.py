# dis.get_instructions and dis.Bytecode: the Instruction tuples and their fields.
import dis


def f(x, *args, key=None, **kw):
    y = [x, *args]
    z = {**kw, 'key': key}
    name = f"{x!r:>{len(args)}} {key}"
    try:
        return y[0] / z['key']
    except (ZeroDivisionError, KeyError) as e:
        raise ValueError(name) from e
    finally:
        del y


for ins in dis.get_instructions(f):
    print(ins)
print("----")
for ins in dis.get_instructions(f, first_line=100):
    if ins.starts_line is not None:
        print(ins.offset, ins.starts_line, ins.opname)
print("----")
bc = dis.Bytecode(f)
print(bc.first_line, bc.current_offset, bc.show_caches)
print(bc.exception_entries)
jumps = [ins.offset for ins in bc if ins.is_jump_target]
print(jumps)
print([i.offset for i in dis.get_instructions(f) if i.is_jump_target])
print("----")
ins = next(iter(bc))
print(ins._fields)
print(ins.opname, ins.opcode, ins.arg, ins.argval, ins.argrepr, ins.offset, ins.starts_line,
      ins.is_jump_target, ins.positions)
print(ins.positions.lineno, ins.positions.end_col_offset, dis.Positions())
print(ins._replace(arg=7))
print(ins._disassemble(), "|", ins._disassemble(0), "|", ins._disassemble(5, True, 6))
print(isinstance(ins, tuple), type(ins).__name__, type(ins).__mro__[1].__name__)
print(dis.Instruction.argval.__doc__)
print("----")
caches = [i for i in dis.get_instructions(f, show_caches=True) if i.opname == 'CACHE']
print(len(caches), caches[0])
print([i.argval for i in dis.get_instructions(f) if i.opname == 'FORMAT_VALUE'])
print([i.argval for i in dis.get_instructions("g(a=1, b=2)") if i.opname == 'KW_NAMES'])
print("----")
print(dis.Bytecode(f, first_line=50, current_offset=30).dis())
