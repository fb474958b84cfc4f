"""Benchmarks of the portal: synthetic years, report figures, rendering, memory.

See bench/README.md for how to run each script and what it measures.
"""
