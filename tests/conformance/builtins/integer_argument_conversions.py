# Each built-in converts an integer argument its own way, and words its errors so:
# Argument Clinic's Py_ssize_t ("Python int too large to convert to C ssize_t"), its int
# ("... C int"), index()'s slice indices, and PyNumber_AsSsize_t ("cannot fit 'int' into
# an index-sized integer") for repetition and subscripts. (Subscripts go through
# operator.getitem: a literal one such as 'abc'[1.5] draws a SyntaxWarning from the compiler.)
import bisect
import collections
import itertools
import operator


class Idx:
    def __index__(self):
        return 2


calls = [
    "'abc'.split('b', {v})", "'abc'.rsplit('b', {v})", "'abc'.split(None, {v})",
    "'abc'.center({v})", "'abc'.ljust({v})", "'abc'.rjust({v})", "'abc'.zfill({v})",
    "'a\\tb'.expandtabs({v})", "'abc'.splitlines({v})", "'abc'.replace('a', 'b', {v})",
    "'abc' * {v}", "operator.getitem('abc', {v})", "'abc'.__mul__({v})",
    "[1, 2].insert({v}, 0)", "[1, 2].pop({v})", "[1, 2].index(1, {v})",
    "[1, 2].index(1, 0, {v})", "[1, 2] * {v}", "operator.getitem([1, 2], {v})",
    "(1, 2).index(1, {v})",
    "b'ab'.split(b'a', {v})", "b'ab'.rsplit(b'a', {v})", "b'ab'.center({v})",
    "b'ab'.zfill({v})", "b'ab'.expandtabs({v})", "b'ab'.hex(':', {v})",
    "b'ab'.replace(b'a', b'b', {v})", "b'ab'.splitlines({v})", "b'ab'.find(b'a', {v})",
    "bytearray(b'ab').pop({v})", "bytearray(b'ab').insert({v}, 1)",
    "collections.deque([1], {v})", "collections.deque([1, 2]).rotate({v})",
    "collections.deque([1, 2]).insert({v}, 0)", "collections.deque([1, 2]).index(1, {v})",
    "list(itertools.islice([1, 2], {v}))", "list(itertools.islice([1, 2], {v}, None))",
    "list(itertools.repeat(1, {v}))[:2]", "list(itertools.combinations([1, 2], {v}))",
    "list(itertools.permutations([1, 2], {v}))", "itertools.tee([1], {v})",
    "list(itertools.product([1], repeat={v}))[:2]",
    "bisect.bisect([1, 2], 1, {v})", "bisect.bisect([1, 2], 1, 0, {v})",
    "slice(1, {v}).indices(5)", "(5).to_bytes({v}, 'big')", "'abc'.startswith('a', {v})",
]
for v in ["2**64", "-2**64", "1.5", "'1'", "None", "Idx()", "True", "-1"]:
    for c in calls:
        e = c.format(v=v)
        try:
            r = eval(e)
            s = repr(r)
            if " at 0x" in s:
                s = type(r).__name__
            print(e, "->", s[:60])
        except Exception as ex:
            print(e, "!!", type(ex).__name__, ex)
