name = "world"
n = 3
a = "hello %s" % (name,)
b = "%r and %a" % (name, name)
c = "%5s|%-5s|%.2s" % (name, name, name)
d = "%d items" % (n,)
e = "%s" % name
f = "100%% %s" % (name,)
