class S:
    __slots__ = ("a",)
m = S.__dict__["a"]
s = S()
m.__set__(s, 10)
print(s.a, m.__get__(s, S), m.__name__, m.__objclass__.__name__)
