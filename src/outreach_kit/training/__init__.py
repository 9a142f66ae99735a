"""Training kit: session plans, vignettes and exercises turned into guides, handouts and slides.

Import the builders from their modules (``training.guide``, ``training.handout``,
``training.slides``); this package's own import stays light because the content loader
imports ``training.schema``.
"""
