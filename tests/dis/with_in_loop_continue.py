def f(cms):
    for cm in cms:
        with cm:
            continue
