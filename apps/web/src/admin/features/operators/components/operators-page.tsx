import type { OperatorAccount } from '@bango/shared/admin-api'
import { useState } from 'react'
import { useParams } from 'react-router'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { useSession } from '../../../lib/session.ts'
import { common, recovery, operators as t } from '../../../messages/ja.ts'
import { useCreateOperator } from '../api/create-operator.ts'
import { useOperators } from '../api/operators.ts'
import { useResetOperator } from '../api/reset-operator.ts'
import { useUpdateOperator } from '../api/update-operator.ts'
import { OneTimePassword } from './one-time-password.tsx'
import { OperatorCreateForm } from './operator-create-form.tsx'
import { OperatorReset } from './operator-reset.tsx'
import { OperatorRow } from './operator-row.tsx'

/** 担当者アカウント of one company (its administrators, or a system administrator). */
export function OperatorsPage() {
  const { companyId = '' } = useParams()
  const session = useSession().data
  const list = useOperators(companyId)
  const create = useCreateOperator(companyId)
  const update = useUpdateOperator(companyId)
  const reset = useResetOperator(companyId)
  const [resetting, setResetting] = useState<OperatorAccount | null>(null)
  const company = session?.companies.find((c) => c.id === companyId)
  const created = create.data
  const issued = reset.data
  const closeReset = () => {
    setResetting(null)
    reset.reset()
  }

  return (
    <div className="admin-page">
      <h1>{company ? t.titleOf(company.name) : t.title}</h1>
      {created && <OneTimePassword name={created.operator.name} password={created.oneTimePassword} onDismiss={() => create.reset()} />}
      {issued ? (
        <OneTimePassword
          name={issued.operator.name}
          password={issued.oneTimePassword}
          title={recovery.resetDoneTitle}
          body={recovery.resetDoneBody(issued.operator.name, common.dateTime(issued.expiresAt))}
          onDismiss={closeReset}
        />
      ) : (
        resetting && (
          <OperatorReset
            operator={resetting}
            busy={reset.isPending}
            error={reset.error}
            onSubmit={(currentPassword) => reset.mutate({ operatorId: resetting.id, currentPassword })}
            onCancel={closeReset}
          />
        )
      )}
      <ErrorAlert error={list.error ?? update.error} />
      <StatusNote text={update.isSuccess ? t.updated : null} />
      {list.isPending && <p role="status">{common.loading}</p>}
      {list.data?.operators.length === 0 && <p>{t.empty}</p>}
      {list.data && list.data.operators.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.export}</th>
              <th scope="col">{t.totp}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.lastLogin}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.operators.map((operator) => (
              <OperatorRow
                key={`${operator.id}:${operator.role}`}
                operator={operator}
                isSelf={operator.id === session?.operator.id}
                busy={update.isPending}
                onChange={(change) => update.mutate({ operatorId: operator.id, change })}
                onReset={() => {
                  reset.reset()
                  setResetting(operator)
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {!created && <OperatorCreateForm create={create} />}
    </div>
  )
}
