# Shortcuts; each target runs the script of the same name.
.PHONY: serve test bench

serve:
	scripts/serve

test:
	scripts/test

bench:
	scripts/bench
