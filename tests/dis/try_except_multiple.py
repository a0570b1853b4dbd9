def f():
    try:
        risky()
    except KeyError:
        a = 1
    except IndexError as e:
        a = e
    except:
        a = None
    return a
