import { describe, expect, it } from 'vitest'
import { findMyNumbers, isValidMyNumber, maskMyNumber, myNumberCheckDigit, normalizeMyNumber } from './my-number.ts'

describe('myNumberCheckDigit', () => {
  it('computes the example from the specification', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8)
    expect(isValidMyNumber('123456789018')).toBe(true)
  })

  it('maps remainders 0 and 1 to 0', () => {
    // Σ = 0 → r = 0
    expect(myNumberCheckDigit('00000000000')).toBe(0)
    // 6 × weight 2 = 12 → r = 1
    expect(myNumberCheckDigit('00000000006')).toBe(0)
  })

  it('rejects every wrong check digit and malformed input', () => {
    for (let digit = 0; digit <= 9; digit++) {
      expect(isValidMyNumber(`12345678901${digit}`)).toBe(digit === 8)
    }
    expect(isValidMyNumber('12345678901')).toBe(false)
    expect(isValidMyNumber('1234567890188')).toBe(false)
    expect(isValidMyNumber('12345678901a')).toBe(false)
    expect(() => myNumberCheckDigit('1234')).toThrow(RangeError)
  })

  it('applies the weights 2..7,2..6 from the right', () => {
    // a single 1 in each position from the right yields Σ = its weight
    const weights = [2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6]
    weights.forEach((weight, fromRight) => {
      const digits = '0'.repeat(10 - fromRight) + '1' + '0'.repeat(fromRight)
      const r = weight % 11
      expect(myNumberCheckDigit(digits)).toBe(r <= 1 ? 0 : 11 - r)
    })
  })
})

describe('normalizeMyNumber', () => {
  it('removes spaces and hyphens and converts full-width digits', () => {
    for (const typed of ['1234 5678 9018', '1234-5678-9018', '１２３４\u3000５６７８－９０１８', ' 123456789018\n', '1234‐5678−9018']) {
      expect(normalizeMyNumber(typed)).toBe('123456789018')
    }
  })

  it('leaves other characters for the check to refuse', () => {
    expect(normalizeMyNumber('1234.5678.9018')).toBe('1234.5678.9018')
    expect(isValidMyNumber(normalizeMyNumber('１２３４５６７８９０１８'))).toBe(true)
    // Arabic-Indic digits are digits to \d with the u flag, never here.
    expect(isValidMyNumber(normalizeMyNumber('١٢٣٤٥٦٧٨٩٠١٨'))).toBe(false)
  })
})

describe('findMyNumbers', () => {
  it('finds a grouped or plain number with a valid check digit, and nothing else', () => {
    expect(findMyNumbers('1234 5678 9018')).toEqual(['123456789018'])
    expect(findMyNumbers('x\n  123456789018 \n')).toEqual(['123456789018'])
    expect(findMyNumbers('No 1 1234 5678 9018 7')).toEqual(['123456789018'])
    expect(findMyNumbers('1234 5678 9019')).toEqual([])
    expect(findMyNumbers('1234 5678\n9018')).toEqual([])
    expect(findMyNumbers('1234567890180')).toEqual([])
    expect(findMyNumbers('')).toEqual([])
  })

  it('masks all but the last group', () => {
    expect(maskMyNumber('123456789018')).toBe('**** **** 9018')
  })
})
