"""irkg: a knowledge-graph database of Iran–Russia relations."""

__version__ = "0.1.0"
