import numpy_like as np
a = np.arr[1, 2]
b = np.arr[1:2, ::3]
c = np.arr[..., 0]
