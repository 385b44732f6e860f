"""`vacancy explain`: where each value was read, for people to check."""
