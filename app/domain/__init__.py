"""The vocabulary and value objects of NerveChart: stdlib only, no I/O, no Qt."""
