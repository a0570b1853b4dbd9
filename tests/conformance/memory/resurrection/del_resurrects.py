import gc
class Phoenix:
    def __del__(self):
        print("__del__, resurrecting")
        global saved
        saved = self
p = Phoenix()
del p
print("saved is a Phoenix:", type(saved).__name__)
del saved
print("second death: __del__ not called again")
