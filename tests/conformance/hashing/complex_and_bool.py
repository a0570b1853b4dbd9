for z in [0j, 1j, 1 + 2j, -1.5 - 0.5j, complex(3, 0)]:
    print(z, hash(z))
print(hash(complex(3, 0)) == hash(3), hash(True), hash(False))
