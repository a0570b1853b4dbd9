import sys
for s in ["", "a", "ab", "a" * 100, "é", "é" * 10, "€", "€" * 10, "😀", "😀" * 10, "a€", "a😀"]:
    print(len(s), sys.getsizeof(s))
