"""The content pack kit: what every app's section of the pack shares, and the commands that run them all.

A leaf: it imports no other rusfakta app. The apps' own pack modules import it, and it finds their
readers, loaders and exporters by name in `sections.SECTIONS` (docs/decisions/0012).
"""
