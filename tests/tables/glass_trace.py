# CPython's own instruction trace of a few small cells, as a JSON table for glasspy's
# `%%trace` and `%stats` tests: each cell runs under sys.settrace with opcode events on,
# and every instruction executed is listed with its frame's code name, its offset, its
# opname and argument as dis shows them. Each cell is one statement compiled in 'exec'
# mode, as glasspy's shell compiles a cell's statements. CPython reports a frame's entry
# as the "call" event, not as an opcode event: the RESUME at offset 0 is not listed.
# Addresses in reprs are left out.
import dis
import json
import re
import sys

PROGRAMS = [
    ("def f():\n    return 1\n", "x = f()"),
    ("def add(a, b):\n    c = a + b\n    return c\n", "y = add(2, 3)"),
    ("", "for i in range(3):\n    pass"),
    ("", "z = [i * 2 for i in range(3)]"),
    ("", "class C:\n    a = 1"),
    ("def g(n):\n    if n > 1:\n        return n * g(n - 1)\n    return 1\n", "w = g(3)"),
    ("", "try:\n    1 / 0\nexcept ZeroDivisionError:\n    q = 2"),
    # hot code: a loop and a function run more often than a compiler's warm-up, whose
    # every instruction must still be seen while statistics or a trace are on
    ("def h(x):\n    return x + 1\n", "for i in range(12):\n    v = h(i)"),
]


def instructions(code):
    """Every instruction of code and its nested code objects, by (code, offset)."""
    table = {}
    for ins in dis.get_instructions(code):
        table[(code, ins.offset)] = ins
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            table.update(instructions(const))
    return table


def trace(setup, cell):
    ns = {"__name__": "__main__"}
    setup_code = compile(setup, "<setup>", "exec")
    exec(setup_code, ns)
    code = compile(cell, "<cell>", "exec")
    known = instructions(code)
    for value in ns.values():
        if hasattr(value, "__code__"):
            known.update(instructions(value.__code__))
    rows = []

    def tracer(frame, event, arg):
        frame.f_trace_opcodes = True
        if event == "opcode":
            ins = known.get((frame.f_code, frame.f_lasti))
            if ins is not None:
                arg = ins.arg if ins.opcode >= dis.HAVE_ARGUMENT else None
                argrepr = re.sub(r" at 0x[0-9a-f]+", "", ins.argrepr)
                rows.append([frame.f_code.co_name, ins.offset, ins.opname, arg, argrepr])
        return tracer

    sys.settrace(tracer)
    try:
        exec(code, ns)
    finally:
        sys.settrace(None)
    return rows


print("[")
for i, (setup, cell) in enumerate(PROGRAMS):
    entry = {"setup": setup, "cell": cell, "trace": trace(setup, cell)}
    print(json.dumps(entry) + ("," if i < len(PROGRAMS) - 1 else ""))
print("]")
