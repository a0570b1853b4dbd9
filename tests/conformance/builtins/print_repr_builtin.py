print(print, len, type(print).__name__)
print(repr(None), repr(True), repr(NotImplemented), repr(Ellipsis))
import builtins
print(builtins.len is len, type(builtins).__name__)
