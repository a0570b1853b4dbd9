eg = ExceptionGroup("group", [ValueError("v"), TypeError("t"), ValueError("w")])
print(repr(eg), eg.message, len(eg.exceptions))
try:
    raise eg
except* ValueError as g:
    print("values:", [str(x) for x in g.exceptions])
except* TypeError as g:
    print("types:", [str(x) for x in g.exceptions])
match, rest = eg.split(ValueError)
print(match.exceptions, rest.exceptions)
