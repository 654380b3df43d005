import { describe, expect, it } from 'vitest'
import type { OverviewAnalysis } from '../api/types'
import { alleleOverview, alleles, overviewAnalyses, overviewAnalysis, testuser1, testuser4 } from '../test/fixtures'
import { ANALYSIS_BOXES, analysisBoxes, hasActiveWarning, isMine, probandSampleTags, sortAlleleOverviews, sortAnalyses, variantBoxes } from './overview'

const names = (l: { name: string }[]) => l.map((a) => a.name)

describe('analyses overview sectioning (golden analyses)', () => {
  it('splits ongoing into mine / others by the user of the last round', () => {
    const resp = overviewAnalyses()
    const u1 = analysisBoxes(resp, testuser1().id)
    expect(names(u1.yourAnalyses)).toEqual(['brca_e2e_test01.HBOCUTV_v01'])
    expect(names(u1.othersAnalyses)).toEqual(['HG002-Trio.Mendeliome_v01'])

    const u4 = analysisBoxes(resp, testuser4().id)
    expect(names(u4.yourAnalyses)).toEqual(['HG002-Trio.Mendeliome_v01'])
    expect(names(u4.othersAnalyses)).toEqual(['brca_e2e_test01.HBOCUTV_v01'])
  })

  it('maps every server list to its box', () => {
    const b = analysisBoxes(overviewAnalyses(), testuser1().id)
    expect(names(b.notReady)).toEqual(['brca_e2e_test04.HBOCUTV_v01'])
    expect(names(b.pendingAnalysis)).toEqual(['brca_e2e_test02.HBOCUTV_v01'])
    expect(names(b.pendingReview)).toEqual(['brca_e2e_test03.HBOCUTV_v01'])
    expect(b.pendingMedicalReview).toEqual([])
  })

  it('keeps the box order of the spec, finalized last', () => {
    expect(ANALYSIS_BOXES.map((b) => b.title)).toEqual([
      'Not ready',
      'Your analyses',
      'Interpretation',
      'Review',
      'Medical review',
      "Others' analyses",
      'Finalized',
    ])
  })

  it('tolerates missing lists', () => {
    const b = analysisBoxes({} as never, 1)
    expect(Object.values(b).every((l) => l.length === 0)).toBe(true)
  })

  it('uses the last round only (a taken-over analysis moves to the new owner)', () => {
    const resp = overviewAnalyses()
    const a = resp.ongoing[1]!
    const first = a.interpretations[0]!
    a.interpretations = [first, { ...first, id: 50, user_id: 4 }]
    expect(isMine(a.interpretations, 1)).toBe(false)
    expect(isMine(a.interpretations, 4)).toBe(true)
  })
})

describe('sorting', () => {
  it('sorts by priority desc, then requested/deposited date asc (oldest first)', () => {
    const list: OverviewAnalysis[] = [
      overviewAnalysis('brca_e2e_test02.HBOCUTV_v01'), // deposited 05:11:13
      overviewAnalysis('brca_e2e_test01.HBOCUTV_v01'), // deposited 05:11:12
      overviewAnalysis('brca_e2e_test04.HBOCUTV_v01', { priority: 2 }),
      overviewAnalysis('brca_e2e_test03.HBOCUTV_v01', { priority: 3 }),
      // requested date wins over deposited date
      overviewAnalysis('HG002-Trio.Mendeliome_v01', { date_requested: '2026-12-01T00:00:00+00:00' }),
    ]
    expect(names(sortAnalyses(list))).toEqual([
      'brca_e2e_test03.HBOCUTV_v01',
      'brca_e2e_test04.HBOCUTV_v01',
      'brca_e2e_test01.HBOCUTV_v01',
      'brca_e2e_test02.HBOCUTV_v01',
      'HG002-Trio.Mendeliome_v01',
    ])
  })

  it('does not mutate the input', () => {
    const list = [overviewAnalysis('brca_e2e_test02.HBOCUTV_v01'), overviewAnalysis('brca_e2e_test01.HBOCUTV_v01')]
    const before = names(list)
    sortAnalyses(list)
    expect(names(list)).toEqual(before)
  })

  it('sorts variants by priority, then creation time at minute precision', () => {
    const [a, b, c] = alleles('brca_e2e_test02.HBOCUTV_v01')
    const items = [
      alleleOverview(a!, { date_created: '2026-11-26T05:12:59+00:00' }),
      alleleOverview(b!, { date_created: '2026-11-26T05:12:01+00:00' }),
      alleleOverview(c!, { date_created: '2026-11-26T05:11:00+00:00', priority: 2 }),
    ]
    const sorted = sortAlleleOverviews(items)
    expect(sorted[0]!.allele.id).toBe(c!.id)
    // same minute → position order (a before b on chromosome 13 by start position)
    const sameMinute = sorted.slice(1).map((x) => x.allele.start_position)
    expect(sameMinute).toEqual([...sameMinute].sort((x, y) => x - y))
  })
})

describe('variant overview sectioning', () => {
  it('splits ongoing variants by the last round user', () => {
    const [a, b, c] = alleles('brca_e2e_test01.HBOCUTV_v01')
    const round = (user_id: number) => ({
      id: user_id,
      status: 'Ongoing' as const,
      finalized: null,
      workflow_status: 'Interpretation' as const,
      date_last_update: '2026-11-26T05:12:30+00:00',
      genepanel_name: 'HBOCUTV',
      genepanel_version: 'v01',
      user_id,
      user: null,
    })
    const boxes = variantBoxes(
      {
        not_started: [alleleOverview(a!)],
        marked_review: [],
        ongoing: [alleleOverview(b!, { interpretations: [round(1)] }), alleleOverview(c ?? a!, { interpretations: [round(4)] })],
      },
      1,
    )
    expect(boxes.yourVariants.map((v) => v.allele.id)).toEqual([b!.id])
    expect(boxes.othersVariants).toHaveLength(1)
    expect(boxes.interpretation.map((v) => v.allele.id)).toEqual([a!.id])
  })
})

describe('list item helpers', () => {
  it('shows WARNING only for uncleared warnings', () => {
    const a = overviewAnalysis('brca_e2e_test01.HBOCUTV_v01')
    expect(hasActiveWarning(a)).toBe(false)
    expect(hasActiveWarning({ ...a, warnings: 'Low coverage' })).toBe(true)
    expect(hasActiveWarning({ ...a, warnings: 'Low coverage', warning_cleared: true })).toBe(false)
  })

  it('tags proband samples only, upper-cased', () => {
    // HG002 trio: 4 samples, 2 probands (HTS)
    expect(probandSampleTags(overviewAnalysis('HG002-Trio.Mendeliome_v01'))).toEqual(['HTS', 'HTS'])
    const a = overviewAnalysis('brca_e2e_test01.HBOCUTV_v01')
    a.samples = [{ ...a.samples[0]!, sample_type: 'Sanger' }]
    expect(probandSampleTags(a)).toEqual(['SANGER'])
  })
})
