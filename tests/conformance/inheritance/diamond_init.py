class Root:
    def __init__(self):
        print("Root")
class Left(Root):
    def __init__(self):
        print("Left")
        super().__init__()
class Right(Root):
    def __init__(self):
        print("Right")
        super().__init__()
class Bottom(Left, Right):
    def __init__(self):
        print("Bottom")
        super().__init__()
Bottom()
