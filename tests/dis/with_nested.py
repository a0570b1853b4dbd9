def f(a, b):
    with a:
        with b:
            print("inside")
        print("after b")
