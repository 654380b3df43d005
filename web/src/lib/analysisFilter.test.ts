import { describe, expect, it } from 'vitest'
import { overviewAnalysis } from '../test/fixtures'
import { EMPTY_FILTER, filterBoxes, isFilterActive, makeAnalysisPredicate, referenceDate, wildcardRegex, withinRange } from './analysisFilter'

const now = new Date('2026-11-27T15:00:00Z') // TZ=UTC in tests

describe('wildcardRegex', () => {
  it('treats * as one-or-more characters and everything else literally', () => {
    expect(wildcardRegex('brca*test01').test('brca_e2e_test01.HBOCUTV_v01')).toBe(true)
    expect(wildcardRegex('BRCA').test('brca_e2e_test01')).toBe(true)
    expect(wildcardRegex('test01.HBOC').test('brca_e2e_test01.HBOCUTV_v01')).toBe(true)
    expect(wildcardRegex('test01.HBOC').test('brca_e2e_test01xHBOCUTV_v01')).toBe(false)
    expect(wildcardRegex('a*b*c').test('aXbYc')).toBe(true)
    expect(() => wildcardRegex('(unbalanced[')).not.toThrow()
  })
})

describe('date ranges', () => {
  it('uses midnight today minus N days (month = 30 days)', () => {
    expect(referenceDate('lt:1:d', now).toISOString()).toBe('2026-11-26T00:00:00.000Z')
    expect(referenceDate('lt:1:m', now).toISOString()).toBe('2026-10-28T00:00:00.000Z')
  })
  it('"<" means later than the reference, "≥" earlier or equal', () => {
    expect(withinRange('lt:1:d', new Date('2026-11-26T05:11:12Z'), now)).toBe(true)
    expect(withinRange('lt:1:d', new Date('2026-11-25T23:59:59Z'), now)).toBe(false)
    expect(withinRange('ge:3:m', new Date('2026-08-29T00:00:00Z'), now)).toBe(true)
    expect(withinRange('ge:3:m', new Date('2026-09-01T00:00:00Z'), now)).toBe(false)
  })
})

describe('analysis predicate', () => {
  const a1 = overviewAnalysis('brca_e2e_test01.HBOCUTV_v01', { priority: 1, review_comment: 'Waiting for Sanger' })
  const a2 = overviewAnalysis('brca_e2e_test02.HBOCUTV_v01', { priority: 3 })
  const trio = overviewAnalysis('HG002-Trio.Mendeliome_v01', { priority: 2 })
  trio.samples = trio.samples.map((s, i) => (i === 0 ? { ...s, sample_type: 'Sanger' } : s))

  const run = (f: Partial<typeof EMPTY_FILTER>) => [a1, a2, trio].filter(makeAnalysisPredicate({ ...EMPTY_FILTER, ...f }, now)).map((a) => a.id)

  it('passes everything without filter', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false)
    expect(run({})).toEqual([2, 3, 1])
  })
  it('filters by name and comment (no comment → excluded)', () => {
    expect(run({ analysisName: 'test0*' })).toEqual([2, 3])
    expect(run({ reviewComment: 'sanger' })).toEqual([2])
  })
  it('ORs toggles within a group and ANDs groups', () => {
    expect(run({ priorityHigh: true, priorityUrgent: true })).toEqual([3, 1])
    expect(run({ technologySanger: true })).toEqual([1])
    expect(run({ technologyHTS: true, priorityUrgent: true })).toEqual([3])
  })
  it('filters by date', () => {
    expect(run({ dateRange: 'lt:3:d' })).toEqual([2, 3, 1])
    expect(run({ dateRange: 'ge:3:m' })).toEqual([])
  })
  it('filters every box', () => {
    const out = filterBoxes({ a: [a1, a2], b: [trio] }, { ...EMPTY_FILTER, priorityUrgent: true }, now)
    expect(out.a.map((x) => x.id)).toEqual([3])
    expect(out.b).toEqual([])
  })
})
