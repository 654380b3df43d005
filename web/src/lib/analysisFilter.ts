// Client-side filter bar of the Analyses tab (webui.md §4.2.1). Finalized box is never filtered.
import type { OverviewAnalysis } from '../api/types'
import { analysisDate } from './overview'

export type DateRange = 'lt:1:d' | 'lt:3:d' | 'lt:7:d' | 'lt:1:m' | 'lt:3:m' | 'ge:3:m'

export const DATE_RANGES: { value: DateRange; label: string }[] = [
  { value: 'lt:1:d', label: '< 1 day ago' },
  { value: 'lt:3:d', label: '< 3 days ago' },
  { value: 'lt:7:d', label: '< 1 week ago' },
  { value: 'lt:1:m', label: '< 1 month ago' },
  { value: 'lt:3:m', label: '< 3 months ago' },
  { value: 'ge:3:m', label: '≥ 3 months ago' },
]

export interface AnalysisFilter {
  analysisName: string
  reviewComment: string
  dateRange: DateRange | null
  technologyHTS: boolean
  technologySanger: boolean
  priorityNormal: boolean
  priorityHigh: boolean
  priorityUrgent: boolean
}

export const EMPTY_FILTER: AnalysisFilter = {
  analysisName: '',
  reviewComment: '',
  dateRange: null,
  technologyHTS: false,
  technologySanger: false,
  priorityNormal: false,
  priorityHigh: false,
  priorityUrgent: false,
}

export function isFilterActive(f: AnalysisFilter): boolean {
  return (
    f.analysisName.trim() !== '' ||
    f.reviewComment.trim() !== '' ||
    f.dateRange !== null ||
    f.technologyHTS ||
    f.technologySanger ||
    f.priorityNormal ||
    f.priorityHigh ||
    f.priorityUrgent
  )
}

/**
 * Text pattern → case-insensitive regex. `*` = "one or more characters", everything else literal.
 * (v1.17 converted only the first `*`/`.` and let other regex characters through — webui.md §4.2.1;
 * we escape everything, which is what users expect.)
 */
export function wildcardRegex(pattern: string): RegExp {
  const escaped = pattern
    .trim()
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+')
  return new RegExp(escaped, 'i')
}

/** Midnight today (local) minus N days; a month counts as 30 days. */
export function referenceDate(range: DateRange, now: Date = new Date()): Date {
  const [, amount, unit] = range.split(':') as [string, string, string]
  const days = Number(amount) * (unit === 'm' ? 30 : 1)
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 0, 0, 0, 0)
  d.setDate(d.getDate() - days)
  return d
}

export function withinRange(range: DateRange, date: Date, now: Date = new Date()): boolean {
  const ref = referenceDate(range, now)
  return range.startsWith('lt') ? date.getTime() > ref.getTime() : date.getTime() <= ref.getTime()
}

export function makeAnalysisPredicate(f: AnalysisFilter, now: Date = new Date()): (a: OverviewAnalysis) => boolean {
  if (!isFilterActive(f)) return () => true
  const name = f.analysisName.trim() ? wildcardRegex(f.analysisName) : null
  const comment = f.reviewComment.trim() ? wildcardRegex(f.reviewComment) : null
  const anyTech = f.technologyHTS || f.technologySanger
  const anyPrio = f.priorityNormal || f.priorityHigh || f.priorityUrgent
  return (a) => {
    if (name && !name.test(a.name)) return false
    if (comment && !(a.review_comment && comment.test(a.review_comment))) return false
    if (anyTech) {
      const types = a.samples.map((s) => s.sample_type.toUpperCase())
      if (!((f.technologyHTS && types.includes('HTS')) || (f.technologySanger && types.includes('SANGER')))) return false
    }
    if (anyPrio) {
      const p = a.priority ?? 1
      if (!((f.priorityNormal && p === 1) || (f.priorityHigh && p === 2) || (f.priorityUrgent && p === 3))) return false
    }
    if (f.dateRange && !withinRange(f.dateRange, new Date(analysisDate(a)), now)) return false
    return true
  }
}

export function filterBoxes<K extends string>(boxes: Record<K, OverviewAnalysis[]>, f: AnalysisFilter, now?: Date): Record<K, OverviewAnalysis[]> {
  const pred = makeAnalysisPredicate(f, now)
  const out = {} as Record<K, OverviewAnalysis[]>
  for (const k of Object.keys(boxes) as K[]) out[k] = boxes[k].filter(pred)
  return out
}
