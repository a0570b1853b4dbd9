x = 1

# a comment with a stray byte ÿ
print(x)
