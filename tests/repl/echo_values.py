x = 5
x
_
print("hi")
for i in range(2):
    print(i)

y = [1, 2]
y
None
"text"
