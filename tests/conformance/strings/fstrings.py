name = "world"
n = 7
print(f"hello {name}!", f"{n * 6}", f"{name!r}", f"{n:03d}", f"{n:>4}|", f"{'nested'}")
print(f"{n=}", f"{name.upper()=}", f"{3.14159:.2f}", f"{{braces}}")
w = 8
print(f"{'x':{w}}|", f"{n:#x}", f"{[1, 2]}", f"{ {'a': 1} }")
