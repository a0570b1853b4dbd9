class Point:
    def __init__(self):
        self.distance = 1
p = Point()
print(p.distnace)
