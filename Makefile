# The two commands of README.md. Everything else is in scripts/.
.PHONY: demo test build deps bench clean

demo:
	scripts/install-deps.sh demo
	scripts/build.sh
	scripts/demo.sh

test:
	scripts/test.sh

build:
	scripts/install-deps.sh demo
	scripts/build.sh

clean:
	rm -rf build web/dist
