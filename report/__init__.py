"""The year-end work report: figures from every app, the text, its outputs."""
