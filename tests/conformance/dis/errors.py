# What dis refuses, with CPython's exception types and messages.
import dis
import opcode


def attempt(f, *args, **kwargs):
    try:
        result = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", result)


attempt(dis.dis, 42)
attempt(dis.dis, [1, 2])
attempt(dis.code_info, 3.5)
attempt(dis.get_instructions, None)
attempt(dis.Bytecode, b"d\x00S\x00")
attempt(dis.distb)
attempt(dis.dis)
attempt(dis.stack_effect, 1, 0)
attempt(dis.stack_effect, 100)
attempt(dis.stack_effect, 300, 0)
attempt(dis.stack_effect, 9)
attempt(dis.stack_effect, 100, 0, jump=1)
attempt(dis.stack_effect, "x")
attempt(dis.stack_effect, 2 ** 40)
attempt(opcode.stack_effect, 100, 1, jump=None)
attempt(dis.dis, "def f(:")


class Holder:
    value = 3
    code = compile("1 + 1", "<s>", "eval")

    def method(self):
        return self.value


dis.dis(Holder)
