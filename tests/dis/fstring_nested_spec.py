width = 10
prec = 3
value = 2.718281828
s = f"{value:{width}.{prec}}"
t = f"{value:>{width}}"
