import { describe, expect, it } from 'vitest'
import type { Allele } from '../api/types'
import { alleles, analysis, startedInterpretations } from '../test/fixtures'
import { alleleDisplayName, classificationTag, filteredTranscripts, formatDate, formatDateTime, formatHgvsg, formatRound, formatSize, priorityLabel, shouldShowRounds, workflowTitle } from './format'

const base = { chromosome: '13', start_position: 32893434, open_end_position: 32893435, length: 1, change_from: 'G', change_to: 'T', change_type: 'SNP' }

describe('formatHgvsg (§11.1)', () => {
  it('formats every supported change type', () => {
    expect(formatHgvsg(base)).toEqual({ hgvsg: 'g.32893435G>T', genomicPosition: '13:32893435' })
    expect(formatHgvsg({ ...base, change_type: 'del', change_to: '' })).toEqual({ hgvsg: 'g.32893435del', genomicPosition: '13:32893435' })
    expect(formatHgvsg({ ...base, change_type: 'del', open_end_position: 32893437 }).hgvsg).toBe('g.32893435_32893437del')
    expect(formatHgvsg({ ...base, change_type: 'indel', open_end_position: 32893437, change_to: 'AC' }).hgvsg).toBe('g.32893435_32893437delinsAC')
    expect(formatHgvsg({ ...base, change_type: 'ins', start_position: 32893435, open_end_position: 32893435, change_to: 'A' })).toEqual({
      hgvsg: 'g.32893436_32893436insA',
      genomicPosition: '13:32893436-32893436',
    })
    expect(formatHgvsg({ ...base, change_type: 'dup', length: 100 }).hgvsg).toBe('g.32893435_32893534dup')
    expect(formatHgvsg({ ...base, change_type: 'dup_tandem', length: 10 }).hgvsg).toBe('g.32893435_32893444dup_tandem')
    expect(formatHgvsg({ ...base, change_type: 'del_me', open_end_position: 32900000 }).hgvsg).toBe('g.32893435_32900000del_me')
  })
  it('rejects unknown change types', () => {
    expect(() => formatHgvsg({ ...base, change_type: 'bnd' })).toThrow(/Unsupported change type/)
  })
})

describe('display name (§11.2) on golden alleles', () => {
  const all = alleles('brca_e2e_test02.HBOCUTV_v01')
  const first = all[0]!

  it('uses the gene-panel transcript', () => {
    expect(filteredTranscripts(first).map((t) => t.transcript)).toEqual(['NM_000059.3'])
    expect(alleleDisplayName(first)).toBe('BRCA2 c.289G>T (p.Glu97Ter)')
  })

  it('includes the transcript name when several transcripts are shown', () => {
    const two: Allele = {
      ...first,
      annotation: {
        ...first.annotation!,
        filtered_transcripts: [],
        transcripts: [
          { transcript: 'NM_2.1', symbol: 'B', HGVSc: 'c.2A>G' },
          { transcript: 'NM_1.1', symbol: 'A', HGVSc: null, HGVSp: null },
        ],
      },
    }
    expect(alleleDisplayName(two)).toBe('A NM_1.1 g.32893435G>T; B NM_2.1 c.2A>G')
  })

  it('falls back to the genomic name without annotation', () => {
    expect(alleleDisplayName({ ...first, annotation: null })).toBe('13:g.32893435G>T')
  })

  it('every golden allele gets a name', () => {
    for (const a of all) expect(alleleDisplayName(a)).toMatch(/\S/)
  })

  it('tags classification', () => {
    expect(classificationTag(first)).toBe('NEW')
    expect(classificationTag({ ...first, allele_assessment: { id: 1, date_created: '', classification: '5' } })).toBe('CLASS 5')
  })
})

describe('rounds and dates', () => {
  const [started] = startedInterpretations('brca_e2e_test01.HBOCUTV_v01')

  it('formats a round with user and time (UTC in tests)', () => {
    expect(formatRound(0, started!)).toBe('1 • Interpretation (Ongoing) • H. Ibsen • 2026-11-26 05:12')
    expect(formatRound(1, { ...started!, status: 'Done', finalized: true })).toBe('2 • Interpretation (Finalized) • H. Ibsen • 2026-11-26 05:12')
    expect(formatRound(0, { ...started!, status: 'Not started', user: null, user_id: null, workflow_status: 'Review' })).toBe('1 • Review')
  })

  it('shows rounds when there is more than one, or a user on the first', () => {
    expect(shouldShowRounds([started!])).toBe(true)
    expect(shouldShowRounds([{ ...started!, user: null }])).toBe(false)
    expect(shouldShowRounds([])).toBe(false)
  })

  it('titles a workflow with the status of its last round (§1.6)', () => {
    const golden = analysis('brca_e2e_test01.HBOCUTV_v01')
    expect(workflowTitle(golden.name, golden.interpretations)).toBe('brca_e2e_test01.HBOCUTV_v01 • INTERPRETATION')
    expect(workflowTitle('x', [started!, { ...started!, workflow_status: 'Review' }])).toBe('x • REVIEW')
    expect(workflowTitle('x', [])).toBe('x')
  })

  it('formats dates', () => {
    expect(formatDate('2026-11-26T05:11:12.691568+00:00')).toBe('2026-11-26')
    expect(formatDateTime('2024-03-01T02:00:00+00:00')).toBe('2024-03-01 02:00')
    expect(formatDate(null)).toBe('')
    expect(formatDate('garbage')).toBe('')
  })

  it('labels priorities above normal only', () => {
    const display = { '1': 'Normal', '2': 'High', '3': 'Urgent' }
    expect(priorityLabel(1, display)).toBeNull()
    expect(priorityLabel(2, display)).toBe('High')
    expect(priorityLabel(3, display)).toBe('Urgent')
  })

  it('formats sizes', () => {
    expect(formatSize(512)).toBe('512 B')
    expect(formatSize(1536)).toBe('1.5 kB')
    expect(formatSize(52428800)).toBe('50 MB')
  })
})
