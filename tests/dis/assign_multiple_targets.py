a = b = c = []
a.append(b)
