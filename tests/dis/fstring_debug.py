x = 5
print(f"{x=}")
print(f"{x = }")
print(f"{x=!s}")
print(f"{x=:>5}")
