# The two commands of README.md. Everything else is in scripts/.
.PHONY: demo test build deps bench clean fuzz

demo:
	scripts/install-deps.sh demo
	scripts/build.sh
	scripts/demo.sh

test:
	scripts/test.sh

# libFuzzer (clang 16) over server/fuzz: FUZZ_SECONDS per target, default 60 (docs/fuzzing.md).
fuzz:
	scripts/fuzz.sh

build:
	scripts/install-deps.sh demo
	scripts/build.sh

clean:
	rm -rf build build-asan build-fuzz web/dist
