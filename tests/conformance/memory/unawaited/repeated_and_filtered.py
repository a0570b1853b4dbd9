# The warning goes through the filters: shown once per line by default, every time under
# "always", never under "ignore".
import warnings


async def job(n):
    return n


for i in range(3):
    job(i)
print("default: once")

warnings.simplefilter("always")
for i in range(2):
    job(i)
print("always: twice")

warnings.simplefilter("ignore")
job(9)
print("ignore: none")
