"""Reading and writing fact files: discovery, parse, assemble, load, records, dump."""
