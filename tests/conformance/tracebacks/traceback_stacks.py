# The traceback module's stacks and limits: extract_stack and walk_stack from the current
# frame, print_stack, limits from the oldest and the newest end, sys.tracebacklimit,
# captured locals, FrameSummary as a tuple, clear_frames, and carets of wide characters
# and multi-line expressions.
import sys
import traceback


def level3():
    return [(fs.name, fs.line) for fs in traceback.extract_stack()]


def level2():
    return level3()


def level1():
    return level2()


print(level1())
print([f.f_code.co_name for f, _ in traceback.walk_stack(sys._getframe())])


def show():
    traceback.print_stack(file=sys.stdout)
    traceback.print_stack(limit=1, file=sys.stdout)


show()


def boom(depth, data):
    if depth == 0:
        return data["key"]
    return boom(depth - 1, data)


try:
    boom(3, {})
except KeyError as e:
    tb = e.__traceback__
    print(len(traceback.extract_tb(tb)), len(traceback.extract_tb(tb, limit=2)))
    print([fs.lineno for fs in traceback.extract_tb(tb, limit=-2)])
    print("".join(traceback.format_exception(e, limit=2)))
    print("".join(traceback.format_exception(e, limit=-1)))
    sys.tracebacklimit = 1
    print("".join(traceback.format_exception(e)))
    sys.tracebacklimit = -5
    print("".join(traceback.format_exception(e)))
    del sys.tracebacklimit
    te = traceback.TracebackException.from_exception(e, capture_locals=True)
    print("".join(te.stack.format()[1:]))  # the module frame's locals hold a loader's address
    fs = te.stack[-1]
    filename, lineno, name, line = fs
    print(lineno, name, line, fs[2], len(fs), fs == (fs.filename, 36, "boom", 'return data["key"]'))
    traceback.clear_frames(tb)
    print(tb.tb_next.tb_frame.f_locals)


def wide():
    标识 = {}
    return 标识["键"] + 1


try:
    wide()
except KeyError as e:
    traceback.print_exc(file=sys.stdout)


def multiline():
    return (1 +
            None)


try:
    multiline()
except TypeError:
    print(traceback.format_exc())

try:
    exec("1/0")
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)

try:
    raise KeyError
except KeyError:
    print(traceback.format_exc())

print(traceback.format_exception(ValueError, ValueError("old style"), None))
try:
    traceback.format_exception(ValueError, ValueError("x"))
except ValueError as e:
    print(e)
try:
    traceback.format_exception(42)
except TypeError as e:
    print(e)
