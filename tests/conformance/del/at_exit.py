class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
first = D("first")
second = D("second")
third = D("third")
print("end of script")
