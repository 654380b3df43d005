// Work-list tables shared by the overview boxes, search results and the "show analyses" modal.
import { Link } from 'react-router'
import type { Allele, AlleleOverview, InterpretationOverview, OverviewAnalysis } from '../../api/types'
import { useSession } from '../../app/session'
import { alleleDisplayName, classificationTag, formatDate, formatRound, priorityLabel, shouldShowRounds } from '../../lib/format'
import { analysisLink, variantLink } from '../../lib/links'
import { analysisDate, hasActiveWarning, probandSampleTags } from '../../lib/overview'
import { CopyButton } from '../../ui/CopyText'
import { DataTable, type Column } from '../../ui/DataTable'
import { Tag } from '../../ui/Tag'

export function Rounds({ interpretations, always }: { interpretations: InterpretationOverview[]; always?: boolean }) {
  if (!always && !shouldShowRounds(interpretations)) return null
  return (
    <ol className="rounds">
      {interpretations.map((i, idx) => (
        <li key={i.id} className={i.status === 'Ongoing' ? 'is-ongoing' : i.finalized ? 'is-finalized' : undefined}>
          {formatRound(idx, i)}
        </li>
      ))}
    </ol>
  )
}

function PriorityTag({ priority }: { priority: number | undefined }) {
  const { config } = useSession()
  const label = priorityLabel(priority, config.analysis?.priority?.display)
  if (!label) return null
  return <Tag tone={(priority ?? 1) >= 3 ? 'danger' : 'warning'}>{label}</Tag>
}

function ClassTag({ allele }: { allele: Allele }) {
  const text = classificationTag(allele)
  return <Tag tone={text === 'NEW' ? 'info' : 'accent'}>{text}</Tag>
}

function priorityRowClass(p: number | undefined): string | undefined {
  if (!p || p <= 1) return undefined
  return p >= 3 ? 'prio-urgent' : 'prio-high'
}

export function AnalysisTable({ analyses, newTab, caption }: { analyses: readonly OverviewAnalysis[]; newTab?: boolean; caption?: string }) {
  const columns: Column<OverviewAnalysis>[] = [
    {
      key: 'date',
      header: 'Date',
      width: '6.5rem',
      className: 'nowrap num',
      render: (a) => <time dateTime={analysisDate(a)}>{formatDate(analysisDate(a))}</time>,
    },
    { key: 'prio', header: 'Priority', width: '5.5rem', render: (a) => <PriorityTag priority={a.priority} /> },
    {
      key: 'name',
      header: 'Analysis',
      render: (a) => (
        <div className="cell-main">
          <Link to={analysisLink(a.id)} className="row-link" title={a.name} {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}>
            {a.name}
          </Link>
          <CopyButton text={a.name} what={`"${a.name}"`} />
          {hasActiveWarning(a) && (
            <Tag tone="danger" title={a.warnings ?? undefined}>
              Warning
            </Tag>
          )}
          {probandSampleTags(a).map((t, i) => (
            <Tag key={i}>{t}</Tag>
          ))}
          {hasActiveWarning(a) && <span className="sr-only">Warning: {a.warnings}</span>}
        </div>
      ),
    },
    { key: 'comment', header: 'Comment', render: (a) => (a.review_comment ? <span className="comment">{a.review_comment}</span> : null) },
    { key: 'rounds', header: 'Rounds', width: '34%', render: (a) => <Rounds interpretations={a.interpretations} /> },
  ]
  return (
    <DataTable
      columns={columns}
      rows={analyses}
      rowKey={(a) => a.id}
      rowHref={(a) => analysisLink(a.id)}
      rowClassName={(a) => priorityRowClass(a.priority)}
      {...(newTab ? { newTab } : {})}
      {...(caption ? { caption } : {})}
    />
  )
}

export function VariantTable({ items, caption }: { items: readonly AlleleOverview[]; caption?: string }) {
  const columns: Column<AlleleOverview>[] = [
    {
      key: 'date',
      header: 'Date',
      width: '6.5rem',
      className: 'nowrap num',
      render: (v) => <time dateTime={v.date_created}>{formatDate(v.date_created)}</time>,
    },
    { key: 'prio', header: 'Priority', width: '5.5rem', render: (v) => <PriorityTag priority={v.priority} /> },
    {
      key: 'variant',
      header: 'Variant',
      render: (v) => {
        const name = alleleDisplayName(v.allele)
        return (
          <div className="cell-main">
            <Link to={variantLink(v.allele, v.genepanel)} className="row-link mono-ish" title={name}>
              {name}
            </Link>
            <CopyButton text={name} what={`"${name}"`} />
            <ClassTag allele={v.allele} />
          </div>
        )
      },
    },
    { key: 'gp', header: 'Gene panel', width: '9rem', className: 'nowrap', render: (v) => `${v.genepanel.name}_${v.genepanel.version}` },
    { key: 'comment', header: 'Comment', render: (v) => (v.review_comment ? <span className="comment">{v.review_comment}</span> : null) },
    { key: 'rounds', header: 'Rounds', width: '30%', render: (v) => <Rounds interpretations={v.interpretations} /> },
  ]
  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(v) => `${v.genepanel.name}_${v.genepanel.version}_${v.allele.id}`}
      rowHref={(v) => variantLink(v.allele, v.genepanel)}
      rowClassName={(v) => priorityRowClass(v.priority)}
      {...(caption ? { caption } : {})}
    />
  )
}

export { ClassTag }
