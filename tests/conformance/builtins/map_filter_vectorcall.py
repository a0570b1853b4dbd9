# map() and filter() called directly (their vectorcall in 3.11: no argument tuple and no
# recursion check of their own), with their argument errors, subclasses (called through
# type_call), and recursion that passes through map: the limit is met entering the Python
# function, so the message has no " while calling a Python object".
print(list(map(str, range(3))), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])))
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda v: v > 1, range(4))))
for call in (lambda: map(), lambda: map(str), lambda: map(str, [1], x=1), lambda: filter(),
             lambda: filter(None), lambda: filter(None, [], []), lambda: filter(None, [], x=1),
             lambda: map(str, 5), lambda: filter(None, 5)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class M(map):
    pass


class F(filter):
    def __init__(self, *args, **kwargs):
        print("F.__init__", args, kwargs)


print(list(M(abs, [-1, -2])), list(F(None, [0, 3])))
try:
    M(abs, [1], key=2)
except TypeError as e:
    print("TypeError:", e)


def through_map(n):
    if n == 0:
        return 0
    return sum(map(through_map, [n - 1])) + 1


print(through_map(100))
try:
    through_map(10000)
except RecursionError as e:
    print("RecursionError:", e)


class F2(filter):
    pass


for call in (lambda: F2(None, [1], key=2), lambda: F(None, [1], key=2)):
    try:
        print(list(call()))
    except TypeError as e:
        print("TypeError:", e)
