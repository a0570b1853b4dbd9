def kind(f):
    try:
        f()
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
print(kind(lambda: {}[1]), kind(lambda: [][0]), kind(lambda: 1 / 0), kind(lambda: int("x")))
