"""The body-map SVGs as documents: region elements, and copies marked with symptoms (no Qt)."""
