"""The stance map: vendored state outlines, projection, SVG drawing, PNG cache, /map wording."""
