class C:
    __secret = 1

    def __init__(self):
        self.__value = 2
        self.__dunder__ = 3

    def get(self):
        return self.__value + C.__secret
