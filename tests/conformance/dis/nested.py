# Nested code objects are listed after their parent, depth levels deep; the listing of a
# module walks its namespace. Addresses of code objects are masked.
import dis
import sys


class Masked:
    """A file for dis: writes to stdout with the addresses of code objects hidden."""

    def write(self, text):
        marker = " at " + "0" + "x"
        pos = text.find(marker)
        while pos >= 0:
            end = pos + len(marker)
            while end < len(text) and text[end] in "0123456789abcdef":
                end += 1
            text = text[:pos] + " at ADDRESS" + text[end:]
            pos = text.find(marker)
        sys.stdout.write(text)


out = Masked()


def outer(n):
    squares = [i * i for i in range(n)]

    def inner(m):
        return lambda k: k + m + n
    return inner, squares


dis.dis(outer, file=out)
print("----")
dis.dis(outer, file=out, depth=0)
print("----")
dis.dis(outer, file=out, depth=1)
print("----")
dis.dis("def f():\n    return [x for x in ()]\n", file=out)
print("----")
dis.dis(sys.modules[__name__], file=out)
