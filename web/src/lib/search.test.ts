import { describe, expect, it } from 'vitest'
import { EMPTY_SEARCH, isSearchReady, needsGeneWarning, resultSummary, toSearchQuery } from './search'

const gene = { symbol: 'BRCA2', hgnc_id: 1101 }
const user = { username: 'testuser1', first_name: 'Henrik', last_name: 'Ibsen' }

describe('search readiness (webui.md §4.4)', () => {
  it('always searches when a user is selected', () => {
    expect(isSearchReady({ ...EMPTY_SEARCH, user })).toBe(true)
  })
  it('needs > 2 characters plus a gene for variants, or type analyses', () => {
    expect(isSearchReady({ ...EMPTY_SEARCH, freetext: 'c.2' })).toBe(false)
    expect(isSearchReady({ ...EMPTY_SEARCH, freetext: 'c.2', gene })).toBe(true)
    expect(isSearchReady({ ...EMPTY_SEARCH, freetext: 'c.', gene })).toBe(false)
    expect(isSearchReady({ ...EMPTY_SEARCH, type: 'analyses', freetext: 'brc' })).toBe(true)
    expect(isSearchReady({ ...EMPTY_SEARCH, type: 'analyses', freetext: 'br' })).toBe(false)
  })
  it('searches full HGVS / positions containing ":"', () => {
    expect(isSearchReady({ ...EMPTY_SEARCH, freetext: '13:' })).toBe(true)
    expect(isSearchReady({ ...EMPTY_SEARCH, freetext: 'NM_000059.3:c.289G>T' })).toBe(true)
  })
  it('does not search an empty form', () => {
    expect(isSearchReady(EMPTY_SEARCH)).toBe(false)
  })
})

describe('gene warning', () => {
  it('warns for HGVS without gene and without transcript', () => {
    expect(needsGeneWarning({ ...EMPTY_SEARCH, freetext: 'c.289G>T' })).toBe(true)
    expect(needsGeneWarning({ ...EMPTY_SEARCH, freetext: 'p.Glu97Ter' })).toBe(true)
    expect(needsGeneWarning({ ...EMPTY_SEARCH, freetext: 'c.289G>T', gene })).toBe(false)
    expect(needsGeneWarning({ ...EMPTY_SEARCH, freetext: 'NM_000059.3:c.289G>T' })).toBe(false)
    expect(needsGeneWarning({ ...EMPTY_SEARCH, type: 'analyses', freetext: 'c.289' })).toBe(false)
  })
})

describe('query payload', () => {
  it('sends null for empty text and drops the gene for analyses', () => {
    expect(toSearchQuery({ ...EMPTY_SEARCH, user })).toEqual({ type: 'alleles', freetext: null, gene: null, user })
    expect(toSearchQuery({ type: 'analyses', freetext: 'brca', gene, user: null })).toEqual({ type: 'analyses', freetext: 'brca', gene: null, user: null })
  })
  it('summarises the result count with the limit note', () => {
    expect(resultSummary('alleles', 3, 100)).toBe('Variants (3)')
    expect(resultSummary('analyses', 100, 100)).toBe('Analyses (showing first 100)')
  })
})
