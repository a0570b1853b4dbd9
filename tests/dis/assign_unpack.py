a, b = 1, 2
a, b = b, a
(c, d), e = (1, 2), 3
[f, g] = "fg"
