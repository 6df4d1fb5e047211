import { companyRequestSchema } from '@bango/shared/admin-api'
import { describe, expect, it } from 'vitest'
import { AdminApiError } from './api-client.ts'
import { serverFieldErrors, validate } from './form.ts'

describe('the console’s field messages', () => {
  it('words the shared rules’ codes in Japanese, and keeps its own wording of zod’s issues', () => {
    expect(validate(companyRequestSchema, { name: '総合\u202E商事' })).toEqual({ ok: false, errors: { name: '改行・タブなどの制御文字は使えません' } })
    expect(validate(companyRequestSchema, { name: '  ' })).toEqual({ ok: false, errors: { name: '入力してください' } })
    expect(validate(companyRequestSchema, { name: '商'.repeat(101) })).toEqual({ ok: false, errors: { name: '100 文字以内で入力してください' } })
  })

  it('marks the fields the server refused, worded by their code', () => {
    const refused = new AdminApiError(400, 'VALIDATION', [
      { path: 'name', code: 'control_character', message: 'control_character' },
      { path: 'contact', message: 'a note without a code' },
    ])
    expect(serverFieldErrors(refused)).toEqual({ name: '改行・タブなどの制御文字は使えません', contact: '入力内容を確認してください' })
  })
})
