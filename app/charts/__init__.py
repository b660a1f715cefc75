"""Charts drawn with matplotlib (Agg), shared by the app and the letter (no Qt)."""
