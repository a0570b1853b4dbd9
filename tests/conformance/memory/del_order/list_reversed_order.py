class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
l = [D(str(i)) for i in range(5)]
l = None
print("end")
