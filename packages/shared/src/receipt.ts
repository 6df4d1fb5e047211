/**
 * The reference number on the employee's receipt (提出内容の控え): the first 8 hex digits of the
 * submission id, upper case, in two groups ("3F2A-91BC") — short enough to read out on the
 * phone to HR, and the same on every receipt of the household (a re-submission after 差し戻し
 * keeps its submission). Not a secret: the id is a random UUID, and the reference opens nothing.
 */
export function submissionReference(submissionId: string): string {
  const digits = submissionId.replace(/-/g, '').slice(0, 8).toUpperCase()
  return `${digits.slice(0, 4)}-${digits.slice(4)}`
}
