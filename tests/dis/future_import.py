from __future__ import division, print_function
x = 1 / 2
