import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { en } from '../../../messages/en.ts'
import { ja } from '../../../messages/ja.ts'
import { pt } from '../../../messages/pt.ts'
import { vi } from '../../../messages/vi.ts'
import { zh } from '../../../messages/zh.ts'
import { UploadStatus } from './upload-status.tsx'

describe('a stored image', () => {
  it('is said to be saved, not submitted: submission is 「完了」, still to come', () => {
    render(<UploadStatus state={{ status: 'done' }} onResend={() => {}} />)
    const status = screen.getByRole('status')
    expect(status).toHaveTextContent('画像を保存しました')
    expect(status).toHaveTextContent('まだ提出されていません')
    expect(status).toHaveTextContent('「完了」')
    expect(status).not.toHaveTextContent('送信しました')
  })

  it.each(Object.entries({ ja, en, pt, vi, zh }))('names the 「完了」 button in %s', (_, messages) => {
    expect(messages.documents.uploaded).toContain(messages.targets.submit)
  })
})
