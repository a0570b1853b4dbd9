# Coroutines dropped inside functions: the warning points into the function that was
# running when the last reference went away, with its qualified name.
class Client:
    async def request(self, path):
        return path


def start(client):
    pending = client.request("/a")
    print("made", type(pending).__name__)
    return 1


def forget(client):
    client.request("/b")
    return 2


c = Client()
print(start(c))
print(forget(c))
print("end")
