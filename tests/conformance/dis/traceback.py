# dis.distb and Bytecode.from_traceback mark the instruction that raised with -->.
import dis
import sys


def divide(a, b):
    q = a // b
    return q


def outer():
    return divide(1, 0)


try:
    outer()
except ZeroDivisionError:
    tb = sys.exc_info()[2]

innermost = tb.tb_next.tb_next
dis.distb(innermost)
print("----")
bc = dis.Bytecode.from_traceback(tb)
print(bc.current_offset == innermost.tb_lasti, bc.codeobj.co_name)
print(bc.dis())
print("----")
dis.disassemble(outer.__code__, lasti=tb.tb_next.tb_lasti)
