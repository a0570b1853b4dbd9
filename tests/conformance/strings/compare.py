print("abc" < "abd", "abc" < "ab", "B" < "a", "é" > "z", "" < "a")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]))
print(sorted(["b", "a", "C"], key=str.lower), max("hello"), min("hello"))
print("a" == "a", "a" != "b", "abc" == "ab" + "c")
