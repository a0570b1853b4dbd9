class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
plain = D("plain")
_private = D("_private")
another = D("another")
print("end of script")
