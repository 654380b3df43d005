// Overview work lists (webui.md §4.2, §4.3): split the server's lists into the boxes shown on the
// page and sort them.
import type {
  AlleleOverview,
  InterpretationOverview,
  OverviewAllelesResponse,
  OverviewAnalysesResponse,
  OverviewAnalysis,
} from '../api/types'

export type AnalysisBoxKey =
  | 'notReady'
  | 'yourAnalyses'
  | 'pendingAnalysis'
  | 'pendingReview'
  | 'pendingMedicalReview'
  | 'othersAnalyses'
  | 'finished'

export type VariantBoxKey = 'yourVariants' | 'interpretation' | 'review' | 'othersVariants' | 'finished'

export interface BoxSpec<K extends string> {
  key: K
  title: string
  empty: string
}

/** Box order and texts of the Analyses tab. `finished` is filled from the paged finalized endpoint. */
export const ANALYSIS_BOXES: readonly BoxSpec<AnalysisBoxKey>[] = [
  { key: 'notReady', title: 'Not ready', empty: 'No analyses are not ready' },
  { key: 'yourAnalyses', title: 'Your analyses', empty: 'You have no ongoing analyses' },
  { key: 'pendingAnalysis', title: 'Interpretation', empty: 'No pending analyses' },
  { key: 'pendingReview', title: 'Review', empty: 'No analyses pending review.' },
  { key: 'pendingMedicalReview', title: 'Medical review', empty: 'No analyses pending medical review.' },
  { key: 'othersAnalyses', title: "Others' analyses", empty: 'Others have no analyses' },
  { key: 'finished', title: 'Finalized', empty: 'No finalized analysis' },
]

export const VARIANT_BOXES: readonly BoxSpec<VariantBoxKey>[] = [
  { key: 'yourVariants', title: 'Your variants', empty: 'You have no variants' },
  { key: 'interpretation', title: 'Interpretation', empty: 'No pending variants' },
  { key: 'review', title: 'Pending review', empty: 'No variants pending review' },
  { key: 'othersVariants', title: "Others' variants", empty: 'Others have no variants' },
  { key: 'finished', title: 'Finalized', empty: 'No finalized variants' },
]

export function lastInterpretation(interpretations: InterpretationOverview[]): InterpretationOverview | undefined {
  return interpretations[interpretations.length - 1]
}

/** Ongoing item belongs to "mine" when the user of the latest round is the current user. */
export function isMine(interpretations: InterpretationOverview[], userId: number): boolean {
  return lastInterpretation(interpretations)?.user_id === userId
}

function time(value: string | null | undefined): number {
  if (!value) return Number.POSITIVE_INFINITY
  const t = Date.parse(value)
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t
}

export function analysisDate(a: Pick<OverviewAnalysis, 'date_requested' | 'date_deposited'>): string {
  return a.date_requested || a.date_deposited
}

/** Priority descending, then requested (else deposited) date ascending — oldest first. Stable. */
export function sortAnalyses<T extends Pick<OverviewAnalysis, 'priority' | 'date_requested' | 'date_deposited'>>(list: readonly T[]): T[] {
  return [...list].sort((x, y) => (y.priority ?? 1) - (x.priority ?? 1) || time(analysisDate(x)) - time(analysisDate(y)))
}

function toMinute(value: string): number {
  const t = time(value)
  return Number.isFinite(t) ? Math.floor(t / 60000) : t
}

/**
 * Priority descending, then `date_created` ascending at minute precision. (v1.17 declares further
 * keys — gene, position — that are no-ops; webui.md §13. We keep the effective order and break the
 * remaining ties by allele position so the list is deterministic.)
 */
export function sortAlleleOverviews(list: readonly AlleleOverview[]): AlleleOverview[] {
  return [...list].sort(
    (x, y) =>
      (y.priority ?? 1) - (x.priority ?? 1) ||
      toMinute(x.date_created) - toMinute(y.date_created) ||
      compareText(x.allele.chromosome, y.allele.chromosome) ||
      x.allele.start_position - y.allele.start_position,
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export type AnalysisBoxes = Record<Exclude<AnalysisBoxKey, 'finished'>, OverviewAnalysis[]>
export type VariantBoxes = Record<Exclude<VariantBoxKey, 'finished'>, AlleleOverview[]>

export function analysisBoxes(resp: OverviewAnalysesResponse, userId: number): AnalysisBoxes {
  const ongoing = resp.ongoing ?? []
  return {
    notReady: sortAnalyses(resp.not_ready ?? []),
    yourAnalyses: sortAnalyses(ongoing.filter((a) => isMine(a.interpretations, userId))),
    pendingAnalysis: sortAnalyses(resp.not_started ?? []),
    pendingReview: sortAnalyses(resp.marked_review ?? []),
    pendingMedicalReview: sortAnalyses(resp.marked_medicalreview ?? []),
    othersAnalyses: sortAnalyses(ongoing.filter((a) => !isMine(a.interpretations, userId))),
  }
}

export function variantBoxes(resp: OverviewAllelesResponse, userId: number): VariantBoxes {
  const ongoing = resp.ongoing ?? []
  return {
    yourVariants: sortAlleleOverviews(ongoing.filter((a) => isMine(a.interpretations, userId))),
    interpretation: sortAlleleOverviews(resp.not_started ?? []),
    review: sortAlleleOverviews(resp.marked_review ?? []),
    othersVariants: sortAlleleOverviews(ongoing.filter((a) => !isMine(a.interpretations, userId))),
  }
}

/** The WARNING tag: analysis warnings present and not cleared. */
export function hasActiveWarning(a: Pick<OverviewAnalysis, 'warnings' | 'warning_cleared'>): boolean {
  return !!a.warnings && a.warnings.length > 0 && !a.warning_cleared
}

/** Upper-cased sample types of the proband samples (`HTS`, `SANGER`). */
export function probandSampleTags(a: Pick<OverviewAnalysis, 'samples'>): string[] {
  return [...a.samples]
    .filter((s) => s.proband)
    .sort((x, y) => x.id - y.id)
    .map((s) => s.sample_type.toUpperCase())
}
