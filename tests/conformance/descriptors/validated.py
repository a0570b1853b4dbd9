class Positive:
    def __set_name__(self, owner, name):
        self.private = "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError("must be positive: " + str(value))
        setattr(obj, self.private, value)
class Item:
    price = Positive()
    qty = Positive()
    def __init__(self, price, qty):
        self.price = price
        self.qty = qty
i = Item(5, 2)
print(i.price, i.qty, sorted(vars(i)))
try:
    i.qty = -1
except ValueError as e:
    print(e)
print(type(Item.price).__name__)
