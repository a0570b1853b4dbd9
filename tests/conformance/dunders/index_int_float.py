class I:
    def __index__(self):
        return 3
print([10, 20, 30, 40][I()], "abcdef"[I():], bin(I()), hex(I()), range(I()), [0] * I())
class N:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1j
print(int(N()), float(N()), complex(N()))
try:
    [1, 2][N()]
except TypeError as e:
    print(e)
