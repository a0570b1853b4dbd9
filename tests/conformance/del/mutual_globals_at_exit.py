class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "partner is", self.partner.name if self.partner else None)
a = D("a")
b = D("b")
a.partner = b
b.partner = None
print("script ends")
