// CSV is written only through the formats of packages/shared/src/csv-formats.ts, whose writer
// marks formula cells (ADR 032). Outside csv.ts and csv-formats.ts, source files may not import
// the writer itself, nor assemble CSV by hand: no `join(',')`, no CRLF in a string or template.
// Tests are free to write hostile CSV. Proven by csv-writer.test.ts.
const message = 'Write CSV through a format of packages/shared/src/csv-formats.ts (formula-safe writer, ADR 032).'

export const csvWriterConfig = {
  files: ['apps/*/src/**/*.{ts,tsx}', 'packages/shared/src/**/*.ts'],
  ignores: ['**/*.test.{ts,tsx}', '**/test/**', 'packages/shared/src/csv.ts', 'packages/shared/src/csv-formats.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)csv(\\.ts)?$', message }] }],
    'no-restricted-syntax': [
      'error',
      { selector: "CallExpression[callee.property.name='join'][arguments.0.value=',']", message },
      { selector: 'Literal[value=/\\r\\n/]', message },
      { selector: 'TemplateElement[value.cooked=/\\r\\n/]', message },
    ],
  },
}
