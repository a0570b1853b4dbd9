x = 255
print(f"{x:#x} {x:08b} {x:,} {x!r:^9}")
