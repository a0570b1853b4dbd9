if len(h) >= 3 and \
        \   h[0] == 1:
    print("yes")
