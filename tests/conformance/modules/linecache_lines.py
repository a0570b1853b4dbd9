# linecache: the lines of this very file by number (with their newlines), out-of-range and
# unknown files giving '', names in angle brackets not being files, and entries a program
# puts in linecache.cache itself (as IPython does for its cells) answering first.
import linecache

print(repr(linecache.getline(__file__, 1)))
print(repr(linecache.getline(__file__, 4)))
print(repr(linecache.getline(__file__, 0)), repr(linecache.getline(__file__, 10_000)))
lines = linecache.getlines(__file__)
print(len(lines) > 10, all(line.endswith("\n") for line in lines))
print(__file__ in linecache.cache, linecache.cache[__file__][2] is lines)
print(repr(linecache.getline("no_such_file.py", 1)), linecache.getlines("<stdin>"))
linecache.cache["<my cell>"] = (11, None, ["x = 1\n", "y = x\n"], "<my cell>")
print(linecache.getline("<my cell>", 2), end="")
linecache.clearcache()
print(linecache.cache, linecache.checkcache())
print(repr(linecache.getline(__file__, 2)))
