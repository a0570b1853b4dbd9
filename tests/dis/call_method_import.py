import os
import os.path
os.getcwd()
os.path.join("a", "b")
