// Search box above every overview tab (webui.md §4.4).
import { useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { SEARCH_LIMIT } from '../../api/endpoints'
import { useSearch, useSearchOptions } from '../../api/queries'
import type { Allele, GeneOption, SearchAlleleHit, SearchType, UserOption } from '../../api/types'
import { useDebouncedValue, useShortcut } from '../../app/hooks'
import { alleleDisplayName } from '../../lib/format'
import { variantLink } from '../../lib/links'
import { EMPTY_SEARCH, isSearchReady, needsGeneWarning, resultSummary, toSearchQuery, type SearchForm } from '../../lib/search'
import { Box } from '../../ui/Box'
import { Combobox } from '../../ui/Combobox'
import { Segmented, TextField } from '../../ui/controls'
import { CopyButton } from '../../ui/CopyText'
import { DataTable, type Column } from '../../ui/DataTable'
import { Empty, ErrorPanel, Spinner } from '../../ui/Feedback'
import { Pager } from '../../ui/Pager'
import { AnalysisTable, ClassTag, Rounds } from './lists'
import { ShowAnalysesModal } from './ShowAnalysesModal'

const OPTION_DEBOUNCE_MS = 250
const SEARCH_DEBOUNCE_MS = 500

function AlleleResults({ hits, onShowAnalyses }: { hits: SearchAlleleHit[]; onShowAnalyses: (a: Allele) => void }) {
  const columns: Column<SearchAlleleHit>[] = [
    {
      key: 'variant',
      header: 'Variant',
      render: (h) => {
        const name = alleleDisplayName(h.allele)
        return (
          <div className="cell-main">
            {/* no gene panel: the workflow offers a choice (webui.md §4.4) */}
            <Link to={variantLink(h.allele)} className="row-link" title={name}>
              {name}
            </Link>
            <CopyButton text={name} what={`"${name}"`} />
            <ClassTag allele={h.allele} />
          </div>
        )
      },
    },
    { key: 'rounds', header: 'Rounds', width: '34%', render: (h) => <Rounds interpretations={h.interpretations} always /> },
    {
      key: 'actions',
      header: 'Actions',
      srHeader: true,
      width: '9rem',
      className: 'right',
      render: (h) => (
        <button type="button" className="btn btn-sm" onClick={() => onShowAnalyses(h.allele)}>
          Show analyses
        </button>
      ),
    },
  ]
  return <DataTable columns={columns} rows={hits} rowKey={(h) => h.allele.id} rowHref={(h) => variantLink(h.allele)} caption="Variant search results" />
}

export function SearchBox() {
  const [collapsed, setCollapsed] = useState(true)
  const [form, setForm] = useState<SearchForm>(EMPTY_SEARCH)
  const [page, setPage] = useState(1)
  const [geneTerm, setGeneTerm] = useState('')
  const [userTerm, setUserTerm] = useState('')
  const [showAnalysesFor, setShowAnalysesFor] = useState<Allele | null>(null)
  const freeRef = useRef<HTMLInputElement>(null)

  const geneOptions = useSearchOptions('gene', useDebouncedValue(geneTerm, OPTION_DEBOUNCE_MS))
  const userOptions = useSearchOptions('user', useDebouncedValue(userTerm, OPTION_DEBOUNCE_MS))

  const debouncedForm = useDebouncedValue(form, SEARCH_DEBOUNCE_MS)
  const query = useMemo(() => (isSearchReady(debouncedForm) ? toSearchQuery(debouncedForm) : null), [debouncedForm])
  const results = useSearch(query, page)

  const update = (patch: Partial<SearchForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    setPage(1)
  }

  useShortcut('/', () => {
    setCollapsed(false)
    setTimeout(() => freeRef.current?.focus(), 0)
  })

  const data = query ? results.data : undefined
  const total = data?.totalCount ?? 0
  const stale = form !== debouncedForm && isSearchReady(form)

  return (
    <>
      <Box title="Search" collapsed={collapsed} onToggle={setCollapsed} tone="accent" className="searchbox" busy={results.isFetching}>
        <form className="search-form" role="search" aria-label="Search variants and analyses" onSubmit={(e) => e.preventDefault()}>
          <Segmented<SearchType>
            label="Type"
            value={form.type}
            onChange={(type) => update({ type })}
            options={[
              { value: 'alleles', label: 'Variants' },
              { value: 'analyses', label: 'Analyses' },
            ]}
          />
          <TextField
            label={form.type === 'alleles' ? 'HGVSc / genomic' : 'Analysis name'}
            value={form.freetext}
            onChange={(freetext) => update({ freetext })}
            placeholder={form.type === 'alleles' ? 'c.123A>G or 13:100-300' : ''}
            inputRef={freeRef}
            spellCheck={false}
            autoComplete="off"
            className="search-free"
            hint={needsGeneWarning(form) ? <span className="warn-text">Gene is required when searching using HGVS.</span> : undefined}
          />
          {form.type === 'alleles' && (
            <Combobox<GeneOption>
              label="Gene"
              value={form.gene}
              onChange={(gene) => update({ gene })}
              onInputChange={setGeneTerm}
              options={geneOptions.data?.gene ?? []}
              loading={geneOptions.isFetching}
              getLabel={(g) => g.symbol}
              getKey={(g) => String(g.hgnc_id)}
              placeholder="Search gene"
            />
          )}
          <Combobox<UserOption>
            label="User"
            value={form.user}
            onChange={(user) => update({ user })}
            onInputChange={setUserTerm}
            options={userOptions.data?.user ?? []}
            loading={userOptions.isFetching}
            getLabel={(u) => `${u.first_name} ${u.last_name}`}
            getKey={(u) => u.username}
            placeholder="Search user"
          />
        </form>

        <div className="search-results" aria-live="polite" aria-busy={results.isFetching || stale}>
          {query && results.error && <ErrorPanel error={results.error} onRetry={() => void results.refetch()} compact />}
          {query && !data && !results.error && <Spinner label="Searching…" />}
          {data && (
            <>
              <div className="search-results-head">
                <h3 className="sub-heading">{resultSummary(query?.type ?? form.type, total, SEARCH_LIMIT)}</h3>
                <Pager page={page} totalPages={data.totalPages} onChange={setPage} size={3} label="Search result pages" disabled={results.isFetching} />
              </div>
              {data.items.alleles.length > 0 && <AlleleResults hits={data.items.alleles} onShowAnalyses={setShowAnalysesFor} />}
              {data.items.analyses.length > 0 && <AnalysisTable analyses={data.items.analyses} caption="Analysis search results" />}
              {!data.items.alleles.length && !data.items.analyses.length && <Empty>No results</Empty>}
            </>
          )}
        </div>
      </Box>
      <ShowAnalysesModal allele={showAnalysesFor} onClose={() => setShowAnalysesFor(null)} />
    </>
  )
}
