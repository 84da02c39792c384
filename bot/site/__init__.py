"""The static website: templates, styles and the builder behind `sanctuary-bot site`."""
