result = (
    obj
    .first()
    .second(
        1,
        2,
    )
)
