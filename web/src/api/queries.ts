// Query keys and React hooks over the endpoints (TanStack Query). Caching policy:
// * config / current user: loaded once per session (dropped on login/logout);
// * overview lists: refetched every 180 s while an overview tab is open (webui.md §1.4);
// * broadcasts: every 10 min everywhere;
// * search: one cache entry per (query, page) — a late answer of an older query can never be
//   shown, because the view only reads the entry of the current key.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import * as api from './endpoints'
import type { SearchQuery } from './endpoints'

export const OVERVIEW_POLL_MS = 180_000
export const BROADCAST_POLL_MS = 600_000

export const qk = {
  config: ['config'] as const,
  currentUser: ['currentUser'] as const,
  broadcasts: ['broadcasts'] as const,
  users: ['users'] as const,
  userStats: ['userStats'] as const,
  analysis: (analysisId: number) => ['analysis', analysisId] as const,
  overviewAnalyses: ['overview', 'analyses'] as const,
  overviewAnalysesFinalized: (page: number) => ['overview', 'analyses', 'finalized', page] as const,
  overviewAlleles: ['overview', 'alleles'] as const,
  overviewAllelesFinalized: (page: number) => ['overview', 'alleles', 'finalized', page] as const,
  search: (q: SearchQuery, page: number) => ['search', q, page] as const,
  searchOptions: (kind: 'gene' | 'user', term: string) => ['searchOptions', kind, term] as const,
  alleleAnalyses: (alleleId: number) => ['alleleAnalyses', alleleId] as const,
}

export function useConfig() {
  return useQuery({ queryKey: qk.config, queryFn: ({ signal }) => api.getConfig(signal), staleTime: Infinity })
}

export function useCurrentUser(enabled = true) {
  return useQuery({
    queryKey: qk.currentUser,
    queryFn: ({ signal }) => api.getCurrentUser(signal),
    staleTime: Infinity,
    retry: false,
    enabled,
  })
}

export function useBroadcasts() {
  return useQuery({
    queryKey: qk.broadcasts,
    queryFn: ({ signal }) => api.getBroadcasts(signal),
    refetchInterval: BROADCAST_POLL_MS,
    refetchIntervalInBackground: true,
    staleTime: 60_000,
  })
}

export function useUsers() {
  return useQuery({ queryKey: qk.users, queryFn: ({ signal }) => api.getUsers(signal) })
}

export function useUserStats() {
  return useQuery({ queryKey: qk.userStats, queryFn: ({ signal }) => api.getUserStats(signal) })
}

export function useAnalysis(analysisId: number | null) {
  return useQuery({
    queryKey: qk.analysis(analysisId ?? -1),
    queryFn: ({ signal }) => api.getAnalysis(analysisId as number, signal),
    enabled: analysisId !== null,
  })
}

export function useOverviewAnalyses() {
  return useQuery({
    queryKey: qk.overviewAnalyses,
    queryFn: ({ signal }) => api.getOverviewAnalyses(signal),
    refetchInterval: OVERVIEW_POLL_MS,
  })
}

export function useOverviewAnalysesFinalized(page: number) {
  return useQuery({
    queryKey: qk.overviewAnalysesFinalized(page),
    queryFn: ({ signal }) => api.getOverviewAnalysesFinalized(page, signal),
    refetchInterval: OVERVIEW_POLL_MS,
    placeholderData: keepPreviousData,
  })
}

export function useOverviewAlleles() {
  return useQuery({
    queryKey: qk.overviewAlleles,
    queryFn: ({ signal }) => api.getOverviewAlleles(signal),
    refetchInterval: OVERVIEW_POLL_MS,
  })
}

export function useOverviewAllelesFinalized(page: number) {
  return useQuery({
    queryKey: qk.overviewAllelesFinalized(page),
    queryFn: ({ signal }) => api.getOverviewAllelesFinalized(page, signal),
    refetchInterval: OVERVIEW_POLL_MS,
    placeholderData: keepPreviousData,
  })
}

export function useSearch(query: SearchQuery | null, page: number) {
  return useQuery({
    queryKey: query ? qk.search(query, page) : ['search', null],
    queryFn: ({ signal }) => api.search(query as SearchQuery, page, signal),
    enabled: query !== null,
    staleTime: 30_000,
  })
}

export function useSearchOptions(kind: 'gene' | 'user', term: string) {
  return useQuery({
    queryKey: qk.searchOptions(kind, term),
    queryFn: ({ signal }) => api.searchOptions({ [kind]: term }, signal),
    enabled: term.trim().length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  })
}

/** Audited endpoint: never served from cache — every accepted view is a fresh, logged request. */
export function useAlleleAnalyses(alleleId: number, enabled: boolean) {
  return useQuery({
    queryKey: qk.alleleAnalyses(alleleId),
    queryFn: ({ signal }) => api.getAnalysesForAllele(alleleId, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  })
}
