# Where the ~ and ^ go (CPython 3.11.7): a binary operator after a parenthesized left
# operand, two-character operators, and subscripts with blanks around their brackets.
import sys

d = {"a": {}}
cases = [
    lambda: (1) + "a",
    lambda: (1) // "a",
    lambda: (1)//"a",
    lambda: ((1))  + "a",
    lambda: 1 +("a"),
    lambda: (1)	+ "a",
    lambda: (d)  [ "a" ] [ "b" ],
    lambda: [1][ 5 ],
    lambda: (d)["k" ],
    lambda: d ["k"],
]
for case in cases:
    try:
        case()
    except Exception:
        sys.excepthook(*sys.exc_info())
