print({1, 1.0, True}, {0, False, 0.0}, {(1, 2), (1, 2)})
print({"a", "b"} == {"b", "a"}, set() == frozenset(), {1} == [1])
try:
    {[1]}
except TypeError as e:
    print(e)
