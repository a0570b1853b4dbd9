foo()
)
