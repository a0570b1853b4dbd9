a = b"bytes\x00\xff"
b = "text with 'quotes'"
c = 'text with "double"'
d = "both ' and \""
e = "unicode é ü 中文"
f = "tab\tnewline\n"
g = r"raw\n"
h = b"implicit" b" concat"
