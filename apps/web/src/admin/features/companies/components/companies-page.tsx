import { useState } from 'react'
import { Link } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { useSession } from '../../../lib/session.ts'
import { common, companies as t, roles } from '../../../messages/ja.ts'
import { useCompanies } from '../api/companies.ts'
import { useCreateCompany } from '../api/create-company.ts'
import { useRenameCompany } from '../api/rename-company.ts'
import { CompanyForm } from './company-form.tsx'

/** 会社一覧: the companies the operator works for; a system administrator adds and renames them. */
export function CompaniesPage() {
  const list = useCompanies()
  const create = useCreateCompany()
  const rename = useRenameCompany()
  const operator = useSession().data?.operator
  const [renaming, setRenaming] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const isSystemAdmin = operator?.isSystemAdmin ?? false

  return (
    <div className="admin-page">
      <h1>{t.title}</h1>
      <StatusNote text={note} />
      <ErrorAlert error={list.error ?? rename.error} />
      {list.isPending && <p role="status">{common.loading}</p>}
      {list.data && list.data.companies.length === 0 && <p>{t.empty}</p>}
      {list.data && list.data.companies.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.createdAt}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.companies.map((company) => (
              <tr key={company.id}>
                <th scope="row">
                  <Link to={paths.campaigns(company.id)} aria-label={t.open(company.name)}>
                    {company.name}
                  </Link>
                </th>
                <td>{roles[company.role]}</td>
                <td>{common.dateTime(company.createdAt)}</td>
                <td>
                  {renaming === company.id ? (
                    <CompanyForm
                      label={t.renameLabel(company.name)}
                      submitLabel={t.renameSave}
                      initial={company.name}
                      busy={rename.isPending}
                      onSubmit={(name) =>
                        rename.mutate(
                          { companyId: company.id, name },
                          {
                            onSuccess: () => {
                              setRenaming(null)
                              setNote(t.renamed)
                            },
                          },
                        )
                      }
                    />
                  ) : (
                    (isSystemAdmin || company.role === 'administrator') && (
                      <button type="button" className="admin-button" onClick={() => setRenaming(company.id)} aria-label={`${company.name}：${t.rename}`}>
                        {t.rename}
                      </button>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isSystemAdmin && (
        <section className="admin-section" aria-labelledby="company-create">
          <h2 id="company-create">{t.createTitle}</h2>
          <ErrorAlert error={create.error} />
          <CompanyForm
            label={t.name}
            submitLabel={t.create}
            busy={create.isPending}
            onSubmit={(name, done) =>
              create.mutate(name, {
                onSuccess: () => {
                  done()
                  setNote(t.created(name))
                },
              })
            }
          />
        </section>
      )}
    </div>
  )
}
