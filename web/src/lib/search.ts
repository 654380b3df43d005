// Search box rules (webui.md §4.4).
import type { GeneOption, SearchType, UserOption } from '../api/types'
import type { SearchQuery } from '../api/endpoints'

export interface SearchForm {
  type: SearchType
  freetext: string
  gene: GeneOption | null
  user: UserOption | null
}

export const EMPTY_SEARCH: SearchForm = { type: 'alleles', freetext: '', gene: null, user: null }

/** Whether the form is complete enough to send a search request. */
export function isSearchReady(f: SearchForm): boolean {
  const text = f.freetext
  if (f.user) return true
  if (text.length > 2 && (f.gene || f.type === 'analyses')) return true
  if (text.includes(':')) return true
  return false
}

/** "Gene is required when searching using HGVS." */
export function needsGeneWarning(f: SearchForm): boolean {
  if (f.type !== 'alleles') return false
  const t = f.freetext
  return (t.includes('c.') || t.includes('p.')) && !f.gene && !t.includes(':')
}

export function toSearchQuery(f: SearchForm): SearchQuery {
  return {
    type: f.type,
    freetext: f.freetext.trim() === '' ? null : f.freetext,
    // gene search applies to variants only
    gene: f.type === 'alleles' ? f.gene : null,
    user: f.user,
  }
}

export function resultSummary(type: SearchType, total: number, limit: number): string {
  const noun = type === 'alleles' ? 'Variants' : 'Analyses'
  return total >= limit ? `${noun} (showing first ${total})` : `${noun} (${total})`
}
