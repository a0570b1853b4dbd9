def register(cls):
    print("registering", cls.__name__)
    cls.registered = True
    return cls
@register
class Thing:
    print("in class body")
    value = 1 + 1
print(Thing.registered, Thing.value)
