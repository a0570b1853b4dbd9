import sys
print(sys.argv)
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version.startswith("3.11"), sys.implementation.name == sys.implementation.name)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
