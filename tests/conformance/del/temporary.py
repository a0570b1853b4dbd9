class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
    def hello(self):
        return "hello from " + self.name
print(D("temp").hello())
D("unused")
print("next statement")
