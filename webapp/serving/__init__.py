"""Serving the guide's pages: the views, what every page is given, the prepared responses and headers."""
