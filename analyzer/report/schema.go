package report

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the JSON report, for
// tools that check what they read and for the tests that check what
// contractlint writes.
//
//go:embed schema/review.schema.json
var Schema []byte

// SchemaURL is the schema's $id.
const SchemaURL = "https://github.com/contractlint/contractlint/analyzer/report/schema/review.schema.json"
