x = 1
s = "a" "b" f"{x}" "c"
t = f"{x}" f"{x!r}"
