import sys
class D:
    def __del__(self):
        print("del at exit")
d = D()
print("calling sys.exit")
sys.exit(2)
