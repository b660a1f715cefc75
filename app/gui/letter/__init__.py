"""The letter in the app: preview before printing, print, save (Letter menu; see feature.py)."""
