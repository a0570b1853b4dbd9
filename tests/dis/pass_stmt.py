pass
if True:
    pass
