// Render smoke tests without a browser: every page is rendered to HTML (react-dom/server) with
// the query cache pre-filled from the golden responses. Effects do not run; this catches render
// crashes and checks that the golden data reaches the screen.
import { describe, expect, it } from 'vitest'
import { renderToString } from 'react-dom/server'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { qk } from '../api/queries'
import type { Page, OverviewAnalysis, AlleleOverview } from '../api/types'
import { alleleOverview, alleles, analysis, config, overviewAnalyses, overviewAnalysis, testuser1 } from '../test/fixtures'
import { ToastProvider } from '../ui/toast'
import { routes } from './router'
import { TitleProvider } from './title'

function page<T>(items: T[]): Page<T[]> {
  return { items, page: 1, perPage: 10, totalCount: items.length, totalPages: 1 }
}

function render(path: string, opts: { loggedIn?: boolean } = {}) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
  qc.setQueryData(qk.config, config())
  qc.setQueryData(qk.broadcasts, [{ id: 1, date: '2026-11-20T10:00:00+00:00', message: 'Planned maintenance Friday' }])
  if (opts.loggedIn !== false) {
    qc.setQueryData(qk.currentUser, testuser1())
    qc.setQueryData(qk.overviewAnalyses, overviewAnalyses())
    qc.setQueryData(qk.overviewAnalysesFinalized(1), page<OverviewAnalysis>([overviewAnalysis('brca_e2e_test04.HBOCUTV_v01')]))
    const al = alleles('brca_e2e_test02.HBOCUTV_v01')
    qc.setQueryData(qk.overviewAlleles, { not_started: [alleleOverview(al[0]!)], marked_review: [], ongoing: [] })
    qc.setQueryData(qk.overviewAllelesFinalized(1), page<AlleleOverview>([]))
    qc.setQueryData(qk.users, [testuser1()])
    qc.setQueryData(qk.userStats, { analyses_cnt: 4, alleles_cnt: 7 })
    qc.setQueryData(qk.analysis(2), analysis('brca_e2e_test01.HBOCUTV_v01'))
  }
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  return renderToString(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <TitleProvider>
          <RouterProvider router={router} />
        </TitleProvider>
      </ToastProvider>
    </QueryClientProvider>,
  )
}

describe('pages render with golden data', () => {
  it('login page with the password policy', () => {
    const html = render('/login', { loggedIn: false })
    expect(html).toContain('Log in')
    expect(html).toContain('Change password')
    expect(html).toContain('Planned maintenance Friday')
  })

  it('analyses overview with boxes, rounds and priority', () => {
    const html = render('/overview/analyses')
    for (const t of ['Not ready', 'Your analyses', 'Interpretation', 'Review', 'Medical review', 'Others&#x27; analyses', 'Finalized']) {
      expect(html).toContain(t)
    }
    expect(html).toContain('brca_e2e_test01.HBOCUTV_v01')
    expect(html).toContain('href="/workflows/analyses/2/"')
    expect(html).toContain('Urgent')
    expect(html).toContain('check BRCA2 call')
    expect(html).toContain('Interpretation (Ongoing) • H. Ibsen')
    expect(html).toContain('No analyses pending medical review.')
    expect(html).toContain('H. Ibsen') // nav user
  })

  it('variants overview with display names and links', () => {
    const html = render('/overview/variants')
    expect(html).toContain('BRCA2 c.289G&gt;T (p.Glu97Ter)')
    expect(html).toContain('/workflows/variants/GRCh37/13-32893435-G-T?gp_name=HBOCUTV&amp;gp_version=v01&amp;allele_id=12')
    expect(html).toContain('NEW')
    expect(html).toContain('No finalized variants')
  })

  it('dashboard', () => {
    const html = render('/dashboard')
    expect(html).toContain('Henrik Ibsen')
    expect(html).toContain('testgroup01')
    expect(html).toContain('HBOCUTV v01')
    expect(html).toContain('Log out')
  })

  it('workflow placeholders validate their parameters', () => {
    const analysisPage = render('/workflows/analyses/2/')
    // (the navigation-bar title is set by an effect, which server rendering does not run)
    expect(analysisPage).toContain('<h1 class="page-title">brca_e2e_test01.HBOCUTV_v01</h1>')
    expect(analysisPage).toContain('1 • Interpretation')
    expect(render('/workflows/analyses/3/')).toContain('Loading analysis…')
    expect(render('/workflows/variants/GRCh37/13-32893435-G-T?gp_name=HBOCUTV&gp_version=v01&allele_id=12')).toContain('HBOCUTV_v01')
    expect(render('/workflows/variants/GRCh37/13-32893435-G')).toContain('Invalid variant address')
  })

  it('unknown paths and sections redirect without crashing', () => {
    expect(() => render('/no-such-page')).not.toThrow()
    expect(() => render('/overview/nonsense')).not.toThrow()
    expect(() => render('/overview/')).not.toThrow()
  })
})
