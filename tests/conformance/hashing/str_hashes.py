for s in ["", "a", "b", "ab", "hello", "Hello", "hello world", "é", "日本", "😀", "a" * 100]:
    print(repr(s), hash(s))
