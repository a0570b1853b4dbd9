# Object churn: creating and dropping many small instances, lists, dicts and tuples, with
# attribute reads and writes; reference counting frees them at once.
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)


class Particle:
    def __init__(self, ident):
        self.ident = ident
        self.pos = Vec(ident, -ident)
        self.vel = Vec(1, 2)
        self.tags = {"id": ident}


def simulate(steps, n):
    particles = [Particle(i) for i in range(n)]
    checksum = 0
    for step in range(steps):
        for p in particles:
            p.pos = p.pos.add(p.vel.scale(step % 3))
            p.tags = {"id": p.ident, "step": step}
        if step % 10 == 0:
            particles = [Particle(p.ident) if p.ident % 2 else p for p in particles]
        checksum += particles[step % n].pos.x
    return checksum


print(simulate(3000, 1000))
trash = 0
for i in range(3000000):
    t = (i, [i], {"k": i})
    trash += len(t[1]) + t[2]["k"] % 3
print(trash)
