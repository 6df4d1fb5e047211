import { type CompanyRole, type OperatorAccount, companyRoleSchema } from '@bango/shared/admin-api'
import { useState } from 'react'
import { common, operators as t, recovery, roles } from '../../../messages/ja.ts'
import type { OperatorChange } from '../api/update-operator.ts'

interface OperatorRowProps {
  operator: OperatorAccount
  isSelf: boolean
  busy: boolean
  onChange: (change: OperatorChange) => void
  /** Opens the confirmation of an account reset (new one-time password, TOTP off). */
  onReset: () => void
  now?: Date
}

/** One account: its state, and role / stop / resume / unlock / reset (not on one's own row). */
export function OperatorRow({ operator, isSelf, busy, onChange, onReset, now = new Date() }: OperatorRowProps) {
  const [role, setRole] = useState<CompanyRole>(operator.role)
  const locked = operator.lockedUntil !== null && new Date(operator.lockedUntil) > now
  const selectId = `role-${operator.id}`
  return (
    <tr>
      <th scope="row">{operator.name}</th>
      <td>{operator.email}</td>
      <td>
        {isSelf ? (
          roles[operator.role]
        ) : (
          <div className="admin-inline">
            <label htmlFor={selectId} className="admin-visually-hidden">
              {t.roleFor(operator.name)}
            </label>
            <select id={selectId} value={role} onChange={(event) => setRole(companyRoleSchema.parse(event.target.value))}>
              {companyRoleSchema.options.map((option) => (
                <option key={option} value={option}>
                  {roles[option]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="admin-button"
              disabled={busy || role === operator.role}
              aria-label={t.changeRoleFor(operator.name)}
              onClick={() => onChange({ role })}
            >
              {t.changeRole}
            </button>
          </div>
        )}
      </td>
      <td>
        {operator.role === 'administrator' ? (
          <span title={t.exportAlways}>{t.allowExport}: ✓</span>
        ) : (
          <label className="admin-inline">
            <input
              type="checkbox"
              checked={operator.canExport}
              disabled={busy}
              aria-label={t.allowExportFor(operator.name)}
              onChange={(event) => onChange({ canExport: event.target.checked })}
            />
            {t.allowExport}
          </label>
        )}
      </td>
      <td>{operator.totpEnabled ? t.totpOn : t.totpOff}</td>
      <td>{operator.disabled ? t.disabled : locked && operator.lockedUntil ? t.locked(common.dateTime(operator.lockedUntil)) : t.active}</td>
      <td>{operator.lastLoginAt ? common.dateTime(operator.lastLoginAt) : t.never}</td>
      <td>
        {!isSelf && (
          <div className="admin-actions">
            {locked && (
              <button type="button" className="admin-button" disabled={busy} onClick={() => onChange({ unlock: true })}>
                {t.unlock(operator.name)}
              </button>
            )}
            <button type="button" className="admin-button" disabled={busy} onClick={() => onChange({ disabled: !operator.disabled })}>
              {operator.disabled ? t.enable(operator.name) : t.disable(operator.name)}
            </button>
            <button type="button" className="admin-button" disabled={busy} onClick={onReset}>
              {recovery.reset(operator.name)}
            </button>
          </div>
        )}
      </td>
    </tr>
  )
}
