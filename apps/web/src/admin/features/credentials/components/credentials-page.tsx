import { Link, useParams, useSearchParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { useCredentialBatches } from '../api/credential-batches.ts'
import { useIssueCredentials } from '../api/issue-credentials.ts'
import { credentialsText as t } from '../messages.ts'
import { useIssuedFor } from '../stores/issued-credentials.ts'
import { ConfirmAction } from './confirm-action.tsx'
import { EmailSection } from './email-section.tsx'
import { ExportActions } from './export-actions.tsx'
import { IssuedList } from './issued-list.tsx'
import { OpenBatches } from './open-batches.tsx'
import { ErrorAlert } from '../../../components/error-alert.tsx'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `?employees=id1,id2` (from the dashboard's selection or an employee's page) narrows to a re-issue. */
function useSelectedEmployees() {
  const [search] = useSearchParams()
  return (search.get('employees') ?? '').split(',').filter((id) => UUID.test(id))
}

export function CredentialsPage() {
  const { campaignId = '' } = useParams()
  const employeeIds = useSelectedEmployees()
  const issue = useIssueCredentials(campaignId)
  const issued = useIssuedFor(campaignId)
  const batches = useCredentialBatches(campaignId)
  const selected = employeeIds.length > 0
  const unissued = batches.data?.unissued

  return (
    <div className="admin-page">
      <p>
        <Link to={paths.campaign(campaignId)}>{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>

      <section aria-labelledby="issue-title" className="admin-section">
        <h2 id="issue-title">{t.issue}</h2>
        <p>{selected ? t.targetSelected(employeeIds.length) : unissued === undefined ? t.loading : t.targetAll(unissued)}</p>
        {selected && <p className="admin-notice admin-notice--warning">{t.reissueWarning}</p>}
        {selected ? (
          <ConfirmAction
            label={t.issueSelected}
            question={t.confirmReissue(employeeIds.length)}
            confirmLabel={t.issue}
            onConfirm={() => issue.mutate(employeeIds)}
            disabled={issue.isPending}
            primary
          />
        ) : unissued === 0 ? (
          <p role="status">{t.noneToIssue}</p>
        ) : (
          <ConfirmAction
            label={t.issueAll}
            question={t.confirmIssueAll(unissued ?? 0)}
            confirmLabel={t.issue}
            onConfirm={() => issue.mutate([])}
            disabled={issue.isPending || unissued === undefined}
            primary
          />
        )}
        {issue.isPending && <p role="status">{t.issuing}</p>}
        <ErrorAlert error={issue.error ?? batches.error} />
      </section>

      {batches.data && <OpenBatches campaignId={campaignId} batches={batches.data.batches} />}

      {issued && (
        <section aria-labelledby="issued-title" className="admin-section">
          <h2 id="issued-title">{t.issuedTitle}</h2>
          {issued.credentials.length === 0 ? (
            <p role="status">{t.noneIssued}</p>
          ) : (
            <>
              <p className="admin-notice admin-notice--warning" role="status">
                {t.onceWarning}
              </p>
              <ExportActions campaignId={campaignId} issued={issued} />
              <IssuedList issued={issued} />
            </>
          )}
        </section>
      )}

      <EmailSection campaignId={campaignId} employeeIds={employeeIds} />
    </div>
  )
}
