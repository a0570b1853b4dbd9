class D:
    def __init__(self):
        self.data = [1, 2, 3]
    def __del__(self):
        print("del sees", self.data, type(self).__name__)
D()
print("end")
