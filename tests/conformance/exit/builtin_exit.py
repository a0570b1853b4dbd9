print("using site exit")
exit(3)
