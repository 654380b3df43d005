// Overview-shaped fixtures assembled from the golden ELLA responses: the goldens hold the single
// analyses (GET analyses/{id}/) and their interpretations before/after "start"; the overview
// endpoints return the same objects plus priority/review_comment (api.md §4.4).
import type {
  Allele,
  AlleleOverview,
  Analysis,
  AppConfig,
  InterpretationOverview,
  OverviewAnalysesResponse,
  OverviewAnalysis,
  UserFull,
} from '../api/types'
import { golden } from './golden'

export const ANALYSIS_NAMES = [
  'HG002-Trio.Mendeliome_v01',
  'brca_e2e_test01.HBOCUTV_v01',
  'brca_e2e_test02.HBOCUTV_v01',
  'brca_e2e_test03.HBOCUTV_v01',
  'brca_e2e_test04.HBOCUTV_v01',
] as const
export type AnalysisName = (typeof ANALYSIS_NAMES)[number]

export const config = () => golden<AppConfig>('config__testuser1.json')
export const testuser1 = () => golden<UserFull>('users_currentuser__testuser1.json')
export const testuser4 = () => golden<UserFull>('users_currentuser__testuser4.json')

export function analysis(name: AnalysisName): Analysis {
  return golden<Analysis>(`analyses__${name}.json`)
}

/** Interpretations after "start" (status Ongoing, with user), in overview form (no state). */
export function startedInterpretations(name: AnalysisName): InterpretationOverview[] {
  const full = golden<(InterpretationOverview & { state?: unknown; user_state?: unknown })[]>(
    `workflows_analyses_interpretations__${name}__after_start.json`,
  )
  return full.map(({ state: _s, user_state: _u, ...rest }) => rest)
}

export function overviewAnalysis(name: AnalysisName, extra: Partial<OverviewAnalysis> = {}, started = false): OverviewAnalysis {
  const a = analysis(name)
  return {
    ...a,
    priority: 1,
    ...(started ? { interpretations: startedInterpretations(name) } : {}),
    ...extra,
  }
}

/**
 * A realistic overview: HG002 started by testuser4, test01 started by testuser1, test02 not
 * started (urgent), test03 in review, test04 not ready.
 */
export function overviewAnalyses(): OverviewAnalysesResponse {
  const review = overviewAnalysis('brca_e2e_test03.HBOCUTV_v01', { review_comment: 'check BRCA2 call' })
  const last = review.interpretations[0]!
  review.interpretations = [
    { ...last, status: 'Done', finalized: false, user_id: 1, user: testuser1() },
    { ...last, id: 99, status: 'Not started', workflow_status: 'Review', user_id: null, user: null },
  ]
  const notReady = overviewAnalysis('brca_e2e_test04.HBOCUTV_v01')
  notReady.interpretations = notReady.interpretations.map((i) => ({ ...i, workflow_status: 'Not ready' }))
  return {
    not_ready: [notReady],
    not_started: [overviewAnalysis('brca_e2e_test02.HBOCUTV_v01', { priority: 3 })],
    marked_review: [review],
    marked_medicalreview: [],
    ongoing: [overviewAnalysis('HG002-Trio.Mendeliome_v01', {}, true), overviewAnalysis('brca_e2e_test01.HBOCUTV_v01', {}, true)],
  }
}

export function alleles(name: AnalysisName): Allele[] {
  return golden<Allele[]>(`workflows_analyses_alleles__${name}__after_start.json`)
}

export function alleleOverview(allele: Allele, extra: Partial<AlleleOverview> = {}): AlleleOverview {
  return {
    genepanel: { name: 'HBOCUTV', version: 'v01' },
    allele,
    date_created: '2026-11-26T05:12:30.292438+00:00',
    priority: 1,
    review_comment: null,
    interpretations: [],
    warnings: null,
    ...extra,
  }
}
