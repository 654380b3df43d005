// One function per /api/v1 endpoint used by the UI (webui.md §12). Paths are written with the
// trailing slash the API declares (api.md §1.1).
import { getJson, getPage, postJson, request } from './client'
import type {
  AppConfig,
  Analysis,
  Broadcast,
  OverviewAllelesResponse,
  OverviewAnalysesResponse,
  AlleleOverview,
  OverviewAnalysis,
  Page,
  SearchOptionsResponse,
  SearchResponse,
  SearchType,
  GeneOption,
  UserOption,
  UserFull,
  UserStats,
} from './types'

export const FINALIZED_PER_PAGE = 10
export const SEARCH_PER_PAGE = 10
export const SEARCH_LIMIT = 100

// --- session -------------------------------------------------------------------------------

export async function login(username: string, password: string): Promise<void> {
  await postJson<unknown>('users/actions/login/', { username, password }, { authFailureIsResult: true })
}

export async function changePassword(username: string, password: string, newPassword: string): Promise<void> {
  await postJson<unknown>(
    'users/actions/changepassword/',
    { username, password, new_password: newPassword },
    { authFailureIsResult: true },
  )
}

export async function logout(): Promise<void> {
  await postJson<unknown>('users/actions/logout/', {})
}

export function getCurrentUser(signal?: AbortSignal): Promise<UserFull> {
  return getJson<UserFull>('users/currentuser/', undefined, signal)
}

export function getUsers(signal?: AbortSignal): Promise<UserFull[]> {
  return getJson<UserFull[]>('users/', undefined, signal)
}

export function getUserStats(signal?: AbortSignal): Promise<UserStats> {
  return getJson<UserStats>('overviews/userstats/', undefined, signal)
}

// --- app -----------------------------------------------------------------------------------

export function getConfig(signal?: AbortSignal): Promise<AppConfig> {
  return getJson<AppConfig>('config/', undefined, signal)
}

export function getBroadcasts(signal?: AbortSignal): Promise<Broadcast[]> {
  return getJson<Broadcast[]>('broadcasts/', undefined, signal)
}

export interface ExceptionReport {
  message: string
  location: string
  stacktrace: string
  state: Record<string, unknown>
}

export async function postException(report: ExceptionReport): Promise<void> {
  await request<unknown>('ui/exceptionlog/', { method: 'POST', body: report })
}

// --- analyses ------------------------------------------------------------------------------

/** ELLA answers 500 (not 404) for an analysis that does not exist or is not in the user's panels. */
export function getAnalysis(analysisId: number, signal?: AbortSignal): Promise<Analysis> {
  return getJson<Analysis>(`analyses/${analysisId}/`, undefined, signal)
}

// --- overview ------------------------------------------------------------------------------

export function getOverviewAnalyses(signal?: AbortSignal): Promise<OverviewAnalysesResponse> {
  return getJson<OverviewAnalysesResponse>('overviews/analyses/', undefined, signal)
}

export function getOverviewAnalysesFinalized(page: number, signal?: AbortSignal): Promise<Page<OverviewAnalysis[]>> {
  return getPage<OverviewAnalysis[]>('overviews/analyses/finalized/', page, FINALIZED_PER_PAGE, {}, signal)
}

export function getOverviewAlleles(signal?: AbortSignal): Promise<OverviewAllelesResponse> {
  return getJson<OverviewAllelesResponse>('overviews/alleles/', undefined, signal)
}

export function getOverviewAllelesFinalized(page: number, signal?: AbortSignal): Promise<Page<AlleleOverview[]>> {
  return getPage<AlleleOverview[]>('overviews/alleles/finalized/', page, FINALIZED_PER_PAGE, {}, signal)
}

// --- search --------------------------------------------------------------------------------

export interface SearchQuery {
  type: SearchType
  freetext: string | null
  gene: GeneOption | null
  user: UserOption | null
}

export function search(query: SearchQuery, page: number, signal?: AbortSignal): Promise<Page<SearchResponse>> {
  return getPage<SearchResponse>('search/', page, SEARCH_PER_PAGE, { q: JSON.stringify(query), limit: SEARCH_LIMIT }, signal)
}

export function searchOptions(q: { gene?: string; user?: string }, signal?: AbortSignal): Promise<SearchOptionsResponse> {
  return getJson<SearchOptionsResponse>('search/options/', { q: JSON.stringify(q) }, signal)
}

/** Audited on the server: only call after the user accepted the privacy warning. */
export function getAnalysesForAllele(alleleId: number, signal?: AbortSignal): Promise<Analysis[]> {
  return getJson<Analysis[]>(`alleles/${alleleId}/analyses/`, undefined, signal)
}
