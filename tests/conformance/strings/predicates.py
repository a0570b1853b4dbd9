for s in ["abc", "ABC", "Abc Def", "123", "12.3", "a1", " ", "", "\t\n", "Ⅻ", "²", "_x", "x_1", "class"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isnumeric(), s.isdecimal(), s.isidentifier(), s.isascii(), s.isprintable())
