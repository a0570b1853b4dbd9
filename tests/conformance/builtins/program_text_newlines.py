# A SyntaxError's text from the file that compile()'s filename names is read with universal
# newlines: a \r\n or \r line end is a \n (program_text_crlf.txt and program_text_cr.txt
# beside this program).
for name in ["program_text_crlf.txt", "program_text_cr.txt"]:
    for src in ["\nreturn 1", "\n\nreturn 1", "return 1"]:
        try:
            compile(src, name, "exec")
        except SyntaxError as e:
            print(name, repr(e.text), e.lineno)
