// Analyses tab (webui.md §4.2, §4.2.1).
import { useMemo, useState } from 'react'
import { useOverviewAnalyses, useOverviewAnalysesFinalized } from '../../api/queries'
import { useSession } from '../../app/session'
import { DATE_RANGES, EMPTY_FILTER, filterBoxes, isFilterActive, type AnalysisFilter, type DateRange } from '../../lib/analysisFilter'
import { ANALYSIS_BOXES, analysisBoxes } from '../../lib/overview'
import { isCollapsed } from '../../lib/storage'
import { Box } from '../../ui/Box'
import { TextField, Toggle } from '../../ui/controls'
import { Empty, ErrorPanel, Spinner } from '../../ui/Feedback'
import { Pager } from '../../ui/Pager'
import { AnalysisTable } from './lists'
import { overviewState, useOverviewState } from './overviewState'

function FilterBar({ filter, onChange }: { filter: AnalysisFilter; onChange: (f: AnalysisFilter) => void }) {
  const { config } = useSession()
  const prio = config.analysis?.priority?.display ?? {}
  const set = <K extends keyof AnalysisFilter>(k: K, v: AnalysisFilter[K]) => onChange({ ...filter, [k]: v })
  const active = isFilterActive(filter)
  return (
    <form className="filterbar" role="search" aria-label="Filter analyses" onSubmit={(e) => e.preventDefault()}>
      <TextField label="Analysis name" value={filter.analysisName} onChange={(v) => set('analysisName', v)} placeholder="name, * = wildcard" className="fb-text" />
      <TextField label="Comment text" value={filter.reviewComment} onChange={(v) => set('reviewComment', v)} className="fb-text" />
      <div className="field">
        <label className="field-label" htmlFor="fb-date">
          Date requested
        </label>
        <select id="fb-date" className="input" value={filter.dateRange ?? ''} onChange={(e) => set('dateRange', (e.target.value || null) as DateRange | null)}>
          <option value="">Any time</option>
          {DATE_RANGES.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field chips">
        <legend className="field-label">Technology</legend>
        <Toggle pressed={filter.technologyHTS} onChange={(v) => set('technologyHTS', v)}>
          HTS
        </Toggle>
        <Toggle pressed={filter.technologySanger} onChange={(v) => set('technologySanger', v)}>
          Sanger
        </Toggle>
      </fieldset>
      <fieldset className="field chips">
        <legend className="field-label">Priority</legend>
        <Toggle pressed={filter.priorityNormal} onChange={(v) => set('priorityNormal', v)}>
          {prio['1'] ?? 'Normal'}
        </Toggle>
        <Toggle pressed={filter.priorityHigh} onChange={(v) => set('priorityHigh', v)}>
          {prio['2'] ?? 'High'}
        </Toggle>
        <Toggle pressed={filter.priorityUrgent} onChange={(v) => set('priorityUrgent', v)}>
          {prio['3'] ?? 'Urgent'}
        </Toggle>
      </fieldset>
      <button type="button" className={`btn btn-sm${active ? ' btn-primary' : ''}`} disabled={!active} onClick={() => onChange(EMPTY_FILTER)}>
        Reset filter
      </button>
    </form>
  )
}

export function AnalysesTab() {
  const { user } = useSession()
  const persisted = useOverviewState()
  const overview = useOverviewAnalyses()
  const [page, setPage] = useState(1)
  const finalized = useOverviewAnalysesFinalized(page)
  const [filter, setFilter] = useState<AnalysisFilter>(EMPTY_FILTER)

  const boxes = useMemo(() => (overview.data ? analysisBoxes(overview.data, user.id) : null), [overview.data, user.id])
  const filtered = useMemo(() => (boxes ? filterBoxes(boxes, filter) : null), [boxes, filter])
  const toggle = (key: string) => (c: boolean) => overviewState.setCollapsed('analyses', key, c)

  return (
    <div className="tab-analyses">
      <FilterBar filter={filter} onChange={setFilter} />
      {overview.error && <ErrorPanel error={overview.error} onRetry={() => void overview.refetch()} />}
      {!filtered && !overview.error && <Spinner label="Loading analyses…" />}
      <div className="boxes">
        {filtered &&
          ANALYSIS_BOXES.filter((b) => b.key !== 'finished').map((b) => {
            const list = filtered[b.key as keyof typeof filtered]
            const collapsed = isCollapsed(persisted, 'analyses', b.key)
            return (
              <Box key={b.key} title={b.title} count={list.length} collapsed={collapsed} onToggle={toggle(b.key)} busy={overview.isFetching}>
                {list.length ? <AnalysisTable analyses={list} caption={b.title} /> : <Empty>{b.empty}</Empty>}
              </Box>
            )
          })}
        <Box
          title="Finalized"
          count={finalized.data?.totalCount}
          collapsed={isCollapsed(persisted, 'analyses', 'finished')}
          onToggle={toggle('finished')}
          busy={finalized.isFetching}
          controls={
            finalized.data && (
              <Pager page={page} totalPages={finalized.data.totalPages} onChange={setPage} size={5} label="Finalized analyses pages" disabled={finalized.isPlaceholderData} />
            )
          }
        >
          {finalized.error ? (
            <ErrorPanel error={finalized.error} onRetry={() => void finalized.refetch()} compact />
          ) : !finalized.data ? (
            <Spinner label="Loading finalized analyses…" />
          ) : finalized.data.items.length ? (
            <AnalysisTable analyses={finalized.data.items} caption="Finalized analyses" />
          ) : (
            <Empty>No finalized analysis</Empty>
          )}
        </Box>
      </div>
    </div>
  )
}
