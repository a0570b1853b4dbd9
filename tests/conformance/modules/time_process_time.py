import time
t0, w0 = time.process_time(), time.perf_counter()
time.sleep(0.3)
t1, w1 = time.process_time(), time.perf_counter()
print("sleep costs little cpu:", t1 - t0 < 0.1, "wall passed:", w1 - w0 >= 0.29)
n = 0
for i in range(300000): n += i
t2 = time.process_time()
print("work costs cpu:", t2 > t1, type(time.process_time_ns()).__name__, time.thread_time() > 0)
