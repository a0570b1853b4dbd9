print(bool(), bool(0), bool(1), bool([]), bool("False"), bool(None), bool(0.0), bool(-0.0), bool(float("nan")))
print(True is bool(1), False is bool(0))
