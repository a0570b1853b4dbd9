# -*- coding: uft-8 -*-
print("misspelled codec")
