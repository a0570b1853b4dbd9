class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
names = [D(i).n for i in range(3)]
print(names)
