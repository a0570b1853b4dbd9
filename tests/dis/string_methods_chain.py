s = "  Hello, World  "
t = s.strip().lower().replace(",", "").split()
u = ", ".join(t)
