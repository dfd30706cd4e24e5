"""kehoach: Vietnamese administrative documents → task registry.

The code lives in three subpackages laid out at the project root:
``kehoach.extractors`` (pure text functions), ``kehoach.pipeline``
(orchestration, CLI, registry) and ``kehoach.schemas`` (the JSON contract).
"""

__version__ = "0.1.0"
