class Base:
    def __del__(self):
        print("del", type(self).__name__)
class Child(Base):
    pass
Child()
Base()
print("end")
