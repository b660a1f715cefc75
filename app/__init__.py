"""NerveChart: an offline clinical exam assistant for back and neck pain with limb symptoms."""

__version__ = "0.1.0"
