import { DL3062 } from '../../../src/core/dockerfile/rules/DL3062';
import { ruleTests } from '../ruleTester';

ruleTests(DL3062, {
  valid: [
    { name: 'hadolint parity: what hadolint does not report either', code: 'FROM golang:1.22\nRUN go run ./cmd/gen main.go && go install -v ./... && go install $TOOL@v1 && sudo go get $PKG && go run -exec=prog ./cmd\n', settings: { hadolintParity: true } },
    { name: 'a version', code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.3\n' },
    { name: 'a pseudo-version', code: 'FROM golang:1.22\nRUN go install github.com/acme/tool@v0.0.0-20240501120000-9fceb02d0ae5\n' },
    { name: 'local packages', code: 'FROM golang:1.22\nRUN go install ./... && go install . && go install /src/cmd/app\n' },
    { name: 'flags with values before a local package', code: 'FROM golang:1.22\nRUN go install -ldflags "-s -w" -tags netgo ./cmd/server\n' },
    { name: 'go build', code: 'FROM golang:1.22\nRUN go build -o /bin/app ./cmd/app\n' },
    { name: 'a package in a variable', code: 'FROM golang:1.22\nARG TOOL\nRUN go install $TOOL\n' },
    { name: 'go install of the current module', code: 'FROM golang:1.22\nRUN go install -v\n' },
    { name: 'go get with a version, and of local packages', code: 'FROM golang:1.22\nRUN go get github.com/stretchr/testify@v1.9.0 && go get -u ./... && go get -d\n' },
    { name: 'go get @none removes a dependency', code: 'FROM golang:1.22\nRUN go get golang.org/x/tools@none\n' },
    { name: 'go run of a local package or files, with program arguments', code: 'FROM golang:1.22\nRUN go run ./cmd/gen github.com/a/b && go run main.go util.go --out x && go run -exec sudo ./cmd/x\n' },
    { name: 'go run of a pinned package; the words after it are its arguments', code: 'FROM golang:1.22\nRUN go run github.com/acme/gen@v1.4.0 github.com/a/b\n' },
  ],
  invalid: [
    {
      name: 'hadolint parity: a .go file, @none, a variable, the value of -exec',
      code: 'FROM golang:1.22\nRUN go run main.go\nRUN go get golang.org/x/tools@none && go get $PKG\nRUN go run -exec prog ./cmd\nRUN go install -o bin ./cmd\n',
      settings: { hadolintParity: true },
      errors: [
        { line: 2, column: 12, endColumn: 19, message: /^go run is given main\.go here\. Reported because hadolint reports it \(hadolint parity is on\): hadolint takes main\.go for a package without a version, but main\.go is a local source file/ },
        { line: 3, column: 12, endColumn: 35, message: /but go get pkg@none removes a dependency/ },
        { line: 3, column: 46, endColumn: 50, message: /but a package given as a variable is known only at build time/ },
        { line: 4, column: 18, endColumn: 22, message: /hadolint takes prog for a package without a version, but it is the value of -exec, not a package/ },
        { line: 5, column: 19, endColumn: 22, message: /but it is the value of -o, not a package/ },
      ],
    },
    {
      name: 'no version',
      code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls\n',
      errors: [{ line: 2, column: 16, endColumn: 40, message: /golang\.org\/x\/tools\/gopls has no version/ }],
    },
    {
      name: '@latest is not a version',
      code: 'FROM golang:1.22\nRUN go install github.com/acme/tool@latest\n',
      errors: [{ line: 2, column: 16, message: /fetches whatever is newest.*go install github\.com\/acme\/tool@v1\.2\.3/ }],
    },
    {
      name: 'after a flag with a value',
      code: 'FROM golang:1.22\nRUN go install -ldflags "-s -w" github.com/a/b\n',
      errors: [{ line: 2, column: 33, endColumn: 47 }],
    },
    {
      name: 'second in a chain on a continuation line',
      code: 'FROM golang:1.22\nRUN go install a.io/x@v1.0.0 && \\\n    go install b.io/y\n',
      errors: [{ line: 3, column: 16, endColumn: 22 }],
    },
    {
      name: 'behind env',
      code: 'FROM golang:1.22\nRUN env GOBIN=/usr/local/bin go install a.io/x\n',
      errors: [{ line: 2, column: 41, endColumn: 47 }],
    },
    {
      name: 'go get without a version (as hadolint)',
      code: 'FROM golang:1.22\nRUN go get github.com/stretchr/testify\n',
      errors: [{ line: 2, column: 12, endColumn: 39, message: /Pin versions in go get: github\.com\/stretchr\/testify has no version/ }],
    },
    {
      name: 'go get -u of @latest',
      code: 'FROM golang:1.22\nRUN go get -u golang.org/x/net@latest\n',
      errors: [{ line: 2, column: 15, message: /go get golang\.org\/x\/net@v1\.2\.3/ }],
    },
    {
      name: 'go run of a remote package without a version',
      code: 'FROM golang:1.22\nRUN go run github.com/acme/gen --out /src\n',
      errors: [{ line: 2, column: 12, endColumn: 31, message: /Pin versions in go run/ }],
    },
    {
      name: 'two packages, one pinned',
      code: 'FROM golang:1.22\nRUN go install a.io/x@v1.0.0 b.io/y\n',
      errors: [{ line: 2, column: 30, endColumn: 36 }],
    },
  ],
});
