"""Console-script entry point; the commands live in kehoach.pipeline.cli."""

from kehoach.pipeline.cli import main

__all__ = ["main"]
