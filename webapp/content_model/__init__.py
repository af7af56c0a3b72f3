"""The content model and editions: the page registry, every file's model, reading and checking an edition."""
