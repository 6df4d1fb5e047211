/**
 * THE marking of a person's data: every text, bytes and JSON field of every model (and what else
 * disposal erases) is classified here once. Disposal (廃棄, dispose-persons.ts) empties the fields marked
 * `erased` and deletes the rows of models with a field marked `deleted`; the tombstone keeps the
 * fields marked `tombstone`. The types below make `pnpm typecheck` fail for a model or a text,
 * bytes or JSON field that is added to prisma/schema.prisma without a marking here, and
 * `test/disposal-tombstones.test.ts` checks the marking against the migrated database's columns
 * and, after a disposal, every marked field of every row of the household.
 * @see docs/decisions/033-personal-data-marking.md
 */
import { Prisma } from '../../generated/prisma/client.ts'

type Scalars<M extends Prisma.ModelName> = Prisma.TypeMap['model'][M]['payload']['scalars']
type IsJson<T> = Prisma.JsonObject extends NonNullable<T> ? true : false
type IsText<T> =
  IsJson<T> extends true
    ? true
    : string extends NonNullable<T>
      ? true
      : string[] extends NonNullable<T>
        ? true
        : NonNullable<T> extends Uint8Array
          ? true
          : false

/**
 * - `erased`: the person's data, set to NULL by disposal (JSON NULL for a JSON field);
 * - `deleted`: the person's data in a row that disposal deletes (an image's row, a held entry);
 * - `tombstone`: the person's data that disposal keeps on purpose, to say who was disposed of;
 * - `other`: not a person's data — ids, keys and hashes, the campaign's, the company's or an
 *   operator's data, the disposal record, the audit trail (ids and counts only).
 */
export type Marking = 'erased' | 'deleted' | 'tombstone' | 'other'
/** What a field may be marked: only a nullable field can be emptied in a row that stays. */
type MarkingOf<T> = null extends T ? Marking : Exclude<Marking, 'erased'>
type TextFields<M extends Prisma.ModelName> = { [K in keyof Scalars<M>]-?: IsText<Scalars<M>[K]> extends true ? K : never }[keyof Scalars<M>]
/** Every text, bytes and JSON field must be marked; other fields (dates, ids of no type) may be. */
type ModelMarking<M extends Prisma.ModelName> = { [K in TextFields<M>]: MarkingOf<Scalars<M>[K]> } & {
  [K in Exclude<keyof Scalars<M>, TextFields<M>>]?: MarkingOf<Scalars<M>[K]>
}

export const PERSONAL_DATA: { [M in Prisma.ModelName]: ModelMarking<M> } = {
  Company: { id: 'other', name: 'other' },
  Campaign: { id: 'other', companyId: 'other', name: 'other', purposes: 'other', purposeTranslations: 'other', contact: 'other' },
  Person: {
    id: 'other',
    campaignId: 'other',
    employeeId: 'other',
    employeeNumber: 'tombstone',
    name: 'tombstone',
    kana: 'tombstone',
    relationship: 'tombstone',
    registration: 'erased',
    registeredAt: 'erased',
    employeeEnteredNumber: 'erased',
    myNumber: 'erased',
    myNumberHash: 'erased',
    myNumberRecordedAt: 'erased',
    myNumberRecordedById: 'erased',
    myNumberMethod: 'erased',
    returnReason: 'erased',
    /** HR's free text about the person's documents. */
    returnNote: 'erased',
    reviewedById: 'other',
    email: 'erased',
    /** The wizard's language the employee chose: e-mails follow it. */
    language: 'erased',
    postalCode: 'erased',
    postalAddress: 'erased',
    /** 退職日: no longer needed once the documents are gone; the disposal record names the period's start it set (ADR 049). */
    leftOn: 'erased',
  },
  NumberEntry: { personId: 'other', operatorId: 'other', sealed: 'deleted' },
  /** Hashes of what the employee was handed; disposal ends the credential (revoked, sessions ended). */
  Credential: { id: 'other', campaignId: 'other', employeeId: 'other', tokenHash: 'other', passwordHash: 'other' },
  /** Hashes of a login not yet handed out, like Credential's; disposal deletes the rows (ADR 039). */
  PendingCredential: { id: 'other', batchId: 'other', employeeId: 'other', tokenHash: 'other', passwordHash: 'other' },
  CredentialBatch: { id: 'other', campaignId: 'other', issuedById: 'other', endedById: 'other' },
  EmployeeSession: { id: 'other', credentialId: 'other' },
  SessionHandoff: { id: 'other', credentialId: 'other', codeHash: 'other' },
  /** The purposes as the campaign showed them, and the language it showed them in. */
  Consent: { id: 'other', employeeId: 'other', purposes: 'other', language: 'other' },
  Document: {
    id: 'other',
    personId: 'other',
    type: 'deleted',
    submissionId: 'other',
    blobKey: 'deleted',
    numberRead: 'deleted',
    numberReadOutcome: 'deleted',
    backAbsent: 'other',
  },
  PendingBlob: { blobKey: 'other' },
  Submission: { id: 'other', employeeId: 'other' },
  /** Append-only; its details hold ids and counts, never a person's data. */
  AuditEvent: { companyId: 'other', actorType: 'other', actorId: 'other', action: 'other', targetId: 'other', detail: 'other' },
  Operator: { id: 'other', email: 'other', name: 'other', passwordHash: 'other', totpSecret: 'other' },
  /** Hashes of an operator's one-time recovery codes. */
  OperatorRecoveryCode: { id: 'other', operatorId: 'other', codeHash: 'other' },
  CompanyAssignment: { operatorId: 'other', companyId: 'other' },
  AdminSession: { id: 'other', operatorId: 'other', tokenHash: 'other', csrfToken: 'other' },
  /** The console's allowed networks: the company's or installation's, not a person's. */
  Settings: { allowedNetworks: 'other' },
  /** The payroll file's layout: headers and column keys, no person's data. */
  CompanySettings: { companyId: 'other', allowedNetworks: 'other', payrollLayout: 'other' },
  /** Who shortened a retention period, from and to how many months. */
  RetentionShortening: { id: 'other', campaignId: 'other', changedById: 'other', undoneById: 'other' },
  EmailBatch: { id: 'other', campaignId: 'other', createdById: 'other' },
  /** `error` is the relay's reply, which names the address it bounced. */
  EmailMessage: { id: 'other', batchId: 'other', employeeId: 'other', error: 'erased', leaseOwner: 'other' },
  /** The record of the disposal itself: kinds and counts, the administrator's reason. */
  DisposalRecord: {
    id: 'other',
    companyId: 'other',
    campaignId: 'other',
    personId: 'other',
    disposedById: 'other',
    reason: 'other',
    documentKinds: 'other',
    retentionShorteningId: 'other',
  },
}

/**
 * The field naming the person a row belongs to, for every model holding a person's data: how the
 * test finds a disposed household's rows (dispose-persons.ts selects them by the same relation).
 */
export const PERSON_FIELD = {
  Person: 'id',
  NumberEntry: 'personId',
  Document: 'personId',
  EmailMessage: 'employeeId',
} as const satisfies { [M in Prisma.ModelName]?: keyof Scalars<M> }

/**
 * Columns of the database that no model field maps: generated columns the client ignores, and
 * Prisma's migration history.
 */
export const DATABASE_ONLY_COLUMNS: Record<string, Marking> = {
  /** 氏名 and フリガナ as the dashboard searches them: derived from the tombstone's name and kana. */
  'persons.name_key': 'tombstone',
  'persons.kana_key': 'tombstone',
  '_prisma_migrations.id': 'other',
  '_prisma_migrations.checksum': 'other',
  '_prisma_migrations.migration_name': 'other',
  '_prisma_migrations.logs': 'other',
}

type JsonFields<M extends Prisma.ModelName> = { [K in keyof Scalars<M>]-?: IsJson<Scalars<M>[K]> extends true ? K : never }[keyof Scalars<M>]
/** Every JSON field, by model (the type lists them all): emptied with JSON's NULL, as the client requires. */
const JSON_FIELDS: { [M in Prisma.ModelName as [JsonFields<M>] extends [never] ? never : M]: { [K in JsonFields<M>]: true } } = {
  Campaign: { purposeTranslations: true },
  Person: { registration: true },
  CompanySettings: { payrollLayout: true },
  AuditEvent: { detail: true },
}

/** The fields of a model marked `erased`. */
export function erasedFields<M extends Prisma.ModelName>(model: M): string[] {
  return Object.entries(PERSONAL_DATA[model]).flatMap(([field, marking]) => (marking === 'erased' ? [field] : []))
}

/** An update that empties every field of `model` marked `erased`. */
export function erasure<M extends Prisma.ModelName>(model: M): Record<string, null | typeof Prisma.DbNull> {
  const json: Partial<Record<string, true>> = (JSON_FIELDS as Partial<Record<Prisma.ModelName, Record<string, true>>>)[model] ?? {}
  return Object.fromEntries(erasedFields(model).map((field) => [field, json[field] ? Prisma.DbNull : null]))
}
