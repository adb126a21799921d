package config

import "strings"

// starterSections are the parts of the starter file: an explanation and a
// working example, which the starter prints commented out. Together the
// examples are a valid configuration (a test holds them to it).
var starterSections = []struct{ about, example string }{
	{about: `contractlint configuration: 'contractlint review' reads this file when it is
in the folder the review runs in or a folder above it (up to the repository
root), or when it is named with --config FILE; --no-config ignores it.
Command-line flags win: --baseline replaces "baselines", --rules adds to "rules".
Paths are relative to this file's folder. Every setting is optional: remove
the "# " in front of an example to use it.`},
	{about: `Baselines to review against when --baseline is not given ('contractlint rules'
lists the checks of each; with several, a check runs once with the strictest
threshold). Without this setting the default baseline, msp-default, is used.`,
		example: `baselines:
  - msp-default
  - ecc-2-2024
`},
	{about: `Thresholds replace a check's limit, stricter or looser, whatever the
baselines say. Only checks that read a number take one, compared the way the
check compares: "<=" for a time limit ("<= 48 hours", "<= 30 days",
"<= quarterly"), ">=" for a retention, an amount or a cap (">= 6 months",
">= USD 2,000,000", ">= 12 months of fees").`,
		example: `thresholds:
  incident-notification: "<= 48 hours"
  logging-retention: ">= 6 months"
`},
	{about: `Severities replace how a weak or missing check is reported: error, warning
or note. 'review --fail-on' (error by default) decides which make the exit
status 1.`,
		example: `severities:
  liability-cap: note
  insurance: error
`},
	{about: `Checks to leave out of every review.`,
		example: `disable:
  - security-training
`},
	{about: `Folders of your own rule files (*.yaml; see rules/README.md), added to the
built-in rules.`,
		example: `rules:
  - contractlint-rules
`},
	{about: `Waivers accept a weak or missing check on purpose, so that it stops failing
the review. A waived result is left out of the text report (the summary
counts it as waived), stays in JSON with its "suppression", and does not
count for --fail-on.
  check        the check id (required)
  documents    which agreements (required): a glob relative to this file's
               folder; without a "/" it matches the file name in any folder
               ("acme-msa.pdf", "*.pdf"); "**" matches any folders
               ("contracts/**/acme-*.docx"); "**" alone matches everything
  fingerprint  accept only this finding: the "fingerprint" of the result in
               'review --format json'. It stays the same when the agreement is
               re-exported or reflowed, and changes when the clause's words do
  reason       why the clause is accepted (required)
  approver     who accepted it
  expires      the waiver's last day, YYYY-MM-DD; after it the finding is back
               and the review says the waiver expired
A waiver that matches a reviewed agreement but accepts nothing there is
reported as unused, so that waivers do not outlive their reason.`,
		example: `waivers:
  - check: liability-cap
    documents: "contracts/acme-msa-2024.pdf"
    reason: "Cap of 6 months' fees accepted by Legal: low-risk, read-only service"
    approver: "J. Rivera, Legal"
    expires: 2027-06-30
  - check: incident-notification
    documents: "contracts/**/harbourline-*.pdf"
    fingerprint: 0123456789abcdef
    reason: "72-hour notice agreed for the pilot; to be renegotiated at renewal"
    approver: "Vendor risk board, 2026-11 meeting"
    expires: 2027-01-31
`},
}

// Starter is the commented configuration that 'contractlint init' writes:
// every setting explained, with an example, all commented out, so that
// the file as written changes nothing.
func Starter() string {
	var b strings.Builder
	for i, s := range starterSections {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, line := range strings.Split(s.about, "\n") {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
		if s.example != "" {
			b.WriteString("#\n")
			for _, line := range strings.Split(strings.TrimSuffix(s.example, "\n"), "\n") {
				b.WriteString("# " + line + "\n")
			}
		}
	}
	return b.String()
}

// starterExamples is the starter's examples as one configuration.
func starterExamples() string {
	var b strings.Builder
	for _, s := range starterSections {
		b.WriteString(s.example)
	}
	return b.String()
}
