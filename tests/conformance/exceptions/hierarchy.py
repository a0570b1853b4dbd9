for exc in (ZeroDivisionError, KeyError, IndexError, FileNotFoundError, RecursionError, StopIteration, KeyboardInterrupt, UnicodeDecodeError, NotImplementedError, ModuleNotFoundError, TimeoutError):
    print(exc.__name__, [c.__name__ for c in exc.__mro__[1:]])
print(issubclass(BaseException, object), issubclass(Exception, BaseException), issubclass(SystemExit, Exception))
