# The traceback module's relatives: cause, context and members summarized from the outermost
# summary, last found first and each once (nested groups re-raised while handling others, a
# chain of 400 contexts, one exception as both cause and context), and walk_stack(None)
# read through StackSummary.extract starting at the caller.
import traceback
def f(): return [fs.name for fs in traceback.StackSummary.extract(traceback.walk_stack(None))]
print(f())
def g(): return [fs.name for fs in traceback.StackSummary.extract(traceback.walk_stack(None), limit=1)]
print(g())
try:
    try:
        try: raise ValueError('a')
        except ValueError as e: raise ExceptionGroup('g1', [e])
    except ExceptionGroup as e: raise ExceptionGroup('g2', [e])
except ExceptionGroup as e:
    te = traceback.TracebackException.from_exception(e)
    print(te.__context__.__context__, te.exceptions[0].__context__)
    print("".join(te.format()))
prev = None
for i in range(400):
    n = ValueError(i)
    n.__context__ = prev
    prev = n
te = traceback.TracebackException.from_exception(prev)
print(len(list(te.format())))
c = KeyError("c")
x = ValueError("x")
x.__cause__ = c
x.__context__ = c
y = TypeError("y")
y.__context__ = x
y.__cause__ = x
print("".join(traceback.format_exception(y)))
print(traceback.TracebackException.from_exception(y, compact=True).__cause__.__context__)
