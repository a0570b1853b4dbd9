z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate())
print(z * (1 - 2j), z / 2, z ** 2, -z)
print(complex(1, 2), complex("1+2j"), complex(2), 1j * 1j)
print(repr(complex(0, -0.0)), repr(complex(-1.5, 0)), 2j == complex(0, 2))
try:
    z < z
except TypeError as e:
    print(e)
