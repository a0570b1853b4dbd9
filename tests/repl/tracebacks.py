1/0
undefined_name
x = 1
x + 1
