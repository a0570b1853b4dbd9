s = {"one", "two", "three", "four", "five"}
print(s)
s.remove("two")
s.add("six")
print(s)
s.discard("one")
s.add("two")
print(s)
