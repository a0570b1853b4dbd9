# A set display of three or more constants is compiled to a frozenset constant. CPython
# makes that frozenset from the source order, makes it again when it merges constants,
# and once more when a code object interns its strings and one of them had been interned
# before as another object (a word some start-up module uses, a one-letter string). Where
# hashes collide, each new making can place the items differently, so the printed order
# tells how many times the set was made.
print({'tail', 'b', 'dict'})
print({'prev', 'set', 'b'})
print({'right', 'green', 'int', 'big'})
print({'apple', 'green', 'tail', 'ham'})
print({'type', 'open', 'root', 'bar', 'strict', 'result', 'x', 'b'})
print({'set', 'int', 'eggs', 'str', 'strict', 'total', 'one'})
print({'Alice', 'id', 'z', 'Bob'})
print({'z', 'i', 'kwargs', 'cls'})
print({"_a", "xx", (1, 2), "b"})
print({-(2**61), 16, 0.5, -1, (), "ab", -2, 17})


def letters():
    return {'a', 'b', 'c', 'd', 'e', 'f', 'g'}


print(letters())
print(sorted(letters()) == list('abcdefg'))
# `in` over a display: the optimizer folds the display to a frozenset constant too.
print([w for w in ('spam', 'ham', 'eggs', 'tail') if w in {'spam', 'int', 'ham', 'tail'}])
fs = frozenset({'utf_8', 'Bob', 'bar'})
print(fs, len(fs))
