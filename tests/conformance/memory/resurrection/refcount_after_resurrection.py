import sys
class Phoenix:
    def __del__(self):
        keep.append(self)
keep = []
p = Phoenix()
del p
print(sys.getrefcount(keep[0]))
