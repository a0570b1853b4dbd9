class Base:
    def __del__(self):
        print("Base.__del__")
class Child(Base):
    def __del__(self):
        print("Child.__del__")
        super().__del__()
c = Child()
del c
print("end")
