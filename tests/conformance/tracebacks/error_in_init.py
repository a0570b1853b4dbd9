class Account:
    def __init__(self, balance):
        self.balance = balance
        self.rate = 10 / balance
a = Account(0)
