async def f(lock):
    async with lock as l:
        return l
