class Show:
    def __setitem__(self, k, v):
        print("set", k, v)
s = Show()
s[1] = s[2] = "v"
a = b = []
a.append(1)
print(b)
