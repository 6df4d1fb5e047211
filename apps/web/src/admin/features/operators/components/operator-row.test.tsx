import type { OperatorAccount } from '@bango/shared/admin-api'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { OperatorRow } from './operator-row.tsx'

const account: OperatorAccount = {
  id: '55555555-5555-4555-8555-555555555555',
  email: 'op@example.jp',
  name: '担当 次郎',
  role: 'operator',
  canExport: false,
  totpEnabled: false,
  disabled: false,
  lockedUntil: null,
  lastLoginAt: null,
}
const row = (operator: OperatorAccount, onChange = vi.fn()) => {
  render(
    <table>
      <tbody>
        <OperatorRow operator={operator} isSelf={false} busy={false} onChange={onChange} onReset={vi.fn()} />
      </tbody>
    </table>,
  )
  return onChange
}

describe('OperatorRow 出力を許可', () => {
  it('lets an administrator allow an operator to export', async () => {
    const onChange = row(account)
    const box = screen.getByRole('checkbox', { name: '担当 次郎 の出力を許可' })
    expect(box).not.toBeChecked()
    await userEvent.click(box)
    expect(onChange).toHaveBeenCalledWith({ canExport: true })
  })

  it('shows an allowed operator checked, and revokes on a click', async () => {
    const onChange = row({ ...account, canExport: true })
    await userEvent.click(screen.getByRole('checkbox', { name: '担当 次郎 の出力を許可' }))
    expect(onChange).toHaveBeenCalledWith({ canExport: false })
  })

  it('has no checkbox for an administrator, who always may', () => {
    row({ ...account, role: 'administrator', canExport: true })
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument()
  })
})

describe('OperatorRow 権限を変更', () => {
  it('names the operator on the button, so each row’s button is told apart', async () => {
    const onChange = row(account)
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '担当 次郎 の権限' }), 'administrator')
    await userEvent.click(screen.getByRole('button', { name: '担当 次郎 の権限を変更' }))
    expect(onChange).toHaveBeenCalledWith({ role: 'administrator' })
  })
})
