"""Streamlit pages. They collect choices and show results; all logic lives elsewhere."""
