import { describe, expect, it } from 'vitest'
import { addDependentRequestSchema, loginRequestSchema, myNumberSchema } from './employee-api.ts'
import { FIELD_ERROR_CODES, fieldErrorCode } from './field-errors.ts'
import { plainText } from './text.ts'

const valid = { name: '総合 次郎', kana: 'ソウゴウ ジロウ', relationship: '02', birthDate: '2015-05-05' }

/** Each refused field of an add-dependent request, by the code it gives. */
const refusals = (input: Record<string, unknown>) => {
  const parsed = addDependentRequestSchema.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), fieldErrorCode(issue)])
}

describe('field-error codes', () => {
  it('are what the employee schemas refuse with — never prose in a language', () => {
    expect(refusals(valid)).toEqual([])
    expect(refusals({ ...valid, name: '  ' })).toEqual([['name', 'required']])
    expect(refusals({ ...valid, name: '次'.repeat(101) })).toEqual([['name', 'too_long']])
    expect(refusals({ ...valid, name: '次郎\u202E' })).toEqual([['name', 'control_character']])
    expect(refusals({ ...valid, kana: 'Jiro' })).toEqual([['kana', 'kana_katakana']])
    expect(refusals({ ...valid, relationship: '子' })).toEqual([['relationship', 'relationship']])
    expect(refusals({ ...valid, relationship: '00' })).toEqual([['relationship', 'relationship']])
    expect(refusals({ ...valid, birthDate: '2999-01-01' })).toEqual([['birthDate', 'birth_date']])
    expect(refusals({ ...valid, birthDate: '2020-02-30' })).toEqual([['birthDate', 'birth_date']])
    expect(refusals({ ...valid, birthDate: '1899-12-31' })).toEqual([['birthDate', 'birth_date']])
    for (const number of ['1234 5678 9012', '', 'x'.repeat(41)]) {
      expect(myNumberSchema.safeParse(number).error?.issues.map(fieldErrorCode)).toEqual(['my_number'])
    }
    expect(loginRequestSchema.safeParse({ token: 'a\u0000', password: '' }).error?.issues.map(fieldErrorCode)).toEqual(['control_character', 'required'])
  })

  it('gives every schema message that is a code as is, and reads zod’s own issues by their kind', () => {
    for (const issue of [
      ...(plainText(3).safeParse('abcd').error?.issues ?? []),
      ...(addDependentRequestSchema.safeParse({ ...valid, name: 42 }).error?.issues ?? []),
    ]) {
      expect(FIELD_ERROR_CODES).toContain(fieldErrorCode(issue))
    }
    expect(addDependentRequestSchema.safeParse({ ...valid, name: 42 }).error?.issues.map(fieldErrorCode)).toEqual(['invalid'])
  })
})
