import { PAYROLL_HEADER_MAX, PAYROLL_PRESETS, type PayrollLayoutResponse } from '@bango/shared/admin-export'
import { DATE_FORMATS, DATE_FORMAT_LABELS, type DateFormat } from '@bango/shared/japanese-date'
import { RELATIONSHIPS } from '@bango/shared/relationships'
import { useId, useState } from 'react'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { useSavePayrollLayout } from '../api/payroll-layout.ts'
import { columnLabels, exportText } from '../messages.ts'
import { type LayoutDraft, draftProblems, moved, toDraft, toLayout } from './layout-draft.ts'

const t = exportText.layout

/**
 * 列の設定: which columns the payroll file has, in which order, under which header, and how dates
 * are written — saved for the company (ADR 046). A preset fills the table; nothing is saved
 * until 「列の設定を保存する」.
 */
export function PayrollLayoutForm({ companyId, saved }: { companyId: string; saved: PayrollLayoutResponse }) {
  const save = useSavePayrollLayout(companyId)
  const [draft, setDraft] = useState<LayoutDraft>(() => toDraft(saved.layout))
  const [preset, setPreset] = useState<string>(PAYROLL_PRESETS[0].id)
  const problems = draftProblems(draft)
  const unchanged = !saved.isDefault && JSON.stringify(toLayout(draft)) === JSON.stringify(saved.layout)
  const id = useId()
  const update = (index: number, change: Partial<LayoutDraft['columns'][number]>) =>
    setDraft((d) => ({ ...d, columns: d.columns.map((c, i) => (i === index ? { ...c, ...change } : c)) }))

  return (
    <section aria-labelledby={`${id}-title`} className="admin-section admin-form">
      <h2 id={`${id}-title`}>{t.title}</h2>
      <p>{t.intro}</p>
      {saved.isDefault && <p className="admin-hint">{t.isDefault}</p>}
      <div className="admin-form--inline admin-form">
        <div className="admin-field">
          <label htmlFor={`${id}-preset`}>{t.preset}</label>
          <select id={`${id}-preset`} value={preset} onChange={(event) => setPreset(event.target.value)}>
            {PAYROLL_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="admin-button"
          onClick={() => setDraft(toDraft(PAYROLL_PRESETS.find((p) => p.id === preset)?.layout ?? PAYROLL_PRESETS[0].layout))}
        >
          {t.presetApply}
        </button>
      </div>
      <table className="admin-table">
        <caption className="admin-visually-hidden">{t.columnsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.include}</th>
            <th scope="col">{t.item}</th>
            <th scope="col">{t.header}</th>
            <th scope="col">{t.order}</th>
          </tr>
        </thead>
        <tbody>
          {draft.columns.map((column, index) => {
            const item = columnLabels[column.key]
            return (
              <tr key={column.key}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${item}を${t.include}`}
                    checked={column.included}
                    onChange={(event) => update(index, { included: event.target.checked })}
                  />
                </td>
                <th scope="row">{item}</th>
                <td>
                  <input
                    aria-label={`${item}の${t.header}`}
                    value={column.header}
                    maxLength={PAYROLL_HEADER_MAX}
                    disabled={!column.included}
                    onChange={(event) => update(index, { header: event.target.value })}
                  />
                </td>
                <td>
                  <div className="admin-inline">
                    <button
                      type="button"
                      className="admin-button"
                      aria-label={t.up(item)}
                      disabled={index === 0}
                      onClick={() => setDraft((d) => ({ ...d, columns: moved(d.columns, index, -1) }))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="admin-button"
                      aria-label={t.down(item)}
                      disabled={index === draft.columns.length - 1}
                      onClick={() => setDraft((d) => ({ ...d, columns: moved(d.columns, index, 1) }))}
                    >
                      ↓
                    </button>
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="admin-hint">{t.sequenceHint}</p>
      <details>
        <summary>{t.codesTitle}</summary>
        <p>{RELATIONSHIPS.map((r) => `${r.code} ${r.label}`).join('　')}</p>
      </details>
      <fieldset className="admin-fieldset">
        <legend>{t.dateFormat}</legend>
        <div className="admin-inline">
          {DATE_FORMATS.map((format) => (
            <label key={format} className="admin-check">
              <input
                type="radio"
                name={`${id}-date`}
                checked={draft.dateFormat === format}
                onChange={() => setDraft((d) => ({ ...d, dateFormat: format as DateFormat }))}
              />
              {DATE_FORMAT_LABELS[format]}
            </label>
          ))}
        </div>
        <label className="admin-check">
          <input type="checkbox" checked={draft.datesAsText} onChange={(event) => setDraft((d) => ({ ...d, datesAsText: event.target.checked }))} />
          {t.datesAsText}
        </label>
        <p className="admin-hint">{t.datesAsTextHint}</p>
      </fieldset>
      {problems.length > 0 && (
        <ul className="admin-notice admin-notice--error">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="admin-button admin-button--primary"
        disabled={save.isPending || problems.length > 0 || unchanged}
        onClick={() => save.mutate(toLayout(draft))}
      >
        {save.isPending ? t.saving : t.save}
      </button>
      <StatusNote text={save.isSuccess ? t.saved : null} />
      <ErrorAlert error={save.error} />
    </section>
  )
}
