count: int = 0
names: list[str] = []
value: "Forward"
obj.attr: int = 1
d["k"]: int
