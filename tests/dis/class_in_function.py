def factory(base):
    class Made(base):
        value = base
        def get(self):
            return value
    return Made
