"""Languages, gettext catalogs in layers, the crisis glossary, and review records."""
