class D:
    count = 0
    def __init__(self):
        D.count += 1
        self.n = D.count
    def __del__(self):
        print("del", self.n)
items = [D(), D(), D()]
single = D()
print("script ends")
