/**
 * My Number (個人番号) check digit.
 * @see 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条
 * Weights 2–7, 2–6 apply to the first 11 digits counted from the right;
 * r = Σ mod 11; check = r ≤ 1 ? 0 : 11 − r.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('expected 11 digits')
  let sum = 0
  for (let n = 1; n <= 11; n++) {
    const digit = Number(first11[11 - n])
    const weight = n <= 6 ? n + 1 : n - 5
    sum += digit * weight
  }
  const r = sum % 11
  return r <= 1 ? 0 : 11 - r
}

export function isValidMyNumber(value: string): boolean {
  return /^\d{12}$/.test(value) && myNumberCheckDigit(value.slice(0, 11)) === Number(value[11])
}

/**
 * The number as people type it (「1234 5678 9018」, 「1234-5678-9018」, full-width digits from a
 * Japanese IME) → the plain ASCII digits checked and stored. Anything else is left for the
 * check to refuse.
 */
export function normalizeMyNumber(input: string): string {
  return input.replace(/[\s\u3000\-\u2010-\u2015\u2212\uFF0D]/g, '').replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
}

/**
 * Every My Number in OCR text: a run of digit groups on one line (「1234 5678 9018」) whose
 * consecutive groups add up to exactly 12 digits with a valid check digit. A stray digit next
 * to the number (a card's 「No. 1」) is its own group and is skipped, never glued on.
 */
export function findMyNumbers(text: string): string[] {
  const found = new Set<string>()
  for (const line of text.split(/\r?\n/)) {
    for (const run of line.match(/\d+(?:[ \t]+\d+)*/g) ?? []) {
      const groups = run.split(/[ \t]+/)
      for (let start = 0; start < groups.length; start++) {
        let digits = ''
        for (let end = start; end < groups.length && digits.length < 12; end++) {
          digits += groups[end]
          if (digits.length === 12 && isValidMyNumber(digits)) found.add(digits)
        }
      }
    }
  }
  return [...found]
}

/** `**** **** 9018`: the last group only, as the console shows a recorded number. */
export const maskMyNumber = (number: string) => `**** **** ${number.slice(-4)}`
