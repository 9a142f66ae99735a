"""Renderers: each turns a document.Document into one output format."""
